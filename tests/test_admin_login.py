"""Admin login: failed attempts are rate-limited, two-factor login guards editors' accounts."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from buero.editor_groups import COUNSELLORS, setup_groups
from events.factories import AppointmentRequestFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("redaktion", "r@example.org", "richtig-lang-1")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@override_settings(AXES_ENABLED=True)
def test_five_wrong_passwords_lock_the_login_for_an_hour(client, editor):
    for _ in range(4):
        response = client.post(LOGIN, {"username": "redaktion", "password": "falsch"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post(LOGIN, {"username": "redaktion", "password": "falsch"}).status_code == 429
    locked = client.post(LOGIN, {"username": "redaktion", "password": "richtig-lang-1"})
    assert locked.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    # Another account from the same address is not affected.
    get_user_model().objects.create_user("uebersetzung", "u@example.org", "auch-richtig-2")
    other = client.post(LOGIN, {"username": "uebersetzung", "password": "auch-richtig-2"})
    assert other.status_code == 302


def behind_the_proxy(visitor, forged="203.0.113.1"):
    """The request headers as the reverse proxy passes them on to gunicorn."""
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": f"{forged}, {visitor}"}


@override_settings(AXES_ENABLED=True, BUERO_REVERSE_PROXY_COUNT=1)
def test_behind_the_proxy_the_lock_holds_one_address_and_user_not_the_user_everywhere(editor):
    attacker, office = Client(), Client()
    for n in range(5):
        # A new forged prefix every time changes nothing: the proxy's entry counts.
        attacker.post(
            LOGIN,
            {"username": "redaktion", "password": "falsch"},
            **behind_the_proxy("198.51.100.7", forged=f"203.0.113.{n}"),
        )
    locked = attacker.post(
        LOGIN,
        {"username": "redaktion", "password": "richtig-lang-1"},
        **behind_the_proxy("198.51.100.7", forged="192.0.2.200"),
    )
    assert locked.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}

    # The same person from the office's address logs in as usual.
    response = office.post(
        LOGIN,
        {"username": "redaktion", "password": "richtig-lang-1"},
        **behind_the_proxy("192.0.2.10"),
    )
    assert response.status_code == 302
    assert office.session["_auth_user_id"] == str(editor.pk)


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_an_editor_with_a_device_must_enter_a_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    client.force_login(editor)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/2fa/auth" in response["Location"]

    wrong = client.post(response["Location"], {"otp_token": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    # django-otp throttles after a wrong code; a person would simply wait a moment.
    device.refresh_from_db()
    device.throttle_reset()
    client.post(response["Location"], {"otp_token": f"{totp(device.bin_key):06d}"})
    assert client.get("/admin/").status_code == 200


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_two_factor_is_optional_unless_the_group_requires_it(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200

    editor.groups.get().permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="enable_2fa")
    )
    response = client.get("/admin/")
    assert response.status_code == 302
    # Not to the set-up of a device: nobody adds their first one with the password alone.
    assert response["Location"] == "/admin/zweiter-faktor/fehlt/"


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_two_factor_pages_speak_german(client, editor):
    TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    client.force_login(editor)
    content = client.get("/admin/2fa/auth?next=/admin/").content.decode()
    assert "Geben Sie den Code aus Ihrer App ein" in content


def code_of(device):
    """The app's current code; as a person would wait for the next one after a code was used
    or mistyped, the device's memory of both is reset."""
    device.refresh_from_db()
    device.throttle_reset()
    device.last_t = -1
    device.save()
    return f"{totp(device.bin_key):06d}"


def verified_client(user, device):
    client = Client()
    client.force_login(user)
    client.post("/admin/2fa/auth?next=/admin/", {"otp_token": code_of(device)})
    assert client.get("/admin/").status_code == 200
    return client


@pytest.fixture
def counsellor():
    setup_groups()
    user = get_user_model().objects.create_user("beratung", "b@example.org", "richtig-lang-2")
    user.groups.add(Group.objects.get(name=COUNSELLORS))
    return user


