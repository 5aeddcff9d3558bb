"""Render times of every public page type in German and Arabic (`make bench`).

Data set: 300 offers, 100 partners, 50 consultation series and 100 courses, each also in
Arabic (tests/perf/dataset.py). Each page is requested through Django's test client: two
warm-up requests, then 30 timed rounds; one more request counts the SQL queries.
Figures, not assertions: the results go into docs/performance.md.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import QUERY_COUNTS
from .dataset import CONSULTATIONS, COURSES, LANGUAGES, OFFERS, PARTNERS, SCALE

pytestmark = pytest.mark.django_db

ROUNDS = 30
WARMUP_ROUNDS = 2
PAGES = [
    "home",
    "offers",
    "offers, every filter",
    "offer",
    "partners",
    "partners, by language",
    "partner",
    "dates",
    "dates, calendar",
    "consultation",
    "courses",
    "course",
    "search",
    "search, Schulsachen",
    "standard page",
]


def render(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200, url
        return response

    return run


def measure(benchmark, client, name, url):
    client.get(url)  # fills the caches (site root paths, the consultation box)
    with CaptureQueriesContext(connection) as queries:
        render(client, url)()
    QUERY_COUNTS[name] = len(queries)
    benchmark.extra_info.update(url=url, queries=len(queries))
    benchmark.pedantic(render(client, url), rounds=ROUNDS, warmup_rounds=WARMUP_ROUNDS)


@pytest.mark.parametrize(
    ("language", "page"),
    [(language, page) for language in LANGUAGES for page in PAGES],
    ids=lambda value: value,
)
def test_page(benchmark, client, dataset, language, page):
    benchmark.group = "pages"
    measure(benchmark, client, f"{language} {page}", dataset.urls[language][page])


def test_sitemap(benchmark, client, dataset):
    """One sitemap for every language: each live page with its alternates."""
    benchmark.group = "pages"
    measure(benchmark, client, "sitemap.xml", "/sitemap.xml")


def test_data_set(client, dataset):
    """Not a benchmark (skipped by `make bench`): the pages show what the data set promises."""
    assert dataset.counts["offers"] == OFFERS
    assert dataset.counts["partners"] == PARTNERS
    assert dataset.counts["consultations"] == CONSULTATIONS
    assert dataset.counts["courses"] == COURSES
    for language in LANGUAGES:
        urls = dataset.urls[language]
        for page in PAGES:
            assert client.get(urls[page]).status_code == 200, urls[page]
        filtered = client.get(urls["offers, every filter"])
        if SCALE == 1:
            assert filtered.context["result_count"] == 2, "offers 21 and 217 match every filter"
        search = client.get(urls["search"]).content.decode()
        assert search.count("Kinderzuschlag") > 5, "the search finds nothing"
    broad = client.get(dataset.urls["de"]["search, Schulsachen"])
    assert broad.context["result_count"] == OFFERS
    assert client.get(dataset.urls["ar"]["search, Schulsachen"]).context["result_count"] == 0
    arabic = client.get(dataset.urls["ar"]["offer"]).content.decode()
    assert 'lang="ar" dir="rtl"' in arabic
    assert "علاوة الأطفال" in arabic
