"""German demo content of the home app: the home page, five standard pages, the office settings.

Texts are realistic but marked as demo where an operator must complete them (Impressum,
Datenschutz, Erklärung zur Barrierefreiheit; the operator's tasks are in square brackets). Other apps' demo modules find the home page in ``context["home"]``.
"""

from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from .demo_synonyms import SEARCH_SYNONYMS
from .districts import District
from .models import OfficeInfoPage, OfficePage, OfficeSettings, SearchSynonym, VenueAccess


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _contact_box(text=""):
    return {
        "type": "contact_box",
        "value": {"heading": "", "name": "", "text": text, "phone": "", "email": ""},
    }


DEMO_NOTE = (
    "<p><b>Hinweis:</b> Dies ist ein Muster der Demo-Installation. Der Betreiber muss "
    "es vor der Veröffentlichung vervollständigen und rechtlich prüfen lassen.</p>"
)

STANDARD_PAGES = [
    {
        "slug": "ueber-uns",
        "title": "Über uns",
        "show_in_menus": True,
        "intro": "Das Offene Büro ist die zentrale Anlaufstelle in der Einheitsgemeinde "
        "Stadt Tangerhütte für Familien, Kinder und Jugendliche, die Hilfe suchen.",
        "body": [
            _heading("Was wir machen"),
            _paragraph(
                "<p>Sie haben Fragen zu Anträgen, zu Geld vom Amt, zur Schule oder zur "
                "Ausbildung? Sie wissen nicht, wer zuständig ist? Kommen Sie vorbei. Wir "
                "hören zu, erklären und suchen mit Ihnen die passende Stelle.</p>"
                "<ul><li>Beratung und Fragen, zum Beispiel zu Anträgen und Hilfsangeboten</li>"
                "<li>Vermittlung an soziale Dienste, Beratungsstellen oder Dolmetscher</li>"
                "<li>Ein Netzwerk aus Behörden, Trägern, Schulen, Vereinen und Ehrenamtlichen</li></ul>"
            ),
            _heading("Vertraulich und kostenlos"),
            _paragraph(
                "<p>Alles, was Sie uns erzählen, bleibt bei uns. Die Beratung kostet nichts. "
                "Sie müssen sich nicht anmelden. Wenn Sie möchten, holen wir einen "
                "Dolmetscher oder eine mehrsprachige Ehrenamtliche dazu.</p>"
            ),
            _heading("Für Fachkräfte"),
            _paragraph(
                "<p>Kita, Schule, Jugendhilfe und Verwaltung erreichen uns, wenn sie für ein "
                "Kind oder eine Familie die passende Hilfe suchen. Wir informieren auch über "
                "Weiterbildungen zum Thema Kinderarmut.</p>"
            ),
            _contact_box(
                "Rufen Sie gern an oder schreiben Sie uns, auch wenn Sie nur eine Frage haben."
            ),
        ],
    },
    {
        "slug": "leichte-sprache",
        "title": "Leichte Sprache",
        "show_in_menus": True,
        "intro": "Hier erklären wir in Leichter Sprache, was das Offene Büro ist.",
        "body": [
            _heading("Das Offene Büro"),
            _paragraph(
                "<p>Das Offene Büro ist im Jugendclub in Tangerhütte.</p>"
                "<p>Dort können Sie Fragen stellen.</p>"
                "<p>Zum Beispiel:</p>"
                "<ul><li>Wie bekomme ich Geld für mein Kind?</li>"
                "<li>Wer hilft mir bei einem Antrag?</li>"
                "<li>Wo gibt es Hilfe bei Schulden?</li></ul>"
            ),
            _heading("Das ist wichtig"),
            _paragraph(
                "<p>Die Beratung kostet kein Geld.</p>"
                "<p>Wir erzählen niemandem, was Sie uns sagen.</p>"
                "<p>Sie brauchen keinen Termin.</p>"
                "<p>Der Raum ist oben. Es gibt eine Treppe. Es gibt keinen Aufzug.</p>"
            ),
            _contact_box("Sie können auch anrufen."),
        ],
    },
    {
        "slug": "barrierefreiheit",
        "title": "Erklärung zur Barrierefreiheit",
        "show_in_menus": False,
        "intro": "Wir möchten, dass alle Menschen diese Website nutzen können.",
        "body": [
            _paragraph(DEMO_NOTE),
            _heading("Für welche Website gilt diese Erklärung?"),
            _paragraph(
                "<p>Diese Erklärung gilt für die Website des Offenen Büros im Jugendclub "
                "Tangerhütte. Die Einheitsgemeinde Stadt Tangerhütte betreibt sie. Als Gemeinde "
                "in Sachsen-Anhalt muss die Stadt ihre Website nach dem "
                "Behindertengleichstellungsgesetz Sachsen-Anhalt barrierefrei gestalten "
                "(§ 16a ff. BGG LSA). Diese Vorschriften setzen die Richtlinie (EU) 2016/2102 "
                "um. Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 auf "
                "Stufe AA und die europäische Norm EN 301 549.</p>"
            ),
            _heading("Wie barrierefrei ist diese Website?"),
            _paragraph(
                "<p>Diese Website ist <b>teilweise barrierefrei</b>. Die Seiten funktionieren "
                "ohne JavaScript, lassen sich ganz mit der Tastatur bedienen und auf 200 % "
                "vergrößern. Die Website bettet keine Videos, Tonaufnahmen oder Karten ein. "
                "Diese Inhalte sind nicht oder nicht ganz barrierefrei:</p>"
                "<ul><li><b>PDF-Dokumente:</b> Das Büro und die Netzwerkpartner können "
                "Dokumente hochladen, zum Beispiel Flyer oder Formulare. Viele davon kommen "
                "von anderen Stellen und sind nicht barrierefrei, zum Beispiel ohne "
                "Überschriften oder ohne Beschreibung der Bilder. Wir können nicht jedes "
                "Dokument selbst überarbeiten. Auf Wunsch erklären wir Ihnen den Inhalt oder "
                "schicken ihn in einer anderen Form.</li>"
                "<li><b>Übersetzungen:</b> Die Website gibt es in acht Sprachen. Noch sind "
                "nicht alle Seiten in jede Sprache übersetzt. Dann zeigen wir die deutsche "
                "Fassung mit einem Hinweis in Ihrer Sprache. Wir übersetzen nach und nach.</li>"
                "<li><b>Leichte Sprache:</b> Nur die Seite „Leichte Sprache“ ist in Leichter "
                "Sprache geschrieben. Die anderen Texte sind einfach, aber nicht in Leichter "
                "Sprache.</li>"
                "<li><b>Andere Websites:</b> Manche Seiten verlinken auf Websites von Ämtern "
                "und anderen Stellen, zum Beispiel auf Rechner, Antragsformulare oder Karten. "
                "Für deren Barrierefreiheit sind diese Stellen verantwortlich.</li></ul>"
            ),
            _heading("Wie wurde die Barrierefreiheit geprüft?"),
            _paragraph(
                "<p>Diese Erklärung beruht auf einer Selbstbewertung. Jede Art von Seite wurde "
                "auf Deutsch und auf Arabisch automatisch mit dem Prüfwerkzeug axe-core "
                "geprüft: Startseite, Hilfsangebote, Netzwerk, Termine, Sprechstunden, "
                "Weiterbildungen, Suche und Textseiten wie diese. Dazu kamen Prüfungen von "
                "Hand: Bedienung nur mit der Tastatur und Vorlesen mit einem Screenreader.</p>"
                "<p>Die Erklärung wurde am 1. Dezember 2026 erstellt und zuletzt am "
                "1. Dezember 2026 überprüft.</p>"
                "<p>[Betreiber: Prüfen Sie die Website vor der Veröffentlichung selbst, auch "
                "von Hand, tragen Sie das Datum Ihrer Prüfung ein und überprüfen Sie die "
                "Erklärung mindestens einmal im Jahr.]</p>"
            ),
            _heading("Barrieren melden"),
            _paragraph(
                "<p>Ist Ihnen eine Barriere aufgefallen? Oder brauchen Sie einen Inhalt in einer "
                "anderen Form? Schreiben Sie uns oder rufen Sie an. Wir antworten innerhalb "
                "eines Monats.</p>"
            ),
            _contact_box(),
            _heading("Ombudsstelle: wenn wir nicht helfen"),
            _paragraph(
                "<p>Haben wir nicht innerhalb eines Monats geantwortet? Oder sind Sie mit "
                "unserer Antwort nicht zufrieden? Dann können Sie sich an die Ombudsstelle bei "
                "der Landesfachstelle für Barrierefreiheit Sachsen-Anhalt wenden "
                "(Durchsetzungsverfahren nach dem BGG LSA). Die Ombudsstelle vermittelt "
                "zwischen Ihnen und uns, damit die Barriere beseitigt wird.</p>"
                "<p>Ombudsstelle bei der Landesfachstelle für Barrierefreiheit Sachsen-Anhalt, "
                "angesiedelt bei der Unfallkasse Sachsen-Anhalt in Zerbst/Anhalt. Internet: "
                "www.lf-barrierefreiheit-st.de</p>"
                "<p>[Betreiber: Tragen Sie Anschrift, Telefon und E-Mail der Ombudsstelle von "
                "deren Website ein und prüfen Sie alle Angaben hier.]</p>"
            ),
        ],
    },
    {
        "slug": "impressum",
        "title": "Impressum",
        "show_in_menus": False,
        "intro": "Angaben gemäß § 5 Digitale-Dienste-Gesetz.",
        "body": [
            _paragraph(DEMO_NOTE),
            _heading("Anbieter"),
            _paragraph(
                "<p>Einheitsgemeinde Stadt Tangerhütte<br>Offenes Büro im Jugendclub<br>"
                "Beispielstraße 1<br>39517 Tangerhütte</p>"
                "<p>Vertreten durch: [Name der vertretungsberechtigten Person eintragen]</p>"
            ),
            _heading("Verantwortlich für den Inhalt"),
            _paragraph("<p>[Name und Anschrift der verantwortlichen Person eintragen]</p>"),
            _contact_box(),
        ],
    },
    {
        "slug": "datenschutz",
        "title": "Datenschutz",
        "show_in_menus": False,
        "intro": "Wir erheben auf dieser Website so wenige Daten wie möglich.",
        "body": [
            _paragraph(DEMO_NOTE),
            _heading("Keine Cookies, kein Tracking"),
            _paragraph(
                "<p>Beim Lesen dieser Website setzen wir keine Cookies. Wir nutzen keine "
                "Analyse-Werkzeuge, keine Schriften oder Karten von anderen Servern und "
                "keine Einbettungen sozialer Netzwerke. Ihr Browser lädt nur Dateien von "
                "dieser Website.</p>"
            ),
            _heading("Server-Protokolle"),
            _paragraph(
                "<p>Der Server speichert technisch notwendige Angaben (Zeit, aufgerufene "
                "Seite ohne Suchbegriffe, Statuscode) für höchstens sieben Tage, um Störungen "
                "zu erkennen. [Der Betreiber ergänzt Rechtsgrundlage und Speicherdauer.]</p>"
            ),
            _heading("Die Suche auf dieser Website"),
            _paragraph(
                "<p>Was Sie in die Suche eingeben, speichern wir nicht mit Angaben über Sie: "
                "keine Adresse, keine Sitzung, kein Cookie. Die Seite mit den Ergebnissen hält "
                "der Server einige Minuten bereit, damit sie schneller lädt.</p>"
            ),
            _paragraph(
                "<p>Findet die Suche nichts, zählen wir das Suchwort. So sehen wir, welche "
                "Informationen auf der Website fehlen. Das Suchwort selbst speichern wir erst, "
                "wenn es mindestens dreimal an mindestens zwei verschiedenen Tagen nichts "
                "gefunden hat. Vorher merkt sich die Website nur eine Prüfsumme, aus der man das "
                "Wort nicht ablesen kann, dazu die Zahl der Suchen und den ersten und letzten "
                "Tag. Nach 30 Tagen löschen wir sie. Ein Name oder etwas Persönliches, das nur "
                "eine Person sucht, wird so nie gespeichert. Suchwörter mit Ziffern oder einem @ "
                "(zum Beispiel Telefonnummern oder E-Mail-Adressen) zählen wir nie.</p>"
            ),
            _paragraph(
                "<p>Gespeicherte Suchwörter sehen nur die Mitarbeiterinnen und Mitarbeiter des "
                "Büros, mit der Zahl der Suchen im Monat. Wir löschen sie nach höchstens 90 "
                "Tagen.</p>"
            ),
            _heading("Was wir zählen"),
            _paragraph(
                "<p>Damit das Büro seinem Geldgeber zeigen kann, wie die Website genutzt wird, "
                "zählt der Server einige Dinge mit, und zwar nur als Summe für jeden Tag: wie "
                "oft Seiten einer Art (zum Beispiel Hilfsangebote) in jeder Sprache aufgerufen "
                "wurden, wie viele Hilfe-Checks abgeschlossen wurden und bei jeder Leistung wie "
                "oft welches Ergebnis herauskam, wie viele Terminanfragen und Rückmeldungen "
                "ankamen, wie oft gesucht wurde und wie oft die Suche nichts fand, und wie oft "
                "Plakate, Flyer und Kalender heruntergeladen wurden.</p>"
            ),
            _paragraph(
                "<p>Gespeichert wird nur: der Tag, was gezählt wurde, die Sprache, die Art der "
                "Seite und die Zahl. Keine Uhrzeit, keine IP-Adresse, keine Angaben über Ihren "
                "Browser oder woher Sie kamen, kein Cookie: Zwei Besuche lassen sich nicht "
                "miteinander verbinden. Aufrufe durch Suchmaschinen und andere Programme zählen "
                "wir nicht mit. Die Tagessummen bleiben gespeichert.</p>"
            ),
            _paragraph(
                "<p>Nach einem Gespräch im Büro notieren die Beraterinnen und Berater, worum es "
                "ging: Art des Gesprächs, ob eine Familie, ein junger Mensch oder eine Fachkraft "
                "kam, Themen, Sprache, ob übersetzt wurde, welche Leistungen besprochen wurden "
                "und an wen sie weitervermittelt haben. Nie Namen, Alter, Adresse, Uhrzeit oder "
                "Notizen. Diese Einträge werden nach drei Jahren gelöscht. In Berichten "
                "erscheinen Zahlen unter 3 nur als „&lt; 3“, damit niemand erkennbar wird.</p>"
            ),
            _heading("Verantwortliche Stelle und Datenschutzbeauftragte"),
            _paragraph("<p>[Name und Anschrift eintragen]</p>"),
            _contact_box(),
        ],
    },
]

