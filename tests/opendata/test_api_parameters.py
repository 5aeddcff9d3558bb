"""No parameter value makes a public endpoint of the app fail: every query parameter of every
endpoint, fuzzed, gets a 200, a 400 or a 404, and the JSON APIs keep their CORS header on
each. A new endpoint or a new parameter fails the coverage tests until it is fuzzed too."""

import datetime
import json
from typing import NamedTuple
from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings as django_settings
from django.http import QueryDict
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    TopicFactory,
)
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)

pytestmark = pytest.mark.django_db


class Endpoint(NamedTuple):
    #: The query parameters its view reads.
    params: tuple = ()
    #: What its path takes: the id of the first record of this HSDS list, or "slug" (a
    #: consultation hour's); None for a path without a variable part.
    key: str | None = None
    #: JSON for other sites' scripts, with CORS (the APIs); else a page or a feed.
    is_json: bool = True


HSDS_LIST = ("lang", "page", "per_page", "format", "search")
SERVICE_FILTERS = ("full", "modified_after", "organization_id", "taxonomy_term_id", "taxonomy_id")
#: Every public endpoint of the app, by URL name.
ENDPOINTS = {
    "opendata:dates_json": Endpoint(("lang", "anzahl", "sprechstunde")),
    "opendata:hsds_index": Endpoint(("lang",)),
    "opendata:hsds_openapi": Endpoint(("lang",)),
    "opendata:hsds_services": Endpoint((*HSDS_LIST, *SERVICE_FILTERS)),
    "opendata:hsds_service": Endpoint(("lang",), "services"),
    "opendata:hsds_organizations": Endpoint((*HSDS_LIST, "full")),
    "opendata:hsds_organization": Endpoint(("lang",), "organizations"),
    "opendata:hsds_service_at_locations": Endpoint((*HSDS_LIST, *SERVICE_FILTERS)),
    "opendata:hsds_service_at_location": Endpoint(("lang",), "service_at_locations"),
    "opendata:hsds_taxonomies": Endpoint(HSDS_LIST),
    "opendata:hsds_taxonomy": Endpoint(("lang",), "taxonomies"),
    "opendata:hsds_taxonomy_terms": Endpoint((*HSDS_LIST, "taxonomy_id")),
    "opendata:hsds_taxonomy_term": Endpoint(("lang",), "taxonomy_terms"),
    "opendata_embed_dates": Endpoint(("anzahl", "sprechstunde"), is_json=False),
    # The series named by the path: ?sprechstunde= is not read there.
    "opendata_embed_series": Endpoint(("anzahl",), "slug", is_json=False),
    "opendata_feed_offers": Endpoint(is_json=False),
    "opendata_feed_courses": Endpoint(is_json=False),
    "opendata_feed_cancellations": Endpoint(is_json=False),
}
#: A value no answer may repeat.
MARKER = "<script>alert(1)</script>"
#: The languages of the paths (the APIs take any in ``lang`` and ignore the path's).
LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
#: Routes of the app that are not public: the admin's page behind the login.
NOT_PUBLIC = {"buero_embed_codes"}

examples = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def tree(home, office, translate):
    """Every kind of record the endpoints list: an offer, its provider, a consultation hour
    with a cancellation, a course, taxonomy terms, and Arabic translations."""
    today = timezone.localdate()
    debts = TopicFactory(name="Schulden", slug="schulden")
    families = TargetGroupFactory(name="Familien", slug="familien")
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung", topics=[debts])
    offers = OfferIndexPageFactory(parent=home)
    offer = OfferPageFactory(
        parent=offers, topics=[debts], target_groups=[families], providers=[partner]
    )
    dates = DateIndexPageFactory(parent=home)
    hour = ConsultationPageFactory(
        parent=dates, title="Offene Sprechstunde", slug="offene-sprechstunde", host=partner
    )
    ConsultationCancellationFactory(page=hour, date=today + datetime.timedelta(days=7))
    courses = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=courses, provider=partner)
    CourseSessionFactory(page=course)
    for page in (offer, hour, course):
        page.save_revision().publish()
    translate(offer, "ar", title="استشارة الديون")
    translate(hour, "ar", title="الاستشارة المفتوحة")
    return {"slug": hour.slug, "hour_id": str(hour.pk)}


