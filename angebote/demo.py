"""German demo network for the Einheitsgemeinde Stadt Tangerhütte and the Landkreis Stendal.

Public bodies carry their real names; every contact person, phone number and e-mail
address is invented: numbers come from the range reserved for fiction (030 23125 …),
addresses of invented organisations are "Beispiel…" streets, e-mails end in example.org.
"""

import datetime
import uuid

from django.utils import timezone
from wagtail.models import Locale

from buero.demo import add_entry_point

from .models import (
    ContactPerson,
    HelpCheckPage,
    OfferIndexPage,
    OfferPage,
    OpeningHours,
    PartnerIndexPage,
    PartnerPage,
    TargetGroup,
    Topic,
    YouthPage,
)
from .models.choices import SOME_DISTRICTS, Area

TOPICS = [
    (
        "geld-und-leistungen",
        "Geld und Leistungen",
        "Grundsicherungsgeld (früher Bürgergeld), Kinderzuschlag, Wohngeld und andere Hilfen zum Leben.",
        "money",
    ),
    (
        "familie-und-kinder",
        "Familie und Kinder",
        "Erziehung, Beratung, Hilfe im Familienalltag.",
        "family",
    ),
    (
        "schule-und-bildung",
        "Schule und Bildung",
        "Schulsachen, Mittagessen, Nachhilfe, Klassenfahrten.",
        "school",
    ),
    (
        "ausbildung-und-arbeit",
        "Ausbildung und Arbeit",
        "Arbeit suchen, Ausbildung finden, Weiterbildung.",
        "work",
    ),
    ("gesundheit", "Gesundheit", "Ärzte, Schwangerschaft, seelische Gesundheit.", "health"),
    ("wohnen", "Wohnen", "Miete, Wohngeld, Wohnung verlieren oder finden.", "home"),
    (
        "schulden",
        "Schulden",
        "Hilfe, wenn das Geld nicht reicht und Rechnungen offen sind.",
        "debt",
    ),
    (
        "behinderung-und-teilhabe",
        "Behinderung und Teilhabe",
        "Hilfen für Kinder und Erwachsene mit Behinderung.",
        "access",
    ),
    (
        "sprache-und-ankommen",
        "Sprache und Ankommen",
        "Beratung für Zugewanderte, Dolmetscher, Deutschkurse.",
        "language",
    ),
    (
        "freizeit-und-jugend",
        "Freizeit und Jugend",
        "Sport, Ferien, Jugendclub und Vereine.",
        "leisure",
    ),
]

TARGET_GROUPS = [
    ("kinder", "Kinder"),
    ("jugendliche", "Jugendliche"),
    ("eltern-und-familien", "Eltern und Familien"),
    ("alleinerziehende", "Alleinerziehende"),
    ("menschen-mit-behinderung", "Menschen mit Behinderung"),
    ("zugewanderte", "Zugewanderte"),
    ("fachkraefte", "Fachkräfte"),
]

MON, TUE, WED, THU, FRI = range(5)

# slug, title, kind, description, (street, postcode, town, district), phone, email, website,
# languages, step_free, access note, topics, opening hours, contact persons
#: Where each demo partner serves people (PartnerPage.service_area); the district's offices
#: by default. A filter by village finds the district's debt counselling in Stendal too.
SERVICE_AREAS = {
    "familienkasse": (Area.BUND, []),
    "buergerbuero": (Area.GEMEINDE, []),
    "tafel": (Area.GEMEINDE, []),
    "kleiderkammer": (Area.GEMEINDE, []),
    "grundschule": (SOME_DISTRICTS, ["tangerhuette", "bellingen", "cobbel", "demker"]),
    "sportverein": (SOME_DISTRICTS, ["tangerhuette"]),
}

DISTRICT_WIDE = (Area.LANDKREIS, [])

