"""Render times and query counts of the dates widget and termine.json (`make bench`).

The data set's 50 consultation series (tests/perf/dataset.py), German and Arabic, each asked
for the default number of dates and for the most it gives; measured like the pages
(test_page_render.measure: a warm request, then 30 timed rounds).
"""

import pytest

from .dataset import LANGUAGES
from .test_page_render import measure

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "widget": "/{language}/einbetten/termine/",
    "widget, 20 dates": "/{language}/einbetten/termine/?anzahl=20",
    "termine.json": "/api/termine.json?lang={language}",
    "termine.json, 100 dates": "/api/termine.json?lang={language}&anzahl=100",
}


@pytest.mark.parametrize(
    ("language", "endpoint"),
    [(language, endpoint) for language in LANGUAGES for endpoint in ENDPOINTS],
    ids=lambda value: value,
)
def test_embed(benchmark, client, dataset, language, endpoint):
    benchmark.group = "embed"
    url = ENDPOINTS[endpoint].format(language=language)
    measure(benchmark, client, f"{language} {endpoint}", url)
