"""The demo network: realistic, complete, and with invented contacts clearly fictional."""

import re

import pytest
from django.core.management import call_command

from angebote.models import OfferPage, PartnerPage, TargetGroup, Topic

pytestmark = pytest.mark.django_db

FICTIONAL_NUMBER = re.compile(r"^030 23125 \d{3}$")


@pytest.fixture
def demo(without_search_index):
    call_command("load_demo_content", german_only=True, verbosity=0)


def test_demo_network_is_large_enough_to_try_every_filter(demo):
    assert OfferPage.objects.live().count() >= 20
    assert PartnerPage.objects.live().count() >= 12
    assert Topic.objects.count() == 10
    assert TargetGroup.objects.count() == 7
    for offer in OfferPage.objects.all():
        assert offer.topics.exists(), offer.title
        assert offer.providers.exists(), offer.title
        assert len(offer.summary) <= 300


def test_demo_contacts_use_only_fictional_numbers_and_addresses(demo):
    for partner in PartnerPage.objects.prefetch_related("contact_persons"):
        assert not partner.phone or FICTIONAL_NUMBER.match(partner.phone), partner.phone
        assert not partner.email or partner.email.endswith("@example.org"), partner.email
        for person in partner.contact_persons.all():
            assert "Demo" in person.name
            assert not person.phone or FICTIONAL_NUMBER.match(person.phone)
            assert not person.email or person.email.endswith("@example.org")


def test_demo_loader_is_idempotent(demo):
    counts = (OfferPage.objects.count(), PartnerPage.objects.count(), Topic.objects.count())
    call_command("load_demo_content", german_only=True, verbosity=0)
    assert (OfferPage.objects.count(), PartnerPage.objects.count(), Topic.objects.count()) == counts


def test_demo_home_links_offers_and_network(demo, client):
    content = client.get("/de/").content.decode()
    assert 'href="/de/hilfsangebote/"' in content
    assert 'href="/de/netzwerk/"' in content
    listing = client.get("/de/hilfsangebote/?topic=schulden").content.decode()
    assert "Schuldner- und Insolvenzberatung" in listing