PARTNERS = [
    (
        "jobcenter",
        "Jobcenter Landkreis Stendal",
        "authority",
        "<p>Das Jobcenter zahlt Grundsicherungsgeld (früher Bürgergeld) und hilft bei der Suche nach Arbeit und Ausbildung. Es bearbeitet auch Anträge auf Bildung und Teilhabe für Familien, die Grundsicherungsgeld bekommen.</p>",
        ("", "39576", "Stendal", ""),
        "030 23125 110",
        "jobcenter-demo@example.org",
        "https://www.jobcenter-stendal.de/",
        ["de", "en"],
        "yes",
        "Eingang mit Rampe, Aufzug im Haus.",
        ["geld-und-leistungen", "ausbildung-und-arbeit"],
        [
            (MON, "08:00", "12:00", ""),
            (TUE, "08:00", "12:00", ""),
            (THU, "13:00", "18:00", "nur mit Termin"),
            (FRI, "08:00", "12:00", ""),
        ],
        [
            (
                "Herr Demo-Berater",
                "Ansprechpartner für Familien",
                "030 23125 111",
                "familien-jobcenter@example.org",
                ["de", "en"],
            )
        ],
    ),
    (
        "jugendamt",
        "Jugendamt des Landkreises Stendal",
        "authority",
        "<p>Das Jugendamt berät Eltern, Kinder und Jugendliche bei Fragen zur Erziehung, bei Trennung und in Krisen. Es vermittelt Hilfen zur Erziehung und zahlt den Unterhaltsvorschuss.</p>",
        ("", "39576", "Stendal", ""),
        "030 23125 120",
        "jugendamt-demo@example.org",
        "https://www.landkreis-stendal.de/",
        ["de"],
        "yes",
        "",
        ["familie-und-kinder", "geld-und-leistungen"],
        [
            (MON, "09:00", "12:00", ""),
            (TUE, "09:00", "12:00", ""),
            (TUE, "13:00", "17:30", ""),
            (THU, "09:00", "12:00", ""),
        ],
        [
            (
                "Frau Demo-Sozialarbeiterin",
                "Allgemeiner Sozialer Dienst, Region Tangerhütte",
                "030 23125 121",
                "asd-demo@example.org",
                ["de"],
            )
        ],
    ),
    (
        "sozialamt",
        "Sozialamt des Landkreises Stendal",
        "authority",
        "<p>Das Sozialamt hilft Menschen, die nicht arbeiten können, mit Hilfe zum Lebensunterhalt und Grundsicherung. Es ist auch für Eingliederungshilfe für Menschen mit Behinderung zuständig.</p>",
        ("", "39576", "Stendal", ""),
        "030 23125 130",
        "sozialamt-demo@example.org",
        "https://www.landkreis-stendal.de/",
        ["de"],
        "yes",
        "Aufzug vorhanden.",
        ["geld-und-leistungen", "behinderung-und-teilhabe"],
        [(MON, "09:00", "12:00", ""), (TUE, "13:00", "17:30", ""), (THU, "09:00", "12:00", "")],
        [
            (
                "Frau Demo-Sachbearbeiterin",
                "Eingliederungshilfe für Kinder",
                "030 23125 131",
                "eingliederung-demo@example.org",
                ["de"],
            )
        ],
    ),
    (
        "wohngeldstelle",
        "Wohngeldstelle des Landkreises Stendal",
        "authority",
        "<p>Die Wohngeldstelle berechnet und zahlt Wohngeld, einen Zuschuss zur Miete oder zu den Kosten für das eigene Haus.</p>",
        ("", "39576", "Stendal", ""),
        "030 23125 140",
        "wohngeld-demo@example.org",
        "https://www.landkreis-stendal.de/",
        ["de"],
        "yes",
        "",
        ["wohnen", "geld-und-leistungen"],
        [(TUE, "09:00", "12:00", ""), (THU, "13:00", "17:00", "")],
        [],
    ),
    (
        "familienkasse",
        "Familienkasse der Bundesagentur für Arbeit",
        "authority",
        "<p>Die Familienkasse zahlt Kindergeld und den Kinderzuschlag für Familien mit kleinem Einkommen. Anträge gehen auch online.</p>",
        ("", "", "Magdeburg", ""),
        "030 23125 150",
        "",
        "https://www.arbeitsagentur.de/familie-und-kinder",
        ["de", "en", "ar", "uk", "ru", "pl", "ro", "tr"],
        "yes",
        "",
        ["geld-und-leistungen", "familie-und-kinder"],
        [],
        [],
    ),
    (
        "buergerbuero",
        "Bürgerbüro der Einheitsgemeinde Stadt Tangerhütte",
        "authority",
        "<p>Im Bürgerbüro gibt es Ausweise, Meldebescheinigungen und Formulare. Die Mitarbeitenden helfen beim Ausfüllen und leiten Anträge weiter.</p>",
        ("Beispielplatz 1", "39517", "Tangerhütte", "tangerhuette"),
        "030 23125 160",
        "buergerbuero-demo@example.org",
        "https://www.tangerhuette.de/",
        ["de"],
        "yes",
        "Eingang ebenerdig.",
        ["geld-und-leistungen", "wohnen"],
        [
            (MON, "09:00", "12:00", ""),
            (TUE, "09:00", "12:00", ""),
            (TUE, "13:00", "18:00", ""),
            (THU, "09:00", "12:00", ""),
            (FRI, "09:00", "12:00", ""),
        ],
        [],
    ),
    (
        "schuldnerberatung",
        "Schuldner- und Insolvenzberatung Altmark (Demo-Träger)",
        "counselling",
        "<p>Wir helfen kostenlos, wenn Rechnungen offen sind, das Konto gepfändet ist oder der Strom abgestellt werden soll. Gemeinsam machen wir einen Plan und sprechen mit den Gläubigern.</p>",
        ("Beispielstraße 12", "39576", "Stendal", ""),
        "030 23125 170",
        "schuldnerberatung-demo@example.org",
        "",
        ["de", "ru"],
        "no",
        "Drei Stufen am Eingang; Beratung auf Wunsch im Offenen Büro.",
        ["schulden", "geld-und-leistungen"],
        [(MON, "09:00", "12:00", ""), (WED, "13:00", "17:00", "offene Sprechzeit")],
        [
            (
                "Frau Demo-Schuldnerberaterin",
                "Schuldnerberaterin",
                "030 23125 171",
                "beratung-schulden-demo@example.org",
                ["de", "ru"],
            )
        ],
    ),
    (
        "familienberatung",
        "Erziehungs- und Familienberatungsstelle (Demo-Träger)",
        "counselling",
        "<p>Eltern, Kinder und Jugendliche können mit uns über Sorgen sprechen: Streit in der Familie, Trennung, Probleme in der Schule. Die Beratung ist kostenlos und vertraulich.</p>",
        ("Beispielweg 4", "39517", "Tangerhütte", "tangerhuette"),
        "030 23125 180",
        "familienberatung-demo@example.org",
        "",
        ["de", "en"],
        "yes",
        "",
        ["familie-und-kinder"],
        [(TUE, "09:00", "16:00", ""), (THU, "12:00", "18:00", "")],
        [
            (
                "Herr Demo-Psychologe",
                "Familienberater",
                "030 23125 181",
                "familienberater-demo@example.org",
                ["de", "en"],
            )
        ],
    ),
    (
        "schwangerschaftsberatung",
        "Schwangerschafts- und Familienberatung (Demo-Träger)",
        "counselling",
        "<p>Beratung rund um Schwangerschaft und Geburt, zu Geld aus der Bundesstiftung Mutter und Kind und zu Hilfen für junge Familien.</p>",
        ("Beispielstraße 7", "39576", "Stendal", ""),
        "030 23125 190",
        "schwangerschaft-demo@example.org",
        "",
        ["de", "ar"],
        "yes",
        "",
        ["gesundheit", "familie-und-kinder", "geld-und-leistungen"],
        [(MON, "09:00", "15:00", ""), (WED, "09:00", "15:00", "")],
        [
            (
                "Frau Demo-Beraterin",
                "Schwangerschaftsberaterin",
                "030 23125 191",
                "schwanger-demo@example.org",
                ["de", "ar"],
            )
        ],
    ),
    (
        "migrationsberatung",
        "Migrationsberatung für Erwachsene (Demo-Träger)",
        "counselling",
        "<p>Wir beraten Zugewanderte zu Aufenthalt, Sprachkursen, Arbeit, Schule und Anträgen. Wir sprechen mehrere Sprachen und holen bei Bedarf Dolmetscher dazu.</p>",
        ("Beispielweg 9", "39576", "Stendal", ""),
        "030 23125 200",
        "migration-demo@example.org",
        "",
        ["de", "ar", "fa", "uk", "ru"],
        "yes",
        "",
        ["sprache-und-ankommen", "ausbildung-und-arbeit"],
        [(TUE, "09:00", "13:00", ""), (THU, "13:00", "17:00", "")],
        [
            (
                "Frau Demo-Migrationsberaterin",
                "Migrationsberaterin",
                "030 23125 201",
                "mbe-demo@example.org",
                ["de", "ar", "fa"],
            ),
            (
                "Herr Demo-Berater",
                "Migrationsberater",
                "030 23125 202",
                "mbe2-demo@example.org",
                ["de", "uk", "ru"],
            ),
        ],
    ),
    (
        "tafel",
        "Tangerhütter Tafel (Demo-Verein)",
        "voluntary",
        "<p>Ehrenamtliche geben gespendete Lebensmittel an Menschen mit wenig Geld aus. Bitte bringen Sie einen Nachweis mit, zum Beispiel den Bescheid über Grundsicherungsgeld.</p>",
        ("Beispielstraße 3", "39517", "Tangerhütte", "tangerhuette"),
        "030 23125 210",
        "tafel-demo@example.org",
        "",
        ["de"],
        "yes",
        "",
        ["geld-und-leistungen"],
        [(TUE, "14:00", "16:00", "Ausgabe"), (FRI, "10:00", "12:00", "Ausgabe")],
        [("Frau Demo-Ehrenamtliche", "Koordinatorin", "030 23125 211", "", ["de"])],
    ),
    (
        "kleiderkammer",
        "Kleiderkammer Tangerhütte (Demo-Verein)",
        "voluntary",
        "<p>Gut erhaltene Kleidung, Schuhe und Spielsachen für Kinder und Erwachsene, kostenlos.</p>",
        ("Beispielgasse 5", "39517", "Tangerhütte", "tangerhuette"),
        "030 23125 220",
        "",
        "",
        ["de", "uk"],
        "no",
        "Im Keller, eine Treppe.",
        ["familie-und-kinder"],
        [(WED, "15:00", "17:00", "")],
        [],
    ),
    (
        "grundschule",
        "Grundschule Tangerhütte",
        "education",
        "<p>Die Schulsozialarbeit der Grundschule hilft Kindern und Eltern bei Sorgen in der Schule und bei Anträgen für Bildung und Teilhabe.</p>",
        ("Beispielschulweg 1", "39517", "Tangerhütte", "tangerhuette"),
        "030 23125 230",
        "schulsozialarbeit-demo@example.org",
        "",
        ["de"],
        "unknown",
        "",
        ["schule-und-bildung", "familie-und-kinder"],
        [
            (MON, "07:30", "13:00", "Schulsozialarbeit"),
            (WED, "07:30", "13:00", "Schulsozialarbeit"),
        ],
        [
            (
                "Frau Demo-Schulsozialarbeiterin",
                "Schulsozialarbeiterin",
                "030 23125 231",
                "schulsozialarbeit-demo@example.org",
                ["de"],
            )
        ],
    ),
    (
        "dolmetschpool",
        "Sprach- und Integrationsmittler (Demo-Dolmetschpool)",
        "interpreting",
        "<p>Geschulte Sprachmittlerinnen und Sprachmittler begleiten zu Beratungen, Ämtern und Elterngesprächen. Für Familien kostenlos, wenn eine Beratungsstelle sie anfragt.</p>",
        ("", "39576", "Stendal", ""),
        "030 23125 240",
        "dolmetschen-demo@example.org",
        "",
        ["de", "ar", "fa", "uk", "ru", "ti", "ku", "tr"],
        "unknown",
        "",
        ["sprache-und-ankommen"],
        [
            (MON, "09:00", "15:00", "telefonische Anfrage"),
            (THU, "09:00", "15:00", "telefonische Anfrage"),
        ],
        [
            (
                "Herr Demo-Koordinator",
                "Einsatzplanung",
                "030 23125 241",
                "einsatz-demo@example.org",
                ["de", "ar"],
            )
        ],
    ),
    (
        "sportverein",
        "SV Tangerhütte (Demo-Verein)",
        "voluntary",
        "<p>Fußball, Turnen und Leichtathletik für Kinder und Jugendliche. Der Beitrag kann über Bildung und Teilhabe bezahlt werden.</p>",
        ("Beispielsportplatz 2", "39517", "Tangerhütte", "tangerhuette"),
        "030 23125 250",
        "sv-demo@example.org",
        "",
        ["de"],
        "yes",
        "",
        ["freizeit-und-jugend"],
        [(TUE, "16:00", "19:00", "Training"), (THU, "16:00", "19:00", "Training")],
        [],
    ),
    (
        "gesundheitsamt",
        "Gesundheitsamt des Landkreises Stendal",
        "health",
        "<p>Das Gesundheitsamt berät zu Impfungen, Schuleingangsuntersuchungen und Hilfen für Familien mit Babys (Frühe Hilfen).</p>",
        ("", "39576", "Stendal", ""),
        "030 23125 260",
        "gesundheit-demo@example.org",
        "https://www.landkreis-stendal.de/",
        ["de"],
        "yes",
        "",
        ["gesundheit", "familie-und-kinder"],
        [(TUE, "09:00", "12:00", ""), (THU, "13:00", "17:00", "")],
        [],
    ),
]

