"""Public pages come from the cache for anonymous visitors and change as soon as content does."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from angebote.factories import OfferIndexPageFactory, OfferPageFactory, TopicFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]


@pytest.fixture(autouse=True)
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


@pytest.fixture
def offers(home):
    index = OfferIndexPageFactory(parent=home, slug="hilfsangebote")
    OfferPageFactory(parent=index, title="Lebensmittel von der Tafel")
    return index


def test_second_visit_is_served_without_touching_the_database(
    offers, client, django_assert_num_queries
):
    first = client.get("/de/hilfsangebote/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/de/hilfsangebote/")
    assert second.content == first.content
    assert "Set-Cookie" not in second
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_publishing_an_offer_updates_the_listing_at_once(offers, client):
    assert "Zuschuss zur Klassenfahrt" not in client.get("/de/hilfsangebote/").content.decode()

    offer = OfferPageFactory(parent=offers, title="Zuschuss zur Klassenfahrt")
    offer.unpublish()
    assert "Zuschuss zur Klassenfahrt" not in client.get("/de/hilfsangebote/").content.decode()
    offer.save_revision().publish()
    assert "Zuschuss zur Klassenfahrt" in client.get("/de/hilfsangebote/").content.decode()

    offer.refresh_from_db()
    offer.unpublish()
    assert "Zuschuss zur Klassenfahrt" not in client.get("/de/hilfsangebote/").content.decode()


def test_filters_are_cached_separately(offers, client):
    debts = TopicFactory(name="Schulden", slug="schulden")
    OfferPageFactory(parent=offers, title="Schuldnerberatung", topics=[debts])
    everything = client.get("/de/hilfsangebote/").content.decode()
    filtered = client.get("/de/hilfsangebote/?topic=schulden").content.decode()
    assert "Lebensmittel von der Tafel" in everything
    assert "Lebensmittel von der Tafel" not in filtered
    assert client.get("/de/hilfsangebote/?topic=schulden").content.decode() == filtered


def test_editors_and_visitors_with_cookies_always_get_a_fresh_page(offers, admin_client, client):
    client.get("/de/hilfsangebote/")  # now cached for anonymous visitors
    for visitor in (admin_client, client):
        if visitor is client:
            client.cookies["anything"] = "1"
        with CaptureQueriesContext(connection) as queries:
            assert visitor.get("/de/hilfsangebote/").status_code == 200
        assert len(queries) > 0


def test_purge_command_makes_cached_pages_stale(offers, client):
    from django.core.management import call_command

    client.get("/de/hilfsangebote/")
    with CaptureQueriesContext(connection) as queries:
        call_command("purge_page_cache", verbosity=0)
        client.get("/de/hilfsangebote/")
    assert len(queries) > 0
