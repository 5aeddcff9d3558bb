"""What editors rely on: a German admin, previews of every page type, content checks,
scheduled publishing and the page history."""

import datetime

import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.models import OfferPage
from events.factories import (
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    EventIndexPageFactory,
)
from home.factories import StandardPageFactory
from tests.page_rules import SiteRootTestCase


class TestEditorsExperience(SiteRootTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        offers = OfferIndexPageFactory(parent=cls.home)
        partners = PartnerIndexPageFactory(parent=cls.home)
        dates = EventIndexPageFactory(parent=cls.home)
        courses = CourseIndexPageFactory(parent=cls.home)
        partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung")
        course = CoursePageFactory(parent=courses, title="Kinderarmut erkennen")
        CourseSessionFactory(page=course)
        cls.offers = offers
        cls.pages = [
            cls.home,
            StandardPageFactory(parent=cls.home, title="Über uns"),
            offers,
            OfferPageFactory(parent=offers, title="Wohngeld", providers=[partner]),
            partners,
            partner,
            dates,
            ConsultationPageFactory(parent=dates, title="Offene Sprechstunde"),
            courses,
            course,
        ]

    def setUp(self):
        self.user = self.login()

    def test_admin_speaks_german(self):
        content = self.client.get("/admin/").content.decode()
        assert '<html lang="de"' in content
        assert "Seiten" in content

    def test_every_page_type_has_a_working_preview(self):
        assert len({type(page) for page in self.pages}) == 10
        for page in self.pages:
            page = page.specific
            page.title = f"{page.title} (Entwurf)"
            response = page.make_preview_request()
            assert response.status_code == 200, type(page).__name__
            assert page.title in response.render().content.decode(), type(page).__name__
            # The editor's preview panel is on for every page type.
            assert page.preview_modes, type(page).__name__

    def test_editor_offers_wagtails_content_checks(self):
        for page in self.pages:
            content = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
            assert "data-checks-panel" in content, type(page).__name__

    def test_scheduled_offer_goes_live_with_publish_scheduled(self):
        offer = OfferPageFactory(parent=self.offers, title="Zuschuss zur Klassenfahrt", live=False)
        offer.go_live_at = timezone.now() + datetime.timedelta(hours=1)
        offer.save_revision(user=self.user).publish(user=self.user)
        offer.refresh_from_db()
        assert not offer.live
        assert "Zuschuss zur Klassenfahrt" not in self.client.get(self.offers.url).content.decode()

        with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
            call_command("publish_scheduled")

        offer.refresh_from_db()
        assert offer.live
        assert "Zuschuss zur Klassenfahrt" in self.client.get(self.offers.url).content.decode()

    def test_page_history_shows_who_changed_what(self):
        offer = OfferPage.objects.get(title="Wohngeld")
        offer.title = "Wohngeld für Mieter"
        offer.save_revision(user=self.user, log_action=True).publish(user=self.user)
        entry = PageLogEntry.objects.filter(page=offer, action="wagtail.publish").latest(
            "timestamp"
        )
        assert entry.user == self.user
        history = self.client.get(f"/admin/pages/{offer.pk}/history/").content.decode()
        assert self.user.get_username() in history or str(self.user) in history
        assert "Veröffentlicht" in history

    def test_flat_listings_show_when_offers_and_partners_were_last_checked(self):
        for url, title in (
            ("/admin/offer_pages/", "Wohngeld"),
            ("/admin/partner_pages/", "Schuldnerberatung"),
        ):
            content = self.client.get(url).content.decode()
            assert "Zuletzt geprüft" in content
            assert title in content
            assert "1. Oktober 2026" in content  # the factories' review date