# slug, title, summary, topics, groups, legal basis, free, cost note, eligibility, where to apply,
# providers, languages, area, what you need, steps
OFFERS = [
    (
        "but-schulbedarf",
        "Bildung und Teilhabe: Geld für Schulsachen",
        "Für Hefte, Stifte und den Schulranzen gibt es Geld: 130 Euro im August und 65 Euro im Februar pro Schulkind.",
        ["schule-und-bildung", "geld-und-leistungen"],
        ["kinder", "eltern-und-familien"],
        ["sgb2", "sgb12", "other"],
        True,
        "",
        "Schulkinder in Familien, die Grundsicherungsgeld, Sozialhilfe, Wohngeld oder Kinderzuschlag bekommen.",
        "Bei Grundsicherungsgeld zahlt das Jobcenter meist automatisch. Sonst beim Landkreis Stendal beantragen.",
        ["jobcenter", "sozialamt"],
        ["de", "en"],
        "landkreis",
        ["Bescheid über Grundsicherungsgeld, Wohngeld oder Kinderzuschlag", "Schulbescheinigung"],
        [
            "Prüfen Sie, ob das Geld schon automatisch kommt.",
            "Wenn nicht: Antrag stellen und Bescheid beilegen.",
            "Das Geld kommt auf Ihr Konto.",
        ],
    ),
    (
        "but-mittagessen",
        "Bildung und Teilhabe: Mittagessen in Kita und Schule",
        "Ihr Kind isst in der Kita oder Schule zu Mittag, und Sie zahlen nichts dazu.",
        ["schule-und-bildung", "geld-und-leistungen"],
        ["kinder", "jugendliche"],
        ["sgb2", "sgb12", "other"],
        True,
        "",
        "Kinder in Kita, Hort oder Schule aus Familien mit Grundsicherungsgeld, Sozialhilfe, Wohngeld oder Kinderzuschlag.",
        "Antrag beim Jobcenter oder beim Landkreis; die Kita oder Schule bestätigt das Mittagessen.",
        ["jobcenter", "sozialamt", "grundschule"],
        ["de"],
        "landkreis",
        ["Bescheid über die Leistung", "Bestätigung der Kita oder Schule"],
        [
            "Antrag ausfüllen.",
            "Kita oder Schule bestätigen lassen.",
            "Antrag abgeben; das Amt zahlt direkt an den Essensanbieter.",
        ],
    ),
    (
        "but-klassenfahrten",
        "Bildung und Teilhabe: Klassenfahrten und Ausflüge",
        "Die Kosten für Klassenfahrten und Tagesausflüge mit Schule oder Kita werden ganz bezahlt.",
        ["schule-und-bildung", "freizeit-und-jugend"],
        ["kinder", "jugendliche"],
        ["sgb2", "sgb12", "other"],
        True,
        "",
        "Kinder und Jugendliche aus Familien mit Grundsicherungsgeld, Sozialhilfe, Wohngeld oder Kinderzuschlag.",
        "Vor der Fahrt beim Jobcenter oder beim Landkreis beantragen.",
        ["jobcenter", "sozialamt"],
        ["de"],
        "landkreis",
        ["Elternbrief der Schule mit den Kosten", "Bescheid über die Leistung"],
        [
            "Elternbrief mit den Kosten geben lassen.",
            "Antrag vor der Fahrt stellen.",
            "Das Amt zahlt an die Schule.",
        ],
    ),
    (
        "but-lernfoerderung",
        "Bildung und Teilhabe: Lernförderung (Nachhilfe)",
        "Wenn Ihr Kind in der Schule Hilfe braucht, wird Nachhilfe bezahlt, auch wenn die Versetzung nicht gefährdet ist.",
        ["schule-und-bildung"],
        ["kinder", "jugendliche"],
        ["sgb2", "sgb12", "other"],
        True,
        "",
        "Schulkinder aus Familien mit Grundsicherungsgeld, Sozialhilfe, Wohngeld oder Kinderzuschlag, wenn die Schule den Bedarf bestätigt.",
        "Beim Jobcenter oder beim Landkreis, mit Bestätigung der Schule.",
        ["jobcenter", "sozialamt", "grundschule"],
        ["de"],
        "landkreis",
        ["Bestätigung der Lehrkraft", "Angebot des Nachhilfe-Anbieters"],
        ["Mit der Lehrkraft sprechen.", "Bestätigung und Angebot einholen.", "Antrag stellen."],
    ),
    (
        "sportverein-zuschuss",
        "Zuschuss zum Sportverein und zur Musikschule",
        "15 Euro im Monat für Verein, Musikschule oder Freizeit: Ihr Kind kann mitmachen, auch wenn das Geld knapp ist.",
        ["freizeit-und-jugend", "geld-und-leistungen"],
        ["kinder", "jugendliche"],
        ["sgb2", "sgb12", "other"],
        True,
        "",
        "Kinder und Jugendliche unter 18 Jahren aus Familien mit Grundsicherungsgeld, Sozialhilfe, Wohngeld oder Kinderzuschlag.",
        "Beim Jobcenter oder beim Landkreis; der Verein bestätigt die Mitgliedschaft.",
        ["jobcenter", "sportverein"],
        ["de"],
        "landkreis",
        ["Bestätigung des Vereins über den Beitrag"],
        [
            "Im Verein anmelden.",
            "Bestätigung holen.",
            "Antrag stellen; das Amt zahlt an den Verein.",
        ],
    ),
    (
        "kinderzuschlag",
        "Kinderzuschlag",
        "Zusätzliches Geld für Familien mit Kindern, wenn das Einkommen knapp ist: bis zu 297 Euro im Monat pro Kind.",
        ["geld-und-leistungen", "familie-und-kinder"],
        ["eltern-und-familien", "alleinerziehende"],
        ["other"],
        True,
        "",
        "Eltern, die arbeiten, aber mit ihrem Einkommen nicht für die ganze Familie reichen.",
        "Online oder schriftlich bei der Familienkasse. Wir helfen beim Ausfüllen.",
        ["familienkasse"],
        ["de", "en", "ar", "uk"],
        "landkreis",
        ["Einkommensnachweise der letzten 6 Monate", "Mietvertrag", "Kontoauszüge"],
        [
            "Mit dem KiZ-Lotsen der Familienkasse prüfen, ob es passt.",
            "Antrag online stellen oder im Offenen Büro ausfüllen.",
            "Bescheid abwarten; er gilt 6 Monate.",
        ],
    ),
    (
        "kindergeld",
        "Kindergeld",
        "Für jedes Kind gibt es Kindergeld: 259 Euro im Monat, bis das Kind 18 ist, in Ausbildung oder Studium bis 25.",
        ["geld-und-leistungen", "familie-und-kinder"],
        ["eltern-und-familien", "alleinerziehende"],
        ["other"],
        True,
        "",
        "Eltern, Pflegeeltern und Großeltern, bei denen das Kind lebt. Ausländische Familien je nach Aufenthaltstitel.",
        "Online oder schriftlich bei der Familienkasse. Wir helfen beim Ausfüllen.",
        ["familienkasse"],
        ["de", "en", "ar", "uk"],
        "landkreis",
        [
            "Geburtsurkunde des Kindes",
            "Steuer-Identifikationsnummern von Eltern und Kind",
            "Personalausweis oder Aufenthaltstitel",
        ],
        [
            "Antrag online stellen oder im Offenen Büro ausfüllen.",
            "Die Familienkasse zahlt bis zu 6 Monate rückwirkend: bald beantragen.",
            "Das Geld kommt jeden Monat auf Ihr Konto.",
        ],
    ),
    (
        "elterngeld",
        "Elterngeld",
        "Geld für Mütter und Väter, die nach der Geburt weniger oder gar nicht arbeiten: mindestens 300 Euro im Monat.",
        ["geld-und-leistungen", "familie-und-kinder"],
        ["eltern-und-familien", "alleinerziehende"],
        ["other"],
        True,
        "",
        "Eltern, die ihr Kind nach der Geburt selbst betreuen, auch ohne Arbeit vor der Geburt.",
        "Bei der Elterngeldstelle des Landkreises Stendal, schriftlich oder online. Es wird höchstens 3 Monate rückwirkend gezahlt: bald nach der Geburt beantragen.",
        ["jugendamt"],
        ["de"],
        "landkreis",
        [
            "Geburtsurkunde des Kindes",
            "Einkommensnachweise vor der Geburt",
            "Bescheinigung der Krankenkasse über das Mutterschaftsgeld",
        ],
        [
            "Antrag bald nach der Geburt stellen.",
            "Die Monate mit dem anderen Elternteil absprechen.",
            "Bescheid abwarten; wir erklären ihn gern.",
        ],
    ),
    (
        "wohngeld",
        "Wohngeld",
        "Ein Zuschuss zur Miete, wenn Sie arbeiten oder Rente bekommen, das Geld aber für die Miete nicht reicht.",
        ["wohnen", "geld-und-leistungen"],
        ["eltern-und-familien", "alleinerziehende"],
        ["other"],
        True,
        "",
        "Mieterinnen und Mieter sowie Eigentümer mit kleinem Einkommen, die kein Grundsicherungsgeld bekommen.",
        "Bei der Wohngeldstelle des Landkreises; Anträge gibt es auch im Bürgerbüro Tangerhütte.",
        ["wohngeldstelle", "buergerbuero"],
        ["de"],
        "landkreis",
        ["Mietvertrag", "Einkommensnachweise", "Personalausweis"],
        [
            "Antrag im Bürgerbüro holen oder herunterladen.",
            "Ausfüllen, Nachweise beilegen.",
            "Bei der Wohngeldstelle abgeben.",
        ],
    ),
    (
        "buergergeld",
        "Grundsicherungsgeld (früher Bürgergeld)",
        "Geld zum Leben und für die Wohnung, wenn Sie arbeiten können, aber kein oder zu wenig Einkommen haben.",
        ["geld-und-leistungen", "ausbildung-und-arbeit"],
        ["eltern-und-familien", "alleinerziehende", "jugendliche"],
        ["sgb2"],
        True,
        "",
        "Menschen zwischen 15 Jahren und dem Rentenalter, die arbeiten können, und ihre Familien.",
        "Beim Jobcenter Landkreis Stendal, auch online.",
        ["jobcenter"],
        ["de", "en"],
        "landkreis",
        [
            "Personalausweis",
            "Mietvertrag",
            "Kontoauszüge der letzten 3 Monate",
            "Einkommensnachweise",
        ],
        [
            "Beim Jobcenter melden, damit der Antrag ab diesem Tag gilt.",
            "Antrag ausfüllen, Unterlagen beilegen.",
            "Termin im Jobcenter wahrnehmen.",
        ],
    ),
    (
        "hilfe-zum-lebensunterhalt",
        "Hilfe zum Lebensunterhalt (Sozialhilfe)",
        "Geld zum Leben für Menschen, die vorübergehend nicht arbeiten können und kein Grundsicherungsgeld bekommen.",
        ["geld-und-leistungen"],
        ["eltern-und-familien", "menschen-mit-behinderung"],
        ["sgb12"],
        True,
        "",
        "Menschen, die zeitweise nicht erwerbsfähig sind, zum Beispiel wegen Krankheit.",
        "Beim Sozialamt des Landkreises Stendal.",
        ["sozialamt"],
        ["de"],
        "landkreis",
        ["Personalausweis", "ärztliche Bescheinigung", "Kontoauszüge"],
        [
            "Beim Sozialamt anrufen.",
            "Antrag stellen.",
            "Unterlagen nachreichen, wenn das Amt fragt.",
        ],
    ),
    (
        "hilfen-zur-erziehung",
        "Hilfen zur Erziehung",
        "Wenn es in der Familie schwierig wird, kommt Hilfe: eine Familienhelferin, Gruppenangebote oder Beratung.",
        ["familie-und-kinder"],
        ["eltern-und-familien", "alleinerziehende", "kinder", "jugendliche"],
        ["sgb8"],
        True,
        "",
        "Eltern, die sich Unterstützung bei der Erziehung wünschen. Die Hilfe ist freiwillig.",
        "Beim Jugendamt; wir stellen gern den Kontakt her.",
        ["jugendamt"],
        ["de"],
        "landkreis",
        [],
        [
            "Beim Jugendamt anrufen oder ins Offene Büro kommen.",
            "Gespräch mit der Sozialarbeiterin.",
            "Gemeinsam einen Hilfeplan machen.",
        ],
    ),
    (
        "unterhaltsvorschuss",
        "Unterhaltsvorschuss",
        "Wenn der andere Elternteil keinen Unterhalt zahlt, zahlt das Jugendamt für das Kind.",
        ["geld-und-leistungen", "familie-und-kinder"],
        ["alleinerziehende"],
        ["other"],
        True,
        "",
        "Alleinerziehende mit Kindern unter 18 Jahren, die keinen oder zu wenig Unterhalt bekommen.",
        "Beim Jugendamt des Landkreises Stendal.",
        ["jugendamt"],
        ["de"],
        "landkreis",
        ["Geburtsurkunde des Kindes", "Nachweis über Unterhaltszahlungen", "Personalausweis"],
        ["Antrag beim Jugendamt stellen.", "Unterlagen beilegen.", "Bescheid abwarten."],
    ),
    (
        "eingliederungshilfe",
        "Eingliederungshilfe für Kinder mit Behinderung",
        "Unterstützung, damit Kinder mit Behinderung in Kita, Schule und Freizeit dabei sein können, zum Beispiel eine Schulbegleitung.",
        ["behinderung-und-teilhabe", "schule-und-bildung"],
        ["kinder", "menschen-mit-behinderung"],
        ["sgb9", "sgb8"],
        True,
        "",
        "Kinder und Jugendliche mit einer Behinderung oder drohenden Behinderung.",
        "Beim Sozialamt (körperliche und geistige Behinderung) oder beim Jugendamt (seelische Behinderung).",
        ["sozialamt", "jugendamt"],
        ["de"],
        "landkreis",
        ["ärztliche Stellungnahme", "Berichte von Kita oder Schule"],
        [
            "Beratung einholen, welches Amt zuständig ist.",
            "Antrag stellen.",
            "Gesamtplangespräch mit dem Amt.",
        ],
    ),
    (
        "schuldnerberatung",
        "Schuldner- und Insolvenzberatung",
        "Sie haben Schulden und wissen nicht weiter? Wir helfen kostenlos, einen Weg heraus zu finden.",
        ["schulden", "geld-und-leistungen"],
        ["eltern-und-familien", "alleinerziehende", "jugendliche"],
        ["sgb2", "sgb12"],
        True,
        "",
        "Alle Menschen im Landkreis Stendal mit Schulden.",
        "Rufen Sie an oder kommen Sie in die offene Sprechzeit der Beratungsstelle.",
        ["schuldnerberatung"],
        ["de", "ru"],
        "landkreis",
        ["alle Briefe von Gläubigern", "Kontoauszüge", "Einkommensnachweise"],
        ["Termin vereinbaren.", "Alle Briefe sortiert mitbringen.", "Gemeinsam einen Plan machen."],
    ),
    (
        "erziehungsberatung",
        "Erziehungs- und Familienberatung",
        "Reden hilft: bei Streit, Trennung, Sorgen um ein Kind. Kostenlos, vertraulich, ohne Antrag.",
        ["familie-und-kinder"],
        ["eltern-und-familien", "kinder", "jugendliche"],
        ["sgb8"],
        True,
        "",
        "Eltern, Kinder und Jugendliche, auch ohne die Eltern.",
        "Einfach anrufen oder vorbeikommen. Kein Antrag nötig.",
        ["familienberatung"],
        ["de", "en"],
        "gemeinde",
        [],
        ["Anrufen und Termin vereinbaren.", "Zum Gespräch kommen, allein oder mit der Familie."],
    ),
    (
        "schwangerschaftsberatung",
        "Schwangerschaftsberatung und Geld für die Erstausstattung",
        "Beratung in der Schwangerschaft und Geld für Babysachen aus der Bundesstiftung Mutter und Kind.",
        ["gesundheit", "geld-und-leistungen", "familie-und-kinder"],
        ["eltern-und-familien", "alleinerziehende"],
        ["other"],
        True,
        "",
        "Schwangere mit wenig Geld; der Antrag muss vor der Geburt gestellt werden.",
        "In der Schwangerschaftsberatungsstelle.",
        ["schwangerschaftsberatung"],
        ["de", "ar"],
        "landkreis",
        ["Mutterpass", "Einkommensnachweise", "Personalausweis"],
        [
            "Termin in der Beratungsstelle machen.",
            "Mutterpass mitbringen.",
            "Antrag gemeinsam ausfüllen.",
        ],
    ),
    (
        "fruehe-hilfen",
        "Frühe Hilfen für Familien mit Babys",
        "Familienhebammen und Lotsinnen besuchen junge Familien zu Hause und helfen im ersten Jahr.",
        ["gesundheit", "familie-und-kinder"],
        ["eltern-und-familien"],
        ["sgb8"],
        True,
        "",
        "Schwangere und Familien mit Kindern bis 3 Jahre.",
        "Beim Gesundheitsamt anrufen.",
        ["gesundheitsamt"],
        ["de"],
        "landkreis",
        [],
        ["Anrufen.", "Erstes Treffen zu Hause."],
    ),
    (
        "migrationsberatung",
        "Migrationsberatung für Erwachsene",
        "Beratung für Zugewanderte zu Aufenthalt, Sprachkursen, Arbeit und Anträgen, in mehreren Sprachen.",
        ["sprache-und-ankommen", "ausbildung-und-arbeit"],
        ["zugewanderte"],
        ["voluntary"],
        True,
        "",
        "Zugewanderte ab 27 Jahren.",
        "Termin bei der Migrationsberatung; Sprechstunde auch im Offenen Büro.",
        ["migrationsberatung"],
        ["de", "ar", "fa", "uk", "ru"],
        "landkreis",
        ["Aufenthaltstitel", "Briefe, um die es geht"],
        ["Anrufen oder vorbeikommen.", "Briefe mitbringen."],
    ),
    (
        "tafel",
        "Lebensmittel von der Tafel",
        "Gespendete Lebensmittel für wenig Geld, zweimal pro Woche in Tangerhütte.",
        ["geld-und-leistungen"],
        ["eltern-und-familien", "alleinerziehende"],
        ["voluntary"],
        False,
        "2 Euro pro Einkauf.",
        "Menschen mit Grundsicherungsgeld, Sozialhilfe, Wohngeld, Kinderzuschlag oder kleiner Rente.",
        "Bei der Ausgabe mit Nachweis anmelden.",
        ["tafel"],
        ["de"],
        "tangerhuette",
        ["Bescheid über die Leistung", "Personalausweis", "Einkaufstasche"],
        ["Zur Ausgabezeit kommen.", "Nachweis zeigen und Karte bekommen."],
    ),
    (
        "kleiderkammer",
        "Kleiderkammer",
        "Kleidung, Schuhe und Spielsachen für die ganze Familie, kostenlos.",
        ["familie-und-kinder"],
        ["eltern-und-familien", "kinder"],
        ["voluntary"],
        True,
        "",
        "Alle, die Kleidung brauchen. Kein Nachweis nötig.",
        "Einfach vorbeikommen.",
        ["kleiderkammer"],
        ["de", "uk"],
        "tangerhuette",
        [],
        [],
    ),
    (
        "nachhilfe-ehrenamt",
        "Kostenlose Hausaufgabenhilfe im Jugendclub",
        "Ehrenamtliche helfen Schulkindern bei Hausaufgaben, Lesen und Mathe, zweimal pro Woche im Jugendclub.",
        ["schule-und-bildung", "freizeit-und-jugend"],
        ["kinder", "jugendliche"],
        ["voluntary"],
        True,
        "",
        "Schulkinder der Klassen 1 bis 10.",
        "Ohne Anmeldung, einfach kommen.",
        ["grundschule"],
        ["de", "uk", "ar"],
        "tangerhuette",
        ["Hausaufgabenheft", "Schulbücher"],
        [],
    ),
    (
        "ferienfreizeit",
        "Ferienfreizeit für Kinder und Jugendliche",
        "Eine Woche Ferien mit Ausflügen, Sport und Lagerfeuer. Für Familien mit wenig Geld gibt es Zuschüsse.",
        ["freizeit-und-jugend"],
        ["kinder", "jugendliche"],
        ["sgb8"],
        False,
        "120 Euro pro Woche; Zuschuss bis zum vollen Betrag möglich.",
        "Kinder und Jugendliche von 8 bis 15 Jahren aus der Einheitsgemeinde.",
        "Anmeldung im Jugendclub; den Zuschuss beantragen wir mit Ihnen.",
        ["jugendamt", "sportverein"],
        ["de"],
        "gemeinde",
        ["Anmeldeformular", "Krankenversicherungskarte des Kindes"],
        ["Anmeldung im Jugendclub abgeben.", "Zuschuss im Offenen Büro beantragen."],
    ),
    (
        "dolmetschdienst",
        "Dolmetscher für Beratung und Amt",
        "Eine Sprachmittlerin oder ein Sprachmittler begleitet Sie zu Beratung, Amt oder Elterngespräch, kostenlos.",
        ["sprache-und-ankommen"],
        ["zugewanderte", "fachkraefte"],
        ["voluntary"],
        True,
        "",
        "Familien, die wenig Deutsch sprechen, und Fachkräfte, die ein Gespräch planen.",
        "Die Beratungsstelle oder das Offene Büro fragt den Einsatz an, mindestens eine Woche vorher.",
        ["dolmetschpool"],
        ["ar", "fa", "uk", "ru", "ti", "ku", "tr"],
        "landkreis",
        [],
        [
            "Im Offenen Büro Bescheid sagen.",
            "Wir fragen den Einsatz an.",
            "Termin mit Dolmetscher wahrnehmen.",
        ],
    ),
]


