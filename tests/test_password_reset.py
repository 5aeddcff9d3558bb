"""'Passwort vergessen?' in the admin: at most three links an hour per address and per
account, and the page never says whether one was sent."""

import pytest
from django.contrib.auth import get_user_model

from buero_site.password_reset import RATE_LIMIT

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("redaktion", "r@example.org", "richtig-lang-1")


def ask(client, email="r@example.org", address="198.51.100.7"):
    return client.post(
        RESET,
        {"email": email},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"203.0.113.1, {address}",
    )


def test_the_fourth_request_in_an_hour_sends_no_email_but_shows_the_same_page(
    client, editor, mailoutbox, settings
):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    answers = [ask(client) for _ in range(RATE_LIMIT)]
    assert len(mailoutbox) == RATE_LIMIT
    assert "r@example.org" in mailoutbox[0].to

    fourth = ask(client)
    assert len(mailoutbox) == RATE_LIMIT
    assert fourth.status_code == 302
    assert fourth["Location"] == answers[0]["Location"] == DONE
    done = client.get(DONE)
    assert done.status_code == 200
    assert "E-Mail" in done.content.decode()


def test_one_account_from_many_addresses_is_limited_too(client, editor, mailoutbox, settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    for n in range(RATE_LIMIT + 2):
        assert ask(client, email="R@example.org", address=f"192.0.2.{n}")["Location"] == DONE
    assert len(mailoutbox) == RATE_LIMIT


def test_one_address_asking_for_many_accounts_is_limited(client, mailoutbox, settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    for n in range(RATE_LIMIT + 2):
        get_user_model().objects.create_user(f"person{n}", f"p{n}@example.org", "lang-genug-1")
    for n in range(RATE_LIMIT + 2):
        assert ask(client, email=f"p{n}@example.org")["Location"] == DONE
    assert len(mailoutbox) == RATE_LIMIT
    # Someone else behind the same proxy still gets a link.
    ask(client, email=f"p{RATE_LIMIT + 1}@example.org", address="192.0.2.50")
    assert len(mailoutbox) == RATE_LIMIT + 1


def test_reset_links_count_against_the_hourly_email_cap(client, editor, mailoutbox, settings):
    settings.BUERO_NOTIFICATION_EMAILS_PER_HOUR = 1
    ask(client, address="192.0.2.1")
    assert ask(client, address="192.0.2.2")["Location"] == DONE
    assert len(mailoutbox) == 1


def test_an_unknown_address_gets_the_same_page(client, mailoutbox):
    assert ask(client, email="niemand@example.org")["Location"] == DONE
    assert not mailoutbox
