"""Every public page, German and translated, stays within 10 queries (DESIGN.md budgets).

The tree has what makes pages expensive: entry points on the home page, partners that lead
consultation hours and courses, cancellations and extra dates, several sessions, and an
Arabic translation of everything, whose links must be localised.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]

BUDGET = 10


def test_every_public_page_stays_within_the_query_budget(client, public_pages):
    counts = {}
    searches = ["/de/suche/?q=Beratung", "/ar/suche/?q=Beratung", "/de/suche/?q=nichtsdergleichen"]
    for url in [page.url for page in public_pages] + searches + ["/sitemap.xml"]:
        assert client.get(url).status_code == 200, url  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[url] = len(queries)
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"


def test_print_material_and_qr_codes_stay_within_the_query_budget(client, public_pages):
    """Posters (also in two languages), flyers, take-away sheets and the QR code view."""
    counts = {}
    for page in public_pages:
        urls = [f"{page.url}qr-code/"] + [url for _kind, _name, url in page.specific.print_links()]
        if f"{page.url}plakat/" in urls:
            second = "ar" if page.locale.language_code == "de" else "de"
            urls.append(f"{page.url}plakat/{second}/")
        for url in urls:
            assert client.get(url).status_code == 200, url  # warm the caches
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts[url] = len(queries)
    assert any("infoblatt/" in url for url in counts)
    assert any("flyer/" in url for url in counts)
    print("\n" + "\n".join(f"{count:3d} {url}" for url, count in sorted(counts.items())))
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"


def test_the_offline_routes_stay_within_the_query_budget(client, public_pages):
    """Browsers ask for the service worker on every visit; the manifest when installing."""
    counts = {}
    for code in ("de", "ar"):
        for path in ("service-worker/", "offline/", "manifest/"):
            url = f"/{code}/{path}"
            assert client.get(url).status_code == 200, url  # warm the caches
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts[url] = len(queries)
    print("\n" + "\n".join(f"{count:3d} {url}" for url, count in sorted(counts.items())))
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"