HOME_INTRO = (
    "<p>Sie suchen Hilfe für sich, Ihr Kind oder Ihre Familie? Im Offenen Büro im "
    "Jugendclub Tangerhütte stellen Sie Ihre Fragen, zum Beispiel zu Anträgen, Geld, "
    "Schule oder Ausbildung. Die Beratung ist <b>kostenlos und vertraulich</b>. Sie "
    "brauchen keinen Termin.</p>"
)


def office_page(parent=None):
    """The German office page: the one there is, or a new one under ``parent``."""
    office = OfficePage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True).first()
    if office is not None or parent is None:
        return office, False
    office = parent.add_child(
        instance=OfficePage(
            title="Offenes Büro Tangerhütte",
            slug="offenes-buero" if parent.depth > 1 else "start",
            locale=Locale.get_default(),
            seo_title="Hilfe, Beratung und Termine",
            search_description="Kostenlose, vertrauliche Beratung für Familien, Kinder und "
            "Jugendliche in Tangerhütte: Hilfsangebote, Netzwerkpartner und Sprechstunden.",
            intro=HOME_INTRO,
        )
    )
    return office, True


def _standard_pages(home):
    created = {}
    for spec in STANDARD_PAGES:
        page = OfficeInfoPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = home.add_child(
                instance=OfficeInfoPage(
                    title=spec["title"],
                    slug=spec["slug"],
                    show_in_menus=spec["show_in_menus"],
                    intro=spec["intro"],
                    body=spec["body"],
                )
            )
            created[spec["slug"]] = page
    return created