#: "Für Jugendliche erklärt": what the offers tagged "Jugendliche" say to a young person on
#: the page for young people, in the informal "du", short sentences, no unexplained terms.
YOUTH_TEXTS = {
    "but-klassenfahrten": "Deine Klasse fährt weg oder macht einen Ausflug? Bekommt deine "
    "Familie Geld vom Jobcenter, Wohngeld oder Kinderzuschlag, bezahlt das Amt die Fahrt ganz. "
    "Der Antrag muss vor der Fahrt gestellt werden.",
    "but-mittagessen": "Du isst in der Schule zu Mittag? Bekommt deine Familie Geld vom "
    "Jobcenter, Wohngeld oder Kinderzuschlag, bezahlt das Amt das Essen. Dafür braucht es einen "
    "Antrag, also ein Formular für das Amt.",
    "but-lernfoerderung": "Du kommst in einem Fach nicht mit? Dann kann das Amt Nachhilfe "
    "bezahlen. Sprich mit deiner Lehrerin oder deinem Lehrer: Die Schule muss bestätigen, dass "
    "du Hilfe brauchst.",
    "sportverein-zuschuss": "Du willst in einen Verein, zum Beispiel für Fußball oder Musik? "
    "Das Amt zahlt bis zu 15 Euro im Monat für den Beitrag. Der Verein schreibt dafür eine "
    "Bestätigung.",
    "buergergeld": "Ab 15 Jahren darfst du beim Jobcenter selbst einen Antrag stellen und dich "
    "beraten lassen, zum Beispiel zur Ausbildung. Geld aus einem Ferienjob darfst du als "
    "Schülerin oder Schüler behalten.",
    "hilfen-zur-erziehung": "Zu Hause gibt es viel Streit, oder du fühlst dich nicht sicher? Du "
    "kannst dich selbst an das Jugendamt wenden. Es hört dir zu und sucht mit dir und deiner "
    "Familie nach Hilfe.",
    "erziehungsberatung": "Du kannst allein kommen, ohne deine Eltern. Die Beratung kostet "
    "nichts. Was du erzählst, sagen die Beraterinnen und Berater nicht weiter. Ruf einfach an.",
    "nachhilfe-ehrenamt": "Zweimal pro Woche helfen dir Freiwillige im Jugendclub bei "
    "Hausaufgaben, Lesen und Mathe. Du musst dich nicht anmelden und nichts bezahlen. Komm "
    "einfach vorbei.",
    "ferienfreizeit": "Eine Woche Ferien mit Ausflügen, Sport und Lagerfeuer, für alle von 8 "
    "bis 15 Jahren. Ist das Geld zu Hause knapp, gibt es einen Zuschuss. Frag im Offenen Büro "
    "nach.",
    "schuldnerberatung": "Schulden durch einen Handyvertrag, ein Abo oder Käufe im Internet? "
    "Warte nicht ab. Die Beratung ist kostenlos, und niemand erfährt davon. Bist du unter 18, "
    "gilt so ein Vertrag ohne das Ja deiner Eltern oft nicht.",
}

