"""Offer and partner listings: filters alone and combined, removal links, paging, bad input."""

import re

import pytest

from angebote.factories import OfferPageFactory, PartnerPageFactory
from angebote.filters import PAGE_SIZE
from buero import page_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(offer_index, topics, groups):
    make = OfferPageFactory
    return {
        "but": make(
            parent=offer_index,
            title="Bildung und Teilhabe",
            topics=[topics["schule"], topics["geld"]],
            target_groups=[groups["kinder"]],
            legal_basis=["sgb2", "sgb12"],
            languages=["de", "ar"],
            area="landkreis",
            is_free=True,
        ),
        "schulden": make(
            parent=offer_index,
            title="Schuldnerberatung",
            topics=[topics["schulden"]],
            target_groups=[groups["alleinerziehende"]],
            legal_basis=["sgb2"],
            languages=["de", "ru"],
            area="gemeinde",
            is_free=True,
        ),
        "tafel": make(
            parent=offer_index,
            title="Tafel",
            topics=[topics["geld"]],
            legal_basis=["voluntary"],
            languages=["de"],
            area="uetz",
            is_free=False,
        ),
        "nachhilfe": make(
            parent=offer_index,
            title="Nachhilfe im Jugendclub",
            topics=[topics["schule"]],
            target_groups=[groups["kinder"]],
            legal_basis=["voluntary"],
            languages=["de", "uk"],
            area="tangerhuette",
            is_free=True,
        ),
    }


def titles(response):
    return re.findall(r'<a class="card__link" href="[^"]*">([^<]+)</a>', response.content.decode())


def get(client, page, query=""):
    response = client.get(f"{page.url}{query}")
    assert response.status_code == 200
    return response


def test_listing_shows_cards_with_summary_topics_and_free_badge(client, offer_index, offers):
    response = get(client, offer_index)
    content = response.content.decode()
    assert titles(response) == [
        "Bildung und Teilhabe",
        "Nachhilfe im Jugendclub",
        "Schuldnerberatung",
        "Tafel",
    ]
    assert "4 Angebote gefunden" in content
    card = re.search(
        r'<li class="card">.*?Bildung und Teilhabe.*?</li>\s*</ul>', content, re.S
    ).group(0)
    assert '<p class="badge">Kostenlos</p>' in card
    assert "Geld für Schulsachen" in card
    assert "<li>Geld und Leistungen</li>" in card
    assert "<li>Schule und Bildung</li>" in card


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?topic=schule", ["Bildung und Teilhabe", "Nachhilfe im Jugendclub"]),
        (
            "?topic=schule&topic=schulden",
            ["Bildung und Teilhabe", "Nachhilfe im Jugendclub", "Schuldnerberatung"],
        ),
        ("?group=alleinerziehende", ["Schuldnerberatung"]),
        ("?law=sgb12", ["Bildung und Teilhabe"]),
        ("?law=voluntary", ["Nachhilfe im Jugendclub", "Tafel"]),
        ("?language=uk", ["Nachhilfe im Jugendclub"]),
        ("?language=ar&language=ru", ["Bildung und Teilhabe", "Schuldnerberatung"]),
        # Uetz: its own offers and everything for the whole municipality or district.
        ("?district=uetz", ["Bildung und Teilhabe", "Schuldnerberatung", "Tafel"]),
        ("?free=1", ["Bildung und Teilhabe", "Nachhilfe im Jugendclub", "Schuldnerberatung"]),
    ],
)
def test_each_filter_alone(client, offer_index, offers, query, expected):
    assert titles(get(client, offer_index, query)) == expected


def test_filters_combine(client, offer_index, offers):
    response = get(client, offer_index, "?topic=schule&free=1&district=tangerhuette&language=uk")
    assert titles(response) == ["Nachhilfe im Jugendclub"]
    assert "1 Angebot gefunden" in response.content.decode()


def test_chosen_filters_stay_checked_and_each_can_be_removed(client, offer_index, offers):
    content = get(client, offer_index, "?topic=schule&free=1").content.decode()
    assert '<input type="checkbox" name="topic" value="schule" checked>' in content
    assert '<input type="checkbox" name="free" value="1" checked>' in content
    active = re.search(r'<ul class="active-filters".*?</ul>', content, re.S).group(0)
    assert '<a href="?free=1">Schule und Bildung' in active
    assert '<a href="?topic=schule">Nur kostenlose Angebote' in active


