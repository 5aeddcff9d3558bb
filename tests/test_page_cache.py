"""Public pages come from the cache for anonymous visitors and change as soon as content does;
one copy per address as the site knows it, however a visitor spells it."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    TopicFactory,
)
from angebote.filters import OfferFilter, PartnerFilter
from buero import content_generation, page_tree
from buero.models import FEEDBACK_PARAMETER, BasePage
from buero_site import page_cache
from events.factories import CourseIndexPageFactory, DateIndexPageFactory
from events.listing import CourseListing, EventListing

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
    client.get("/de/hilfsangebote/")
    with CaptureQueriesContext(connection) as queries:
        call_command("purge_page_cache", verbosity=0)
        client.get("/de/hilfsangebote/")
    assert len(queries) > 0


def cache_keys():
    """Every key of the page cache (the test settings' LocMemCache keeps them in ``_cache``)."""
    return {key for key in page_cache.page_cache()._cache if "page-cache:" in key}


def test_ports_and_host_spellings_make_no_new_entries(offers, client, django_assert_num_queries):
    """Anyone can send another port or spelling of the host: the copy is the site's."""
    first = client.get("/de/hilfsangebote/")
    keys = cache_keys()
    spellings = [(f"localhost:{port}", str(port)) for port in range(1000, 1200)]
    spellings += [("LOCALHOST", "80"), ("localhost.", "80"), ("127.0.0.1:8443", "8443")]
    with django_assert_num_queries(0):
        for host, port in spellings:
            response = client.get("/de/hilfsangebote/", HTTP_HOST=host, SERVER_PORT=port)
            assert response.content == first.content
    assert cache_keys() == keys


def test_a_copy_made_for_another_port_is_the_sites_copy(offers, client, django_assert_num_queries):
    client.get("/de/hilfsangebote/", HTTP_HOST="localhost:4711", SERVER_PORT="4711")
    with django_assert_num_queries(0):
        page = client.get("/de/hilfsangebote/").content.decode()
    assert ":4711" not in page


def test_a_page_built_with_the_host_as_sent_is_not_kept_for_the_site(home, office, client):
    """Django's feeds spell out the Host header; such a copy is right only for that host."""
    client.get("/de/feeds/angebote/", HTTP_HOST="localhost:4711", SERVER_PORT="4711")
    with CaptureQueriesContext(connection) as queries:
        feed = client.get("/de/feeds/angebote/", HTTP_HOST="localhost").content.decode()
    assert len(queries) > 0
    assert ":4711" not in feed


def test_unknown_parameters_make_no_new_entries(offers, client, django_assert_num_queries):
    """Tracking tags and made-up parameters are dropped: the plain address's copy answers."""
    client.get("/de/hilfsangebote/?fbclid=IwAR0abc")  # a cold cache: kept as the plain copy
    keys = cache_keys()
    with django_assert_num_queries(0):
        plain = client.get("/de/hilfsangebote/")
        for number in range(100):
            response = client.get(f"/de/hilfsangebote/?utm_source=x{number}&anything={number}")
            assert response.content == plain.content
    assert cache_keys() == keys
    assert "fbclid" not in plain.content.decode()


def test_the_page_does_not_see_unknown_parameters(offers, client):
    """A page's links copy its query string (the next page of results): never a stranger's."""
    for number in range(13):
        OfferPageFactory(parent=offers, title=f"Angebot {number}")
    html = client.get("/de/hilfsangebote/?page=1&utm_campaign=geheim").content.decode()
    assert "page=2" in html
    assert "geheim" not in html
    assert "geheim" not in client.get("/de/hilfsangebote/?page=1").content.decode()


def test_parameters_a_page_reads_are_cached_per_value(offers, client, django_assert_num_queries):
    debts = TopicFactory(name="Schulden", slug="schulden")
    OfferPageFactory(parent=offers, title="Schuldnerberatung", topics=[debts])
    client.get("/de/hilfsangebote/")
    filtered = client.get("/de/hilfsangebote/?topic=schulden&page=1")
    keys = cache_keys()
    with django_assert_num_queries(0):
        # Any order of the parameters, with or without unknown ones: the same copy.
        again = client.get("/de/hilfsangebote/?page=1&ref=x&topic=schulden")
    assert again.content == filtered.content
    assert cache_keys() == keys
    assert "Lebensmittel von der Tafel" not in again.content.decode()


def test_searches_are_cached_per_query(home, office, client, django_assert_num_queries):
    client.get("/de/suche/?q=Kita")
    client.get("/de/suche/?q=Wohngeld")
    assert "Wohngeld" not in client.get("/de/suche/?q=Kita").content.decode()
    with django_assert_num_queries(0):
        assert "Kita" in client.get("/de/suche/?q=Kita&utm_medium=x").content.decode()


def test_feedback_answers_show_with_the_cache_on(offers, client):
    offer = OfferPageFactory(parent=offers, title="Wohngeld")
    client.get(offer.url)
    assert 'name="reason"' not in client.get(offer.url).content.decode()
    assert 'name="reason"' in client.get(f"{offer.url}?feedback=why").content.decode()


def test_a_view_that_does_not_say_what_it_reads_is_not_cached_with_a_query(home, client):
    client.get("/sitemap.xml")
    keys = cache_keys()
    for number in range(5):
        assert client.get(f"/sitemap.xml?p={number}").status_code in (200, 404)
    assert cache_keys() == keys


def test_a_query_django_refuses_to_read_is_left_to_the_view(home, client, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"p{number}=1" for number in range(11))
    assert page_cache.request_address(RequestFactory().get(f"/de/?{query}")) is None
    assert client.get(f"/api/termine.json?{query}").status_code == 400
    changes = {key for key in cache_keys() if content_generation.CHANGE_KEY in key}
    assert cache_keys() - changes <= {f":1:{content_generation.GENERATION_KEY}"}


def test_listings_declare_every_filter_they_read(home, locales):
    request = RequestFactory().get("/")
    listings = [
        (OfferFilter, OfferIndexPageFactory(parent=home)),
        (PartnerFilter, PartnerIndexPageFactory(parent=home)),
    ]
    for listing, page in listings:
        facets = {facet.param for facet in listing(page, request).facets}
        assert facets | {"page"} <= set(page.query_parameters), listing
    events = DateIndexPageFactory(parent=home)
    courses = CourseIndexPageFactory(parent=home)
    for listing, page in ((EventListing, events), (CourseListing, courses)):
        facets = {facet.param for facet in listing(page, request, Page.objects.none()).facets}
        assert facets <= set(page.query_parameters), listing


def test_pages_that_ask_for_feedback_read_its_parameter():
    for model in BasePage.__subclasses__() + [
        sub for base in BasePage.__subclasses__() for sub in base.__subclasses__()
    ]:
        if model.collects_feedback:
            assert FEEDBACK_PARAMETER in model.query_parameters, model


@pytest.mark.parametrize(
    ("sites", "requests"),
    [
        ([("localhost", 80, True)], [("localhost", 80), ("localhost", 81), ("other", 80)]),
        (
            [("localhost", 80, True), ("example.org", 80, False), ("example.org", 8080, False)],
            [("example.org", 80), ("example.org", 8080), ("example.org", 9), ("x.org", 80)],
        ),
        (
            [("localhost", 80, True), ("example.org", 443, False)],
            [("example.org", 80), ("example.org", 443), ("localhost", 443)],
        ),
        (
            [("a.org", 80, False), ("a.org", 8080, False), ("b.org", 80, False)],
            [("a.org", 80), ("a.org", 9), ("b.org", 9), ("c.org", 80)],
        ),
    ],
)
def test_the_key_names_the_site_that_wagtail_serves(home, sites, requests):
    """The site is matched in memory (the database may be down) by Wagtail's rules."""
    Site.objects.all().delete()
    for hostname, port, is_default in sites:
        Site.objects.create(
            hostname=hostname, port=port, is_default_site=is_default, root_page=home
        )
    for hostname, port in requests:
        request = RequestFactory().get("/", HTTP_HOST=hostname, SERVER_PORT=str(port))
        wagtail = Site.find_for_request(request)
        expected = wagtail.root_url if wagtail else None
        page_tree.forget()
        assert page_cache.site_root_url(request) == expected, (hostname, port)
        found = page_tree.current().find_site(
            RequestFactory().get("/", HTTP_HOST=hostname, SERVER_PORT=str(port))
        )
        assert found == wagtail, (hostname, port)


def test_any_host_spelling_finds_its_site_without_a_query(home, django_assert_num_queries):
    tree = page_tree.current()
    tree.find_site(RequestFactory().get("/"))
    with django_assert_num_queries(0):
        for port in range(1000, 1200):
            request = RequestFactory().get(
                "/", HTTP_HOST=f"localhost:{port}", SERVER_PORT=str(port)
            )
            assert tree.find_site(request).root_page_id == home.pk