#: Offers whose demo review is over a year old: the dashboard and the public "Stand" notice
#: have something to show.
OVERDUE_REVIEW = {"kleiderkammer", "ferienfreizeit"}
#: The offers that the help check's result links to, by its benefit codes.
HELP_CHECK_BENEFITS = {
    "kindergeld": "kindergeld",
    "kinderzuschlag": "kinderzuschlag",
    "but-schulbedarf": "bildung_teilhabe",
    "buergergeld": "grundsicherungsgeld",
    "wohngeld": "wohngeld",
    "unterhaltsvorschuss": "unterhaltsvorschuss",
    "elterngeld": "elterngeld",
    "schwangerschaftsberatung": "mutter_kind",
    "erziehungsberatung": "erziehungsberatung",
    "schuldnerberatung": "schuldnerberatung",
}


def _list(values):
    # Block format with ids, as the editor saves it: wagtail-localize only extracts list
    # items that have one (plain lists would stay untranslatable).
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _body(items, steps):
    body = []
    if items:
        body.append({"type": "checklist", "value": {"heading": "", "items": _list(items)}})
    if steps:
        body.append({"type": "steps", "value": {"heading": "", "steps": _list(steps)}})
    return body


def _index(home, model, title, slug, intro):
    page = model.objects.child_of(home).first()
    if page is None:
        page = home.add_child(
            instance=model(title=title, slug=slug, intro=intro, show_in_menus=True)
        )
    return page