def test_unknown_and_hostile_filter_values_are_ignored(client, offer_index, offers):
    for query in [
        "?topic=gibt-es-nicht",
        "?law=' OR 1=1 --",
        "?district=<script>alert(1)</script>",
        "?language=" + "x" * 10_000,
        "?free=yes",
        "?page=-1",
        "?page=99999999999999999999",
        "?page=abc",
        "?topic=%FF%FE",
    ]:
        response = client.get(f"{offer_index.url}{query}")
        assert response.status_code == 200, query
        assert "<script>alert(1)</script>" not in response.content.decode()
        assert len(titles(response)) == 4, query


def test_empty_result_says_what_to_try_and_points_to_the_consultation(
    client, offer_index, offers, office
):
    content = get(client, offer_index, "?topic=schulden&language=uk").content.decode()
    assert "0 Angebote gefunden" in content
    assert "Zu all Ihren Filtern passt nichts." in content
    assert "offenen Sprechstunde" in content
    assert 'href="tel:03023125101"' in content


def test_pagination_edges(client, offer_index):
    for number in range(PAGE_SIZE + 1):
        OfferPageFactory(parent=offer_index, title=f"Angebot {number:02d}", is_free=True)
    first = get(client, offer_index, "?free=1")
    assert len(titles(first)) == PAGE_SIZE
    assert "Seite 1 von 2" in first.content.decode()
    assert 'href="?free=1&amp;page=2" rel="next"' in first.content.decode()
    second = get(client, offer_index, "?free=1&page=2")
    assert titles(second) == [f"Angebot {PAGE_SIZE:02d}"]
    assert 'rel="prev"' in second.content.decode()
    assert 'rel="next"' not in second.content.decode()
    # Out of range: the last page, not an error.
    assert titles(get(client, offer_index, "?free=1&page=7")) == [f"Angebot {PAGE_SIZE:02d}"]


def test_filters_work_in_every_locale_by_translation_key(
    client, offer_index, offers, topics, locales, translate
):
    """wagtail-localize leaves many-to-many links on the German topics; filters still work."""
    from wagtail.models import Locale  # noqa: F401

    for code in ("ar", "uk"):
        translate(offer_index, code, title=f"Angebote {code}")
        translate(offers["schulden"], code, title=f"Schulden {code}")
        translate(offers["but"], code, title=f"Teilhabe {code}")
        topics["schulden"].copy_for_translation(locales[code]).save()
        index = offer_index.get_translation(locales[code])
        response = get(client, index, "?topic=schulden")
        assert titles(response) == [f"Schulden {code}"]


def test_listing_query_count_does_not_grow_with_the_data(
    client, offer_index, topics, groups, office, without_search_index, django_assert_max_num_queries
):
    query = "?topic=schule&group=kinder&law=sgb2&district=uetz&language=de&free=1"

    def count_queries():
        client.get(f"{offer_index.url}{query}")  # warm the caches production keeps warm
        with django_assert_max_num_queries(15) as captured:
            assert client.get(f"{offer_index.url}{query}").status_code == 200
        return len(captured.captured_queries)

    def add(count):
        for _ in range(count):
            OfferPageFactory(
                parent=offer_index,
                topics=[topics["schule"]],
                target_groups=[groups["kinder"]],
                legal_basis=["sgb2"],
                languages=["de"],
                area="uetz",
                is_free=True,
            )

    add(3)
    few = count_queries()
    add(297)
    assert count_queries() == few


def test_partner_listing_filters(client, partner_index, topics):
    PartnerPageFactory(
        parent=partner_index,
        title="Jobcenter",
        kind="authority",
        step_free="yes",
        district="",
        languages=["de"],
        service_area="ortschaften",
        service_districts=["bellingen"],
    )
    schuldner = PartnerPageFactory(
        parent=partner_index,
        title="Schuldnerberatung",
        kind="counselling",
        step_free="no",
        languages=["de", "ru"],
        district="",
        town="Stendal",
        service_area="landkreis",
    )
    schuldner.topics.set([topics["schulden"]])
    schuldner.save_revision().publish()
    assert titles(get(client, partner_index)) == ["Jobcenter", "Schuldnerberatung"]
    assert titles(get(client, partner_index, "?kind=counselling")) == ["Schuldnerberatung"]
    assert titles(get(client, partner_index, "?topic=schulden")) == ["Schuldnerberatung"]
    assert titles(get(client, partner_index, "?language=ru")) == ["Schuldnerberatung"]
    # Where a partner serves people, not where it sits: Stendal's debt counselling serves
    # the whole district, Tangerhütte included.
    assert titles(get(client, partner_index, "?district=tangerhuette")) == ["Schuldnerberatung"]
    assert titles(get(client, partner_index, "?district=bellingen")) == [
        "Jobcenter",
        "Schuldnerberatung",
    ]
    assert titles(get(client, partner_index, "?step_free=1")) == ["Jobcenter"]
    assert "2 Partner gefunden" in get(client, partner_index).content.decode()


