"""Factories for the home app's pages and settings, used by the tests and the benchmarks."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .districts import District
from .models import OfficeInfoPage, OfficePage, OfficeSettings, SearchSynonym, VenueAccess


class OfficePageFactory(wagtail_factories.PageFactory):
    title = "Offenes Büro Tangerhütte"
    slug = factory.Sequence(lambda n: f"start-{n}")
    intro = "<p>Kostenlose und vertrauliche Beratung für Familien in Tangerhütte.</p>"

    class Meta:
        model = OfficePage


class OfficeInfoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standardseite {n}")
    intro = "Worum es auf dieser Seite geht."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Was wir machen", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Wir beraten <b>vertraulich</b>.</p>"},
            {
                "type": "contact_box",
                "value": {
                    "heading": "",
                    "name": "",
                    "text": "Rufen Sie an.",
                    "phone": "",
                    "email": "",
                },
            },
        ]
    )

    class Meta:
        model = OfficeInfoPage


class OfficeSettingsFactory(DjangoModelFactory):
    site = factory.SubFactory(wagtail_factories.SiteFactory)
    name = "Offenes Büro im Jugendclub Tangerhütte"
    street = "Beispielstraße 1"
    postcode = "39517"
    town = "Tangerhütte"
    district = District.TANGERHUETTE
    room = "Jugendclub, Obergeschoss"
    phone = "030 23125 100"
    email = "offenes-buero@example.org"
    venue_access = VenueAccess.STAIRS
    venue_access_note = "Eine Treppe mit 14 Stufen."
    contact_name = "Frau Muster"
    contact_phone = "030 23125 101"

    class Meta:
        model = OfficeSettings
        django_get_or_create = ("site",)


class SearchSynonymFactory(DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Suchwort {n}")
    means = "Grundsicherungsgeld"

    class Meta:
        model = SearchSynonym
