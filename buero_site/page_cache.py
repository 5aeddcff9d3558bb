"""Whole-page cache for anonymous visitors: fresh while content is unchanged, and the last
good copy when the site cannot build a page.

A family on a prepaid phone should not wait for a page that nobody changed. Anonymous GET
requests for public pages are answered from the cache (Redis in production, see settings);
editors and anything with a cookie, a form post or the admin always reach Django.

Invalidation is by generation, not by key (home.content_generation): every fresh copy's key
contains the current generation, and any change that can show on a public page starts a new
one. That is correct for a site of this size, where one change can reach many pages (menus,
cards, the next consultation box), and needs no list of which page shows what.

Beside each fresh copy (minutes) the cache keeps a stale copy for days, under a key without
the generation. When a page cannot be built (the database is restarting, any 5xx), the
visitor gets that copy with an ``Age`` header and a notice in their language that it may not
be current, instead of an error page: RFC 5861's stale-if-error, which the ``Cache-Control``
header also offers to a reverse proxy. A page that was never cached gets the 500 page, and so
does any address with a query string (searches, filters), which is never kept for days, and
any response that says ``no-cache`` (the service worker).
"""

import datetime
import hashlib
import logging
import re
import time

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_cache_control

from home import content_generation

logger = logging.getLogger(__name__)

#: Where base.html wants the notice on a stale copy; host templates without it get it
#: right after <body>.
STALE_NOTICE_MARKER = b"<!-- stale-notice -->"
BODY_TAG = re.compile(rb"<body[^>]*>")


def page_cache():
    return content_generation.shared_cache()


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def stale_seconds():
    return getattr(settings, "PAGE_CACHE_STALE_SECONDS", 0)


def keeps_stale_copy(request):
    """Only addresses without a query string: a search can be personal ("Schulden"), and
    its words must not stay in the cache for days (the fresh copy lives minutes)."""
    return stale_seconds() > 0 and not request.META.get("QUERY_STRING")


def may_serve_stale(response):
    """A response that says ``no-cache`` (the service worker, home.offline) must be checked
    on every use: a days-old copy of it would bring back a past deployment."""
    return "no-cache" not in response.get("Cache-Control", "")


def purge(**kwargs):
    """Make every fresh copy stale at once (the stale copies stay for emergencies)."""
    content_generation.bump()


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


def _address_digest(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return hashlib.sha256(address.encode()).hexdigest()


def cache_key(request, generation):
    return f"page-cache:{generation}:{request.method}:{_address_digest(request)}"


def stale_key(request):
    return f"page-cache:stale:{request.method}:{_address_digest(request)}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        generation = content_generation.current()
        key = cache_key(request, generation) if generation is not None else None
        if key is not None:
            cached = page_cache().get(key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if response.status_code >= 500:
            return self.stale_copy(request) or response
        if cacheable_response(response):
            if keeps_stale_copy(request) and may_serve_stale(response):
                patch_cache_control(response, stale_if_error=stale_seconds())
                page_cache().set(
                    stale_key(request),
                    {"stored": time.time(), "response": response},
                    stale_seconds(),
                )
            if key is not None:
                page_cache().set(key, response, seconds())
        return response

    def stale_copy(self, request):
        """The last good copy of the page, marked as possibly outdated, or None."""
        entry = page_cache().get(stale_key(request)) if keeps_stale_copy(request) else None
        if entry is None:
            return None
        response, stored = entry["response"], entry["stored"]
        age = max(0, int(time.time() - stored))
        logger.warning("Serving a stale copy of %s (%d s old) after an error.", request.path, age)
        if response.get("Content-Type", "").startswith("text/html"):
            notice = render_to_string(
                "includes/stale_notice.html",
                {
                    "stored": datetime.datetime.fromtimestamp(
                        stored, tz=timezone.get_current_timezone()
                    )
                },
            ).encode()
            content = response.content
            if STALE_NOTICE_MARKER in content:
                content = content.replace(STALE_NOTICE_MARKER, notice, 1)
            else:
                content = BODY_TAG.sub(lambda match: match.group(0) + notice, content, count=1)
            response.content = content
        response["Age"] = str(age)
        return response
