"""Link previews: Open Graph and Twitter card tags on every public page, in its language.

What a messenger shows of a shared link: the title, the page's summary (a consultation
hour's next date first), the address, the language and its translations, and the site's
image where the office chose one. The image's rendition is cached with the office settings.
"""

import datetime
from html.parser import HTMLParser

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from angebote.models import OfferPage, PartnerPage
from buero.factories import OfficeInfoPageFactory
from buero.models import preview_text
from events.factories import ConsultationPageFactory, DateIndexPageFactory
from events.models import ConsultationPage, CoursePage

pytestmark = pytest.mark.django_db

#: The field each page type shows as its summary; the other types show their intro.
SUMMARY_FIELDS = {OfferPage: "summary", CoursePage: "summary", PartnerPage: "description"}


class MetaTags(HTMLParser):
    """The <meta> tags of a page: {property or name: [content, ...]}."""

    def __init__(self, html):
        super().__init__()
        self.tags = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = attrs.get("property") or attrs.get("name")
        if tag == "meta" and key:
            self.tags.setdefault(key, []).append(attrs.get("content"))


def meta(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return MetaTags(response.content.decode()).tags


def one(tags, key):
    values = tags.get(key, [])
    assert len(values) <= 1, f"{key} appears {len(values)} times"
    return values[0] if values else None


def summary(page):
    """What the page shows as its summary, as plain text."""
    page = page.specific
    return strip_tags(getattr(page, SUMMARY_FIELDS.get(type(page), "intro"), "") or "") or None


@pytest.fixture
def share_image(office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = get_image_model().objects.create(
        title="Vorschau",
        description="Schriftzug des Offenen Büros",
        file=get_test_image_file(size=(1400, 800)),
    )
    office.share_image = image
    office.save()
    return image


@time_machine.travel(datetime.datetime(2026, 11, 25, 9, tzinfo=datetime.UTC), tick=False)
def test_every_public_page_describes_itself_in_its_language(client, public_pages, office):
    for page in public_pages:
        language = page.locale.language_code
        tags = meta(client, page.url)
        assert one(tags, "og:type") == "website"
        assert one(tags, "og:site_name") == office.name
        assert one(tags, "og:title") == (page.seo_title or page.title), page.url
        assert one(tags, "twitter:title") == one(tags, "og:title")
        assert one(tags, "og:url") == page.full_url
        assert one(tags, "og:url").startswith("http://localhost/")

        description = one(tags, "og:description")
        if isinstance(page.specific, ConsultationPage):
            assert summary(page) in description
        else:
            assert description == summary(page), page.url
        assert one(tags, "description") == description
        assert one(tags, "twitter:description") == description

        # Every page of the fixture is translated: German names Arabic and vice versa.
        expected = {"de": ("de_DE", ["ar_AR"]), "ar": ("ar_AR", ["de_DE"])}[language]
        assert (one(tags, "og:locale"), tags.get("og:locale:alternate")) == expected, page.url
        # Without a site image: the small card, and no image at all.
        assert one(tags, "twitter:card") == "summary"
        assert "og:image" not in tags


def test_the_search_description_comes_first_and_long_texts_are_cut_at_a_word(client, home, office):
    intro = "Wir helfen Familien mit wenig Geld und beraten vertraulich und kostenlos. " * 5
    page = OfficeInfoPageFactory(parent=home, intro=intro.strip())
    description = one(meta(client, page.url), "og:description")
    assert len(description) <= 201
    assert description.endswith("…")
    assert intro.startswith(description.removesuffix("…"))
    assert intro[len(description) - 1] == " "  # cut between two words

    page.search_description = "Was Suchmaschinen und Messenger zeigen sollen."
    page.save_revision().publish()
    tags = meta(client, page.url)
    assert one(tags, "og:description") == "Was Suchmaschinen und Messenger zeigen sollen."
    assert one(tags, "description") == "Was Suchmaschinen und Messenger zeigen sollen."


def test_rich_text_becomes_plain_text_between_words():
    text = "<p>Beratung &amp; Hilfe.</p><p>Ohne <b>Termin</b>.</p>"
    assert preview_text(text) == "Beratung & Hilfe. Ohne Termin."


def test_an_untranslated_page_names_no_other_language(client, public_pages, locales, office):
    german_home, arabic_home = public_pages[0], public_pages[10]
    page = OfficeInfoPageFactory(parent=german_home, title="Nur auf Deutsch")
    alias = page.create_alias(
        parent=arabic_home, update_locale=locales["ar"], reset_translation_key=False
    )

    for url in (page.url, alias.url):
        tags = meta(client, url)
        # The alias shows the German text: its preview says so.
        assert one(tags, "og:locale") == "de_DE", url
        assert "og:locale:alternate" not in tags, url
        assert one(tags, "og:title") == "Nur auf Deutsch"
    assert one(meta(client, alias.url), "og:url") == "http://localhost" + alias.url


@time_machine.travel(datetime.datetime(2026, 12, 8, 9, tzinfo=datetime.UTC), tick=False)
def test_a_consultation_hour_names_its_next_date_and_skips_a_cancelled_one(client, public_pages):
    german, arabic = public_pages[6], public_pages[16]
    assert isinstance(german.specific, ConsultationPage)
    # Wednesday 9 December is cancelled; the extra date on Thursday 10 December is next.
    description = one(meta(client, german.url), "og:description")
    assert description == (
        "Nächster Termin: Donnerstag, 10. Dezember 2026, 10:00–12:00. "
        "Kommen Sie vorbei, ohne Termin."
    )
    assert "9. Dezember" not in description

    description = one(meta(client, arabic.url), "og:description")
    assert description.startswith("الموعد القادم: الخميس، 10 ديسمبر")
    # The times stay left to right in the right-to-left text (isolated, as <bdi> does).
    assert "\u206610:00–12:00\u2069" in description
    assert "9 ديسمبر" not in description


@time_machine.travel(datetime.datetime(2026, 12, 8, 9, tzinfo=datetime.UTC), tick=False)
def test_a_consultation_hour_without_dates_describes_itself(client, home, office):
    dates = DateIndexPageFactory(parent=home)
    hour = ConsultationPageFactory(parent=dates, valid_until=datetime.date(2026, 6, 30))
    assert one(meta(client, hour.url), "og:description") == "Kommen Sie vorbei, ohne Termin."


def test_the_site_image_is_an_absolute_rendition_of_link_preview_size(
    client, public_pages, share_image
):
    for page in (public_pages[0], public_pages[2], public_pages[12]):
        tags = meta(client, page.url)
        image = one(tags, "og:image")
        assert image.startswith("http://localhost/media/images/")
        assert image.endswith(".png")
        assert (one(tags, "og:image:width"), one(tags, "og:image:height")) == ("1200", "630")
        assert one(tags, "og:image:alt") == "Schriftzug des Offenen Büros"
        assert one(tags, "twitter:card") == "summary_large_image"


def test_the_rendition_costs_a_warm_page_no_query(client, public_pages, share_image):
    for page in public_pages:
        client.get(page.url)  # warm
        with CaptureQueriesContext(connection) as queries:
            tags = meta(client, page.url)
        assert one(tags, "og:image")
        image_queries = [q["sql"] for q in queries if "wagtailimages" in q["sql"]]
        assert not image_queries, page.url


def test_the_cached_image_follows_the_settings_and_the_image(
    client, public_pages, office, share_image
):
    url = public_pages[2].url
    first = one(meta(client, url), "og:image")

    other = get_image_model().objects.create(
        title="Andere", file=get_test_image_file(filename="andere.png", size=(1300, 700))
    )
    office.share_image = other
    office.save()
    second = one(meta(client, url), "og:image")
    assert second != first
    assert "andere" in second

    other.delete()  # the settings lose it without a signal of their own
    tags = meta(client, url)
    assert "og:image" not in tags
    assert one(tags, "twitter:card") == "summary"


def test_search_and_missing_pages_get_previews_too(client, public_pages, office):
    tags = meta(client, "/de/suche/?q=Schulden")
    assert one(tags, "og:title") == "Suche"
    # The address without the search words: they may be personal.
    assert one(tags, "og:url") == "http://localhost/de/suche/"
    assert one(tags, "og:locale") == "de_DE"

    tags = meta(client, "/ar/gibt-es-nicht/", status=404)
    assert one(tags, "og:title") == "الصفحة غير موجودة"
    assert one(tags, "og:locale") == "ar_AR"
    assert one(tags, "og:site_name") == office.name
    assert one(tags, "twitter:card") == "summary"
    assert "og:url" not in tags
