"""Consultation hours as visitors see them, with time frozen; feeds parsed back."""

import datetime
import json
import re

import pytest
import time_machine
from dateutil import rrule
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from buero.models import OfficePage
from events import feeds
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)
from events.models import ConsultationPage, DateIndexPage
from tests.page_rules import SiteRootTestCase

from .conftest import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_hour(event_index):
    page = ConsultationPageFactory(
        parent=event_index,
        title="Offene Sprechstunde",
        slug="offene-sprechstunde",
        room="Obergeschoss",
        access_note="14 Stufen mit Handlauf.",
        by_arrangement="Wenn Mittwoch nicht passt, finden wir einen anderen Termin.",
    )
    ConsultationCancellationFactory(
        page=page, date=datetime.date(2026, 12, 9), reason="Fortbildung des Teams"
    )
    ConsultationExtraDateFactory(
        page=page, date=datetime.date(2026, 12, 10), note="statt 9. Dezember"
    )
    return page


def text_of(content):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", content))


def test_consultation_page_shows_the_next_dates_with_cancellations(client, frozen, open_hour):
    content = client.get(open_hour.url).content.decode()
    text = text_of(content)
    assert "Mittwoch, 2. Dezember 2026, 17:00–19:00" in text
    assert "Mittwoch, 9. Dezember 2026, 17:00–19:00 Fällt aus: Fortbildung des Teams" in text
    assert "Donnerstag, 10. Dezember 2026, 10:00–12:00 statt 9. Dezember" in text
    assert "Mittwoch, 23. Dezember 2026" in text
    assert content.count('<li class="occurrence') == 8
    assert f'href="{open_hour.url}termin/2026-12-02/"' in content
    assert "Kostenlos" in text
    assert "Vertraulich" in text
    assert "Zugang nur über eine Treppe, es gibt keinen Aufzug. 14 Stufen mit Handlauf." in text
    assert "Arabisch, Ukrainisch" in text
    assert "Wenn Mittwoch nicht passt" in text
    assert 'href="tel:03023125101"' in content


