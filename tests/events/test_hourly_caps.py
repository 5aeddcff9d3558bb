"""Caps for everyone together: many addresses at once fill neither the list of appointment
requests, nor the feedback, nor the counsellors' inboxes; the office learns of it."""

import datetime
import logging

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from buero.editor_groups import COUNSELLORS, EDITORS, setup_groups
from buero.models import PageFeedback
from events.factories import AppointmentRequestPageFactory
from events.models import AppointmentRequest
from tests.form_posts import form_action

from .test_appointment_requests import answers

pytestmark = pytest.mark.django_db

BUSY = "so viele Anfragen erreicht, dass wir gerade keine weiteren annehmen können"


@pytest.fixture
def request_page(home):
    return AppointmentRequestPageFactory(parent=home)


@pytest.fixture
def counsellor(django_user_model):
    setup_groups()
    user = django_user_model.objects.create_user("beraterin", email="b@example.org", password="x")
    user.groups.add(Group.objects.get(name=COUNSELLORS))
    return user


def visitor(n):
    """Each request from another address, as a crowd of machines would send them."""
    return {"REMOTE_ADDR": f"198.51.100.{n}"}


def send_requests(client, page, count, capture):
    statuses = []
    for n in range(count):
        with capture(execute=True):
            statuses.append(client.post(page.url, answers(), **visitor(n)).status_code)
    return statuses


def dashboard(user):
    client = Client()
    client.force_login(user)
    return client.get("/admin/").content.decode()


def test_appointment_requests_over_the_hourly_cap_are_refused_with_a_page(
    client, request_page, counsellor, settings, caplog, django_capture_on_commit_callbacks
):
    settings.BUERO_APPOINTMENT_REQUESTS_PER_HOUR = 3
    with caplog.at_level(logging.WARNING, logger="buero.limits"):
        statuses = send_requests(client, request_page, 5, django_capture_on_commit_callbacks)
    assert statuses == [303, 303, 303, 429, 429]
    assert AppointmentRequest.objects.count() == 3

    refused = client.post(request_page.url, answers(), **visitor(99))
    assert refused["Retry-After"] == "3600"
    assert "no-store" in refused["Cache-Control"]
    text = " ".join(refused.content.decode().split())
    assert BUSY in text
    assert "mehrere Anfragen von Ihnen" not in text

    # One warning for the hour, and nothing about anyone in it.
    [record] = [record for record in caplog.records if record.name == "buero.limits"]
    assert "appointment-requests" in record.getMessage()
    assert "198.51.100" not in record.getMessage()

    page = dashboard(counsellor)
    assert "Obergrenze pro Stunde erreicht" in page
    assert "Terminanfragen: mehr als 3 in einer Stunde" in page
    assert "3 abgewiesen" in page  # the fourth, the fifth and the one above


def test_a_new_hour_takes_requests_again(client, request_page, settings):
    settings.BUERO_APPOINTMENT_REQUESTS_PER_HOUR = 1
    start = timezone.now().replace(minute=10)
    with time_machine.travel(start, tick=False):
        assert client.post(request_page.url, answers(), **visitor(1)).status_code == 303
        assert client.post(request_page.url, answers(), **visitor(2)).status_code == 429
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        answered = client.post(request_page.url, answers(), **visitor(3))
    assert answered.status_code == 303
    assert AppointmentRequest.objects.count() == 2


def test_notification_emails_over_the_cap_are_not_sent_but_no_request_is_lost(
    client, request_page, counsellor, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.BUERO_NOTIFICATION_EMAILS_PER_HOUR = 2
    statuses = send_requests(client, request_page, 4, django_capture_on_commit_callbacks)
    assert statuses == [303] * 4
    assert AppointmentRequest.objects.count() == 4
    assert len(mailoutbox) == 2

    page = dashboard(counsellor)
    assert "Benachrichtigungs-E-Mails: mehr als 2 in einer Stunde" in page
    assert "2 nicht versendet" in page
    assert "Neue Terminanfragen stehen trotzdem in der Liste" in page
    assert "4 neue Anfragen" in page


def test_the_caps_notice_is_shown_only_when_reached_and_only_to_whom_it_concerns(
    client, request_page, counsellor, django_user_model, settings
):
    setup_groups()
    editor = django_user_model.objects.create_user("redakteur", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    assert "Obergrenze pro Stunde" not in dashboard(counsellor)

    settings.BUERO_APPOINTMENT_REQUESTS_PER_HOUR = 0
    assert client.post(request_page.url, answers()).status_code == 429
    assert "Obergrenze pro Stunde" in dashboard(counsellor)
    # The Redaktion may publish pages: the office sees every notice.
    assert "Terminanfragen: mehr als 0" in dashboard(editor)


def test_the_notice_is_gone_after_a_day(client, request_page, counsellor, settings):
    settings.BUERO_APPOINTMENT_REQUESTS_PER_HOUR = 0
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(request_page.url, answers())
        assert "Obergrenze pro Stunde" in dashboard(counsellor)
    with time_machine.travel(start + datetime.timedelta(hours=26), tick=False):
        assert "Obergrenze pro Stunde" not in dashboard(counsellor)


@pytest.fixture
def offer(home, office):
    return OfferPageFactory(parent=OfferIndexPageFactory(parent=home), title="Wohngeld")


def test_feedback_over_the_hourly_cap_gets_a_page_not_a_500(client, offer, settings):
    settings.BUERO_FEEDBACK_PER_HOUR = 2
    statuses = [
        client.post(form_action(offer), {"helpful": "yes"}, **visitor(n)).status_code
        for n in range(4)
    ]
    assert statuses == [303, 303, 429, 429]
    assert PageFeedback.objects.count() == 2
    refused = client.post(form_action(offer), {"helpful": "yes"}, **visitor(9))
    text = " ".join(refused.content.decode().split())
    assert "Gerade können wir keine weiteren Antworten annehmen" in text
    assert f'href="{offer.url}"' in text
    # "Nein" first asks what was missing; that click stores nothing and is not refused.
    assert client.post(form_action(offer), {"helpful": "no"}, **visitor(10)).status_code == 303


def test_a_failing_cache_caps_nobody(client, offer, settings, monkeypatch):
    settings.BUERO_FEEDBACK_PER_HOUR = 0
    monkeypatch.setattr("django.core.cache.cache.incr", lambda *args, **kwargs: None)
    assert client.post(form_action(offer), {"helpful": "yes"}).status_code == 303
