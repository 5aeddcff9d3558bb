"""A failing cache makes pages slower, never broken; a failing database leaves the last good
copy of a page (issue 16)."""

import logging
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from buero import page_tree
from buero_site import cache as fail_safe

from .broken_cache import SwitchableCache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]

BROKEN_REDIS = {
    "default": {
        "BACKEND": "buero_site.cache.FailSafeCache",
        "LOCATION": "broken",
        "OPTIONS": {"BACKEND": "tests.broken_cache.SwitchableCache", "RETRY_AFTER": 5},
    }
}


@pytest.fixture
def broken_cache():
    SwitchableCache.broken, SwitchableCache.calls = True, 0
    with override_settings(CACHES=BROKEN_REDIS, PAGE_CACHE_SECONDS=300):
        yield SwitchableCache
    SwitchableCache.broken = False


@pytest.fixture
def page_cache_on(client):
    # As in production: an exception becomes a response (500), not a failed test.
    client.raise_request_exception = False
    with override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_STALE_SECONDS=3600):
        yield


def test_every_public_page_renders_while_the_cache_fails(
    public_pages, client, broken_cache, caplog
):
    caplog.set_level(logging.WARNING, logger="buero_site.cache")
    for page in public_pages:
        for _ in range(2):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert page.title in response.content.decode()
    assert client.get("/de/suche/?q=Beratung").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/de/gibt-es-nicht/").status_code == 404
    # One warning for about 45 requests, not one per request or per call.
    warnings = [record for record in caplog.records if record.name == "buero_site.cache"]
    assert len(warnings) == 1
    assert "Cache unavailable" in warnings[0].getMessage()


def test_a_failed_cache_is_left_alone_for_a_few_seconds_and_then_tried_again(
    public_pages, client, broken_cache
):
    url = public_pages[1].url
    client.get(url)
    calls_after_first_failure = broken_cache.calls
    client.get(url)
    assert broken_cache.calls == calls_after_first_failure  # skipped, no connection attempts

    broken_cache.broken = False  # Redis is back
    later = fail_safe.time.monotonic() + 6
    with mock.patch.object(fail_safe.time, "monotonic", return_value=later):
        assert client.get(url).status_code == 200  # fills the page cache again
        with connection.execute_wrapper(_fail_every_query):
            again = client.get(url)
    assert again.status_code == 200
    assert public_pages[1].title in again.content.decode()


def _fail_every_query(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_a_cached_page_survives_a_database_outage(public_pages, client, page_cache_on):
    offer = public_pages[2]
    url = offer.url
    assert client.get(url).status_code == 200
    # Content changes: the fresh copy is gone, only the stale copy is left.
    offer.save_revision().publish()
    with connection.execute_wrapper(_fail_every_query):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert offer.title in html
    assert "Diese Seite konnte gerade nicht aktualisiert werden" in html
    assert int(response["Age"]) >= 0
    assert "stale-if-error=3600" in response["Cache-Control"]


def test_a_worker_started_during_the_outage_finds_the_copy_for_any_port(
    public_pages, client, page_cache_on
):
    """The site behind a key is matched on rows kept in the shared cache (buero_site.page_cache)."""
    offer = public_pages[2]
    url = offer.url
    assert client.get(url).status_code == 200
    offer.save_revision().publish()
    page_tree.forget()  # a worker that has no snapshot of the page tree yet
    with connection.execute_wrapper(_fail_every_query):
        response = client.get(url, HTTP_HOST="localhost:8443", SERVER_PORT="8443")
    assert response.status_code == 200
    assert offer.title in response.content.decode()
    assert "Diese Seite konnte gerade nicht aktualisiert werden" in response.content.decode()


def test_the_notice_is_in_the_visitors_language(public_pages, client, page_cache_on):
    arabic_offer = public_pages[12]
    url = arabic_offer.url
    assert url.startswith("/ar/")
    client.get(url)
    public_pages[2].save_revision().publish()
    with connection.execute_wrapper(_fail_every_query):
        response = client.get(url)
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    assert "Diese Seite konnte" not in response.content.decode()


def test_a_page_never_cached_gets_the_error_page(public_pages, client, page_cache_on):
    url = public_pages[3].url
    with connection.execute_wrapper(_fail_every_query):
        response = client.get(url)
    assert response.status_code == 500


def test_fresh_pages_offer_stale_if_error_to_a_reverse_proxy(public_pages, client, page_cache_on):
    response = client.get(public_pages[0].url)
    assert "stale-if-error=3600" in response["Cache-Control"]
    assert "Set-Cookie" not in response


def test_a_search_is_never_kept_as_a_stale_copy(public_pages, client, page_cache_on):
    """Search words can be personal: the fresh copy lives minutes, no copy lives for days."""
    url = "/de/suche/?q=Schulden"
    assert "stale-if-error" not in client.get(url).get("Cache-Control", "")
    public_pages[0].save_revision().publish()  # the fresh copy is gone
    with connection.execute_wrapper(_fail_every_query):
        response = client.get(url)
    assert response.status_code == 500