def _time(text):
    return datetime.time.fromisoformat(text)


def load(context):
    """Create what is missing; return how many objects were created."""
    home = context["home"]
    locale = home.locale
    today = timezone.localdate()
    created = 0
    topics, groups = {}, {}
    for order, (slug, name, description, icon) in enumerate(TOPICS):
        topics[slug], new = Topic.objects.get_or_create(
            slug=slug,
            locale=locale,
            defaults={"name": name, "description": description, "icon": icon, "sort_order": order},
        )
        created += new
    for order, (slug, name) in enumerate(TARGET_GROUPS):
        groups[slug], new = TargetGroup.objects.get_or_create(
            slug=slug, locale=locale, defaults={"name": name, "sort_order": order}
        )
        created += new

    offer_index = _index(
        home,
        OfferIndexPage,
        "Hilfsangebote",
        "hilfsangebote",
        "<p>Hier finden Sie Hilfen für Familien, Kinder und Jugendliche. Wählen Sie ein Thema "
        "oder filtern Sie nach Ihrer Lage.</p>",
    )
    partner_index = _index(
        home,
        PartnerIndexPage,
        "Netzwerk",
        "netzwerk",
        "<p>Behörden, Beratungsstellen, Vereine und Ehrenamtliche in Tangerhütte und im Landkreis "
        "Stendal, die mit dem Offenen Büro zusammenarbeiten.</p>",
    )

    partners = {}
    for (
        slug,
        title,
        kind,
        description,
        (street, postcode, town, district),
        phone,
        email,
        website,
        languages,
        step_free,
        access_note,
        topic_slugs,
        hours,
        persons,
    ) in PARTNERS:
        partner = PartnerPage.objects.child_of(partner_index).filter(slug=slug).first()
        if partner is None:
            partner = PartnerPage(
                title=title,
                slug=slug,
                kind=kind,
                description=description,
                street=street,
                postcode=postcode,
                town=town,
                district=district,
                service_area=SERVICE_AREAS.get(slug, DISTRICT_WIDE)[0],
                service_districts=SERVICE_AREAS.get(slug, DISTRICT_WIDE)[1],
                phone=phone,
                email=email,
                website=website,
                languages=languages,
                step_free=step_free,
                accessibility_note=access_note,
                last_reviewed=today - datetime.timedelta(days=30 + 11 * len(partners)),
            )
            partner.topics = [topics[topic] for topic in topic_slugs]
            partner.opening_hours = [
                OpeningHours(weekday=day, opens=_time(start), closes=_time(end), note=note)
                for day, start, end, note in hours
            ]
            partner.contact_persons = [
                ContactPerson(name=name, role=role, phone=tel, email=mail, languages=langs)
                for name, role, tel, mail, langs in persons
            ]
            partner_index.add_child(instance=partner)
            created += 1
        partners[slug] = partner

    for (
        slug,
        title,
        summary,
        topic_slugs,
        group_slugs,
        legal,
        free,
        cost_note,
        eligibility,
        where,
        provider_slugs,
        languages,
        area,
        items,
        steps,
    ) in OFFERS:
        if OfferPage.objects.child_of(offer_index).filter(slug=slug).exists():
            continue
        offer = OfferPage(
            title=title,
            slug=slug,
            summary=summary,
            eligibility=eligibility,
            legal_basis=legal,
            is_free=free,
            cost_note=cost_note,
            where_to_apply=where,
            languages=languages,
            area=area,
            body=_body(items, steps),
            help_check_benefit=HELP_CHECK_BENEFITS.get(slug, ""),
            youth_text=YOUTH_TEXTS.get(slug, ""),
            last_reviewed=today
            - datetime.timedelta(days=430 if slug in OVERDUE_REVIEW else 20 + 9 * created % 200),
        )
        offer.topics = [topics[topic] for topic in topic_slugs]
        offer.target_groups = [groups[group] for group in group_slugs]
        offer.providers = [partners[provider] for provider in provider_slugs]
        offer_index.add_child(instance=offer)
        created += 1

    if not HelpCheckPage.objects.child_of(home).exists():
        home.add_child(
            instance=HelpCheckPage(
                title="Welche Hilfe passt zu mir?",
                slug="hilfe-check",
                intro="Ein paar kurze Fragen zu Ihrer Familie, anonym und ohne Anmeldung. Sie "
                "sehen, welche Leistungen Ihnen zustehen könnten und wo Sie sie beantragen. "
                "Nichts wird gespeichert.",
                show_in_menus=True,
            )
        )
        created += 1
    add_entry_point(home, offer_index, "Welche Hilfe gibt es, und wie bekomme ich sie?")
    add_entry_point(home, partner_index, "Ämter, Beratungsstellen und Vereine in Ihrer Nähe.")
    youth_page, youth_created = _youth_page(home, groups["jugendliche"])
    created += youth_created
    add_entry_point(home, youth_page, YOUTH_ENTRY_POINT, on_top=True)
    context.update(
        offer_index=offer_index,
        partner_index=partner_index,
        partners=partners,
        topics=list(topics.values()),
    )
    return created


