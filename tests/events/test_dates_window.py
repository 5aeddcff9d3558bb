"""The dates page and the calendar feeds are bounded: a window of time, a page of dates, a
number of events. Their cost does not grow with the series outside the window (issue 29)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from buero import content_generation
from buero.factories import OfficeInfoPageFactory
from events import feeds, listing, sections
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)
from events.models import ConsultationPage

pytestmark = pytest.mark.django_db


def dates_on(content):
    """The calendar links of the dates a page shows, in order ("…/termin/2026-12-02/")."""
    return re.findall(r'href="([^"]*termin/\d{4}-\d{2}-\d{2}/)"', content)


@pytest.fixture
def weekly(event_index):
    """Three hours on three weekdays: 18 dates in the six weeks of the listing."""
    return [
        ConsultationPageFactory(parent=event_index, title=f"Stunde {day}", weekdays=[str(day)])
        for day in (0, 2, 4)
    ]


def test_the_dates_page_shows_a_page_of_dates_and_links_the_next(
    client, frozen, office, event_index, weekly, monkeypatch
):
    monkeypatch.setattr(listing, "PAGE_SIZE", 5)
    first = client.get(event_index.url)
    assert first.status_code == 200
    shown = dates_on(first.content.decode())
    assert len(shown) == 5
    assert first.context["result_count"] > 10  # holidays cancelled: no calendar link
    assert 'href="?page=2" rel="next"' in first.content.decode()
    second = client.get(f"{event_index.url}?page=2")
    assert second.status_code == 200
    later = dates_on(second.content.decode())
    assert len(later) == 5
    assert not set(shown) & set(later)
    assert max(link[-11:] for link in shown) <= min(link[-11:] for link in later)
    assert 'href="?page=1" rel="prev"' in second.content.decode()


def test_the_dates_page_shows_only_the_window(client, frozen, office, event_index):
    ConsultationPageFactory(parent=event_index, title="Bald", weekdays=["2"])
    ConsultationPageFactory(
        parent=event_index,
        title="Später",
        weekdays=["2"],
        valid_from=frozen.date() + datetime.timedelta(weeks=listing.WEEKS + 1),
    )
    ConsultationPageFactory(
        parent=event_index,
        title="Vorbei",
        weekdays=["2"],
        valid_until=frozen.date() - datetime.timedelta(days=1),
    )
    content = client.get(event_index.url).content.decode()
    assert "Bald" in content
    assert "Später" not in content
    assert "Vorbei" not in content
    last = frozen.date() + datetime.timedelta(weeks=listing.WEEKS)
    assert all(link[-11:-1] <= last.isoformat() for link in dates_on(content))


@pytest.mark.parametrize(
    "value", ["abc", "0", "-1", "999999", "1e9", "2", "%00", "9" * 400, "1&page=x"]
)
def test_a_bad_page_number_is_never_an_error(client, frozen, office, event_index, weekly, value):
    response = client.get(f"{event_index.url}?page={value}")
    assert response.status_code in (200, 404), value


def test_the_window_finds_a_series_by_its_extra_date(frozen, event_index):
    """A series that ended still has dates in the window if it has an extra date there."""
    today = frozen.date()
    ended = ConsultationPageFactory(
        parent=event_index, valid_until=today - datetime.timedelta(days=30)
    )
    ConsultationExtraDateFactory(page=ended, date=today + datetime.timedelta(days=3))
    gone = ConsultationPageFactory(parent=event_index, valid_until=today - datetime.timedelta(1))
    later = ConsultationPageFactory(
        parent=event_index, valid_from=today + datetime.timedelta(days=60)
    )
    found = set(
        ConsultationPage.in_window(
            ConsultationPage.objects.all(), today, today + datetime.timedelta(days=42)
        ).values_list("pk", flat=True)
    )
    assert ended.pk in found
    assert gone.pk not in found
    assert later.pk not in found


def test_the_dates_page_does_not_grow_with_series_outside_the_window(
    client, frozen, office, event_index, weekly, without_search_index, monkeypatch
):
    """N and 10N series that ended or begin after the window: the same queries, and none of
    them is loaded to compute dates."""
    loaded = []
    load_dates = ConsultationPage.load_dates

    def counting(pages):
        pages = load_dates(pages)
        loaded.append(len(pages))
        return pages

    monkeypatch.setattr(ConsultationPage, "load_dates", counting)
    today = frozen.date()

    def add(number):
        for n in range(number):
            ConsultationPageFactory(
                parent=event_index,
                valid_until=today - datetime.timedelta(days=1 + n),
            )
            ConsultationPageFactory(
                parent=event_index, valid_from=today + datetime.timedelta(weeks=10 + n)
            )

    def first_request():
        """The first request after a change: the dates are computed, not taken from memory."""
        content_generation.bump()
        loaded.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event_index.url).status_code == 200
        return len(queries), loaded[:]

    add(2)
    first_request()  # what the site keeps beyond the snapshot (settings, site root paths)
    few_queries, few_loaded = first_request()
    add(18)
    many_queries, many_loaded = first_request()
    assert many_queries == few_queries
    assert few_loaded == many_loaded == [len(weekly)]


def test_the_all_series_calendar_is_bounded(client, frozen, office, event_index, monkeypatch):
    monkeypatch.setattr(feeds, "MAX_EVENTS", 3)
    for number in range(5):
        ConsultationPageFactory(parent=event_index, title=f"Stunde {number}")
    ConsultationPageFactory(
        parent=event_index,
        title="Vorbei",
        valid_until=frozen.date() - datetime.timedelta(days=1),
    )
    response = client.get(f"{event_index.url}kalender/")
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Stunde 0", "Stunde 1", "Stunde 2"]


def test_a_published_series_is_computed_anew_alone(
    client, frozen, office, event_index, weekly, monkeypatch
):
    """After a publication only the changed series' dates are computed: the other series'
    are kept (events.dated, page_tree's memo refresh)."""
    assert client.get(event_index.url).status_code == 200
    loaded = []
    load_dates = ConsultationPage.load_dates

    def counting(pages):
        pages = load_dates(pages)
        loaded.append(len(pages))
        return pages

    monkeypatch.setattr(ConsultationPage, "load_dates", counting)
    changed = ConsultationPage.objects.get(pk=weekly[0].pk)
    changed.title = "Montagsstunde"
    changed.weekdays = ["3"]
    changed.save_revision().publish()
    content = client.get(event_index.url).content.decode()
    assert loaded == [1]
    assert "Montagsstunde" in content
    thursdays = [link for link in dates_on(content) if weekly[0].slug in link]
    assert thursdays
    assert all(datetime.date.fromisoformat(link[-11:-1]).weekday() == 3 for link in thursdays)


def test_the_course_listing_is_paged(client, frozen, office, home, monkeypatch):
    monkeypatch.setattr(listing, "COURSE_PAGE_SIZE", 2)
    index = CourseIndexPageFactory(parent=home)
    for number in range(3):
        course = CoursePageFactory(parent=index, title=f"Kurs {number}")
        CourseSessionFactory(page=course, start=frozen + datetime.timedelta(days=3 + number))
    first = client.get(index.url)
    assert first.context["result_count"] == 3
    assert len(first.context["courses"]) == 2
    second = client.get(f"{index.url}?page=2").content.decode()
    assert "Kurs 2" in second
    assert "Kurs 0" not in second
    for value in ("x", "0", "99", "-3"):
        assert client.get(f"{index.url}?page={value}").status_code == 200


def test_the_home_box_lists_a_bounded_week(client, frozen, office, home, event_index, monkeypatch):
    monkeypatch.setattr(sections, "WEEK_MAX", 2)
    ConsultationPageFactory(parent=event_index, title="Offen", weekdays=["2"], host=None)
    for day in (0, 1, 3, 4):
        ConsultationPageFactory(parent=event_index, title=f"Stunde {day}", weekdays=[str(day)])
    box = client.get(home.url).content.decode().split('class="next-consultation"')[1]
    box = box.split("</section>")[0]
    assert box.count('<li class="occurrence') == 2
    assert f'href="{event_index.url}"' in box


def test_the_dates_page_shows_its_own_hours_and_only_public_courses(
    client, frozen, office, home, event_index
):
    """The dates kept per language hold every office's hours and every course of the
    language: the page shows its own hours, and no date of a course behind a password."""
    ConsultationPageFactory(parent=event_index, title="Unsere Stunde", weekdays=["1"])
    other_office = DateIndexPageFactory(parent=home, title="Termine Stendal", slug="stendal")
    ConsultationPageFactory(parent=other_office, title="Stunde in Stendal", weekdays=["2"])
    courses = CourseIndexPageFactory(parent=home)
    closed = CoursePageFactory(parent=courses, title="Interner Kurs")
    CourseSessionFactory(page=closed, start=frozen + datetime.timedelta(days=3))
    open_course = CoursePageFactory(parent=courses, title="Offener Kurs")
    CourseSessionFactory(page=open_course, start=frozen + datetime.timedelta(days=4))
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    content = client.get(event_index.url).content.decode()

    assert "Unsere Stunde" in content
    assert "Offener Kurs" in content
    assert "Stunde in Stendal" not in content
    assert "Interner Kurs" not in content
    assert "Unsere Stunde" not in client.get(other_office.url).content.decode()


def test_the_all_series_calendar_is_kept_until_a_consultation_hour_changes(
    client, frozen, office, event_index, weekly, home, monkeypatch
):
    """Made once a day per language and kept with the page tree snapshot: an offer's
    publication leaves it be, a consultation hour's change or cancellation makes it anew."""
    url = f"{event_index.url}kalender/"
    made = []
    series_calendar = feeds.series_calendar

    def counting(request, pages, name):
        made.append(name)
        return series_calendar(request, pages, name)

    monkeypatch.setattr(feeds, "series_calendar", counting)
    first = client.get(url).content
    assert client.get(url).content == first
    other = OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    other.save_revision().publish()
    assert client.get(url).content == first
    assert len(made) == 1
    hour = ConsultationPage.objects.get(pk=weekly[1].pk)
    hour.title = "Mittwochsstunde"
    hour.save_revision().publish()
    summaries = [
        str(event["SUMMARY"])
        for event in Calendar.from_ical(client.get(url).content).walk("VEVENT")
    ]
    assert "Mittwochsstunde" in summaries
    assert "Stunde 2" not in summaries
    day = frozen.date() + datetime.timedelta(days=(2 - frozen.weekday()) % 7 + 7)
    ConsultationCancellationFactory(page=hour, date=day)
    content = client.get(url).content.decode()
    assert re.search(rf"EXDATE[^\n]*{day:%Y%m%d}T", content)
    assert len(made) == 3
