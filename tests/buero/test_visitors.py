"""Who a visitor is for the limits: the address the trusted proxies saw, never one the
visitor wrote into X-Forwarded-For."""

import pytest
from django.test import RequestFactory

from buero.visitors import client_address, over_limit

PROXY = "127.0.0.1"
VISITOR = "198.51.100.7"


def request(forwarded=None, remote=PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_proxy_the_header_is_ignored(settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 0
    assert client_address(request("203.0.113.1", remote=VISITOR)) == VISITOR


@pytest.mark.parametrize(
    "forwarded",
    [
        VISITOR,  # nginx: proxy_set_header X-Forwarded-For $remote_addr;
        f"203.0.113.1, {VISITOR}",  # a proxy that appends to what the visitor sent
        f"10.0.0.1, 8.8.8.8, {VISITOR}",  # a forged public and private entry
        f"nonsense, {VISITOR}",
        f"{VISITOR}:4711",  # with a port
    ],
)
def test_behind_one_proxy_the_entry_it_wrote_counts(settings, forwarded):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    assert client_address(request(forwarded)) == VISITOR


def test_behind_two_proxies_the_outer_proxys_entry_counts(settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 2
    # The visitor forged 203.0.113.1; the outer proxy appended the visitor, the inner one
    # the outer proxy (192.0.2.10), and the inner proxy is the connection.
    assert client_address(request(f"203.0.113.1, {VISITOR}, 192.0.2.10")) == VISITOR


def test_ipv6_visitors(settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    assert client_address(request("2001:db8::1, 2a00:1450::5")) == "2a00:1450::5"


@pytest.mark.parametrize("forwarded", [None, "", "nonsense"])
def test_a_request_that_did_not_pass_the_proxy_counts_as_the_connection(settings, forwarded):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    assert client_address(request(forwarded)) == PROXY


def test_too_few_entries_for_two_proxies_count_as_the_connection(settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 2
    assert client_address(request(VISITOR)) == PROXY


def test_a_forged_prefix_does_not_rotate_the_count(settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    results = [over_limit(request(f"203.0.113.{n}, {VISITOR}"), "test", 3, 60) for n in range(1, 6)]
    assert results == [False, False, False, True, True]
    assert not over_limit(request("192.0.2.44"), "test", 3, 60)


def test_accounts_are_counted_apart_from_addresses(settings):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    for n in range(3):
        assert not over_limit(request(f"192.0.2.{n}"), "reset", 3, 60, account="A@example.org")
    assert over_limit(request("192.0.2.99"), "reset", 3, 60, account=" a@EXAMPLE.org")
    assert not over_limit(request("192.0.2.99"), "reset", 3, 60, account="b@example.org")