def first_id(client, listing):
    response = client.get(reverse(f"opendata:hsds_{listing}"))
    return json.loads(response.content)["contents"][0]["id"]


def endpoint_path(client, tree, name, language="de", key=None):
    """The endpoint's address in ``language``; ``key`` replaces the id or slug of its path."""
    source = ENDPOINTS[name].key
    with translation.override(language):
        if source is None:
            return reverse(name)
        if key is None:
            key = tree["slug"] if source == "slug" else first_id(client, source)
        if source == "slug":
            # Any text, not only what the slug converter takes: the rest goes to the pages.
            return f"{reverse('opendata_embed_dates')}{quote(key, safe='')}/"
        return reverse(name, kwargs={"service_id" if source == "services" else "item_id": key})


@pytest.fixture
def known(client, tree):
    """Values that exist (ids, slugs, terms), so that some requests get past the filters."""
    found = [tree["slug"], tree["hour_id"], "true", "json", "de", "ar", "1", "2", "100"]
    found += [first_id(client, listing) for listing in ("organizations", "taxonomy_terms")]
    found += [first_id(client, listing) for listing in ("services", "taxonomies")]
    return found


# Values -------------------------------------------------------------------------------------

NEAR_MISSES = [
    # Impossible dates and times in the shape of ISO 8601.
    "2024-02-30",
    "2023-02-29",
    "2024-99-99",
    "2024-00-00",
    "0000-01-01",
    "2024-13-45T25:61:61",
    "2024-02-29T24:00",
    "2024-01-01T00:00:00+99:00",
    "2024-01-01T00:00:00-24:00",
    "2024-01-01T00:00:60",
    "2024-01-01T00:00:00.9999999999",
    # Possible ones at the ends of the calendar.
    "0001-01-01",
    "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
    "9999-12-31T23:59:59.999999",
    "2024-01-01 00:00+01:00",
    "2024-1-1",
    "20240230",
    "2024-W09-6",
    # Numbers that int() refuses or that are out of range.
    "-1",
    "0",
    "-0",
    "+1",
    " 1 ",
    "1_000",
    "1e3",
    "1.5",
    "NaN",
    "inf",
    "²",
    "١٢",
    "\uff11\uff12",  # fullwidth digits
    "9" * 17,
    "9" * 18,
    "9" * 4301,
    "-" + "9" * 40,
    # Text.
    "",
    " ",
    "\x00",
    "\u200f",
    MARKER,
    "x" * 10_000,
    "Sprechstunde " * 500,
]
dates = st.builds(
    "{:04}-{:02}-{:02}".format, st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)
)
date_times = st.builds(
    "{}T{:02}:{:02}:{:02}{}".format,
    dates,
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from(["", "Z", "+01:00", "-23:59", "+24:00", "+99:99", " 05:00", ".5"]),
)
#: Text of the shape a parameter takes, but wrong: dates, numbers, digits of other scripts.
near_misses = st.one_of(
    st.sampled_from(NEAR_MISSES),
    dates,
    date_times,
    st.integers().map(str),
    # Digits of every script, and those that int() does not read ("²").
    st.text(st.characters(categories=["Nd", "No"]).filter(str.isdigit), min_size=1, max_size=3),
)
texts = st.one_of(
    st.text(),  # Unicode with NUL and control characters; surrogates cannot be sent
    st.builds(
        lambda part, times: part * times, st.text(min_size=1, max_size=3), st.integers(1, 5000)
    ),
)


def values(known):
    """A value as it is sent: encoded text, raw bytes that are not UTF-8, or one that exists."""
    return st.one_of(
        near_misses.map(str.encode),
        texts.map(str.encode),
        st.binary(max_size=20),
        st.sampled_from(known).map(str.encode),
    )


def query_string(pairs):
    return "&".join(
        f"{quote(name, safe='')}={quote_from_bytes(value, safe='')}" for name, value in pairs
    )


def check(response, is_json, sent=None):
    """A page or a 4xx the client can act on; from the APIs JSON that any origin may read."""
    assert response.status_code in {200, 400, 404}, (sent, response.content[:300])
    if is_json:
        assert response["Content-Type"].startswith("application/json"), sent
        assert response["Access-Control-Allow-Origin"] == "*", sent
        json.loads(response.content)
    assert MARKER not in response.content.decode(errors="replace"), sent


# Near misses, each on every parameter -----------------------------------------------------


