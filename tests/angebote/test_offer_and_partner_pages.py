"""Offer and partner pages show every field, in the order a family needs it."""

import datetime
import json
import re

import pytest
import time_machine

from angebote.factories import (
    ContactPersonFactory,
    OfferPageFactory,
    OpeningHoursFactory,
    PartnerPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(partner_index, topics):
    partner = PartnerPageFactory(
        parent=partner_index,
        title="Schuldner- und Insolvenzberatung",
        street="Beispielweg 2",
        postcode="39576",
        town="Stendal",
        phone="030 23125 210",
        email="schuldnerberatung@example.org",
        website="https://schuldnerberatung.example.org/",
        languages=["de", "ru"],
        step_free="no",
        accessibility_note="Drei Stufen am Eingang.",
        last_reviewed=datetime.date(2026, 9, 15),
    )
    partner.topics.set([topics["schulden"]])
    partner.save()
    OpeningHoursFactory(page=partner, weekday=0, opens=datetime.time(9), closes=datetime.time(12))
    OpeningHoursFactory(
        page=partner,
        weekday=3,
        opens=datetime.time(13),
        closes=datetime.time(18),
        note="nur mit Termin",
    )
    ContactPersonFactory(
        page=partner,
        name="Frau Demo",
        role="Schuldnerberaterin",
        phone="030 23125 211",
        email="demo@example.org",
        languages=["de", "ru"],
    )
    return partner


@pytest.fixture
def offer(offer_index, partner, topics, groups):
    return OfferPageFactory(
        parent=offer_index,
        title="Schuldnerberatung",
        summary="Sie haben Schulden? Wir helfen kostenlos, einen Weg heraus zu finden.",
        body=[
            {"type": "paragraph", "value": "<p>Die Beratung ist vertraulich.</p>"},
            {
                "type": "checklist",
                "value": {"heading": "", "items": ["Briefe von Gläubigern", "Kontoauszüge"]},
            },
            {
                "type": "steps",
                "value": {"heading": "", "steps": ["Termin vereinbaren", "Unterlagen mitbringen"]},
            },
            {"type": "faq", "value": {"question": "Kostet das etwas?", "answer": "<p>Nein.</p>"}},
            {
                "type": "link",
                "value": {
                    "label": "Mehr beim Landkreis",
                    "page": None,
                    "url": "https://www.landkreis-stendal.de/",
                    "document": None,
                },
            },
        ],
        eligibility="Alle Menschen im Landkreis mit Schulden.",
        legal_basis=["sgb2", "sgb12"],
        is_free=True,
        cost_note="Auch für Selbstständige.",
        where_to_apply="Rufen Sie an oder kommen Sie zur offenen Sprechstunde.",
        languages=["de", "ru"],
        area="landkreis",
        accessibility_note="Hausbesuche möglich.",
        external_url="https://schuldnerberatung.example.org/info/",
        last_reviewed=datetime.date(2026, 10, 1),
        topics=[topics["schulden"], topics["geld"]],
        target_groups=[groups["alleinerziehende"]],
        providers=[partner],
    )


def text_of(content):
    """What a reader sees: no markup, and no scripts (the JSON-LD in the head)."""
    content = re.sub(r"<script\b.*?</script>", " ", content, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", content))


def test_offer_page_shows_every_field_in_the_order_a_family_needs(client, offer):
    content = client.get(offer.url).content.decode()
    text = text_of(content)
    expected_in_order = [
        "Schuldnerberatung",
        "Sie haben Schulden? Wir helfen kostenlos",  # what it is
        "Kostenlos",
        "Ist das für mich?",
        "Alleinerziehende",
        "Alle Menschen im Landkreis mit Schulden.",
        "Ganzer Landkreis Stendal",
        "Deutsch, Russisch",
        "Was kostet es?",  # what does it cost
        "Auch für Selbstständige.",
        "Die Beratung ist vertraulich.",
        "Das brauchen Sie",  # what do I bring
        "Briefe von Gläubigern",
        "So beantragen Sie es",  # how do I apply
        "Termin vereinbaren",
        "Kostet das etwas?",
        "Mehr beim Landkreis",
        "Wo beantrage ich es?",
        "Rufen Sie an oder kommen Sie zur offenen Sprechstunde.",
        "Wen kann ich anrufen?",  # whom do I call
        "Frau Demo",
        "Schuldnerberaterin",
        "Geld und Leistungen",
        "SGB II (Grundsicherungsgeld, früher Bürgergeld)",
        "Hausbesuche möglich.",
        "Zuletzt geprüft am 1. Oktober 2026",
    ]
    positions = [text.find(fragment) for fragment in expected_in_order]
    missing = [f for f, p in zip(expected_in_order, positions, strict=True) if p < 0]
    assert not missing
    assert positions == sorted(positions)
    assert '<a href="tel:03023125211"><bdi dir="ltr">030 23125 211</bdi></a>' in content
    assert 'href="mailto:demo@example.org"' in content
    assert 'href="https://schuldnerberatung.example.org/info/"' in content
    assert "<ol>" in content  # steps are numbered


def test_offer_page_topics_link_to_the_filtered_listing(client, offer, offer_index):
    content = client.get(offer.url).content.decode()
    assert f'<a href="{offer_index.url}?topic=schulden">Schulden</a>' in content


def test_stale_offer_says_so_discreetly(client, offer):
    with time_machine.travel(datetime.date(2027, 12, 1)):
        content = client.get(offer.url).content.decode()
    assert "Manche Angaben können sich seitdem geändert haben" in content


def test_partner_page_shows_contacts_hours_access_and_offers(client, partner, offer):
    response = client.get(partner.url)
    content = response.content.decode()
    text = text_of(content)
    for fragment in [
        "Schuldner- und Insolvenzberatung",
        "Beratungsstelle",
        "Beispielweg 2",
        "39576 Stendal",
        "Frau Demo",
        "Schuldnerberaterin",
        "Spricht: Deutsch, Russisch",
        "Nicht stufenlos",
        "Drei Stufen am Eingang.",
        "Beratung in: Deutsch, Russisch",
        "Schulden",
        "Zuletzt geprüft am 15. September 2026",
    ]:
        assert fragment in text, fragment
    assert '<a href="tel:03023125210"><bdi dir="ltr">030 23125 210</bdi></a>' in content
    assert 'href="https://schuldnerberatung.example.org/"' in content
    # Opening hours as a table ...
    table = re.search(r'<table class="opening-hours">.*?</table>', content, re.S).group(0)
    assert '<th scope="row">Montag</th>' in table
    assert "09:00–12:00" in table
    assert "nur mit Termin" in table
    # ... and the offers this partner provides.
    assert f'<a class="card__link" href="{offer.url}">Schuldnerberatung</a>' in content


def test_partner_page_has_schema_org_opening_hours(client, partner):
    content = client.get(partner.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Organization"
    assert data["address"]["postalCode"] == "39576"
    hours = data["location"]["openingHoursSpecification"]
    assert hours[0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "12:00",
    }
    assert hours[1]["dayOfWeek"] == "https://schema.org/Thursday"


def test_json_ld_cannot_be_broken_out_of(client, partner):
    partner.title = "</script><script>alert(1)</script>"
    partner.save_revision().publish()
    content = client.get(partner.url).content.decode()
    assert "<script>alert(1)" not in content


@pytest.mark.parametrize("count", [1, 20])
def test_partner_and_offer_pages_need_a_fixed_number_of_queries(
    client, partner, offer_index, office, count, django_assert_max_num_queries
):
    offers = [OfferPageFactory(parent=offer_index, providers=[partner]) for _ in range(count)]
    for url in (partner.url, offers[0].url):
        client.get(url)  # warm the caches that production keeps warm (site root paths)
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200


def test_lists_use_the_languages_own_comma(client, offer, translate):
    translate(offer, "ar", title="الاستشارة في الديون")
    arabic = client.get("/ar/" + offer.url.split("/", 2)[2]).content.decode()
    assert "الألمانية، الروسية" in text_of(arabic)
    german = text_of(client.get(offer.url).content.decode())
    assert "Deutsch, Russisch" in german
