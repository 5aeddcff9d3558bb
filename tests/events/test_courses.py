"""Training courses: upcoming first, past ones in the archive, registration and status."""

import datetime
import json
import re

import pytest
import time_machine
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from angebote.factories import PartnerIndexPageFactory, PartnerPageFactory
from buero.factories import OfficeInfoPageFactory
from events.factories import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db
BERLIN = datetime.timezone(datetime.timedelta(hours=1))


@pytest.fixture
def course_index(home):
    return CourseIndexPageFactory(parent=home)


def course(index, title, start, **fields):
    page = CoursePageFactory(parent=index, title=title, **fields)
    CourseSessionFactory(page=page, start=start, end=start + datetime.timedelta(hours=3))
    return page


def titles(response):
    return re.findall(r'<a class="card__link" href="[^"]*">([^<]+)</a>', response.content.decode())


def text_of(content):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", content))


@pytest.fixture
def courses(frozen, course_index):
    return {
        "past": course(
            course_index,
            "Kinderarmut erkennen (Frühjahr)",
            datetime.datetime(2026, 4, 1, 9, tzinfo=BERLIN),
        ),
        "soon": course(
            course_index,
            "Bildung und Teilhabe in der Praxis",
            datetime.datetime(2026, 12, 8, 9, tzinfo=BERLIN),
            registration_deadline=datetime.date(2026, 12, 5),
            target_professions=["school"],
        ),
        "online": course(
            course_index,
            "Elterngespräche mit Dolmetschern",
            datetime.datetime(2027, 1, 20, 14, tzinfo=BERLIN),
            course_format="online",
            how_to_join="Den Link erhalten Sie nach der Anmeldung.",
            target_professions=["social_work"],
            status="full",
        ),
    }


def test_upcoming_first_and_past_courses_only_in_the_archive(client, courses, course_index):
    assert titles(client.get(course_index.url)) == [
        "Bildung und Teilhabe in der Praxis",
        "Elterngespräche mit Dolmetschern",
    ]
    assert titles(client.get(f"{course_index.url}archiv/")) == ["Kinderarmut erkennen (Frühjahr)"]


def test_the_course_listing_follows_time_and_changed_courses_without_reading_the_rest(
    client, courses, course_index, home, office, django_assert_num_queries
):
    """The matches are kept with the page tree snapshot: a course that ends moves to the
    archive when its time comes, a changed course is read anew, another page's publication
    leaves the listing be (the page and the shown courses: two queries)."""
    client.get(course_index.url)
    OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    client.get(course_index.url)  # brings the page tree up to date
    with django_assert_num_queries(2):
        client.get(course_index.url)
    start = datetime.datetime(2026, 12, 2, 9, tzinfo=BERLIN)
    courses["online"].sessions.update(start=start, end=start + datetime.timedelta(hours=3))
    courses["online"].save_revision().publish()
    assert titles(client.get(course_index.url)) == [
        "Elterngespräche mit Dolmetschern",
        "Bildung und Teilhabe in der Praxis",
    ]
    with time_machine.travel(datetime.datetime(2026, 12, 9, 9, tzinfo=BERLIN), tick=False):
        assert titles(client.get(course_index.url)) == []
        assert titles(client.get(f"{course_index.url}archiv/")) == [
            "Bildung und Teilhabe in der Praxis",
            "Elterngespräche mit Dolmetschern",
            "Kinderarmut erkennen (Frühjahr)",
        ]


def test_course_filters(client, courses, course_index):
    assert titles(client.get(f"{course_index.url}?format=online")) == [
        "Elterngespräche mit Dolmetschern"
    ]
    assert titles(client.get(f"{course_index.url}?profession=school")) == [
        "Bildung und Teilhabe in der Praxis"
    ]
    assert client.get(f"{course_index.url}?profession=<b>&format=x").status_code == 200


def test_course_page_shows_status_dates_and_closed_registration(client, courses):
    text = text_of(client.get(courses["soon"].url).content.decode())
    assert "Dienstag, 8. Dezember 2026, 09:00–12:00" in text
    assert "Plätze frei" in text
    assert "Die Anmeldung endete" not in text
    assert "Anmeldung bis 5. Dezember 2026." in text
    assert "anmeldung@example.org" in text
    full = text_of(client.get(courses["online"].url).content.decode())
    assert "Ausgebucht" in full
    assert "Den Link erhalten Sie nach der Anmeldung." in full
    # No registration for a full course: its address is there for the waiting list.
    assert "Online anmelden" not in full
    assert "Diese Weiterbildung ist ausgebucht." in full


def test_registration_deadline_passed(client, course_index, frozen):
    page = course(
        course_index,
        "Traumasensible Arbeit",
        datetime.datetime(2026, 12, 15, 9, tzinfo=BERLIN),
        registration_deadline=datetime.date(2026, 11, 20),
    )
    assert "Die Anmeldung endete am 20. November 2026." in text_of(
        client.get(page.url).content.decode()
    )