def _office_settings(site, pages):
    office = OfficeSettings.for_site(site)
    if office.street:
        return False
    office.name = "Offenes Büro im Jugendclub Tangerhütte"
    office.street = "Beispielstraße 1"
    office.postcode = "39517"
    office.town = "Tangerhütte"
    office.district = District.TANGERHUETTE
    office.room = "Jugendclub, Obergeschoss"
    office.phone = "030 23125 100"
    office.email = "offenes-buero@example.org"
    office.venue_access = VenueAccess.STAIRS
    office.venue_access_note = "Eine Treppe mit 14 Stufen und Handlauf."
    office.contact_name = "Frau Muster (Fachkraft des Offenen Büros)"
    office.contact_phone = "030 23125 101"
    office.imprint_page = pages.get("impressum")
    office.privacy_page = pages.get("datenschutz")
    office.accessibility_page = pages.get("barrierefreiheit")
    office.save()
    return True


#: The demo's image for link previews: the office's name on the site's colours, drawn once
#: with Pillow (no photograph, nobody's face, nothing from elsewhere).
SHARE_IMAGE = Path(__file__).parent / "demo_assets" / "link-preview.png"


def _share_image(site):
    """Import the link-preview image once (found again by its file's hash) and choose it in
    the office settings unless another one is chosen there."""
    office = OfficeSettings.for_site(site)
    if office.share_image_id is not None:
        return False
    image_model = get_image_model()
    with SHARE_IMAGE.open("rb") as file:
        file_hash = hash_filelike(file)
        image = image_model.objects.filter(file_hash=file_hash).first()
        created = image is None
        if created:
            file.seek(0)
            image = image_model(
                title="Offenes Büro – Link-Vorschau",
                description="Schriftzug „Offenes Büro im Jugendclub Tangerhütte“",
                file=ImageFile(file, name=SHARE_IMAGE.name),
            )
            image._set_image_file_metadata()
            image.save()
    office.share_image = image
    office.save()
    return created


