import pytest

from angebote.factories import (
    OfferIndexPageFactory,
    PartnerIndexPageFactory,
    TargetGroupFactory,
    TopicFactory,
)


@pytest.fixture
def offer_index(home):
    return OfferIndexPageFactory(parent=home)


@pytest.fixture
def partner_index(home):
    return PartnerIndexPageFactory(parent=home)


@pytest.fixture
def topics(locales):
    return {
        slug: TopicFactory(name=name, slug=slug, icon=icon, locale=locales["de"])
        for slug, name, icon in [
            ("geld", "Geld und Leistungen", "money"),
            ("schule", "Schule und Bildung", "school"),
            ("schulden", "Schulden", "debt"),
        ]
    }


@pytest.fixture
def groups(locales):
    return {
        slug: TargetGroupFactory(name=name, slug=slug, locale=locales["de"])
        for slug, name in [("kinder", "Kinder"), ("alleinerziehende", "Alleinerziehende")]
    }
