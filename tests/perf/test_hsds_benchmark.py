"""Response times and query counts of the HSDS API on the benchmark data set (`make bench`).

Every list is requested as a visitor's portal would: the first page of 50 (plain and
``full=true``), the last page, a search and a topic filter, and one nested service, in
German and Arabic. Figures, not assertions: they go into docs/performance.md.
"""

import json

import pytest

from .dataset import LANGUAGES
from .test_page_render import measure

pytestmark = pytest.mark.django_db

REQUESTS = {
    "services": "/api/hsds/services",
    "services, full": "/api/hsds/services?full=true",
    "services, last page": "/api/hsds/services?page=7",
    "services, search Schulden": "/api/hsds/services?search=Schulden",
    "organizations": "/api/hsds/organizations",
    "organizations, full": "/api/hsds/organizations?full=true",
    "service_at_locations": "/api/hsds/service_at_locations",
    "service_at_locations, full": "/api/hsds/service_at_locations?full=true",
    "taxonomy_terms": "/api/hsds/taxonomy_terms",
}


def with_language(url, language):
    return f"{url}{'&' if '?' in url else '?'}lang={language}"


@pytest.mark.parametrize(
    ("language", "name"),
    [(language, name) for language in LANGUAGES for name in REQUESTS],
    ids=lambda value: value,
)
def test_hsds_list(benchmark, client, dataset, language, name):
    benchmark.group = "hsds"
    measure(benchmark, client, f"hsds {language} {name}", with_language(REQUESTS[name], language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_hsds_service(benchmark, client, dataset, language):
    benchmark.group = "hsds"
    first = json.loads(client.get(with_language(REQUESTS["services"], language)).content)
    service_id = first["contents"][0]["id"]
    url = with_language(f"/api/hsds/services/{service_id}", language)
    measure(benchmark, client, f"hsds {language} service", url)
