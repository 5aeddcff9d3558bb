"""The base of the suite's page-rule tests: Wagtail's helpers with a home page as site root."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from buero.factories import OfficePageFactory


class SiteRootTestCase(WagtailPageTestCase):
    """A German home page as the default site's root (``cls.home``), logged in as a superuser.

    Subclasses add their pages in ``setUpTestData`` after calling ``super()``.
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home = OfficePageFactory(parent=Page.get_first_root_node())
        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.save()

    def setUp(self):
        super().setUp()
        self.login()
