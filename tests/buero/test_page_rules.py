"""Which page may live where, checked with Wagtail's own page test helpers."""

import pytest
from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from buero.factories import OfficeInfoPageFactory
from buero.models import OfficeInfoPage, OfficePage
from tests.page_rules import SiteRootTestCase


class TestPageRules(SiteRootTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.root = Page.get_first_root_node()

    def test_home_page_lives_under_the_root_only(self):
        self.assertAllowedParentPageTypes(OfficePage, {Page})
        self.assertCanNotCreateAt(OfficePage, OfficePage)
        self.assertCanNotCreateAt(OfficeInfoPage, OfficePage)

    def test_home_page_is_a_singleton(self):
        # max_count: one home page exists, so a second cannot be added.
        assert not OfficePage.can_create_at(self.root)

    def test_standard_pages_live_under_home_and_under_each_other(self):
        self.assertAllowedParentPageTypes(OfficeInfoPage, {OfficePage, OfficeInfoPage})
        self.assertAllowedSubpageTypes(OfficeInfoPage, {OfficeInfoPage})
        self.assertCanCreateAt(OfficePage, OfficeInfoPage)
        self.assertCanCreateAt(OfficeInfoPage, OfficeInfoPage)

    def test_editor_can_create_a_standard_page_through_the_admin(self):
        self.assertCanCreate(
            self.home,
            OfficeInfoPage,
            nested_form_data(
                {
                    "title": "Über uns",
                    "slug": "ueber-uns",
                    "intro": "Wer wir sind.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Was wir machen", "level": "h2"}),
                            ("paragraph", rich_text("<p>Wir beraten vertraulich.</p>")),
                        ]
                    ),
                }
            ),
        )

    @override_settings(ROOT_URLCONF="tests.urls_unprefixed")
    def test_pages_are_routable(self):
        page = OfficeInfoPageFactory(parent=self.home, slug="impressum")
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRoutable(page)


@pytest.mark.django_db
def test_home_page_translation_is_allowed_despite_max_count(home, translate):
    english = translate(home, "en", title="Open Office Tangerhütte")
    assert english.translation_key == home.translation_key
    assert OfficePage.objects.count() == 2