#: The home page's entry point to the page for young people, shown under its title too.
YOUTH_ENTRY_POINT = "Was du selbst bekommen und machen kannst, auch ohne deine Eltern."


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _question(question, answer):
    return {"type": "faq", "value": {"question": question, "answer": answer}}


#: The page for young people: checked with a 14-year-old reader in mind (short sentences,
#: every official word explained). Its offers and the next consultation hour come by themselves.
YOUTH_PAGE = {
    "title": "Für Jugendliche",
    "slug": "fuer-jugendliche",
    "search_description": "Was du als junger Mensch in Tangerhütte selbst bekommen und machen "
    "kannst: Beratung ohne deine Eltern, Geld für Schule und Freizeit, Hilfe bei Schulden.",
    "intro": "Du bist jung und hast Fragen oder Sorgen? Hier steht, was du selbst bekommen und "
    "machen kannst. Die Beratung kostet nichts. Du kannst allein kommen, und deine Eltern "
    "müssen nichts davon wissen.",
    "body": [
        _heading("Reden, ohne dass deine Eltern es wissen"),
        _paragraph(
            "<p>Du darfst dich beraten lassen, ohne dass deine Eltern davon wissen. Das ist "
            "dein Recht. Es steht im Gesetz für Kinder und Jugendliche, dem Achten "
            "Sozialgesetzbuch (SGB VIII), in § 8 Absatz 3.</p>"
            "<p>Das ist wichtig, wenn du in Not bist oder zu Hause Streit hast. Zum Beispiel, "
            "wenn du Angst hast, wenn dir jemand wehtut oder wenn du nicht mehr weiterweißt. "
            "Dann kannst du mit uns reden, mit einer Beratungsstelle oder mit dem Jugendamt.</p>"
            "<p>Das <b>Jugendamt</b> ist ein Amt beim Landkreis. Es hilft Kindern, Jugendlichen "
            "und Familien. Bist du zu Hause nicht sicher, bringt dich das Jugendamt an einen "
            "sicheren Ort.</p>"
            "<p>Du möchtest sofort reden und deinen Namen nicht sagen? Ruf die <b>Nummer gegen "
            "Kummer</b> an: 116 111. Der Anruf kostet nichts.</p>"
        ),
        _question(
            "Erfahren meine Eltern, dass ich bei euch war?",
            "<p>Nein, wir sagen es ihnen nicht. Nur wenn du in großer Gefahr bist, holen wir "
            "Hilfe, zum Beispiel vom Jugendamt. Dann sagen wir dir vorher, was wir tun.</p>",
        ),
        _question(
            "Darf ich jemanden mitbringen?",
            "<p>Ja. Du kannst allein kommen oder mit einer Freundin oder einem Freund.</p>",
        ),
        _heading("Geld für Schule und Freizeit"),
        _paragraph(
            "<p>Bekommt deine Familie Geld vom Jobcenter, Wohngeld oder Kinderzuschlag? Dann "
            "gibt es „Bildung und Teilhabe“. Das ist Geld vom Amt, damit du in der Schule und "
            "in der Freizeit mitmachen kannst. Das Amt bezahlt zum Beispiel:</p>"
            "<ul><li>Klassenfahrten und Ausflüge mit der Schule</li>"
            "<li>das Mittagessen in der Schule</li>"
            "<li>Nachhilfe, wenn du in der Schule Hilfe brauchst</li>"
            "<li>15 Euro im Monat für einen Verein, zum Beispiel für Sport oder Musik</li></ul>"
            "<p>Meist füllen deine Eltern den Antrag aus, also das Formular für das Amt. Ab 15 "
            "Jahren darfst du ihn auch selbst stellen. Wir helfen dir dabei.</p>"
        ),
        _heading("Ferien und Jugendclub"),
        _paragraph(
            "<p>In den Ferien gibt es eine <b>Ferienfreizeit</b>: eine Woche mit Ausflügen, "
            "Sport und Lagerfeuer, für alle von 8 bis 15 Jahren. Ist das Geld zu Hause knapp? "
            "Dann gibt es einen Zuschuss, also Geld dazu, bis zum ganzen Preis.</p>"
            "<p>Der <b>Jugendclub</b> ist ein Treffpunkt für junge Leute in Tangerhütte. Hier "
            "kannst du Freunde treffen, spielen oder einfach da sein. Zweimal pro Woche helfen "
            "dir Freiwillige bei den Hausaufgaben. Das Offene Büro ist auch im Jugendclub, oben "
            "über die Treppe.</p>"
        ),
        _heading("Schulden, zum Beispiel beim Handy"),
        _paragraph(
            "<p>Ein Handyvertrag, Käufe im Internet oder ein Abo in einem Spiel: Schnell kommen "
            "Rechnungen, die du nicht bezahlen kannst. Warte nicht ab und wirf keine Briefe weg. "
            "Die Schuldnerberatung hilft dir kostenlos. Dort arbeiten Fachleute für Schulden, "
            "und sie sagen niemandem etwas weiter.</p>"
            "<p>Bist du unter 18? Dann gilt ein Vertrag ohne das Ja deiner Eltern oft nicht. "
            "Bring alle Briefe mit, wir schauen sie gemeinsam an.</p>"
        ),
        {
            "type": "contact_box",
            "value": {
                "heading": "Anrufen oder schreiben",
                "name": "",
                "text": "Du kannst uns auch anrufen oder eine E-Mail schreiben. Sag uns, wenn "
                "deine Eltern nichts davon wissen sollen.",
                "phone": "",
                "email": "",
            },
        },
    ],
}


