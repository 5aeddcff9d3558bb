"""Whole-page cache for anonymous visitors, dropped whenever content changes.

A family on a prepaid phone should not wait for a page that nobody changed. Anonymous GET
requests for public pages are answered from the cache (Redis in production, see settings);
editors and anything with a cookie, a form post or the admin always reach Django.

Invalidation is by generation, not by key: every cached page's key contains the current
generation number, and any change that can show on a public page (publishing, unpublishing,
moving or deleting a page, saving a snippet or the site settings) increments it. That is
correct for a site of this size, where one change can reach many pages (menus, cards, the
next consultation box), and needs no list of which page shows what.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

GENERATION_KEY = "page-cache:generation"
#: Apps whose saved or deleted objects can change public pages.
CONTENT_APPS = ("home", "angebote", "events", "wagtailcore", "wagtailimages", "wagtaildocs")
#: Models of those apps that never show on a public page (saving them must not purge).
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailcore.referenceindex",
}


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def generation():
    return page_cache().get_or_set(GENERATION_KEY, 1, None)


def purge(**kwargs):
    """Make every cached page stale at once."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def cacheable_request(request):
    return (
        seconds() > 0
        and request.method in {"GET", "HEAD"}
        and not request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(("/admin/", "/documents/"))
    )


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def cache_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{generation()}:{request.method}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if cacheable_response(response):
            page_cache().set(key, response, seconds())
        return response


def connect_signals():
    page_published.connect(purge, dispatch_uid="page-cache-published")
    page_unpublished.connect(purge, dispatch_uid="page-cache-unpublished")
    for config in apps.get_app_configs():
        if config.label not in CONTENT_APPS:
            continue
        for model in config.get_models():
            if model._meta.label_lower in IGNORED_MODELS:
                continue
            post_save.connect(purge, sender=model, dispatch_uid=f"page-cache-save-{model}")
            post_delete.connect(purge, sender=model, dispatch_uid=f"page-cache-delete-{model}")
