"""Searches as visitors type them, in every shipped language, on the demo content: the
offer that explains what they mean comes first (docs/architecture.md, "Search").

The rows were written from how people talk (everyday names, old names, abbreviations,
prefixes, words for the need), each with the slug of the offer that must be the first
result; the demo ships the Suchbegriffe that carry the colloquial ones (buero.demo_synonyms).
A comment says whether a row works through a Suchbegriff or through the page text alone.
The demo is built here; the rows run on SQLite and, in CI's second leg, on PostgreSQL.
"""

import re
from collections import Counter

import pytest
from django.core.management import call_command

from angebote.models import OfferPage

pytestmark = pytest.mark.django_db

ROWS = [
    # German
    ("de", "Hartz IV", "buergergeld"),  # [synonym] old name
    ("de", "Bürgergeld", "buergergeld"),  # [text] old name, in the title in brackets
    ("de", "Grundsicherungsgeld", "buergergeld"),  # [text] official name
    ("de", "KiZ", "kinderzuschlag"),  # [text] abbreviation ("KiZ-Lotse" on the page)
    ("de", "Kinderzu", "kinderzuschlag"),  # [text] prefix
    ("de", "BuT", "but-schulbedarf"),  # [synonym] abbreviation
    ("de", "Miete", "wohngeld"),  # [text] need word
    ("de", "Wohngeld", "wohngeld"),  # [text] official name
    ("de", "Schulden", "schuldnerberatung"),  # [synonym] need word (text alone: the course)
    ("de", "Essen", "tafel"),  # [synonym] need word
    ("de", "Klassenfahrt", "but-klassenfahrten"),  # [text] need word
    ("de", "Klassenausflug", "but-klassenfahrten"),  # [synonym] everyday word
    ("de", "Nachhilfe", "but-lernfoerderung"),  # [text] need word
    ("de", "Unterhaltsvorschuss", "unterhaltsvorschuss"),  # [text] official name
    ("de", "UVG", "unterhaltsvorschuss"),  # [synonym] abbreviation
    ("de", "Elternzeit", "elterngeld"),  # [synonym] need word
    ("de", "Kita-Gebühren", "kinderzuschlag"),  # [synonym] need word
    ("de", "Schulranzen", "but-schulbedarf"),  # [text] need word
    ("de", "Kleidung", "kleiderkammer"),  # [text] need word
    ("de", "Lebensmittel", "tafel"),  # [text] need word
    ("de", "Kindergeld", "kindergeld"),  # [text] official name
    # English
    ("en", "child benefit", "kindergeld"),  # [synonym] English name
    ("en", "Kindergeld", "kindergeld"),  # [text] official (German) name
    ("en", "child supplement", "kinderzuschlag"),  # [text] official English name
    ("en", "KiZ", "kinderzuschlag"),  # [text] abbreviation
    ("en", "insolv", "schuldnerberatung"),  # [text] prefix of "insolvency"
    ("en", "rent", "wohngeld"),  # [text] need word
    ("en", "housing benefit", "wohngeld"),  # [text] official English name
    ("en", "Hartz IV", "buergergeld"),  # [synonym] old name (German list)
    ("en", "citizen's income", "buergergeld"),  # [synonym] English name of Bürgergeld
    ("en", "debts", "schuldnerberatung"),  # [text] need word
    ("en", "bailiff", "schuldnerberatung"),  # [synonym] need word
    ("en", "food bank", "tafel"),  # [text] official English name
    ("en", "school trip", "but-klassenfahrten"),  # [synonym] need word
    ("en", "tutoring", "but-lernfoerderung"),  # [synonym] need word (text alone: youth page)
    ("en", "lunch", "but-mittagessen"),  # [text] need word
    ("en", "BuT", "but-schulbedarf"),  # [synonym] abbreviation (German list)
    # Arabic
    ("ar", "كيندرغيلد", "kindergeld"),  # [synonym] "Kindergeld" in Arabic letters
    ("ar", "Kindergeld", "kindergeld"),  # [text] official (German) name
    ("ar", "علاوة الأطفال", "kinderzuschlag"),  # [text] official Arabic name
    ("ar", "بدل السكن", "wohngeld"),  # [text] official Arabic name (housing benefit)
    ("ar", "أجار", "wohngeld"),  # [synonym] rent, Levantine
    ("ar", "الإيجار", "wohngeld"),  # [text] the rent
    ("ar", "السوسيال", "buergergeld"),  # [synonym] colloquial
    ("ar", "الضمان الأساسي", "buergergeld"),  # [text] official Arabic name
    ("ar", "ديون", "schuldnerberatung"),  # [text] debts
    ("ar", "بنك الطعام", "tafel"),  # [text] food bank
    ("ar", "رحلة مدرسية", "but-klassenfahrten"),  # [synonym] school trip
    ("ar", "دروس خصوصية", "but-lernfoerderung"),  # [synonym] tutoring
    ("ar", "BuT", "but-schulbedarf"),  # [synonym] abbreviation (German list)
    ("ar", "علاو", "kinderzuschlag"),  # [text] prefix of علاوة (allowance)
    ("ar", "الإفلاس", "schuldnerberatung"),  # [text] the insolvency
    # Persian
    ("fa", "کیندرگلد", "kindergeld"),  # [synonym] "Kindergeld" in Persian letters
    ("fa", "کرایه", "wohngeld"),  # [synonym] rent (Dari)
    ("fa", "اجاره", "wohngeld"),  # [text] rent
    ("fa", "کمک‌هزینهٔ مسکن", "wohngeld"),  # [text] official Persian name
    ("fa", "سوسیال", "buergergeld"),  # [synonym] colloquial
    ("fa", "تأمین معاش پایه", "buergergeld"),  # [text] official Persian name
    ("fa", "قرض", "schuldnerberatung"),  # [synonym] debt (Dari)
    ("fa", "بدهی", "schuldnerberatung"),  # [text] debt
    ("fa", "بانک غذا", "tafel"),  # [text] food bank
    ("fa", "کلاس تقویتی", "but-lernfoerderung"),  # [synonym] tutoring (text alone: youth page)
    ("fa", "Kinderzuschlag", "kinderzuschlag"),  # [text] official (German) name
    ("fa", "KiZ", "kinderzuschlag"),  # [text] abbreviation
    ("fa", "ورشکست", "schuldnerberatung"),  # [text] prefix of ورشکستگی (insolvency)
    # Russian
    ("ru", "киндергельд", "kindergeld"),  # [synonym] "Kindergeld" in Cyrillic
    ("ru", "социал", "buergergeld"),  # [synonym] colloquial
    ("ru", "харц 4", "buergergeld"),  # [synonym] old name
    ("ru", "базовое пособие", "buergergeld"),  # [text] official Russian name
    ("ru", "пособие на жильё", "wohngeld"),  # [text] official Russian name
    ("ru", "аренда", "wohngeld"),  # [text] rent
    ("ru", "квартплата", "wohngeld"),  # [synonym] rent for the flat
    ("ru", "долги", "schuldnerberatung"),  # [text] debts
    ("ru", "коллекторы", "schuldnerberatung"),  # [synonym] debt collectors
    ("ru", "продукты", "tafel"),  # [text] groceries
    ("ru", "репетитор", "but-lernfoerderung"),  # [synonym] tutor
    ("ru", "доплата на детей", "kinderzuschlag"),  # [text] official Russian name
    ("ru", "банкрот", "schuldnerberatung"),  # [text] prefix of банкротство (bankruptcy)
    ("ru", "алименты", "unterhaltsvorschuss"),  # [synonym] child maintenance
    ("ru", "ВНЖ", "migrationsberatung"),  # [synonym] abbreviation (residence permit)
    # Ukrainian
    ("uk", "кіндергельд", "kindergeld"),  # [synonym] "Kindergeld" in Cyrillic
    ("uk", "соціал", "buergergeld"),  # [synonym] colloquial
    ("uk", "базове забезпечення", "buergergeld"),  # [text] official Ukrainian name
    ("uk", "допомога на житло", "wohngeld"),  # [text] official Ukrainian name
    ("uk", "оренда", "wohngeld"),  # [text] rent
    ("uk", "квартплата", "wohngeld"),  # [synonym] rent for the flat
    ("uk", "борги", "schuldnerberatung"),  # [text] debts
    ("uk", "колектори", "schuldnerberatung"),  # [synonym] debt collectors
    ("uk", "продукти", "tafel"),  # [text] groceries
    ("uk", "репетитор", "but-lernfoerderung"),  # [synonym] tutor
    ("uk", "доплата на дітей", "kinderzuschlag"),  # [text] official Ukrainian name
    ("uk", "банкрут", "schuldnerberatung"),  # [text] prefix of банкрутство (bankruptcy)
    ("uk", "аліменти", "unterhaltsvorschuss"),  # [synonym] child maintenance
    ("uk", "KiZ", "kinderzuschlag"),  # [text] abbreviation
    # Polish
    ("pl", "800 plus", "kindergeld"),  # [synonym] the Polish child benefit's name
    ("pl", "zasiłek rodzinny", "kindergeld"),  # [synonym] (text alone: Familienkasse)
    ("pl", "dodatek mieszkaniowy", "wohngeld"),  # [text] official Polish name
    ("pl", "czynsz", "wohngeld"),  # [text] rent
    ("pl", "socjal", "buergergeld"),  # [text] colloquial, a prefix of "socjalne"
    ("pl", "długi", "schuldnerberatung"),  # [synonym] debts (text alone: the consultation)
    ("pl", "komornik", "schuldnerberatung"),  # [synonym] bailiff (text alone: the partner)
    ("pl", "korepetycje", "but-lernfoerderung"),  # [synonym] tutoring
    ("pl", "bank żywności", "tafel"),  # [text] food bank
    ("pl", "dodatek na dziecko", "kinderzuschlag"),  # [text] official Polish name
    ("pl", "wyprawka", "but-schulbedarf"),  # [synonym] school starter kit
    ("pl", "mieszkaniow", "wohngeld"),  # [text] prefix of "mieszkaniowy"
    ("pl", "KiZ", "kinderzuschlag"),  # [text] abbreviation
    # Romanian
    ("ro", "alocatie", "kindergeld"),  # [synonym] child allowance, without diacritics
    ("ro", "ajutor pentru locuință", "wohngeld"),  # [text] official Romanian name
    ("ro", "chirie", "wohngeld"),  # [text] rent
    ("ro", "ajutor social", "buergergeld"),  # [synonym] colloquial
    ("ro", "datorii", "schuldnerberatung"),  # [text] debts
    ("ro", "executor", "schuldnerberatung"),  # [synonym] bailiff
    ("ro", "meditatii", "but-lernfoerderung"),  # [synonym] tutoring, without diacritics
    ("ro", "rechizite", "but-schulbedarf"),  # [text] school supplies
    ("ro", "banca de alimente", "tafel"),  # [text] food bank
    ("ro", "supliment pentru copii", "kinderzuschlag"),  # [text] official Romanian name
    ("ro", "insolven", "schuldnerberatung"),  # [text] prefix of "insolvență"
    ("ro", "BuT", "but-schulbedarf"),  # [synonym] abbreviation (German list)
]


def results(client, language, query):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'<a class="card__link" href="([^"]+)"', response.content.decode())


def test_what_visitors_type_finds_the_offer_first_in_every_language(client, without_search_index):
    per_language = Counter(language for language, _query, _slug in ROWS)
    assert set(per_language) == {"de", "en", "ar", "uk", "fa", "ru", "pl", "ro"}
    assert min(per_language.values()) >= 8
    call_command("load_demo_content", verbosity=0)
    failures = []
    for language, query, slug in ROWS:
        german = OfferPage.objects.get(slug=slug, locale__language_code="de")
        offer = OfferPage.objects.get(
            translation_key=german.translation_key, locale__language_code=language
        )
        found = results(client, language, query)
        if found[:1] != [offer.url]:
            failures.append(f"{language} {query!r}: expected {offer.url}, found {found[:3]}")
    assert not failures, f"{len(failures)} of {len(ROWS)} rows:\n" + "\n".join(failures)