def test_consultation_page_has_an_event_schedule(client, frozen, open_hour):
    content = client.get(open_hour.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["eventSchedule"]["byDay"] == ["https://schema.org/Wednesday"]
    assert data["eventSchedule"]["startTime"] == "17:00"
    assert data["eventSchedule"]["exceptDate"] == ["2026-12-09"]


def test_series_feed_parses_and_matches_the_page(client, frozen, open_hour):
    response = client.get(f"{open_hour.url}kalender/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    starts = [event.decoded("dtstart") for event in events]
    assert datetime.date(2026, 12, 9) not in [start.date() for start in starts]  # cancelled
    assert datetime.datetime(2026, 12, 2, 17, tzinfo=starts[0].tzinfo) in starts
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"
    assert str(events[0]["DTSTART"].params["TZID"]) == "Europe/Berlin"
    assert all("DTSTAMP" in event and "UID" in event for event in events)
    assert "Jugendclub Tangerhütte" in str(events[0]["LOCATION"])
    again = Calendar.from_ical(client.get(f"{open_hour.url}kalender/").content)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]


def expand(calendar):
    """Every start in a feed, as a calendar app expands its rules and exceptions."""
    starts = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("dtstart")
        if "RRULE" not in event:
            starts.append(start)
            continue
        rules = rrule.rruleset()
        rules.rrule(rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
        exdates = event.get("EXDATE", [])
        for exdate in exdates if isinstance(exdates, list) else [exdates]:
            for value in exdate.dts:
                rules.exdate(value.dt)
        starts.extend(rules)
    return sorted(starts)


@pytest.mark.parametrize(
    "rule",
    [
        {"weekdays": ["2"]},
        {"weekdays": ["0", "3"], "interval": 2, "valid_from": datetime.date(2026, 11, 10)},
        {"frequency": "monthly", "weekdays": ["4"], "nth": -1},
        {"frequency": "monthly", "weekdays": ["1"], "nth": 2, "skip_holidays": False},
        {"weekdays": ["3"], "valid_until": datetime.date(2027, 3, 31)},
    ],
    ids=["weekly", "fortnightly-two-days", "last-friday", "second-tuesday", "until-march"],
)
def test_feed_gives_the_dates_of_the_page(client, frozen, event_index, rule):
    """The feed's rule, exceptions and extra dates expand to exactly the engine's dates:
    a year with holidays, a cancellation, a moved date and daylight saving changes."""
    page = ConsultationPageFactory(parent=event_index, **rule)
    first = page.upcoming(1)[0].date
    ConsultationCancellationFactory(page=page, date=first)
    ConsultationExtraDateFactory(page=page, date=first + datetime.timedelta(days=1))
    # An extra date at the very time of a rule date replaces it rather than doubling it.
    later = page.upcoming(4, include_cancelled=False)[-1]
    ConsultationExtraDateFactory(
        page=page,
        date=later.date,
        start_time=page.start_time,
        end_time=page.end_time,
        note="mit Dolmetscherin",
    )
    today = datetime.date(2026, 12, 1)
    expected = [
        occurrence.start
        for occurrence in page.occurrences(today, today + feeds.HORIZON)
        if not occurrence.cancelled
    ]
    for url in (f"{page.url}kalender/", f"{event_index.url}kalender/"):
        calendar = Calendar.from_ical(client.get(url).content)
        assert expand(calendar) == expected, url
    assert len(expected) > 10


def test_the_all_series_feed_is_small(client, frozen, event_index, open_hour):
    """A year of a weekly hour is one event with a rule, not fifty events."""
    response = client.get(f"{event_index.url}kalender/")
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 2  # the rule and the extra date
    assert len(response.content) < 5000


def test_single_date_feed_and_bad_dates(client, frozen, open_hour):
    calendar = Calendar.from_ical(client.get(f"{open_hour.url}termin/2026-12-02/").content)
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Offene Sprechstunde"
    for bad in ("2026-12-09", "2026-12-03", "2026-13-45", "9999-99-99"):
        assert client.get(f"{open_hour.url}termin/{bad}/").status_code == 404, bad


def test_dates_listing_groups_by_week_and_filters_by_language(
    client, frozen, event_index, open_hour
):
    migration = ConsultationPageFactory(
        parent=event_index,
        title="Migrationsberatung",
        weekdays=["1"],
        interval=2,
        valid_from=datetime.date(2026, 12, 1),
        interpreter_languages=["fa"],
    )
    content = client.get(event_index.url).content.decode()
    text = text_of(content)
    assert "Woche ab 30. November 2026" in text
    assert "Woche ab 7. Dezember 2026" in text
    assert text.index("Migrationsberatung") < text.index("Offene Sprechstunde")  # Tuesday first
    filtered = text_of(client.get(f"{event_index.url}?language=fa").content.decode())
    assert "Migrationsberatung" in filtered
    assert "Offene Sprechstunde" not in filtered
    calendar = Calendar.from_ical(client.get(f"{event_index.url}kalender/").content)
    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {
        "Offene Sprechstunde",
        migration.title,
    }


def test_dates_listing_query_count_does_not_grow(
    client, frozen, event_index, office, without_search_index, django_assert_max_num_queries
):
    def count():
        client.get(event_index.url)
        with django_assert_max_num_queries(15) as captured:
            assert client.get(event_index.url).status_code == 200
        return len(captured.captured_queries)

    course_index = CourseIndexPageFactory(parent=event_index.get_parent())

    def add(number):
        for _ in range(number):
            page = ConsultationPageFactory(parent=event_index)
            ConsultationCancellationFactory(page=page)
            CourseSessionFactory(page=CoursePageFactory(parent=course_index))

    add(1)
    few = count()
    add(20)
    assert count() <= few  # a page of 50 dates may hold no course: one query less


@pytest.mark.parametrize("kind", ["consultation", "course", "course_index"])
def test_event_pages_stay_within_the_query_budget(
    client, frozen, home, event_index, office, open_hour, kind, django_assert_max_num_queries
):
    course_index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=course_index)
    for _ in range(3):
        CourseSessionFactory(page=course)
    url = {"consultation": open_hour.url, "course": course.url, "course_index": course_index.url}[
        kind
    ]
    client.get(url)
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_home_shows_the_next_open_hour_and_says_when_it_is_cancelled(
    client, home, office, open_hour, event_index
):
    partner_hour = ConsultationPageFactory(
        parent=event_index,
        title="Schuldnerberatung im Jugendclub",
        frequency="monthly",
        weekdays=["0"],
        nth=1,
        host=PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home)),
    )
    partner_hour.interpreter_languages = ["ar"]
    partner_hour.save_revision().publish()
    with time_machine.travel(datetime.datetime(2026, 12, 3, 12, tzinfo=datetime.UTC), tick=False):
        text = text_of(client.get("/de/").content.decode())
    assert "Nächste offene Sprechstunde" in text
    assert "Mittwoch, 9. Dezember 2026: fällt aus (Fortbildung des Teams)." in text
    assert "Donnerstag, 10. Dezember 2026, 10:00–12:00, Jugendclub Tangerhütte" in text
    # Every session of the coming seven days, also those before the office's next hour.
    week = text[text.index("Die nächsten sieben Tage") :]
    assert "Montag, 7. Dezember 2026" in week
    assert partner_hour.title in week
    assert "Dolmetscher auf Anfrage: Arabisch" in week
    assert "Mittwoch, 9. Dezember 2026" in week
    assert "Fällt aus: Fortbildung des Teams" in week
    assert "Mittwoch, 16. Dezember 2026" not in week  # more than seven days ahead


