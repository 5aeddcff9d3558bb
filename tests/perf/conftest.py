"""A generated data set for the benchmarks: offers and partners with topics and contacts."""

import pytest

from angebote.factories import (
    ContactPersonFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    TopicFactory,
)
from home.factories import OfficeSettingsFactory

OFFERS = 300
PARTNERS = 100


@pytest.fixture
def network(home, site, locales, without_search_index):
    OfficeSettingsFactory(site=site)
    topics = [TopicFactory(locale=locales["de"]) for _ in range(10)]
    groups = [TargetGroupFactory(locale=locales["de"]) for _ in range(7)]
    partner_index = PartnerIndexPageFactory(parent=home)
    offer_index = OfferIndexPageFactory(parent=home)
    partners = []
    for number in range(PARTNERS):
        partner = PartnerPageFactory(parent=partner_index, languages=["de", "ar"][: 1 + number % 2])
        ContactPersonFactory(page=partner)
        partners.append(partner)
    offers = [
        OfferPageFactory(
            parent=offer_index,
            topics=[topics[number % 10], topics[(number * 3) % 10]],
            target_groups=[groups[number % 7]],
            providers=[partners[number % PARTNERS]],
            legal_basis=[["sgb2", "sgb8", "sgb12", "voluntary"][number % 4]],
            languages=["de", "ar", "uk"][: 1 + number % 3],
            is_free=number % 5 != 0,
        )
        for number in range(OFFERS)
    ]
    return {
        "offer_index": offer_index,
        "partner_index": partner_index,
        "offers": offers,
        "partners": partners,
        "topics": topics,
    }
