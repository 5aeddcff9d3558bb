"""Render times of the public pages with 300 offers and 100 partners (`make bench`).

Figures, not assertions: the results go into docs/performance.md.
"""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def render(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200
        return response

    return run


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("offers, unfiltered", ""),
        (
            "offers, every filter",
            "?topic=thema-0&group=zielgruppe-0&law=sgb2&district=uetz&language=de&free=1",
        ),
    ],
)
def test_offer_listing(benchmark, client, network, name, query):
    url = f"{network['offer_index'].url}{query}"
    client.get(url)
    benchmark.pedantic(render(client, url), rounds=30, warmup_rounds=2)


def test_offer_page(benchmark, client, network):
    url = network["offers"][0].url
    client.get(url)
    benchmark.pedantic(render(client, url), rounds=30, warmup_rounds=2)


def test_partner_listing(benchmark, client, network):
    url = f"{network['partner_index'].url}?language=ar"
    client.get(url)
    benchmark.pedantic(render(client, url), rounds=30, warmup_rounds=2)


def test_partner_page(benchmark, client, network):
    url = network["partners"][0].url
    client.get(url)
    benchmark.pedantic(render(client, url), rounds=30, warmup_rounds=2)


def test_search(benchmark, client, network):
    call_command("update_index", verbosity=0)  # the data set was built without the index
    url = "/de/suche/?q=Schulsachen"
    assert "Angebot" in client.get(url).content.decode()
    benchmark.pedantic(render(client, url), rounds=30, warmup_rounds=2)
