"""The demo's Suchbegriffe: what people type, and what the pages call it, per language.

(term, means): the search replaces the whole words of ``term`` in a query by ``means``.

German entries apply in every language. Their "means" are therefore, wherever possible,
German names that every language's pages contain: the translated offers keep them in
brackets ("Wohngeld", "Kinderzuschlag", "Grundsicherungsgeld", "Bildung und Teilhabe",
"Tafel", "Schuldner- und Insolvenzberatung"), and the offers that have no translation show
their German page in every language ("Kindergeld", "Elterngeld", "Unterhaltsvorschuss",
"Klassenfahrten", "Nachhilfe", "Kleiderkammer" …). Only "Schulsachen" and "Mittagessen"
exist in the German pages alone; their terms ("Schulbedarf", "Schulessen") are German words
that hardly anyone types on another language's site, where they would find nothing either way.

The other languages' "means" are the words of their own offer title where the offer is
translated ("пособие на жильё", "بدل السكن", "dodatek mieszkaniowy" …), and the German title
word where the offer is shown in German in that language ("Nachhilfe", "Klassenfahrten" …).
The English glosses in the comments are for reviewers only.
"""

SEARCH_SYNONYMS = {
    "de": [
        # Grundsicherungsgeld: the old names, their abbreviations and everyday words
        ("Hartz IV", "Grundsicherungsgeld"),
        ("Hartz 4", "Grundsicherungsgeld"),
        ("Hartz", "Grundsicherungsgeld"),
        ("Bürgergeld", "Grundsicherungsgeld"),
        ("Buergergeld", "Grundsicherungsgeld"),
        ("ALG II", "Grundsicherungsgeld"),
        ("ALG 2", "Grundsicherungsgeld"),
        ("Arbeitslosengeld II", "Grundsicherungsgeld"),
        ("Stütze", "Grundsicherungsgeld"),
        ("Arbeitsamt", "Jobcenter"),
        # Bildung und Teilhabe
        ("BuT", "Bildung und Teilhabe"),
        ("Bildungspaket", "Bildung und Teilhabe"),
        ("Schulbedarf", "Schulsachen"),
        ("Schulmaterial", "Schulsachen"),
        ("Schulessen", "Mittagessen"),
        ("Klassenausflug", "Klassenfahrten"),
        ("Schulausflug", "Klassenfahrten"),
        ("Nachhilfeunterricht", "Nachhilfe"),
        # Kinderzuschlag (also frees from Kita fees, § 90 Abs. 4 SGB VIII), Elterngeld,
        # Unterhaltsvorschuss
        ("KiZ", "Kinderzuschlag"),
        ("Kindergeldzuschlag", "Kinderzuschlag"),
        ("Kinderzuschuss", "Kinderzuschlag"),
        ("Kita-Gebühren", "Kinderzuschlag"),
        ("Erziehungsgeld", "Elterngeld"),
        ("Elternzeit", "Elterngeld"),
        ("UVG", "Unterhaltsvorschuss"),
        ("Kindesunterhalt", "Unterhaltsvorschuss"),
        # Wohngeld
        ("Miete", "Wohngeld"),
        ("Mietzuschuss", "Wohngeld"),
        # Schulden
        ("Schulden", "Schuldner- und Insolvenzberatung"),
        ("Schuldnerberatung", "Schuldner- und Insolvenzberatung"),
        ("Privatinsolvenz", "Schuldner- und Insolvenzberatung"),
        ("Pfändung", "Schuldner- und Insolvenzberatung"),
        ("Inkasso", "Schuldner- und Insolvenzberatung"),
        ("Mahnung", "Schuldner- und Insolvenzberatung"),
        # Essen, Kleidung, Familie, Ferien, Sprache
        ("Essen", "Tafel"),
        ("Klamotten", "Kleiderkammer"),
        ("Hebamme", "Frühe Hilfen"),
        ("Ferienlager", "Ferienfreizeit"),
        ("Übersetzer", "Dolmetscher"),
        ("Erziehungsberatung", "Erziehungs- und Familienberatung"),
    ],
    "en": [
        ("child benefit", "Kindergeld"),
        ("child allowance", "Kindergeld"),
        ("supplementary child benefit", "child supplement"),
        ("citizen's income", "basic income support"),
        ("citizens income", "basic income support"),
        ("jobseeker's allowance", "basic income support"),
        ("dole", "basic income support"),
        ("rent", "housing benefit"),
        ("housing allowance", "housing benefit"),
        ("debt counselling", "debt and insolvency advice"),
        ("bailiff", "debt and insolvency advice"),
        ("bankruptcy", "debt and insolvency advice"),
        ("groceries", "food bank"),
        ("school trip", "Klassenfahrten"),
        ("tutoring", "Nachhilfe"),
        ("homework", "Hausaufgabenhilfe"),
        ("school meals", "lunch"),
        ("free school meals", "lunch"),
        ("stationery", "school supplies"),
        ("parental allowance", "Elterngeld"),
        ("parental leave", "Elterngeld"),
        ("child maintenance", "Unterhaltsvorschuss"),
        ("child support", "Unterhaltsvorschuss"),
        ("pregnant", "Schwangerschaftsberatung"),
        ("pregnancy", "Schwangerschaftsberatung"),
        ("midwife", "Frühe Hilfen"),
        ("clothes", "Kleiderkammer"),
        ("translator", "Dolmetscher"),
        ("summer camp", "Ferienfreizeit"),
        ("sports club", "Sportverein"),
    ],
    "ar": [
        ("كيندرغيلد", "Kindergeld"),  # "Kindergeld", as Syrians and Iraqis write it
        ("كيندر غيلد", "Kindergeld"),
        ("الكيندرغيلد", "Kindergeld"),  # with the article
        ("مخصصات الأطفال", "Kindergeld"),  # children's allowance
        ("بورغرغيلد", "الضمان الأساسي"),  # "Bürgergeld" -> basic income support
        ("بورغر غيلد", "الضمان الأساسي"),
        ("السوسيال", "الضمان الأساسي"),  # "the Sozial", everyday word for the benefits
        ("سوسيال", "الضمان الأساسي"),
        ("الجوب سنتر", "Jobcenter"),  # "the Jobcenter"
        ("جوب سنتر", "Jobcenter"),
        ("أجار", "بدل السكن"),  # rent, Levantine (the pages say الإيجار) -> housing benefit
        ("آجار البيت", "بدل السكن"),  # the rent of the flat
        ("انكاسو", "استشارات الديون والإفلاس"),  # "Inkasso" -> debt and insolvency advice
        ("قروض", "استشارات الديون والإفلاس"),  # loans
        ("تافل", "بنك الطعام"),  # "Tafel" -> food bank
        ("التافل", "بنك الطعام"),
        ("أكل", "بنك الطعام"),  # food, everyday word (the pages say طعام)
        ("رحلة مدرسية", "Klassenfahrten"),  # school trip
        ("رحلة المدرسة", "Klassenfahrten"),
        ("دروس خصوصية", "Nachhilfe"),  # private lessons, tutoring
        ("دروس تقوية", "Nachhilfe"),  # support lessons
        ("قرطاسية", "لأدوات المدرسة"),  # stationery -> (money) for school supplies
        ("ملابس", "Kleiderkammer"),  # clothes
        ("تياب", "Kleiderkammer"),  # clothes, Levantine spelling
        ("حامل", "Schwangerschaftsberatung"),  # pregnant
        ("نفقة", "Unterhaltsvorschuss"),  # maintenance for the child
        ("لم الشمل", "استشارات الهجرة"),  # family reunification -> migration advice
        ("مترجم", "Dolmetscher"),  # interpreter
        ("مخيم صيفي", "Ferienfreizeit"),  # summer camp
        ("نادي رياضي", "Sportverein"),  # sports club
    ],
    "uk": [
        ("кіндергельд", "Kindergeld"),  # "Kindergeld"
        ("дитячі гроші", "Kindergeld"),  # "children's money"
        ("кіндерцушлаг", "доплата на дітей"),  # "Kinderzuschlag"
        ("вонгельд", "допомога на житло"),  # "Wohngeld" -> housing benefit
        ("квартплата", "допомога на житло"),  # rent for the flat
        ("бюргергельд", "базове забезпечення"),  # "Bürgergeld" -> basic income support
        ("соціал", "базове забезпечення"),  # "the Sozial", everyday word for the benefits
        ("соціалка", "базове забезпечення"),
        ("джобцентр", "Jobcenter"),
        ("йобцентр", "Jobcenter"),  # as it is pronounced in German
        ("колектори", "консультації з питань боргів і банкрутства"),  # debt collectors
        ("заборгованість", "консультації з питань боргів і банкрутства"),  # indebtedness
        ("тафель", "продуктового банку"),  # "Tafel" -> food bank
        ("їжа", "продуктового банку"),  # food
        ("шкільна екскурсія", "Klassenfahrten"),  # school excursion
        ("шкільна поїздка", "Klassenfahrten"),  # school trip
        ("репетитор", "Nachhilfe"),  # tutor
        ("харчування", "обід"),  # meals -> lunch
        ("канцтовари", "шкільне приладдя"),  # stationery -> school supplies
        ("одяг", "Kleiderkammer"),  # clothes
        ("вагітність", "Schwangerschaftsberatung"),  # pregnancy
        ("декретні", "Elterngeld"),  # maternity-leave money
        ("аліменти", "Unterhaltsvorschuss"),  # child maintenance
        ("табір", "Ferienfreizeit"),  # camp
        ("секція", "Sportverein"),  # sports section (club)
        ("посвідка", "Migrationsberatung"),  # residence permit
        ("параграф 24", "Migrationsberatung"),  # § 24 AufenthG, protection for Ukrainians
    ],
    "fa": [
        ("کیندرگلد", "Kindergeld"),  # "Kindergeld"
        ("کیندر گلد", "Kindergeld"),
        ("پول اولاد", "Kindergeld"),  # children's money (Dari)
        ("سوسیال", "تأمین معاش پایه"),  # "the Sozial" -> basic income support
        ("بورگرگلد", "تأمین معاش پایه"),  # "Bürgergeld"
        ("جاب سنتر", "Jobcenter"),
        ("جاب‌سنتر", "Jobcenter"),
        ("کرایه", "کمک‌هزینهٔ مسکن"),  # rent (Dari; the pages say اجاره) -> housing benefit
        ("کرایه خانه", "کمک‌هزینهٔ مسکن"),  # rent of the house
        ("قرض", "بدهی"),  # debt (Dari) -> debt (the title's word)
        ("قرضدار", "بدهی"),  # in debt (Dari)
        ("خوراک", "بانک غذا"),  # food (Dari) -> food bank
        ("تافل", "بانک غذا"),  # "Tafel"
        ("مکتب", "مدرسه"),  # school (Dari) -> school
        ("کتابچه", "وسایل مدرسه"),  # exercise book (Dari) -> school supplies
        ("کودکستان", "مهدکودک"),  # kindergarten (Dari) -> day care
        ("گردش علمی", "Klassenfahrten"),  # school excursion
        ("سفر مکتب", "Klassenfahrten"),  # school trip (Dari)
        ("کلاس تقویتی", "Nachhilfe"),  # support class, tutoring
        ("تدریس خصوصی", "Nachhilfe"),  # private tutoring
        ("لباس", "Kleiderkammer"),  # clothes
        ("حامله", "Schwangerschaftsberatung"),  # pregnant
        ("بارداری", "Schwangerschaftsberatung"),  # pregnancy
        ("نفقه", "Unterhaltsvorschuss"),  # maintenance
        ("ترجمان", "Dolmetscher"),  # interpreter (Dari)
        ("ویزه", "مشاورهٔ مهاجرت"),  # visa (Dari) -> migration advice
        ("باشگاه ورزشی", "Sportverein"),  # sports club
    ],
    "ru": [
        ("киндергельд", "Kindergeld"),  # "Kindergeld"
        ("детские деньги", "Kindergeld"),  # "children's money"
        ("детское пособие", "Kindergeld"),  # child benefit
        ("киндерцушлаг", "доплата на детей"),  # "Kinderzuschlag"
        ("вонгельд", "пособие на жильё"),  # "Wohngeld" -> housing benefit
        ("квартплата", "пособие на жильё"),  # rent for the flat
        ("жилищное пособие", "пособие на жильё"),  # housing allowance
        ("бюргергельд", "базовое пособие"),  # "Bürgergeld" -> basic benefit
        ("социал", "базовое пособие"),  # "the Sozial" ("сидеть на социале")
        ("социалка", "базовое пособие"),
        ("харц", "базовое пособие"),  # "Hartz"
        ("харц 4", "базовое пособие"),
        ("джобцентр", "Jobcenter"),
        ("йобцентр", "Jobcenter"),  # as it is pronounced in German
        ("коллекторы", "консультация по долгам и банкротству"),  # debt collectors
        ("инкассо", "консультация по долгам и банкротству"),  # "Inkasso"
        ("тафель", "продуктового банка"),  # "Tafel" -> food bank
        ("еда", "продуктового банка"),  # food
        ("школьная экскурсия", "Klassenfahrten"),  # school excursion
        ("школьная поездка", "Klassenfahrten"),  # school trip
        ("репетитор", "Nachhilfe"),  # tutor
        ("школьное питание", "обед"),  # school meals -> lunch
        ("канцтовары", "школьные принадлежности"),  # stationery -> school supplies
        ("одежда", "Kleiderkammer"),  # clothes
        ("беременность", "Schwangerschaftsberatung"),  # pregnancy
        ("декретные", "Elterngeld"),  # maternity-leave money
        ("алименты", "Unterhaltsvorschuss"),  # child maintenance
        ("лагерь", "Ferienfreizeit"),  # (summer) camp
        ("секция", "Sportverein"),  # sports section (club)
        ("внж", "Migrationsberatung"),  # residence permit (abbreviation)
    ],
    "pl": [
        ("800 plus", "Kindergeld"),  # the Polish child benefit
        ("zasiłek na dzieci", "Kindergeld"),
        ("zasiłek rodzinny", "Kindergeld"),
        ("zasilek rodzinny", "Kindergeld"),  # typed without Polish letters
        ("socjal", "podstawowe świadczenie socjalne"),  # "the Sozial"
        ("zasiłek socjalny", "podstawowe świadczenie socjalne"),
        ("pośredniak", "Jobcenter"),  # slang for the employment office
        ("mieszkaniowe", "dodatek mieszkaniowy"),  # short for housing benefit
        ("dodatek do czynszu", "dodatek mieszkaniowy"),  # rent supplement
        ("długi", "Schuldner- und Insolvenzberatung"),  # debts
        ("komornik", "Schuldner- und Insolvenzberatung"),  # bailiff
        ("windykacja", "Schuldner- und Insolvenzberatung"),  # debt collection
        ("chwilówki", "Schuldner- und Insolvenzberatung"),  # payday loans
        ("upadłość konsumencka", "Schuldner- und Insolvenzberatung"),  # personal bankruptcy
        ("jedzenie", "banku żywności"),  # food -> food bank
        ("paczki żywnościowe", "banku żywności"),  # food parcels
        ("wycieczka szkolna", "Klassenfahrten"),  # school trip
        ("zielona szkoła", "Klassenfahrten"),  # class trip to the countryside
        ("korepetycje", "Nachhilfe"),  # tutoring
        ("stołówka", "obiad"),  # canteen -> lunch
        ("wyprawka", "przybory szkolne"),  # school starter kit -> school supplies
        ("ubrania", "Kleiderkammer"),  # clothes
        ("ciuchy", "Kleiderkammer"),  # clothes, colloquial
        ("ciąża", "Schwangerschaftsberatung"),  # pregnancy
        ("becikowe", "Erstausstattung"),  # Polish birth grant -> baby's first equipment
        ("alimenty", "Unterhaltsvorschuss"),  # child maintenance
        ("fundusz alimentacyjny", "Unterhaltsvorschuss"),  # Polish maintenance fund
        ("macierzyński", "Elterngeld"),  # maternity (leave, allowance)
        ("kolonie", "Ferienfreizeit"),  # summer camp for children
        ("klub sportowy", "Sportverein"),  # sports club
    ],
    "ro": [
        ("alocatie", "Kindergeld"),  # child allowance, typed without diacritics
        ("alocație", "Kindergeld"),
        ("alocatia", "Kindergeld"),
        ("ajutor social", "Grundsicherungsgeld"),  # Romania's means-tested minimum income
        ("venit minim garantat", "Grundsicherungsgeld"),  # guaranteed minimum income
        ("ajutor chirie", "ajutor pentru locuință"),  # rent help -> housing benefit
        ("chirie", "ajutor pentru locuință"),  # rent
        ("executor", "Schuldner- und Insolvenzberatung"),  # bailiff
        ("executare silita", "Schuldner- und Insolvenzberatung"),  # enforcement
        ("faliment", "Schuldner- und Insolvenzberatung"),  # bankruptcy
        ("mancare", "banca de alimente"),  # food, without diacritics -> food bank
        ("mâncare", "banca de alimente"),
        ("excursie cu clasa", "Klassenfahrten"),  # trip with the class
        ("excursie scolara", "Klassenfahrten"),  # school trip
        ("meditatii", "Nachhilfe"),  # private tutoring, without diacritics
        ("meditații", "Nachhilfe"),
        ("pranz", "prânzul"),  # lunch, without diacritics
        ("haine", "Kleiderkammer"),  # clothes
        ("gravida", "Schwangerschaftsberatung"),  # pregnant, without diacritics
        ("gravidă", "Schwangerschaftsberatung"),
        ("pensie alimentara", "Unterhaltsvorschuss"),  # child maintenance
        ("pensie alimentară", "Unterhaltsvorschuss"),
        ("indemnizatie de crestere", "Elterngeld"),  # child-raising allowance
        ("indemnizație de creștere", "Elterngeld"),
        ("tabara", "Ferienfreizeit"),  # camp, without diacritics
        ("tabără", "Ferienfreizeit"),
        ("club sportiv", "Sportverein"),  # sports club
        ("traducator", "Dolmetscher"),  # translator, without diacritics
        ("traducător", "Dolmetscher"),
    ],
}
