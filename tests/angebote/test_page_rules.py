"""Where offers and partners may live, and that editors can create them in the admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TopicFactory,
)
from angebote.models import (
    HelpCheckPage,
    OfferIndexPage,
    OfferPage,
    PartnerIndexPage,
    PartnerPage,
    YouthPage,
)
from buero.models import OfficeInfoPage, OfficePage
from events.models import AppointmentRequestPage, CourseIndexPage, DateIndexPage
from tests.page_rules import SiteRootTestCase


class TestAngebotePageRules(SiteRootTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.offers = OfferIndexPageFactory(parent=cls.home)
        cls.partners = PartnerIndexPageFactory(parent=cls.home)

    def test_index_pages_are_singletons_under_home(self):
        self.assertAllowedParentPageTypes(OfferIndexPage, {OfficePage})
        self.assertAllowedParentPageTypes(PartnerIndexPage, {OfficePage})
        assert not OfferIndexPage.can_create_at(self.home)
        assert not PartnerIndexPage.can_create_at(self.home)
        self.assertAllowedSubpageTypes(
            OfficePage,
            {
                OfficeInfoPage,
                OfferIndexPage,
                PartnerIndexPage,
                DateIndexPage,
                CourseIndexPage,
                HelpCheckPage,
                AppointmentRequestPage,
                YouthPage,
            },
        )

    def test_offers_and_partners_live_only_in_their_index(self):
        self.assertAllowedSubpageTypes(OfferIndexPage, {OfferPage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedSubpageTypes(OfferPage, set())
        self.assertAllowedSubpageTypes(PartnerPage, set())
        self.assertCanCreateAt(OfferIndexPage, OfferPage)
        self.assertCanCreateAt(PartnerIndexPage, PartnerPage)
        self.assertCanNotCreateAt(OfficePage, OfferPage)
        self.assertCanNotCreateAt(OfferIndexPage, PartnerPage)

    def test_editor_can_create_a_partner_with_hours_and_contacts(self):
        topic = TopicFactory()
        data = nested_form_data(
            {
                "title": "Schuldnerberatung",
                "slug": "schuldnerberatung",
                "kind": "counselling",
                "description": rich_text("<p>Hilfe bei Schulden.</p>"),
                "step_free": "yes",
                "service_area": "landkreis",
                "last_reviewed": "2026-11-01",
                "opening_hours": inline_formset(
                    [{"weekday": "0", "opens": "09:00", "closes": "12:00", "note": ""}]
                ),
                "contact_persons": inline_formset([{"name": "Frau Beispiel", "role": "Beraterin"}]),
            }
        )
        # Multiple choices are repeated keys, which nested_form_data would number.
        data.update(topics=[topic.pk], languages=["de", "ar"])
        data["contact_persons-0-languages"] = ["de"]
        self.assertCanCreate(self.partners, PartnerPage, data)
        partner = PartnerPage.objects.get(slug="schuldnerberatung")
        assert partner.languages == ["de", "ar"]
        assert partner.opening_hours.get().closes == datetime.time(12)
        assert partner.contact_persons.get().locale_id == partner.locale_id

    def test_a_partner_for_some_villages_names_them(self):
        partner = PartnerPageFactory(
            parent=self.partners, service_area="ortschaften", service_districts=["uetz"]
        )
        assert partner.service_area_text == "Uetz"
        partner.service_districts = []
        with pytest.raises(ValidationError) as error:
            partner.full_clean()
        assert "Bitte mindestens eine Ortschaft wählen." in str(error.value)

    def test_editor_can_create_an_offer(self):
        partner = PartnerPageFactory(parent=self.partners)
        data = nested_form_data(
            {
                "title": "Wohngeld",
                "slug": "wohngeld",
                "summary": "Geld vom Staat für die Miete.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>Wohngeld hilft bei der Miete.</p>"))]
                ),
                "is_free": "on",
                "area": "landkreis",
                "last_reviewed": "2026-11-01",
            }
        )
        data.update(legal_basis=["other"], providers=[partner.pk], languages=["de"])
        self.assertCanCreate(self.offers, OfferPage, data)
        offer = OfferPage.objects.get(slug="wohngeld")
        assert offer.legal_basis == ["other"]
        assert list(offer.providers.all()) == [partner]

    def test_admin_refuses_to_publish_an_offer_without_plain_summary_or_review_date(self):
        response = self.client.post(
            f"/admin/pages/add/buero_angebote/offerpage/{self.offers.pk}/",
            nested_form_data(
                {
                    "title": "Ohne Text",
                    "slug": "ohne-text",
                    "body": streamfield([]),
                    "area": "landkreis",
                    "action-publish": "action-publish",
                }
            ),
        )
        assert response.status_code == 200
        form = response.context["form"]
        assert "summary" in form.errors
        assert "last_reviewed" in form.errors
        assert not OfferPage.objects.filter(slug="ohne-text").exists()

    def test_admin_refuses_opening_hours_that_end_before_they_start(self):
        response = self.client.post(
            f"/admin/pages/add/buero_angebote/partnerpage/{self.partners.pk}/",
            nested_form_data(
                {
                    "title": "Falsche Zeiten",
                    "slug": "falsche-zeiten",
                    "kind": "authority",
                    "description": rich_text("<p>Text</p>"),
                    "step_free": "unknown",
                    "last_reviewed": "2026-11-01",
                    "opening_hours": inline_formset(
                        [{"weekday": "1", "opens": "14:00", "closes": "09:00", "note": ""}]
                    ),
                    "contact_persons": inline_formset([]),
                }
            ),
        )
        assert response.status_code == 200
        assert "Das Ende muss nach dem Beginn liegen." in response.content.decode()
        assert not PartnerPage.objects.filter(slug="falsche-zeiten").exists()

    @override_settings(ROOT_URLCONF="tests.urls_unprefixed")
    def test_pages_are_routable(self):
        partner = PartnerPageFactory(parent=self.partners)
        offer = OfferPageFactory(parent=self.offers)
        for page in (self.offers, self.partners, partner, offer):
            self.assertPageIsRoutable(page)
        self.assertPageIsRoutable(self.home, "suche/")