def test_offer_page_points_to_the_next_open_hour(client, frozen, home, office, open_hour):
    offer = OfferPageFactory(parent=OfferIndexPageFactory(parent=home))
    text = text_of(client.get(offer.url).content.decode())
    assert "Nächste offene Sprechstunde" in text
    assert "Mittwoch, 2. Dezember 2026, 17:00–19:00" in text


def test_publishing_a_cancellation_updates_the_home_page_at_once(
    client, frozen, home, office, open_hour
):
    assert "fällt aus" not in text_of(client.get("/de/").content.decode())
    ConsultationCancellationFactory(
        page=open_hour, date=datetime.date(2026, 12, 2), reason="Krankheit"
    )
    open_hour.save_revision().publish()
    assert "Mittwoch, 2. Dezember 2026: fällt aus (Krankheit)." in text_of(
        client.get("/de/").content.decode()
    )


class TestConsultationAdmin(SiteRootTestCase):
    """Editing a series in the admin, with the clock on Tuesday, 1 December 2026."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.events = DateIndexPageFactory(parent=cls.home)

    def test_page_rules(self):
        self.assertAllowedParentPageTypes(DateIndexPage, {OfficePage})
        self.assertAllowedSubpageTypes(DateIndexPage, {ConsultationPage})
        self.assertAllowedParentPageTypes(ConsultationPage, {DateIndexPage})
        assert not DateIndexPage.can_create_at(self.home)

    def form(self, **fields):
        data = nested_form_data(
            {
                "title": "Offene Sprechstunde",
                "slug": "offen",
                "intro": "Kommen Sie vorbei.",
                "venue_name": "Jugendclub",
                "town": "Tangerhütte",
                "venue_access": "stairs",
                "frequency": "weekly",
                "interval": "1",
                "nth": "1",
                "start_time": "17:00",
                "end_time": "19:00",
                "valid_from": "2026-01-07",
                "cancellations": inline_formset([]),
                "extra_dates": inline_formset([]),
                **fields,
            }
        )
        data.setdefault("weekdays", ["2"])
        return data

    def test_editor_creates_a_series(self):
        self.assertCanCreate(self.events, ConsultationPage, self.form())
        assert ConsultationPage.objects.get(slug="offen").weekdays == ["2"]

    def post_with_cancellation(self, day, **fields):
        data = self.form(
            cancellations=inline_formset([{"date": day, "reason": "Fortbildung"}]), **fields
        )
        data["action-publish"] = "action-publish"
        with time_machine.travel(NOW, tick=False):
            return self.client.post(
                f"/admin/pages/add/buero_events/consultationpage/{self.events.pk}/", data
            )

    def test_a_cancellation_typed_the_german_way_cancels_that_day(self):
        response = self.post_with_cancellation("09.12.2026")
        assert response.status_code == 302
        page = ConsultationPage.objects.get(slug="offen")
        assert list(page.cancellations.values_list("date", flat=True)) == [
            datetime.date(2026, 12, 9)
        ]

    def test_a_cancellation_on_a_day_without_a_date_is_refused_with_the_real_dates(self):
        content = self.post_with_cancellation("10.12.2026").content.decode()
        assert "An diesem Tag (Do 10.12.2026) findet die Sprechstunde nicht statt." in content
        assert "Die nächsten Termine: Mi 16.12.2026, Mi 23.12.2026, Mi 30.12.2026." in content
        assert not ConsultationPage.objects.filter(slug="offen").exists()

    def test_a_cancellation_in_the_past_or_years_ahead_is_refused(self):
        assert "in der Vergangenheit" in self.post_with_cancellation("25.11.2026").content.decode()
        assert (
            "mehr als ein Jahr voraus" in self.post_with_cancellation("09.12.2027").content.decode()
        )
        assert "TT.MM.JJJJ" in self.post_with_cancellation("9.12.0026").content.decode()
        assert not ConsultationPage.objects.filter(slug="offen").exists()

    def test_admin_explains_bad_times_dates_and_missing_weekdays(self):
        data = self.form(end_time="16:00", valid_until="2025-01-01")
        data["weekdays"] = []
        data["action-publish"] = "action-publish"
        response = self.client.post(
            f"/admin/pages/add/buero_events/consultationpage/{self.events.pk}/", data
        )
        content = response.content.decode()
        assert "Das Ende muss nach dem Beginn liegen." in content
        assert "„Gültig bis“ muss nach „Gültig ab“ liegen." in content
        assert (
            "Bitte mindestens einen Wochentag wählen." in content
            or "Dieses Feld muss ausgefüllt werden." in content
        )
        assert not ConsultationPage.objects.filter(slug="offen").exists()


def test_dates_listing_filters_by_topic_across_kinds(
    client, frozen, home, event_index, open_hour, locales
):
    from angebote.factories import TopicFactory

    schulden = TopicFactory(slug="schulden", name="Schulden", locale=locales["de"])
    debt_hour = ConsultationPageFactory(parent=event_index, title="Schuldnerberatung")
    debt_hour.topics.set([schulden])
    debt_hour.save_revision().publish()
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home), title="Schulden in Familien"
    )
    course.topics.set([schulden])
    course.save_revision().publish()
    CourseSessionFactory(page=course, start=datetime.datetime(2026, 12, 3, 9, tzinfo=datetime.UTC))
    text = text_of(client.get(f"{event_index.url}?topic=schulden").content.decode())
    assert "Schuldnerberatung" in text
    assert "Schulden in Familien" in text
    assert "Offene Sprechstunde" not in text


def test_offer_and_partner_pages_link_the_hours_the_partner_holds(client, frozen, home, office):
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), title="Schuldnerberatung Altmark"
    )
    offer = OfferPageFactory(parent=OfferIndexPageFactory(parent=home), title="Hilfe bei Schulden")
    offer.providers.set([partner])
    offer.save_revision().publish()
    index = DateIndexPageFactory(parent=home)
    ConsultationPageFactory(parent=index, title="Offene Sprechstunde")
    hour = ConsultationPageFactory(
        parent=index,
        title="Schuldnerberatung im Jugendclub",
        frequency="monthly",
        weekdays=["0"],
        nth=1,
        host=partner,
    )
    for page in (offer, partner):
        text = text_of(client.get(page.url).content.decode())
        assert "Sprechstunden" in text, page
        assert hour.title in text, page
        assert "Nächster Termin: Montag, 7. Dezember 2026, 17:00–19:00" in text, page