def test_course_json_ld_and_feed(client, courses, course_index):
    content = client.get(courses["soon"].url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["@type"] == "Course"
    assert data["hasCourseInstance"][0]["startDate"].startswith("2026-12-08T")
    calendar = Calendar.from_ical(client.get(f"{course_index.url}kalender/").content)
    assert {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")} == {
        "Bildung und Teilhabe in der Praxis",
        "Elterngespräche mit Dolmetschern",
    }


def test_dates_listing_shows_course_sessions_and_filters_by_kind(client, courses, event_index):
    text = text_of(client.get(event_index.url).content.decode())
    assert "Bildung und Teilhabe in der Praxis" in text
    only_consultations = text_of(
        client.get(f"{event_index.url}?kind=consultation").content.decode()
    )
    assert "Bildung und Teilhabe in der Praxis" not in only_consultations


def test_admin_refuses_a_session_that_ends_before_it_starts(
    client, courses, admin_client, course_index
):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": "Falsch",
            "slug": "falsch",
            "summary": "Text",
            "body": streamfield([]),
            "course_format": "in_person",
            "status": "open",
            "sessions": inline_formset(
                [{"start": "2027-01-10 10:00", "end": "2027-01-10 09:00", "note": ""}], min=1
            ),
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/buero_events/coursepage/{course_index.pk}/", data
    )
    assert "Das Ende muss nach dem Beginn liegen." in response.content.decode()


def test_a_course_has_its_own_calendar_file(client, courses, course_index):
    """Every session of the course in one RFC 5545 file, linked from the course page, with
    the UIDs of the all-courses calendar, so that a calendar app never shows a date twice."""
    page = courses["online"]
    second = CourseSessionFactory(
        page=page, start=datetime.datetime(2027, 1, 27, 14, tzinfo=BERLIN), note="Teil 2"
    )
    content = client.get(page.url).content.decode()
    assert f'<a href="{page.url}kalender/" download>Alle Termine in den Kalender</a>' in content

    response = client.get(f"{page.url}kalender/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.ics"'
    assert not response.cookies
    assert b"\r\n" in response.content
    assert b"\n\n" not in response.content
    calendar = Calendar.from_ical(response.content)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//Offenes Büro Tangerhütte//Termine//DE",
    )
    assert str(calendar["X-WR-CALNAME"]) == page.title
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = calendar.walk("VEVENT")
    sessions = list(page.sessions.order_by("start"))
    assert [event.decoded("DTSTART") for event in events] == [s.start for s in sessions]
    assert [event.decoded("DTEND") for event in events] == [s.end for s in sessions]
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"} <= set(event)
        assert str(event["SUMMARY"]) == page.title
        assert str(event["URL"]) == page.full_url
        assert "STATUS" not in event
    assert str(events[1]["DESCRIPTION"]).startswith(second.note)
    uids = [str(event["UID"]) for event in events]
    assert len(set(uids)) == 2
    feed = Calendar.from_ical(client.get(f"{course_index.url}kalender/").content)
    assert set(uids) <= {str(event["UID"]) for event in feed.walk("VEVENT")}


def test_a_cancelled_course_says_so_in_its_calendar_and_offers_none(client, courses):
    page = courses["soon"]
    page.status = "cancelled"
    page.save_revision().publish()
    assert f"{page.url}kalender/" not in client.get(page.url).content.decode()
    calendar = Calendar.from_ical(client.get(f"{page.url}kalender/").content)
    assert [str(event["STATUS"]) for event in calendar.walk("VEVENT")] == ["CANCELLED"]


def test_a_past_course_offers_no_calendar_file(client, courses):
    assert "kalender/" not in client.get(courses["past"].url).content.decode()


def test_a_restricted_course_keeps_its_calendar_file_closed(client, courses):
    page = courses["soon"]
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(f"{page.url}kalender/")
    assert response["Content-Type"].startswith("text/html")
    assert b"BEGIN:VCALENDAR" not in response.content
    assert page.title.encode() not in response.content


@pytest.fixture
def provider(home):
    return PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home),
        title="Fachstelle Kinderschutz",
        phone="030 23125 160",
        email="kinderschutz@example.org",
    )


def test_a_full_course_names_the_waiting_list_and_whom_to_ask(client, courses, provider):
    page = courses["online"]
    page.provider = provider
    page.registration_url = "https://anmeldung.example.org/kurs"
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    text = text_of(content)
    assert (
        "Diese Weiterbildung ist ausgebucht. Fragen Sie nach einem Platz auf der Warteliste: "
        "Wird ein Platz frei, bekommen Sie Bescheid." in text
    )
    subject = "Warteliste%3A%20Elterngespr%C3%A4che%20mit%20Dolmetschern"
    assert f'href="mailto:anmeldung@example.org?subject={subject}"' in content
    assert '<a href="https://anmeldung.example.org/kurs">Anmeldeseite</a>' in content
    assert f'<a href="{provider.url}">Fachstelle Kinderschutz</a>' in content
    assert 'href="tel:03023125160"' in content
    assert 'href="mailto:kinderschutz@example.org"' in content
    assert "Online anmelden" not in text

    page.waiting_list = "Schreiben Sie uns Ihren Namen und Ihre Einrichtung."
    page.save_revision().publish()
    text = text_of(client.get(page.url).content.decode())
    assert "ausgebucht. Schreiben Sie uns Ihren Namen und Ihre Einrichtung." in text
    assert "Fragen Sie nach einem Platz" not in text


def test_a_full_course_without_any_contact_names_the_office(client, courses, office):
    page = courses["online"]
    page.registration_email = ""
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert "Warteliste" in content
    assert f'<bdi dir="ltr">{office.appointment_phone}</bdi>' in content


def test_an_open_course_says_nothing_of_a_waiting_list(client, courses):
    text = text_of(client.get(courses["soon"].url).content.decode())
    assert "Warteliste" not in text
    assert "ausgebucht" not in text
