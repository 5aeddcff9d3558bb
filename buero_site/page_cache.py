"""Whole-page cache for anonymous visitors: fresh while content is unchanged, and the last
good copy when the site cannot build a page.

A family on a prepaid phone should not wait for a page that nobody changed. Anonymous GET
requests for public pages are answered from the cache (Redis in production, see settings);
editors and anything with a cookie, a form post or the admin always reach Django.

Invalidation is by generation, not by key (buero.content_generation): every fresh copy's key
contains the current generation, and any change that can show on a public page starts a new
one. That is correct for a site of this size, where one change can reach many pages (menus,
cards, the next consultation box), and needs no list of which page shows what.

Beside each fresh copy (minutes) the cache keeps a stale copy for days, under a key without
the generation. When a page cannot be built (the database is restarting, any 5xx), the
visitor gets that copy with an ``Age`` header and a notice in their language that it may not
be current, instead of an error page: RFC 5861's stale-if-error, which the ``Cache-Control``
header also offers to a reverse proxy. A page that was never cached gets the 500 page, and so
does any address with query parameters that its page reads (searches, filters), which is
never kept for days, and any response that says ``no-cache`` (the service worker).

A copy is kept per address as the site knows it, not as a visitor spells it (``Address``):
the root URL of the Wagtail site that serves the request, never the Host header or its port,
which anyone can vary; the path; and only the query parameters that the page type or view
declares it reads (``query_parameters``, see buero.models.BasePage). Every other parameter is
dropped before the view runs, so the view sees exactly what the key holds and its copy is
right for every request with that key: a link shared with a messenger's tracking tag comes
from the cache like the plain address, and made-up parameters or ports make no new entry.
A view that declares nothing (a sitemap page, Wagtail's own views) is cached only when asked
without a query string. Parameters a page reads are cached per value (a search per word),
as fresh copies only; Redis' ``maxmemory`` with ``allkeys-lru`` bounds the rest
(docs/betrieb.md).
"""

import datetime
import hashlib
import logging
import re
import time
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.db import DatabaseError
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import patch_cache_control

from buero import content_generation, page_tree

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
    """Only addresses without parameters that the page reads: a search can be personal
    ("Schulden"), and its words must not stay in the cache for days (the fresh copy lives
    minutes)."""
    return stale_seconds() > 0 and not request_address(request).query


def may_serve_stale(response):
    """A response that says ``no-cache`` (the service worker, buero.offline) must be checked
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


#: The sites' hosts and root URLs, kept in the shared cache beside the stale copies: while
#: the database is down, a worker needs them to find a copy (see site_rows).
SITES_KEY = "page-cache:sites"


@dataclass(frozen=True)
class Address:
    """What a cached copy is for: the site's root URL, the path, and the query parameters
    the page reads, sorted by name ("page=2&q=Kita")."""

    root_url: str
    path: str
    query: str

    def digest(self):
        return hashlib.sha256(f"{self.root_url}{self.path}?{self.query}".encode()).hexdigest()


class SiteRow(NamedTuple):
    """What the page cache needs of a Wagtail site, small enough for the shared cache."""

    hostname: str
    port: int
    is_default_site: bool
    root_url: str


def site_rows():
    """Every Wagtail site as a SiteRow: from the page tree snapshot, and from the shared
    cache while the database cannot be reached."""
    try:
        tree = page_tree.current()
        return tree.memo(
            SITES_KEY,
            lambda: tuple(
                SiteRow(site.hostname, site.port, site.is_default_site, site.root_url)
                for site in tree.sites()
            ),
        )
    except DatabaseError:
        return page_cache().get(SITES_KEY) or ()


def site_root_url(request):
    """The root URL of the site that serves ``request`` ("https://example.org"), or None.

    Matched as Wagtail and the page tree match it (buero.page_tree.match_site), but on rows
    that outlive a database outage, so that a worker finds the stale copies then too.
    """
    row = page_tree.match_site(site_rows(), *page_tree.host_and_port(request))
    return row.root_url if row is not None else None


def declared_parameters(request):
    """The query parameters that the page type or view behind ``request`` reads (its
    ``query_parameters``), or None where it does not say or the page tree cannot tell."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    view = match.func
    if match.url_name == "wagtail_serve":
        path = match.kwargs.get("path", match.args[0] if match.args else "")
        try:
            view = page_tree.current().page_class(request, path)
        except DatabaseError:
            return None
    names = getattr(view, "query_parameters", None)
    return frozenset(names) if names is not None else None


def _address(request):
    root_url = site_root_url(request)
    if root_url is None:
        return None
    names = declared_parameters(request)
    if names is None:
        # What the view reads is unknown: only the address without a query is kept.
        return None if request.GET else Address(root_url, request.path, "")
    kept = sorted(
        (
            (name, value)
            for name, values in request.GET.lists()
            if name in names
            for value in values
        ),
        key=lambda pair: pair[0],  # stable: a parameter's values keep their order
    )
    return Address(root_url, request.path, urlencode(kept))


def request_address(request):
    """The Address of ``request``, worked out once; None where it is not cached (no site
    serves it, a query string for a view that does not say what it reads, or a query that
    Django refuses to read: the view answers that one in its own way, the APIs in JSON)."""
    if not hasattr(request, "_page_cache_address"):
        try:
            request._page_cache_address = _address(request)
        except TooManyFieldsSent:
            request._page_cache_address = None
    return request._page_cache_address


def limit_query(request, address):
    """Hand the view only the parameters in the key: what it builds is then right for
    every request with that key."""
    if request.META.get("QUERY_STRING", "") != address.query:
        request.GET = QueryDict(address.query)
        request.META["QUERY_STRING"] = address.query


def names_other_host(request, address, response):
    """Whether the response spells out the host as this request sent it, where that is
    not the site's own: a feed's links, say, that Django builds from the Host header. Such
    a copy is right only for that spelling and is not kept under the site's key."""
    host = request.get_host()
    if host.lower() == urlsplit(address.root_url).netloc.lower():
        return False
    return f"//{host}".encode() in response.content


def cache_key(request, generation):
    return f"page-cache:{generation}:{request.method}:{request_address(request).digest()}"


def stale_key(request):
    return f"page-cache:stale:{request.method}:{request_address(request).digest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request) or request_address(request) is None:
            return self.get_response(request)
        limit_query(request, request_address(request))
        generation = content_generation.current()
        key = cache_key(request, generation) if generation is not None else None
        if key is not None:
            cached = page_cache().get(key)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if response.status_code >= 500:
            return self.stale_copy(request) or response
        if cacheable_response(response) and not names_other_host(
            request, request_address(request), response
        ):
            if keeps_stale_copy(request) and may_serve_stale(response):
                patch_cache_control(response, stale_if_error=stale_seconds())
                page_cache().set(
                    stale_key(request),
                    {"stored": time.time(), "response": response},
                    stale_seconds(),
                )
                # Refreshed with every stale copy, so LRU never drops it before them.
                page_cache().set(SITES_KEY, site_rows(), None)
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