def add_entry_point(home, page, text, title="", on_top=False):
    """Link a page from the home page's entry points unless it is linked already; ``on_top``
    links it right under the page's title as well."""
    if any(block.value["page"].id == page.id for block in home.entry_points):
        return
    home.entry_points.append(
        ("entry_point", {"page": page, "title": title, "text": text, "on_top": on_top})
    )
    home.save_revision().publish()


def load(context):
    """Create what is missing below the office page (made under ``context["parent"]`` if
    there is none yet); return how many objects were created."""
    home, home_created = office_page(context.get("parent"))
    context["home"] = home
    created_pages = _standard_pages(home)
    pages = {page.slug: page for page in OfficeInfoPage.objects.child_of(home)}
    site = home.get_site()
    settings_created = _office_settings(site, pages) if site else False
    image_created = _share_image(site) if site else False
    add_entry_point(home, pages["ueber-uns"], "Wer wir sind und wie wir helfen.")
    add_entry_point(home, pages["leichte-sprache"], "Das Offene Büro in Leichter Sprache.")
    created_synonyms = search_synonyms()
    return (
        int(home_created)
        + len(created_pages)
        + int(settings_created)
        + int(image_created)
        + created_synonyms
    )


def search_synonyms():
    """The Suchbegriffe (buero.demo_synonyms) of every language the site has a locale for:
    German ones apply in every language, each language's own in it. Idempotent; the demo
    command runs it again once every language's locale exists."""
    created = 0
    for language, synonyms in SEARCH_SYNONYMS.items():
        own = Locale.objects.filter(language_code=language).first()
        if own is None:
            continue
        for term, means in synonyms:
            _synonym, new = SearchSynonym.objects.get_or_create(
                term=term, locale=own, defaults={"means": means}
            )
            created += new
    return created


def translatable_objects():
    """The German demo pages that ship with hand-written translations, parents first."""
    home = OfficePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return []
    standard_pages = OfficeInfoPage.objects.child_of(home).filter(
        slug__in=[spec["slug"] for spec in STANDARD_PAGES]
    )
    return [home, *standard_pages]
