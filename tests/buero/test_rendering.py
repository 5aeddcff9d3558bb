"""What visitors see: every page type in German, English and Arabic, language and direction."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from wagtail import hooks

from buero.factories import OfficeInfoPageFactory
from buero.sections import HOME_SECTIONS

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.fixture
def about(home):
    return OfficeInfoPageFactory(
        parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True
    )


@pytest.mark.parametrize(
    ("code", "title", "direction"),
    [("de", "Über uns", "ltr"), ("en", "About us", "ltr"), ("ar", "من نحن", "rtl")],
)
def test_standard_page_renders_in_each_language(client, about, translate, code, title, direction):
    page = about if code == "de" else translate(about, code, title=title, slug=f"about-{code}")
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.url.startswith(f"/{code}/")
    assert html_tag(response) == f'<html lang="{code}" dir="{direction}">'
    assert f'<h1 data-read-aloud="title">{title}</h1>' in response.content.decode()
    # A translated page marks nothing: its text is in the page's language.
    main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert set(re.findall(r' lang="([^"]+)"', main)) <= {code}
    assert "Wir beraten <b>vertraulich</b>." in response.content.decode()


@pytest.mark.parametrize(("code", "direction"), [("de", "ltr"), ("en", "ltr"), ("ar", "rtl")])
def test_home_page_renders_in_each_language(client, home, translate, office, code, direction):
    page = home if code == "de" else translate(home, code)
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert response.context["page"].id == page.id
    assert html_tag(response) == f'<html lang="{code}" dir="{direction}">'
    assert "Kostenlose und vertrauliche Beratung" in response.content.decode()


def test_untranslated_page_says_so_and_marks_the_german_text(client, about):
    response = client.get("/ar/ueber-uns/")
    content = response.content.decode()
    assert response.status_code == 200
    assert html_tag(response) == '<html lang="ar" dir="rtl">'
    # The notice is in Arabic; the German text is marked as German, left to right, element by
    # element: the interface around it stays Arabic, right to left.
    assert "هذه الصفحة غير متوفرة بعد باللغة العربية" in content
    assert '<h1 data-read-aloud="title" lang="de" dir="ltr">Über uns</h1>' in content
    assert '<div class="prose" lang="de" dir="ltr"><p>Wir beraten' in content
    assert '<div lang="de"' not in content


def test_translated_page_has_no_notice(client, about, translate):
    english = translate(about, "en", title="About us", slug="about-us")
    response = client.get(english.url)
    assert 'role="note"' not in response.content.decode()


def test_language_switcher_leads_to_translation_or_language_home(client, about, translate):
    english = translate(about, "en", title="About us", slug="about-us")
    response = client.get(about.url)
    content = response.content.decode()
    assert f'<a href="{english.url}" lang="en" hreflang="en" dir="ltr">English</a>' in content
    # No Arabic translation: the Arabic link leads to the Arabic home page, never to a 404.
    assert '<a href="/ar/" lang="ar" hreflang="ar" dir="rtl">العربيّة</a>' in content
    for code in ("de", "en", "ar", "fa", "uk", "ru", "pl", "ro"):
        assert f'hreflang="{code}"' in content
    assert client.get("/ar/").status_code == 200


def test_language_switcher_names_each_language_in_itself(client, home):
    content = client.get("/de/").content.decode()
    for name in (
        "Deutsch",
        "English",
        "العربيّة",
        "فارسی",
        "Українська",
        "Русский",
        "polski",
        "Română",
    ):
        assert f">{name}</a>" in content


def test_main_navigation_lists_menu_pages_in_the_visitors_language(client, about, translate, home):
    OfficeInfoPageFactory(parent=home, title="Impressum", slug="impressum", show_in_menus=False)
    translate(home, "en")
    english = translate(about, "en", title="About us", slug="about-us")
    content = client.get("/en/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', content, re.S).group(0)
    assert f'<a href="{english.url}">About us</a>' in nav
    assert "Impressum" not in nav


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.8", "/ar/"),
        ("uk-UA,uk;q=0.9", "/uk/"),
        ("fa-IR", "/fa/"),
        ("en-GB,en;q=0.9,de;q=0.5", "/en/"),
        ("ja,zh;q=0.9", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_by_accept_language(client, home, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_footer_shows_the_office_settings(client, home, office):
    content = client.get("/de/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', content, re.S).group(0)
    assert "Offenes Büro im Jugendclub Tangerhütte" in footer
    assert "Beispielstraße 1" in footer
    assert "39517 Tangerhütte" in footer
    assert '<a href="tel:03023125100"><bdi dir="ltr">030 23125 100</bdi></a>' in footer
    assert 'href="mailto:offenes-buero@example.org"' in footer
    assert "Zugang nur über eine Treppe, es gibt keinen Aufzug." in footer


def test_venue_access_is_shown_in_the_visitors_language(client, home, office):
    content = client.get("/en/").content.decode()
    assert "Access by stairs only, there is no lift." in content


def test_footer_links_the_legal_pages_in_the_visitors_language(client, home, office, translate):
    imprint = OfficeInfoPageFactory(parent=home, title="Impressum", slug="impressum")
    privacy = OfficeInfoPageFactory(parent=home, title="Datenschutz", slug="datenschutz")
    office.imprint_page, office.privacy_page = imprint, privacy
    office.save()
    translate(home, "en")
    english_privacy = translate(privacy, "en", title="Privacy", slug="privacy")
    content = client.get("/en/").content.decode()
    legal = re.search(r'<nav class="legal-nav".*?</nav>', content, re.S).group(0)
    # Not translated yet: the German title, marked German.
    assert f'<a href="{imprint.url}" lang="de" dir="ltr">Impressum</a>' in legal
    assert f'<a href="{english_privacy.url}">Privacy</a>' in legal
    assert legal.index("Impressum") < legal.index("Privacy")


def test_footer_follows_its_legal_pages_and_publishing_others_keeps_the_settings(
    client, home, office, django_assert_num_queries
):
    imprint = OfficeInfoPageFactory(parent=home, title="Impressum", slug="impressum")
    office.imprint_page = imprint
    office.save()
    other = OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    client.get("/de/")

    other.title = "Wer wir sind"
    other.save_revision().publish()
    # The published page's row for the page tree, and the page: the settings were kept.
    with django_assert_num_queries(2):
        client.get("/de/")

    imprint.title = "Impressum und Kontakt"
    imprint.save_revision().publish()
    legal = re.search(r'<nav class="legal-nav".*?</nav>', client.get("/de/").content.decode(), re.S)
    assert f'<a href="{imprint.url}">Impressum und Kontakt</a>' in legal.group(0)

    imprint.unpublish()
    content = client.get("/de/").content.decode()
    assert "Impressum" not in content
    assert '<nav class="legal-nav"' not in content


def test_home_page_shows_the_appointment_contact(client, home, office):
    content = client.get("/de/").content.decode()
    assert 'Termine nach Vereinbarung – <bdi lang="de" dir="ltr">Frau Muster</bdi>:' in content
    assert 'href="tel:03023125101"' in content


def test_home_page_renders_sections_from_other_apps(client, home):
    def section(page, request):
        return format_html("<section><h2>{}</h2></section>", "Nächste offene Sprechstunde")

    def nothing(page, request):
        return ""

    with (
        hooks.register_temporarily(HOME_SECTIONS, section),
        hooks.register_temporarily(HOME_SECTIONS, nothing),
    ):
        content = client.get("/de/").content.decode()
    assert content.count("<h2>Nächste offene Sprechstunde</h2>") == 1


def test_home_page_without_sections_shows_no_placeholder(client, home):
    body = client.get("/de/").content.decode().split("<body", 1)[1]
    assert "Sprechstunde" not in body  # the <head> names the feed of cancelled hours


def test_home_page_entry_points_link_to_the_localized_page(client, home, about, translate):
    home.entry_points = [("entry_point", {"page": about, "title": "", "text": "Wer wir sind."})]
    home.save_revision().publish()
    translate(home, "en")
    english = translate(about, "en", title="About us", slug="about-us")
    content = client.get("/en/").content.decode()
    assert f'<a class="card__link" href="{english.url}">About us</a>' in content


def test_standard_page_blocks_render(client, home, office):
    page = OfficeInfoPageFactory(
        parent=home,
        slug="kontakt",
        body=[
            {"type": "heading", "value": {"text": "Unterpunkt", "level": "h3"}},
            {
                "type": "call_to_action",
                "value": {"label": "Zur Startseite", "page": home.id, "url": ""},
            },
            {
                "type": "call_to_action",
                "value": {
                    "label": "Landkreis",
                    "page": None,
                    "url": "https://www.landkreis-stendal.de/",
                },
            },
            {
                "type": "contact_box",
                "value": {"heading": "", "name": "", "text": "", "phone": "", "email": ""},
            },
        ],
    )
    content = client.get(page.url).content.decode()
    assert "<h3>Unterpunkt</h3>" in content
    assert '<a class="button" href="/de/">Zur Startseite</a>' in content
    assert '<a class="button" href="https://www.landkreis-stendal.de/">Landkreis</a>' in content
    # An empty contact box falls back to the office's appointment contact.
    box = re.search(r'<aside class="contact-box">.*?</aside>', content, re.S).group(0)
    assert "<h2>Kontakt</h2>" in box
    assert "030 23125 101" in box


@pytest.mark.parametrize(
    ("code", "text", "direction"),
    [
        ("de", "Seite nicht gefunden", "ltr"),
        ("en", "Page not found", "ltr"),
        ("ar", "الصفحة غير موجودة", "rtl"),
    ],
)
def test_404_page_in_the_visitors_language(client, home, code, text, direction):
    response = client.get(f"/{code}/gibt-es-nicht/")
    assert response.status_code == 404
    assert html_tag(response) == f'<html lang="{code}" dir="{direction}">'
    assert text in response.content.decode()


def test_500_page_in_the_visitors_language():
    with translation.override("ar"):
        content = render_to_string("500.html")
    assert '<html lang="ar" dir="rtl">' in content
    assert "حدث خطأ ما" in content


def test_anonymous_visitors_get_no_cookie(client, about, office):
    for url in ("/de/", about.url, "/en/", "/ar/gibt-es-nicht/"):
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert not response.cookies, url


def test_page_has_skip_link_and_one_main_landmark(client, home):
    content = client.get("/de/").content.decode()
    assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in content
    assert content.count("<main ") == 1
