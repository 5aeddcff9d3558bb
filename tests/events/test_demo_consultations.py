"""The demo consultation hours: the open hour, a monthly partner hour, a fortnightly one."""

import pytest
from django.core.management import call_command

from events.models import ConsultationPage

pytestmark = pytest.mark.django_db


def test_demo_consultation_hours(client):
    call_command("load_demo_content", german_only=True, verbosity=0)
    call_command("load_demo_content", german_only=True, verbosity=0)
    pages = {page.slug: page for page in ConsultationPage.objects.all()}
    assert set(pages) == {
        "offene-sprechstunde",
        "schuldnerberatung-im-jugendclub",
        "migrationsberatung-im-jugendclub",
    }
    open_hour = pages["offene-sprechstunde"]
    assert open_hour.weekdays == ["2"]
    assert open_hour.host is None
    assert open_hour.venue_access == "stairs"
    assert any(o.cancelled for o in open_hour.upcoming(4))  # a cancellation in the coming weeks
    assert pages["schuldnerberatung-im-jugendclub"].host.slug == "schuldnerberatung"
    assert pages["migrationsberatung-im-jugendclub"].interval == 2
    assert pages["migrationsberatung-im-jugendclub"].interpreter_languages == ["ar", "uk"]
    home = client.get("/de/").content.decode()
    assert "Nächste offene Sprechstunde" in home
    assert client.get("/de/termine/").status_code == 200


def test_demo_courses():
    from django.utils import timezone

    from events.models import CoursePage

    call_command("load_demo_content", german_only=True, verbosity=0)
    courses = list(CoursePage.objects.with_dates())
    assert len(courses) >= 6
    assert any(course.status == "full" for course in courses)
    assert any(course.course_format == "online" for course in courses)
    assert any(course.last_end < timezone.now() for course in courses)
    assert max(course.first_start for course in courses) <= timezone.now() + timezone.timedelta(
        days=190
    )
