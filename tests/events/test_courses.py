"""Training courses: upcoming first, past ones in the archive, registration and status."""

import datetime
import json
import re

import pytest
from icalendar import Calendar

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
    assert "anmeldung@example.org" not in full  # no registration for a full course


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
    response = admin_client.post(f"/admin/pages/add/events/coursepage/{course_index.pk}/", data)
    assert "Das Ende muss nach dem Beginn liegen." in response.content.decode()
