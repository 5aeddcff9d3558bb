"""The search after a publish (issue 29, `make bench`): what a publish costs the editor, the
first search after it, and a warm search, in German and Arabic on the benchmark data set.

A publish starts a new content generation: the first request after it rebuilds the page
tree snapshot in every worker (both before and after issue 29), and before issue 29 the
first search also rebuilt that language's search index in memory. Each round publishes an
offer untimed (pytest-benchmark's ``setup``), then times one request: a search, or a page
without one (the snapshot's share). Figures, not assertions: they go into
docs/performance.md.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from .conftest import QUERY_COUNTS
from .dataset import LANGUAGES
from .test_page_render import measure, render

pytestmark = pytest.mark.django_db

SEARCHES = ["search", "search, Schulsachen"]
#: The same first request after a publish for a page without a search: the snapshot alone.
BASELINE = "standard page"
ROUNDS = 10


def published_offer():
    """The first German offer, published anew (its Arabic translation gets its facts)."""
    offer = Page.objects.get(slug="angebot-0", locale__language_code="de").specific
    offer.save_revision().publish()


@pytest.mark.parametrize(
    ("language", "name"),
    [(language, name) for language in LANGUAGES for name in [*SEARCHES, BASELINE]],
    ids=lambda value: value,
)
def test_first_request_after_a_publish(benchmark, client, dataset, language, name):
    benchmark.group = "search after a publish"
    url = dataset.urls[language][name]
    render(client, url)()
    benchmark.extra_info.update(url=url)
    benchmark.pedantic(render(client, url), setup=published_offer, rounds=ROUNDS)


@pytest.mark.parametrize(
    ("language", "name"),
    [(language, name) for language in LANGUAGES for name in SEARCHES],
    ids=lambda value: value,
)
def test_warm_search(benchmark, client, dataset, language, name):
    benchmark.group = "search, warm"
    measure(benchmark, client, f"{language} {name} (warm)", dataset.urls[language][name])


def test_publish(benchmark, client, dataset):
    """What a publish costs the editor: the revision, the facts written into the Arabic
    translation, and (after issue 29) both offers' search documents."""
    benchmark.group = "search after a publish"
    with CaptureQueriesContext(connection) as queries:
        published_offer()
    QUERY_COUNTS["publish an offer"] = len(queries)
    benchmark.pedantic(published_offer, rounds=ROUNDS)
