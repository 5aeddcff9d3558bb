"""Appointment requests: what a visitor sends, what is kept (encrypted, briefly), who sees it."""

import datetime
import logging
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

from angebote.factories import PartnerIndexPageFactory, PartnerPageFactory, TopicFactory
from angebote.partner_access import setup_partner_group
from buero.editor_groups import COUNSELLORS, EDITORS, TRANSLATORS, setup_groups
from buero.models import OfficePage
from events.factories import (
    AppointmentRequestFactory,
    AppointmentRequestPageFactory,
    ConsultationPageFactory,
    DateIndexPageFactory,
)
from events.models import AppointmentRequest, AppointmentRequestPage
from events.requests import MIN_FILL_SECONDS, RATE_LIMIT, SIGNING_SALT
from tests.page_rules import SiteRootTestCase

pytestmark = pytest.mark.django_db

PHONE = "0170 5550123"
EMAIL = "mutter@example.org"


def started(seconds_ago=MIN_FILL_SECONDS + 5):
    """The form's signed time stamp, as if it had been opened ``seconds_ago``."""
    then = int(timezone.now().timestamp()) - seconds_ago
    return signing.TimestampSigner(salt=SIGNING_SALT).sign(str(then))


def answers(**changes):
    data = {
        "topic": "",
        "contact_method": "phone",
        "contact": PHONE,
        "name": "M. K.",
        "preferred_days": ["2", "4"],
        "preferred_times": ["afternoon"],
        "conversation_language": "ar",
        "interpreter_language": "ar",
        "consent": "on",
        "leave_empty": "",
        "started": started(),
    }
    data.update(changes)
    return data


@pytest.fixture
def request_page(home):
    return AppointmentRequestPageFactory(parent=home)


