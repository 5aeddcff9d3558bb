"""The Atom feeds per language: new and changed offers, upcoming courses, cancelled dates."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from wagtail.models import PageViewRestriction

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def tree(home, office, translate):
    with time_machine.travel(NOW, tick=False):
        offers = OfferIndexPageFactory(parent=home)
        offer = OfferPageFactory(parent=offers, title="Kinderzuschlag")
        offer.save_revision().publish()
        hidden = OfferPageFactory(parent=offers, title="Nur intern")
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        OfferPageFactory(parent=offers, title="Entwurf", live=False)
        dates = DateIndexPageFactory(parent=home)
        hour = ConsultationPageFactory(parent=dates, title="Offene Sprechstunde")
        ConsultationCancellationFactory(
            page=hour, date=datetime.date(2026, 12, 9), reason="Fortbildung des Teams"
        )
        hour.save_revision().publish()
        courses = CourseIndexPageFactory(parent=home)
        course = CoursePageFactory(parent=courses, title="Kinderarmut erkennen")
        CourseSessionFactory(
            page=course,
            start=datetime.datetime(2027, 1, 12, 8, tzinfo=datetime.UTC),
            end=datetime.datetime(2027, 1, 12, 12, tzinfo=datetime.UTC),
        )
        past = CoursePageFactory(parent=courses, title="Vorbei")
        CourseSessionFactory(
            page=past,
            start=datetime.datetime(2026, 6, 1, 8, tzinfo=datetime.UTC),
            end=datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC),
        )
        translate(offer, "ar", title="علاوة الأطفال")
        translate(hour, "ar", title="الاستشارة المفتوحة")
    return {"offer": offer, "hour": hour, "course": course}


def entries(client, url):
    with time_machine.travel(NOW, tick=False):
        response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not response.cookies
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return feed, feed.findall("atom:entry", ATOM)


def test_the_offer_feed_lists_live_public_offers_with_absolute_links(client, tree):
    feed, items = entries(client, "/de/feeds/angebote/")
    assert "Offenes Büro im Jugendclub Tangerhütte" in feed.findtext("atom:title", "", ATOM)
    titles = [item.findtext("atom:title", "", ATOM) for item in items]
    assert titles == ["Kinderzuschlag"]  # not the restricted one, not the draft
    item = items[0]
    link = item.find("atom:link", ATOM).get("href")
    assert link == "http://testserver/de/hilfsangebote/kinderzuschlag/"
    assert "Geld für Schulsachen" in item.findtext("atom:summary", "", ATOM)
    assert item.findtext("atom:updated", "", ATOM).startswith("2026-12-01")


def test_the_arabic_offer_feed_is_arabic(client, tree):
    _feed, items = entries(client, "/ar/feeds/angebote/")
    assert [item.findtext("atom:title", "", ATOM) for item in items] == ["علاوة الأطفال"]
    assert items[0].find("atom:link", ATOM).get("href").startswith("http://testserver/ar/")


def test_the_course_feed_lists_upcoming_courses_with_their_next_date(client, tree):
    _feed, items = entries(client, "/en/feeds/weiterbildungen/")
    # The English tree has no pages in this test: German courses appear only in /de/.
    assert items == []
    _feed, items = entries(client, "/de/feeds/weiterbildungen/")
    assert [item.findtext("atom:title", "", ATOM) for item in items] == ["Kinderarmut erkennen"]
    assert "12. Januar 2027" in items[0].findtext("atom:summary", "", ATOM)


def test_the_cancellation_feed_names_the_date_and_the_reason(client, tree):
    _feed, items = entries(client, "/de/feeds/ausfaelle/")
    titles = [item.findtext("atom:title", "", ATOM) for item in items]
    assert titles[0] == "Die Sprechstunde am 9. Dezember 2026 entfällt: Offene Sprechstunde"
    assert items[0].findtext("atom:summary", "", ATOM) == "Fortbildung des Teams"
    ids = [item.findtext("atom:id", "", ATOM) for item in items]
    assert ids[0] == "http://localhost/de/termine/offene-sprechstunde/#2026-12-09"
    assert len(set(ids)) == len(ids)
    # Public holidays are cancellations too (25 December 2026 is a Friday: no Wednesday);
    # every entry is a cancelled date of the coming months.
    assert all("entfällt" in title for title in titles)


def test_feeds_are_linked_from_every_page_in_its_language(client, tree):
    html = client.get(tree["offer"].url).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/de/feeds/angebote/"' in html
    assert 'href="/de/feeds/ausfaelle/"' in html
    html = client.get("/ar/").content.decode()
    assert 'href="/ar/feeds/weiterbildungen/"' in html


def test_feeds_stay_within_the_query_budget(client, tree, django_assert_max_num_queries):
    for url in ("/de/feeds/angebote/", "/de/feeds/weiterbildungen/", "/de/feeds/ausfaelle/"):
        client.get(url)
        with django_assert_max_num_queries(10):
            client.get(url)