@pytest.fixture
def office_admin():
    admin = get_user_model().objects.create_superuser("leitung", "l@example.org", "lang-3-pw")
    return admin, TOTPDevice.objects.create(user=admin, name="Telefon", confirmed=True)


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_counsellors_and_superusers_need_a_second_factor_before_any_admin_page(
    counsellor, django_user_model
):
    AppointmentRequestFactory(contact="0170 1234567")
    superuser = django_user_model.objects.create_superuser("chef", "c@example.org", "lang-4-pw")
    for user in (counsellor, superuser):
        client = Client()
        client.force_login(user)
        for url in ("/admin/", "/admin/buero/appointment-requests/", "/admin/2fa/devices/new"):
            response = client.get(url)
            assert response.status_code == 302, (user, url)
            assert response["Location"] == "/admin/zweiter-faktor/fehlt/", (user, url)
        page = client.get("/admin/zweiter-faktor/fehlt/").content.decode()
        assert "richtet die Büroleitung gemeinsam mit Ihnen ein" in page
        assert not TOTPDevice.objects.filter(user=user).exists()


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_an_office_administrator_sets_up_the_second_factor_in_person(counsellor, office_admin):
    admin, admin_device = office_admin
    office = verified_client(admin, admin_device)
    assert "Zweiten Faktor einrichten" in office.get("/admin/users/").content.decode()
    url = f"/admin/zweiter-faktor/{counsellor.pk}/"
    page = office.get(url).content.decode()
    assert '<svg role="img"' in page
    device = TOTPDevice.objects.get(user=counsellor, confirmed=False)
    assert "Der Code stimmt nicht" in office.post(url, {"otp_token": "000000"}).content.decode()
    assert office.post(url, {"otp_token": code_of(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed

    # Now the counsellor logs in with a code, and then reads the requests.
    client = Client()
    client.force_login(counsellor)
    assert "/admin/2fa/auth" in client.get("/admin/buero/appointment-requests/")["Location"]
    reading = verified_client(counsellor, device)
    assert reading.get("/admin/buero/appointment-requests/").status_code == 200


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_a_further_device_needs_the_current_second_factor(counsellor, office_admin):
    admin, device = office_admin
    client = Client()
    client.force_login(admin)  # password only
    response = client.get("/admin/2fa/devices/new")
    assert "/admin/2fa/auth" in response["Location"]
    assert client.get(f"/admin/zweiter-faktor/{counsellor.pk}/").status_code == 302
    assert not TOTPDevice.objects.filter(user=counsellor).exists()
    verified = verified_client(admin, device)
    assert verified.get("/admin/2fa/devices/new").status_code == 200


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_only_office_administrators_set_up_other_peoples_devices(counsellor, editor):
    device = TOTPDevice.objects.create(user=counsellor, name="Telefon", confirmed=True)
    client = verified_client(counsellor, device)
    assert client.get(f"/admin/zweiter-faktor/{editor.pk}/").status_code in (302, 403)
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_the_first_administrator_gets_a_second_factor_on_the_server(monkeypatch, capsys):
    admin = get_user_model().objects.create_superuser("erste", "e@example.org", "lang-5-pw")

    def answer(prompt):
        device = TOTPDevice.objects.get(user=admin, confirmed=False)
        return code_of(device)

    monkeypatch.setattr("builtins.input", answer)
    call_command("add_second_factor", "erste")
    assert "otpauth://totp/" in capsys.readouterr().out
    assert TOTPDevice.objects.get(user=admin).confirmed


def test_without_the_switch_the_demo_logs_in_with_the_password(client, counsellor):
    """`make run` serves the demo with WAGTAIL_2FA_REQUIRED off (buero_site/settings/dev.py)."""
    client.force_login(counsellor)
    assert client.get("/admin/buero/appointment-requests/").status_code == 200