def test_near_misses_on_every_parameter_get_a_page_or_a_4xx(client, tree):
    for name, endpoint in ENDPOINTS.items():
        path = endpoint_path(client, tree, name)
        for param in endpoint.params:
            for value in NEAR_MISSES:
                check(client.get(path, {param: value}), endpoint.is_json, (name, param, value))
            # Repeated: the last one counts, whichever it is.
            for repeated in (["1", NEAR_MISSES[0]], [NEAR_MISSES[0], "1"], ["", MARKER]):
                sent = (name, param, repeated)
                check(client.get(path, {param: repeated}), endpoint.is_json, sent)


@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
@pytest.mark.parametrize("value", ["2024-02-30", "2024-99-99", "2024-13-45T25:61:61"])
def test_an_impossible_modified_after_is_a_json_400_with_cors(client, office, endpoint, value):
    response = client.get(reverse(f"opendata:hsds_{endpoint}"), {"modified_after": value})
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {
        "error": "modified_after must be a date or date and time (ISO 8601)."
    }


def test_a_search_longer_than_the_sites_own_is_a_400(client, tree):
    for endpoint in ("services", "organizations", "service_at_locations", "taxonomy_terms"):
        path = reverse(f"opendata:hsds_{endpoint}")
        assert client.get(path, {"search": "x" * 200}).status_code == 200
        response = client.get(path, {"search": "x" * 201})
        assert response.status_code == 400
        assert response.json() == {"error": "search must be at most 200 characters."}


def test_more_parameters_than_django_reads_are_a_json_400_with_cors(client, tree):
    count = django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    query = "&".join(f"p{number}=1" for number in range(count))
    for name, endpoint in ENDPOINTS.items():
        response = client.get(f"{endpoint_path(client, tree, name)}?{query}")
        check(response, endpoint.is_json, name)
        assert response.status_code == 400 or not endpoint.is_json, name


# The fuzz -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ENDPOINTS)
@examples
@given(data=st.data())
def test_no_parameter_value_makes_an_endpoint_fail(client, tree, known, name, data):
    endpoint = ENDPOINTS[name]
    # Each parameter the view reads, and one it does not; repeats come with the list.
    names = st.sampled_from([*endpoint.params, "unbekannt"])
    pairs = data.draw(st.lists(st.tuples(names, values(known)), max_size=6), label="query")
    language = data.draw(st.sampled_from(LANGUAGES), label="language")
    key = None
    if endpoint.key is not None and data.draw(st.booleans(), label="other key"):
        # Any id or slug except an empty one or one with "/": they are other paths.
        key = data.draw(st.text(min_size=1).filter(lambda text: "/" not in text), label="key")
    path = endpoint_path(client, tree, name, language, key)
    check(client.get(f"{path}?{query_string(pairs)}"), endpoint.is_json, (path, pairs))


# Coverage -----------------------------------------------------------------------------------


def app_routes(patterns=None, namespace=""):
    """The URL names of the site's routes whose views are the app's, with their namespace."""
    found = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found |= app_routes(pattern.url_patterns, inner)
        elif pattern.lookup_str.startswith("opendata."):
            found.add(f"{namespace}{pattern.name}")
    return found


def test_every_endpoint_of_the_app_is_fuzzed():
    routes = app_routes()
    assert routes - NOT_PUBLIC == set(ENDPOINTS)
    assert routes >= NOT_PUBLIC


@pytest.fixture
def read_parameters(monkeypatch):
    """The names of the query parameters that views read while the fixture is active."""
    names = set()
    for method in ("get", "getlist", "__getitem__", "__contains__"):
        original = getattr(QueryDict, method)

        def recording(query, key, *args, _original=original, **kwargs):
            if not query._mutable:  # not while Django fills it in
                names.add(key)
            return _original(query, key, *args, **kwargs)

        monkeypatch.setattr(QueryDict, method, recording)
    return names


def test_the_fuzz_knows_every_parameter_an_endpoint_reads(client, tree, read_parameters):
    """A parameter a view starts to read is fuzzed too, or this fails."""
    for name, endpoint in ENDPOINTS.items():
        path = endpoint_path(client, tree, name)
        read_parameters.clear()
        # Every list finds something, so that its records are built and ``full`` is read.
        check(client.get(path), endpoint.is_json, name)
        assert read_parameters == set(endpoint.params), name
