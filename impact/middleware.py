"""Counting what the pages serve: page views, searches and downloads, also from a page cache.

The plugin's pages mark a response with what serving it counts (buero.figures.mark): a page
view of its type and language, a search, a poster. The marks travel with the response, into
a whole-page cache and out of it, and this middleware counts them each time a response
reaches a reader: a GET answered with 200, to a visitor who is not logged in, whose browser
is no known bot (impact.user_agents). The user agent is looked at, never kept; no cookie is
read or set; the count goes to this process's memory (impact.counting), so a page costs no
query and no cache call for it.

Its place is above any whole-page cache, so that the cache's hits pass through it: in the
standalone site just above buero_site.page_cache.PageCacheMiddleware, in a host anywhere
after Django's AuthenticationMiddleware (docs/integration.md).
"""

import logging

from django.conf import settings
from django.core import checks

from buero import figures

from . import counting
from .user_agents import is_bot

logger = logging.getLogger(__name__)

MIDDLEWARE_PATH = "impact.middleware.CountingMiddleware"


def reached_a_reader(request, response):
    """Whether serving ``response`` is something to count: a reader got the page."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if getattr(request, "is_preview", False):
        return False
    if logged_in(request):
        return False
    return not is_bot(request.META.get("HTTP_USER_AGENT", ""))


def logged_in(request):
    """Whether an editor (or anyone logged in) asks. Only a request with the session cookie
    or credentials can be one; for any other the session is not even looked at, which would
    cost time and add ``Vary: Cookie`` to the response."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES and (
        "HTTP_AUTHORIZATION" not in request.META
    ):
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class CountingMiddleware:
    """Counts the figures a served response is marked with; never changes the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            marks = figures.marks(response)
            if marks and counting.enabled() and reached_a_reader(request, response):
                for figure, language, detail in marks:
                    counting.count(figure, language, detail)
        except Exception:
            logger.warning("What a page served could not be counted.", exc_info=True)
        return response


def check_middleware(app_configs=None, **kwargs):
    """buero_impact.W001: without the middleware, page views, searches and downloads are
    not counted (what happens once, a help check or a request, still is)."""
    if MIDDLEWARE_PATH in settings.MIDDLEWARE:
        return []
    return [
        checks.Warning(
            "Page views, searches and downloads are not counted.",
            hint=f'Add "{MIDDLEWARE_PATH}" to MIDDLEWARE, above any whole-page cache '
            "(docs/integration.md), or silence buero_impact.W001.",
            id="buero_impact.W001",
        )
    ]
