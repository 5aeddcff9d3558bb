from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from buero import views as home_views
from buero.sitemaps import MultilingualSitemap

from .password_reset import RateLimitedPasswordResetView

urlpatterns = [
    # Before Wagtail's admin URLs, so that this answers at Wagtail's own address.
    path("admin/password_reset/", RateLimitedPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    # The plugin's own addresses: form posts, APIs, feeds and the dates widget.
    path("", include("buero.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the path: /de/..., /en/..., /ar/...
# A request for / is redirected by LocaleMiddleware to the best language from
# Accept-Language, German otherwise.
urlpatterns += i18n_patterns(
    # Wagtail's URLs, its page view replaced by the one that routes through the page tree
    # snapshot (buero.views.serve); a host site may keep Wagtail's own.
    *(url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, home_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
