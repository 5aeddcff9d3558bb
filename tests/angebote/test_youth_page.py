"""„Für Jugendliche“: a page in the informal "du" that shows the next open hour and lists the
offers for young people with their own short text, one tap from the home page."""

import datetime
import re

import pytest
import time_machine
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    TargetGroupFactory,
    YouthPageFactory,
)
from angebote.models import OfferIndexPage, YouthPage
from buero.models import OfficePage
from events.factories import ConsultationPageFactory, DateIndexPageFactory
from tests.page_rules import SiteRootTestCase

pytestmark = pytest.mark.django_db

# Tuesday 1 December 2026: the office's Wednesday hour is tomorrow.
NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def youth(home, office, locales, translate):
    """The youth page with four offers: for young people with and without their own text,
    for parents only, and one for young people behind a password."""
    group = TargetGroupFactory(name="Jugendliche", slug="jugendliche", locale=locales["de"])
    parents = TargetGroupFactory(name="Eltern", slug="eltern", locale=locales["de"])
    offers = OfferIndexPageFactory(parent=home)
    trips = OfferPageFactory(
        parent=offers,
        title="Klassenfahrten",
        slug="klassenfahrten",
        summary="Die Klassenfahrt Ihres Kindes wird bezahlt.",
        youth_text="Deine Klassenfahrt wird bezahlt. Frag im Offenen Büro nach.",
        target_groups=[group],
    )
    club = OfferPageFactory(
        parent=offers,
        title="Sportverein",
        slug="sportverein",
        summary="Ihr Kind kann im Verein mitmachen.",
        target_groups=[group, parents],
    )
    OfferPageFactory(
        parent=offers,
        title="Elterngeld",
        summary="Geld für Mütter und Väter.",
        youth_text="Nicht für dich.",
        target_groups=[parents],
    )
    closed = OfferPageFactory(
        parent=offers,
        title="Verborgenes Angebot",
        youth_text="Verborgener Text.",
        target_groups=[group],
    )
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    hour = ConsultationPageFactory(
        parent=DateIndexPageFactory(parent=home), title="Offene Sprechstunde"
    )
    page = YouthPageFactory(parent=home, target_group=group)
    translate(hour, "ar", title="ساعة الاستشارة المفتوحة")
    arabic = {
        "page": translate(page, "ar", title="للشباب", intro="يمكنك أن تأتي وحدك."),
        "trips": translate(
            trips, "ar", title="الرحلات المدرسية", youth_text="رحلتك المدرسية مدفوعة."
        ),
        # Not translated: the Arabic tree shows the German offer (sync_locales makes aliases).
        "club": club.copy_for_translation(locales["ar"], alias=True),
    }
    return {"page": page, "group": group, "trips": trips, "club": club, "ar": arabic}


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def cards(content):
    """(title, text, lang of the title) of each card on the page."""
    return [
        (title, " ".join(text.split()), lang)
        for lang, title, text in re.findall(
            r'<h3 class="card__title"(?: lang="(\w+)"[^>]*)?><a class="card__link" href="[^"]*">'
            r'([^<]+)</a></h3>.*?<p class="card__text"[^>]*>([^<]+)</p>',
            content,
            re.S,
        )
    ]


@pytest.mark.usefixtures("frozen")
def test_the_page_lists_the_offers_for_young_people_with_their_own_text(client, youth):
    response = client.get(youth["page"].url)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="de" dir="ltr">' in content
    assert ">Für Jugendliche</h1>" in content
    assert "Du kannst allein kommen." in content
    # Public offers for the target group only, by title; without a text of their own, the
    # offer's summary.
    assert cards(content) == [
        ("Klassenfahrten", "Deine Klassenfahrt wird bezahlt. Frag im Offenen Büro nach.", ""),
        ("Sportverein", "Ihr Kind kann im Verein mitmachen.", ""),
    ]
    assert "Hilfe und Angebote für dich" in content
    assert "Elterngeld" not in content
    assert "Verborgen" not in content
    # When a young person can simply come by.
    assert "Nächste offene Sprechstunde" in content
    assert "Mittwoch, 2. Dezember 2026" in text_of(content)
    assert not response.cookies