def district_options(response):
    return re.findall(
        r'<input type="checkbox" name="district" value="([^"]+)"[^>]*> ([^<]+)</label>',
        response.content.decode(),
    )


def test_district_filters_offer_all_19_ortschaften_with_schoenwalde(
    client, offer_index, partner_index, offers
):
    OfferPageFactory(parent=offer_index, title="Spielenachmittag", area="schoenwalde")
    PartnerPageFactory(parent=partner_index, title="Dorfverein", district="schoenwalde")

    options = district_options(get(client, offer_index))
    assert ("schoenwalde", "Schönwalde (Altmark)") in options
    # The town first, then the villages alphabetically: Schönwalde after Schernebeck.
    villages = [label for value, label in options if value not in {"landkreis", "gemeinde"}]
    assert len(villages) == 19
    assert villages[0] == "Tangerhütte"
    assert villages.index("Schönwalde (Altmark)") == villages.index("Schernebeck") + 1
    # Its own offer and those for the whole municipality or district of Stendal.
    assert titles(get(client, offer_index, "?district=schoenwalde")) == [
        "Bildung und Teilhabe",
        "Schuldnerberatung",
        "Spielenachmittag",
    ]

    partners = get(client, partner_index, "?district=schoenwalde")
    assert ("schoenwalde", "Schönwalde (Altmark)") in district_options(partners)
    assert titles(partners) == ["Dorfverein"]


def test_listing_reads_in_german_order_and_changed_offers_move_to_their_places(
    client, offer_index, offers, office, django_assert_max_num_queries
):
    """By title as a German reader expects it (Ä with A, case aside), on every database;
    after a publication only the changed offers are read anew and put in their places."""
    zahnarzt = OfferPageFactory(parent=offer_index, title="Zahnärztlicher Notdienst")
    OfferPageFactory(parent=offer_index, title="ärztlicher Bereitschaftsdienst")
    url = offer_index.url
    assert titles(client.get(url)) == [
        "ärztlicher Bereitschaftsdienst",
        "Bildung und Teilhabe",
        "Nachhilfe im Jugendclub",
        "Schuldnerberatung",
        "Tafel",
        "Zahnärztlicher Notdienst",
    ]
    assert titles(client.get(f"{url}?free=1"))[0] == "ärztlicher Bereitschaftsdienst"

    zahnarzt.title = "Kinderzahnarzt"
    zahnarzt.save_revision().publish()
    offers["tafel"].is_free = True
    offers["tafel"].save_revision().publish()
    offers["schulden"].unpublish()
    OfferPageFactory(parent=offer_index, title="Mittagstisch", is_free=False)
    # The snapshot's changed rows, the page, the changed offers of the listing (not the
    # whole listing), its cards, the changed offers' topics.
    with django_assert_max_num_queries(5) as captured:
        listed = titles(client.get(url))
    listing = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith('SELECT "wagtailcore_page"."title"')
    ]
    assert len(listing) == 1
    assert '"page_ptr_id" IN (' in listing[0]
    assert listed == [
        "ärztlicher Bereitschaftsdienst",
        "Bildung und Teilhabe",
        "Kinderzahnarzt",
        "Mittagstisch",
        "Nachhilfe im Jugendclub",
        "Tafel",
    ]
    assert titles(client.get(f"{url}?free=1")) == [
        "ärztlicher Bereitschaftsdienst",
        "Bildung und Teilhabe",
        "Kinderzahnarzt",
        "Nachhilfe im Jugendclub",
        "Tafel",
    ]
    page_tree.forget()  # a worker that starts now builds the same listing
    assert titles(client.get(url)) == listed