@pytest.fixture
def counsellor(django_user_model):
    setup_groups()
    user = django_user_model.objects.create_user(
        "beraterin", email="beratung@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=COUNSELLORS))
    return user


class TestAppointmentRequestPageRules(SiteRootTestCase):
    def test_one_request_page_under_the_home_page(self):
        self.assertAllowedParentPageTypes(AppointmentRequestPage, {OfficePage})
        self.assertAllowedSubpageTypes(AppointmentRequestPage, set())
        self.assertCanCreate(
            self.home,
            AppointmentRequestPage,
            {
                "title": "Termin vereinbaren",
                "slug": "termin-vereinbaren",
                "intro": "Wir melden uns.",
                "privacy_note": "Verantwortlich: …",
            },
        )
        assert not AppointmentRequestPage.can_create_at(self.home)

    @override_settings(ROOT_URLCONF="tests.urls_unprefixed")
    def test_the_page_is_routable(self):
        self.assertPageIsRoutable(AppointmentRequestPageFactory(parent=self.home))


def test_the_form_asks_only_for_how_and_when_and_says_why(client, request_page):
    response = client.get(request_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<textarea" not in html  # no free text
    for name in ("contact_method", "contact", "preferred_days", "conversation_language"):
        assert f'name="{name}"' in html
    assert "§ 8 Abs. 3 SGB VIII" in html
    assert "Landesbeauftragten für den Datenschutz Sachsen-Anhalt" in html
    assert "no-store" in response["Cache-Control"]
    # The one cookie of the public site: the CSRF cookie, for the browser session only.
    assert list(response.cookies) == ["csrftoken"]
    assert not response.cookies["csrftoken"]["max-age"]
    assert not response.cookies["csrftoken"]["expires"]


def test_a_request_is_stored_encrypted_and_the_counsellors_get_a_note_without_it(
    client, request_page, counsellor, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(request_page.url, answers(), follow=True)
    assert response.redirect_chain[0][1] == 303
    assert "zurueckziehen/" in response.content.decode()
    appointment = AppointmentRequest.objects.get()
    assert appointment.contact == PHONE
    assert appointment.interpreter_language == "ar"
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM buero_events_appointmentrequest")
        raw = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert PHONE not in raw
    assert "5550123" not in raw
    assert "M. K." not in raw
    [mail] = mailoutbox
    assert mail.to == ["beratung@example.org"]
    assert "Eine neue Terminanfrage ist eingegangen" in mail.body
    assert PHONE not in mail.body
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "5550123" not in logged


def test_an_email_address_is_encrypted_too(client, request_page):
    client.post(request_page.url, answers(contact_method="email", contact=EMAIL))
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact FROM buero_events_appointmentrequest")
        [(stored,)] = cursor.fetchall()
    assert EMAIL not in stored
    assert "example.org" not in stored
    assert AppointmentRequest.objects.get().contact == EMAIL


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact": "bitte anrufen"}, "contact"),
        ({"contact_method": "email", "contact": "keine-adresse"}, "contact"),
        ({"consent": ""}, "consent"),
        ({"started": "just now"}, "started"),  # sent at once: a script
        ({"started": "gefälscht"}, "started"),
        ({"contact_method": "fax"}, "contact_method"),
        ({"conversation_language": "xx"}, "conversation_language"),
    ],
)
def test_bad_answers_get_the_form_back_and_store_nothing(client, request_page, changes, field):
    if changes.get("started") == "just now":
        changes = {"started": started(seconds_ago=0)}
    response = client.post(request_page.url, answers(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_calling_oneself_keeps_no_number(client, request_page):
    client.post(request_page.url, answers(contact_method="self", contact=PHONE))
    assert AppointmentRequest.objects.get().contact == ""


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client, request_page):
    response = client.post(
        request_page.url, answers(leave_empty="https://spam.example"), follow=True
    )
    assert response.status_code == 200
    assert "zurueckziehen/" not in response.content.decode()
    assert not AppointmentRequest.objects.exists()


def test_more_than_five_an_hour_get_a_translated_429(client, request_page):
    cache.clear()
    for _ in range(RATE_LIMIT):
        assert client.post(request_page.url, answers()).status_code == 303
    response = client.post(request_page.url, answers())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert AppointmentRequest.objects.count() == RATE_LIMIT
    # The count is kept under a keyed hash, never the address.
    assert not [key for key in cache._cache if "127.0.0.1" in str(key)]


def test_the_withdrawal_link_deletes_the_request_once(client, request_page):
    html = client.post(request_page.url, answers(), follow=True).content.decode()
    link = re.search(r'href="([^"]*zurueckziehen/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert client.get(link).status_code == 200
    assert AppointmentRequest.objects.count() == 1
    client.post(link)
    assert not AppointmentRequest.objects.exists()
    assert client.get(link).status_code == 404
    assert client.get(f"{request_page.url}zurueckziehen/?token={'x' * 43}").status_code == 404
    assert client.get(f"{request_page.url}zurueckziehen/").status_code == 404


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_withdrawal_link_works_with_the_page_cache_on(client, request_page):
    """The link is opened from an e-mail, without a cookie: the page declares its token."""
    html = client.post(request_page.url, answers(), follow=True).content.decode()
    link = re.search(r'href="([^"]*zurueckziehen/[^"]+)"', html).group(1).replace("&amp;", "&")
    assert Client().get(link).status_code == 200
    assert Client().get(f"{link}&utm_source=mail").status_code == 200


def test_requests_are_deleted_after_30_days_or_7_after_done(db):
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=31), tick=False):
        old = AppointmentRequestFactory()
    with time_machine.travel(now - datetime.timedelta(days=10), tick=False):
        done = AppointmentRequestFactory()
        done.status = "done"
        done.save()
        open_one = AppointmentRequestFactory()
    with time_machine.travel(now - datetime.timedelta(days=2), tick=False):
        done_recently = AppointmentRequestFactory()
    done_recently.status = "done"
    done_recently.save()
    call_command("buero_purge_appointment_requests", stdout=None)
    left = set(AppointmentRequest.objects.values_list("pk", flat=True))
    assert left == {open_one.pk, done_recently.pk}
    assert old.pk not in left


@pytest.fixture
def users(django_user_model, counsellor, home):
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners)
    partner_group = setup_partner_group(partner)

    def member(name, group):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(group)
        return user

    return {
        "superuser": django_user_model.objects.create_superuser("chefin", password="x"),
        COUNSELLORS: counsellor,
        EDITORS: member("redakteur", Group.objects.get(name=EDITORS)),
        TRANSLATORS: member("uebersetzerin", Group.objects.get(name=TRANSLATORS)),
        "partner": member("partnerin", partner_group),
    }