def _youth_page(home, target_group):
    """The page for young people below the home page, or the one there is; and whether it
    is new."""
    page = YouthPage.objects.child_of(home).first()
    if page is not None:
        return page, False
    page = home.add_child(
        instance=YouthPage(**YOUTH_PAGE, target_group=target_group, show_in_menus=False)
    )
    return page, True


#: Offers and partners that ship with hand-written translations (see buero.demo_translation).
TRANSLATED_PARTNERS = ["jobcenter", "familienkasse", "schuldnerberatung", "migrationsberatung"]
TRANSLATED_OFFERS = [
    "but-schulbedarf",
    "but-mittagessen",
    "kinderzuschlag",
    "wohngeld",
    "buergergeld",
    "schuldnerberatung",
    "migrationsberatung",
    "tafel",
]


def translatable_objects():
    """The German demo objects that ship with hand-written translations, parents first."""
    locale = Locale.get_default()
    offer_index = OfferIndexPage.objects.filter(locale=locale).first()
    partner_index = PartnerIndexPage.objects.filter(locale=locale).first()
    if offer_index is None or partner_index is None:
        return []
    return [
        *Topic.objects.filter(locale=locale),
        *TargetGroup.objects.filter(locale=locale),
        offer_index,
        partner_index,
        *HelpCheckPage.objects.filter(locale=locale),
        *PartnerPage.objects.child_of(partner_index).filter(slug__in=TRANSLATED_PARTNERS),
        *OfferPage.objects.child_of(offer_index).filter(slug__in=TRANSLATED_OFFERS),
        *YouthPage.objects.filter(locale=locale),
    ]
