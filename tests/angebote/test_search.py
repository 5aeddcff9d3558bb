"""The site search below every language's home page, grouped by type."""

import re

import pytest

from angebote.factories import OfferPageFactory, PartnerPageFactory
from buero.factories import OfficeInfoPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home, offer_index, partner_index):
    return {
        "kinderzuschlag": OfferPageFactory(
            parent=offer_index,
            title="Kinderzuschlag",
            summary="Zusätzliches Geld für Familien mit Kindern, wenn das Einkommen knapp ist.",
            body=[],
            where_to_apply="Bei der Familienkasse.",
        ),
        "wohngeld": OfferPageFactory(
            parent=offer_index,
            title="Wohngeld",
            summary="Zuschuss zur Miete. Die Anträge gibt es bei der Wohngeldstelle.",
            body=[],
            where_to_apply="Bei der Wohngeldstelle.",
        ),
        "jobcenter": PartnerPageFactory(
            parent=partner_index,
            title="Jobcenter Landkreis Stendal",
            description="<p>Bürgergeld und Hilfe bei der Arbeitssuche für Familien.</p>",
        ),
        "about": OfficeInfoPageFactory(parent=home, title="Über uns", intro="Wir helfen Familien."),
    }


def search(client, query, code="de"):
    response = client.get(f"/{code}/suche/", {"q": query})
    assert response.status_code == 200
    return response


def result_titles(response):
    return re.findall(r'<a class="card__link" href="[^"]*">([^<]+)</a>', response.content.decode())


def test_search_groups_results_by_type(client, content):
    response = search(client, "Familien")
    body = response.content.decode()
    # The offers' eligibility text ("Familien mit wenig Einkommen") matches too.
    assert set(result_titles(response)) == {
        "Kinderzuschlag",
        "Wohngeld",
        "Jobcenter Landkreis Stendal",
        "Über uns",
    }
    for heading in ("<h2", "Hilfsangebote</h2>", "Netzwerkpartner</h2>", "Seiten</h2>"):
        assert heading in body
    assert "4 Ergebnisse für „Familien“" in body


def test_search_only_finds_pages_in_the_visitors_language(client, content, translate, home):
    translate(home, "en")
    translate(content["about"], "en", title="About us", intro="We help families.", slug="about")
    assert result_titles(search(client, "help", "en")) == ["About us"]
    assert "About us" not in result_titles(search(client, "Familien"))


def test_search_without_results_suggests_what_to_try(client, content):
    body = search(client, "Raumfahrt").content.decode()
    assert "0 Ergebnisse" in body
    assert "Versuchen Sie ein kürzeres oder allgemeineres Wort" in body


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "'; DROP TABLE wagtailcore_page; --",
        '"',
        "Kinder AND OR NOT",
        "<script>alert(1)</script>",
        "x" * 10_000,
        "%",
        "*",
        "(Kinder",
        "Kinder\x00",
        "NEAR(a b)",
    ],
)
def test_hostile_search_terms_never_break_the_page(client, content, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_hostile_page_number(client, content):
    for page in ("-1", "abc", "9" * 30):
        assert client.get("/de/suche/", {"q": "Familien", "page": page}).status_code == 200


def test_search_uses_german_stemming_on_every_database(client, content):
    # "Kinder" finds "Kindern"; "Antrag" finds "Anträge".
    assert "Kinderzuschlag" in result_titles(search(client, "Kinder"))
    assert result_titles(search(client, "Antrag")) == ["Wohngeld"]