def test_only_counsellors_and_superusers_see_requests(users):
    appointment = AppointmentRequestFactory(contact=PHONE)
    urls = {
        "list": "/admin/buero/appointment-requests/",
        "edit": f"/admin/buero/appointment-requests/edit/{appointment.pk}/",
    }
    allowed = {"superuser", COUNSELLORS}
    matrix = {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        for view, url in urls.items():
            status = client.get(url).status_code
            matrix[(role, view)] = status
            if role in allowed:
                assert status == 200, (role, view)
            else:
                assert status in (302, 403), (role, view, status)
        menu = client.get("/admin/").content.decode()
        assert ("Terminanfragen" in menu) == (role in allowed), role
    counsellor = Client()
    counsellor.force_login(users[COUNSELLORS])
    assert PHONE not in counsellor.get(urls["list"]).content.decode()
    assert PHONE in counsellor.get(urls["edit"]).content.decode()
    assert counsellor.get("/admin/buero/appointment-requests/new/").status_code in (302, 403, 404)


def test_a_request_reads_in_german_in_berlin_time_on_one_page(users):
    appointment = AppointmentRequestFactory(
        contact=PHONE,
        name="A. B.",
        preferred_days=["1", "3"],
        preferred_times=["afternoon"],
        created=datetime.datetime(2026, 12, 7, 14, 5, tzinfo=datetime.UTC),
    )
    client = Client()
    client.force_login(users[COUNSELLORS])
    content = client.get(
        f"/admin/buero/appointment-requests/edit/{appointment.pk}/"
    ).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", content))
    assert PHONE in text
    assert "A. B." in text
    assert "Tage Dienstag, Donnerstag" in text
    assert "Tageszeiten Nachmittags" in text
    assert "7. Dezember 2026 15:05" in text  # 14:05 UTC is 15:05 in Berlin
    assert "Terminanfrage vom 07.12.2026, 15:05 Uhr" in text
    assert "['1'" not in content
    assert "afternoon" not in text


def test_the_counsellors_dashboard_counts_new_requests(users):
    AppointmentRequestFactory.create_batch(2)
    client = Client()
    client.force_login(users[COUNSELLORS])
    assert "2 neue Anfragen" in client.get("/admin/").content.decode()


def test_consultation_pages_and_the_next_hour_box_link_to_the_request(client, home, request_page):
    index = DateIndexPageFactory(parent=home)
    hour = ConsultationPageFactory(parent=index)
    assert request_page.url in client.get(hour.url).content.decode()
    assert request_page.url in client.get(home.url).content.decode()


def test_the_topic_is_kept_as_the_topic(client, request_page, locales):
    TopicFactory(slug="schulden", name="Schulden", locale=locales["de"])
    client.post(request_page.url, answers(topic="schulden"))
    assert AppointmentRequest.objects.get().topic.slug == "schulden"


def test_a_request_does_not_purge_the_page_cache(client, office, request_page):
    from buero import content_generation

    before = content_generation.current()
    client.post(request_page.url, answers())
    assert AppointmentRequest.objects.exists()
    assert content_generation.current() == before


def test_behind_the_proxy_each_visitor_has_their_own_limit(client, request_page, settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    cache.clear()
    for _ in range(RATE_LIMIT):
        client.post(request_page.url, answers(), HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert (
        client.post(request_page.url, answers(), HTTP_X_FORWARDED_FOR="203.0.113.1").status_code
        == 429
    )
    # Another family behind the same proxy is not locked out; a typo never counts.
    assert (
        client.post(request_page.url, answers(), HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
        == 303
    )
    assert (
        client.post(
            request_page.url, answers(contact="x"), HTTP_X_FORWARDED_FOR="192.0.2.9"
        ).status_code
        == 200
    )


def test_behind_the_proxy_a_forged_forwarded_for_prefix_does_not_rotate_the_limit(
    client, request_page, settings
):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    # As the proxy passes them on: the connection is the proxy, the header ends with the
    # visitor's address whatever the visitor put in front of it.
    statuses = [
        client.post(
            request_page.url,
            answers(),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7",
        ).status_code
        for n in range(RATE_LIMIT + 3)
    ]
    assert statuses == [303] * RATE_LIMIT + [429] * 3
    assert AppointmentRequest.objects.count() == RATE_LIMIT


def test_a_failing_cache_or_mail_server_costs_no_request(
    client, request_page, counsellor, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("django.core.cache.cache.incr", lambda *args, **kwargs: None)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("events.requests.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(request_page.url, answers(), follow=True)
    assert response.status_code == 200
    assert "zurueckziehen/" in response.content.decode()
    assert AppointmentRequest.objects.count() == 1


def test_a_form_left_open_too_long_can_be_sent_again(client, request_page):
    stale = signing.TimestampSigner(salt=SIGNING_SALT)
    with time_machine.travel(timezone.now() - datetime.timedelta(hours=3)):
        old = stale.sign(str(int(timezone.now().timestamp())))
    response = client.post(request_page.url, answers(started=old))
    assert "started" in response.context["form"].errors
    fresh = re.search(r'name="started" value="([^"]+)"', response.content.decode()).group(1)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=10)):
        assert (
            "zurueckziehen/"
            in client.post(request_page.url, answers(started=fresh), follow=True).content.decode()
        )


def test_phone_numbers_in_persian_digits_are_accepted(client, request_page):
    persian = "\u06f0\u06f1\u06f7\u06f0 \u06f5\u06f5\u06f5\u06f0\u06f1\u06f2\u06f3"
    response = client.post(request_page.url, answers(contact=persian))
    assert response.status_code == 303
    assert AppointmentRequest.objects.get().contact == "0170 5550123"


def test_post_redirect_get_a_reload_of_the_thanks_stores_nothing_more(request_page):
    """Post/Redirect/Get: the answer to the POST is a 303 to a thank-you page of its own, so
    Back and reload never send the request again; its URL holds none of the answers."""
    client = Client(enforce_csrf_checks=True)
    form = client.get(request_page.url)
    token = form.cookies["csrftoken"].value
    response = client.post(request_page.url, answers(csrfmiddlewaretoken=token, name="Mira Kaya"))
    assert response.status_code == 303
    thanks = response["Location"]
    assert thanks.startswith(f"{request_page.url}danke/?t=")
    for value in (PHONE, "0170+5550123", "5550123", "Mira", "Kaya", "M.+K", "afternoon"):
        assert value not in thanks
    assert "?t=" in thanks
    assert "&" not in thanks  # one opaque parameter: no id, no contact, no answer
    for _ in range(2):
        page = Client().get(thanks)  # another tab, no cookie: the link still reaches them
        assert page.status_code == 200
        assert "zurueckziehen/?token=" in page.content.decode()
        assert "no-store" in page["Cache-Control"]
        assert "private" in page["Cache-Control"]
        assert not page.cookies
    assert AppointmentRequest.objects.count() == 1
    # The withdrawal token is inside, encrypted: the thank-you URL does not show it.
    link = re.search(r"token=([\w-]+)", page.content.decode()).group(1)
    assert link not in thanks


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_thanks_page_is_never_cached_and_its_token_expires(client, request_page):
    thanks = client.post(request_page.url, answers())["Location"]
    assert "zurueckziehen/" in Client().get(thanks).content.decode()
    # Another visitor with the bare address gets a plain thank-you, never someone's link.
    bare = Client().get(f"{request_page.url}danke/")
    assert bare.status_code == 200
    assert "zurueckziehen/" not in bare.content.decode()
    assert "zurueckziehen/" not in Client().get(thanks[:-4] + "abcd").content.decode()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        late = Client().get(thanks)
    assert late.status_code == 200
    assert "zurueckziehen/" not in late.content.decode()
