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
from buero.factories import OfficeInfoPageFactory
from events.factories import (
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)
from tests.page_rules import SiteRootTestCase


class TestEditorsExperience(SiteRootTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        offers = OfferIndexPageFactory(parent=cls.home)
        partners = PartnerIndexPageFactory(parent=cls.home)
        dates = DateIndexPageFactory(parent=cls.home)
        courses = CourseIndexPageFactory(parent=cls.home)
        partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung")
        course = CoursePageFactory(parent=courses, title="Kinderarmut erkennen")
        CourseSessionFactory(page=course)
        cls.offers = offers
        cls.pages = [
            cls.home,
            OfficeInfoPageFactory(parent=cls.home, title="Über uns"),
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

    def test_the_page_editor_offers_unpublishing_once(self):
        for page in self.pages:
            content = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
            assert content.count("Veröffentlichung aufheben") == 1, page

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
            ("/admin/buero/offers/", "Wohngeld"),
            ("/admin/buero/partners/", "Schuldnerberatung"),
        ):
            content = self.client.get(url).content.decode()
            assert "Zuletzt geprüft" in content
            assert title in content
            assert "1. Oktober 2026" in content  # the factories' review date


def test_every_page_form_offers_only_the_pages_language_choices(locales):
    """Topics and target groups exist once per language: a German form lists the German
    ones only, not each entry eight times."""
    from django.apps import apps
    from django.forms import ModelChoiceField
    from wagtail.models import Page, TranslatableMixin

    from angebote.factories import TargetGroupFactory, TopicFactory

    for code in ("de", "ar", "uk"):
        TopicFactory(locale=locales[code])
        TargetGroupFactory(locale=locales[code])
    checked = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        form_class = model.get_edit_handler().get_form_class()
        form = form_class(instance=model(locale=locales["de"]), for_user=None)
        for name, field in form.fields.items():
            if not isinstance(field, ModelChoiceField):
                continue
            related = field.queryset.model
            if issubclass(related, TranslatableMixin) and not issubclass(related, Page):
                assert {item.locale_id for item in field.queryset} == {locales["de"].pk}, (
                    f"{model.__name__}.{name}"
                )
                checked.append(f"{model.__name__}.{name}")
    assert {"ConsultationPage.topics", "CoursePage.topics", "OfferPage.topics"} <= set(checked)
