"""Random and hostile input on every public route gets a page or a 4xx, never a 500."""

import datetime
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from events.factories import (
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)

pytestmark = pytest.mark.django_db

MARKER = "<script>alert(1)</script>"
HOSTILE = [
    MARKER,
    "' OR 1=1 --",
    '"; DROP TABLE wagtailcore_page; --',
    "x" * 10_000,
    "-1",
    "99999999999999999999999",
    "%FF%FE%00",
    "%E2%28%A1",
    "../../etc/passwd",
    "NEAR(a b)",
    '"',
    "\x00",
]
PARAMS = [
    "q",
    "page",
    "topic",
    "group",
    "law",
    "district",
    "language",
    "free",
    "kind",
    "step_free",
    "profession",
    "format",
]
examples = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def site_tree(home, office):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners)
    offer = OfferPageFactory(parent=offers, providers=[partner])
    events = DateIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=events)
    courses = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=courses)
    CourseSessionFactory(page=course, start=datetime.datetime(2027, 1, 1, 9, tzinfo=datetime.UTC))
    pages = [home, offers, partners, partner, offer, events, consultation, courses, course]
    return [page.url for page in pages] + ["/de/suche/", f"{courses.url}archiv/"]


def check(response):
    assert response.status_code < 500
    assert MARKER not in response.content.decode(errors="replace")


values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60))
raw_values = st.one_of(
    st.sampled_from(HOSTILE), st.text(alphabet="%0123456789ABCDEFabcdef<>\"'&=;+ ", max_size=40)
)


@examples
@given(data=st.data())
def test_query_strings_on_every_route(client, site_tree, data):
    url = data.draw(st.sampled_from(site_tree))
    query = data.draw(st.dictionaries(st.sampled_from(PARAMS), values, max_size=4))
    check(client.get(url, query))


@examples
@given(data=st.data())
def test_raw_percent_escapes_and_invalid_utf8(client, site_tree, data):
    url = data.draw(st.sampled_from(site_tree))
    param = data.draw(st.sampled_from(PARAMS))
    raw = data.draw(raw_values)
    check(client.get(f"{url}?{param}={raw}"))


@examples
@given(
    segment=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=80)),
    lang=st.sampled_from(["de", "ar", "xx"]),
)
def test_random_paths(client, site_tree, segment, lang):
    check(client.get(f"/{lang}/{quote(segment, safe='')}/"))