@pytest.mark.usefixtures("frozen")
def test_the_page_speaks_arabic_and_marks_german_offers(client, youth):
    response = client.get(youth["ar"]["page"].url)
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert ">للشباب</h1>" in content
    assert "يمكنك أن تأتي وحدك." in content
    found = cards(content)
    assert ("الرحلات المدرسية", "رحلتك المدرسية مدفوعة.", "") in found
    # The untranslated offer keeps its German text, marked as German.
    assert ("Sportverein", "Ihr Kind kann im Verein mitmachen.", "de") in found
    assert len(found) == 2
    assert youth["ar"]["club"].url in content
    assert "ساعة الاستشارة المفتوحة القادمة" in content


def test_without_a_target_group_the_page_lists_no_offers(client, youth):
    page = youth["page"]
    page.target_group = None
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert 'class="card"' not in content
    assert "Hilfe und Angebote für dich" not in content


def test_an_offer_shows_its_text_for_young_people(client, youth):
    content = client.get(youth["trips"].url).content.decode()
    assert (
        "<strong>Für Jugendliche:</strong> <span>Deine Klassenfahrt wird bezahlt. "
        "Frag im Offenen Büro nach.</span>" in content
    )
    assert "Für Jugendliche:" not in client.get(youth["club"].url).content.decode()


@pytest.mark.usefixtures("frozen")
def test_the_home_page_links_the_page_in_one_tap_near_its_top(client, youth, home):
    offers = OfferIndexPage.objects.get(locale=home.locale)
    home.entry_points.append(("entry_point", {"page": offers, "title": "", "text": "Alle Hilfen."}))
    home.entry_points.append(
        (
            "entry_point",
            {
                "page": youth["page"],
                "title": "",
                "text": "Was du selbst bekommen kannst.",
                "on_top": True,
            },
        )
    )
    home.save_revision().publish()
    # The Arabic home page, an alias of the German one, links the Arabic pages.
    arabic_home = OfficePage.objects.get(locale__language_code="ar")
    for page, youth_page in ((home, youth["page"]), (arabic_home, youth["ar"]["page"])):
        content = client.get(page.url).content.decode()
        main = content[content.index("<main") :]
        link = f'<a href="{youth_page.url}">{youth_page.title}</a>'
        # Right under the title, before the welcome (whatever its length), the next open hour
        # and the other entry points.
        top = main.index(link)
        assert main.index("</h1>") < top < main.index('class="lead"')
        assert top < main.index('class="next-consultation"') < main.index("entry-points-heading")
        top_list = re.search(r'<ul class="top-entry-points">(.*?)</ul>', main, re.S).group(1)
        assert youth_page.url in top_list
        assert offers.url not in top_list
        assert "/ar/" + offers.slug not in top_list
        # … and in the list of all entry points as well.
        assert youth_page.url in main[main.index("entry-points-heading") :]


def test_a_home_page_without_entry_points_on_top_has_no_list_for_them(client, youth, home):
    home.entry_points.append(
        ("entry_point", {"page": youth["page"], "title": "", "text": "Für dich."})
    )
    home.save_revision().publish()
    content = client.get(home.url).content.decode()
    assert "top-entry-points" not in content
    assert youth["page"].url in content


class TestYouthPageRules(SiteRootTestCase):
    def test_one_youth_page_under_the_home_page(self):
        group = TargetGroupFactory(name="Jugendliche", slug="jugendliche")
        self.assertAllowedParentPageTypes(YouthPage, {OfficePage})
        self.assertAllowedSubpageTypes(YouthPage, set())
        self.assertCanCreateAt(OfficePage, YouthPage)
        self.assertCanNotCreateAt(OfferIndexPage, YouthPage)
        self.assertCanCreate(
            self.home,
            YouthPage,
            nested_form_data(
                {
                    "title": "Für Jugendliche",
                    "slug": "fuer-jugendliche",
                    "intro": "Du kannst allein kommen.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Reden ohne deine Eltern", "level": "h2"}),
                            ("paragraph", rich_text("<p>Das ist dein Recht.</p>")),
                        ]
                    ),
                    "target_group": group.pk,
                }
            ),
        )
        assert not YouthPage.can_create_at(self.home)  # max_count
