"""The demo loader builds a German site once and leaves it alone on a second run."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from angebote.models import OfferPage, PartnerPage, Topic, YouthPage
from buero.models import OfficeInfoPage, OfficePage, OfficeSettings
from events.models import ConsultationPage, CoursePage
from impact.models import Conversation, DailyTotal

pytestmark = pytest.mark.django_db


def test_load_demo_content_builds_the_site_in_every_language_and_is_idempotent(
    client, settings, tmp_path, without_search_index
):
    """One demo load (it takes a minute in eight languages), checked as a whole: the German
    site, its translations, the page for young people, and a second run that adds nothing."""
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", verbosity=0)

    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        "de",
        "en",
        "ar",
        "fa",
        "uk",
        "ru",
        "pl",
        "ro",
    }
    home = OfficePage.objects.get(locale__language_code="de")
    assert Site.objects.get(is_default_site=True).root_page_id == home.id
    slugs = set(OfficeInfoPage.objects.child_of(home).values_list("slug", flat=True))
    assert slugs == {"ueber-uns", "leichte-sprache", "barrierefreiheit", "impressum", "datenschutz"}
    assert len(home.entry_points) >= 2

    office = OfficeSettings.objects.get()
    # Every language has a home page, translated (a real page, not an alias).
    homes = OfficePage.objects.filter(translation_key=home.translation_key)
    assert homes.count() == 8
    assert homes.filter(alias_of__isnull=True).count() == 8
    assert office.venue_access == "stairs"
    assert office.imprint_page.slug == "impressum"
    # The link-preview image, imported once from the app's own file.
    assert get_image_model().objects.count() == 1
    assert (office.share_image.width, office.share_image.height) == (1200, 630)

    content = client.get("/de/").content.decode()
    assert "kostenlos und vertraulich" in content
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    assert "Zugang nur über eine Treppe, es gibt keinen Aufzug." in content
    for title in ("Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit"):
        assert title in content

    imprint = client.get("/de/impressum/").content.decode()
    assert "Muster der Demo-Installation" in imprint

    # The translations.
    for code in ("en", "ar", "uk", "fa", "ru", "pl", "ro"):
        locale = Locale.objects.get(language_code=code)
        assert OfferPage.objects.live().filter(locale=locale).count() >= 8
        assert PartnerPage.objects.live().filter(locale=locale).count() >= 4
        assert CoursePage.objects.live().filter(locale=locale).count() >= 2
        assert ConsultationPage.objects.live().filter(locale=locale).count() == 3
        assert Topic.objects.filter(locale=locale).count() == 10
        # Each one an ordinary wagtail-localize translation, complete.
        translations = Translation.objects.filter(target_locale=locale)
        assert translations.count() >= 40
        for translation in translations:
            total, done = translation.get_progress()
            assert total == done, translation.source.object_repr

    arabic_home = OfficePage.objects.get(locale__language_code="ar")
    content = client.get("/ar/").content.decode()
    # The office's German name kept in brackets, marked German.
    assert arabic_home.title == "المكتب المفتوح (Offenes Büro) في تانغرهوته"
    assert 'المكتب المفتوح (<span lang="de" dir="ltr">Offenes Büro</span>) في تانغرهوته' in content
    assert '<html lang="ar" dir="rtl">' in content
    # Entry points lead to the Arabic pages, never to German ones.
    for child in Page.objects.child_of(arabic_home).live().in_menu():
        assert f'href="{child.url}"' in content
    assert "Welche Hilfe gibt es" not in content
    # Persian and Russian, Polish and Romanian: the home page in the visitor's language.
    for code, entry_point, direction in (
        ("fa", "ما چه کسانی هستیم و چطور کمک می‌کنیم.", "rtl"),
        ("ru", "Кто мы и как мы помогаем.", "ltr"),
        ("pl", "Kim jesteśmy i jak pomagamy.", "ltr"),
        ("ro", "Cine suntem și cum vă ajutăm.", "ltr"),
    ):
        content = client.get(f"/{code}/").content.decode()
        assert f'<html lang="{code}" dir="{direction}">' in content
        assert entry_point in content
        assert "Welche Hilfe gibt es" not in content
    english = client.get("/en/help-offers/?topic=schulden").content.decode()
    assert "Debt" in english

    # The page for young people, translated, one tap from the top of each home page, with
    # the ten offers for young people and their texts in the informal "du".
    youth = YouthPage.objects.get(locale__language_code="de")
    for code in ("de", "en", "ar", "uk", "fa", "ru", "pl", "ro"):
        page = YouthPage.objects.get(
            translation_key=youth.translation_key, locale__language_code=code
        )
        assert page.alias_of_id is None
        home_content = client.get(f"/{code}/").content.decode()
        top = home_content[: home_content.index('class="next-consultation"')]
        assert f'<a href="{page.url}">{page.title}</a>' in top
    german = client.get(youth.url).content.decode()
    assert german.count('class="card"') == 10
    assert "Deine Klasse fährt weg oder macht einen Ausflug?" in german
    assert "Handyvertrag" in german
    arabic = client.get("/ar/lil-shabab/").content.decode()
    assert "يحق لك أن تحصل على استشارة دون أن يعلم والداك." in arabic
    assert "Nächste offene Sprechstunde" not in arabic

    # A year of figures for "Statistik" (home.demo_figures), with the demo's topics and
    # partners.
    assert Conversation.objects.count() > 250
    assert Conversation.objects.filter(topics__slug="schulden").exists()
    assert Conversation.objects.filter(referred_to__slug="familienkasse").exists()
    assert DailyTotal.objects.count() > 1000

    # A second run adds nothing.
    counts = (
        Translation.objects.count(),
        Page.objects.count(),
        OfficeSettings.objects.count(),
        Conversation.objects.count(),
        DailyTotal.objects.count(),
    )
    call_command("load_demo_content", verbosity=0)
    assert (
        Translation.objects.count(),
        Page.objects.count(),
        OfficeSettings.objects.count(),
        Conversation.objects.count(),
        DailyTotal.objects.count(),
    ) == counts


def test_demo_admin_password_is_generated_once_and_printed(tmp_path, settings, capsys):
    from django.contrib.auth import get_user_model

    settings.DEMO_ADMIN_PASSWORD_FILE = tmp_path / ".demo-admin-password"
    call_command("demo_admin")
    password = settings.DEMO_ADMIN_PASSWORD_FILE.read_text().strip()
    assert len(password) >= 16
    out = capsys.readouterr().out
    assert password in out
    # Without the demo content there is no demo partner to give an editor.
    assert "Kein Demo-Netzwerkpartner" in out
    assert not get_user_model().objects.filter(username="partner").exists()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password(password)

    call_command("demo_admin")
    assert settings.DEMO_ADMIN_PASSWORD_FILE.read_text().strip() == password
    assert password in capsys.readouterr().out


def test_demo_accessibility_statement_follows_the_law_of_saxony_anhalt(client):
    from buero import demo
    from buero.demo_translation import translate_demo_objects

    # The home app's part of the demo (pages, settings, their shipped translations) suffices.
    load_office_demo(demo)
    assert translate_demo_objects("buero", demo.translatable_objects()) > 0
    office = OfficeSettings.objects.get()
    assert office.accessibility_page.slug == "barrierefreiheit"

    content = client.get("/de/barrierefreiheit/").content.decode()
    main = content.split("<main", 1)[1].split("</main>", 1)[0]
    for text in (
        "Muster der Demo-Installation",  # still a template the operator completes
        "Behindertengleichstellungsgesetz Sachsen-Anhalt",
        "§ 16a ff. BGG LSA",
        "Richtlinie (EU) 2016/2102",
        "WCAG) 2.1 auf Stufe AA",
        "EN 301 549",
        # What is not accessible, and why.
        "<b>PDF-Dokumente:</b>",
        "<b>Übersetzungen:</b>",
        "<b>Andere Websites:</b>",
        "keine Videos",
        # Feedback: the office's own contact, an answer within one month.
        "Wir antworten innerhalb eines Monats.",
        f'href="mailto:{office.appointment_email}"',
        office.appointment_phone,
        # Enforcement: the Ombudsstelle, and the operator's task to complete its address.
        "Ombudsstelle bei der Landesfachstelle für Barrierefreiheit Sachsen-Anhalt",
        "www.lf-barrierefreiheit-st.de",
        "[Betreiber: Tragen Sie Anschrift, Telefon und E-Mail der Ombudsstelle",
        # How and when it was assessed.
        "Selbstbewertung",
        "auf Deutsch und auf Arabisch automatisch mit dem Prüfwerkzeug axe-core",
        "mit der Tastatur und Vorlesen mit einem Screenreader",
        "am 1. Dezember 2026 erstellt und zuletzt am 1. Dezember 2026 überprüft",
    ):
        assert text in main, text
    # Not the federal ordinance, and no federal-style conciliation body.
    for wrong in ("BITV", "Schlichtung"):
        assert wrong not in content

    # The translations say the same: translated, not the German text under an alias.
    for language, one_month in (
        ("en", "within one month"),
        ("ar", "خلال شهر واحد"),
        ("uk", "протягом одного місяця"),
    ):
        translated = OfficeInfoPage.objects.get(
            locale__language_code=language,
            translation_key=office.accessibility_page.translation_key,
        )
        assert translated.alias_of_id is None
        page = client.get(translated.url).content.decode()
        assert "BGG LSA" in page
        assert "Ombudsstelle" in page
        assert one_month in page
        assert "BITV" not in page
        assert "Schlichtung" not in page


def test_demo_privacy_page_says_what_the_search_keeps(client):
    """What is counted of a search, when a term is kept and for how long, in every language."""
    from buero import demo
    from buero.demo_translation import translate_demo_objects
    from buero.models import MissedSearch, PendingSearch

    load_office_demo(demo)
    translate_demo_objects("buero", demo.translatable_objects())
    office = OfficeSettings.objects.get()
    main = client.get("/de/datenschutz/").content.decode().split("<main", 1)[1]
    for text in (
        "keine Adresse, keine Sitzung, kein Cookie",
        "mindestens dreimal an mindestens zwei verschiedenen Tagen",
        "Prüfsumme",
        f"Nach {PendingSearch.KEEP_DAYS} Tagen",
        f"nach höchstens {MissedSearch.KEEP_DAYS}",
        "Ziffern oder einem @",
    ):
        assert text in main, text
    for language, days in (("en", "90 days"), ("ar", "90 يومًا"), ("uk", "90 днів")):
        translated = OfficeInfoPage.objects.get(
            locale__language_code=language, translation_key=office.privacy_page.translation_key
        )
        assert translated.alias_of_id is None
        assert days in client.get(translated.url).content.decode()


def load_office_demo(demo):
    """The buero app's part of the demo, with the office page as the site's root."""
    office, _created = demo.office_page(Page.get_first_root_node())
    Site.objects.update(root_page=office)
    demo.load({})
    call_command("buero_sync_locales", interactive=False, verbosity=0)
