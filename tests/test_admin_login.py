"""Admin login: failed attempts are rate-limited, two-factor login guards editors' accounts."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

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


@override_settings(AXES_ENABLED=True, REVERSE_PROXY_COUNT=1)
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
    assert "/admin/2fa/devices/new" in response["Location"]


@override_settings(WAGTAIL_2FA_REQUIRED=True)
def test_two_factor_pages_speak_german(client, editor):
    TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    client.force_login(editor)
    content = client.get("/admin/2fa/auth?next=/admin/").content.decode()
    assert "Geben Sie den Code aus Ihrer App ein" in content
