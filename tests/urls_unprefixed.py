"""Wagtail's URLs without the language prefix.

WagtailPageTestCase.assertPageIsRoutable routes the page's full URL path, so with
i18n_patterns it would take the language prefix (/de/) for a slug; the routing rules are
tested here without it, the prefixed URLs through the test client elsewhere.
"""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
