"""What the site counts, said by the parts where it happens; the impact app keeps the totals.

Two ways to say it, neither with anything about the visitor:

- ``count(figure, language, detail)``: it happened now, once (a help check completed, an
  appointment request stored, a feedback answer stored). A signal, ``counted``, carries it;
  the impact app adds it to the day's total (impact.counting). Without the impact app
  nothing listens and nothing is counted.
- ``mark(response, figure, language, detail)``: count it whenever this response is served to
  a reader (a page view, a search, a poster, a calendar file). The values travel on the
  response, so a copy that a page cache keeps carries them too and is counted on each
  serve; the impact app's middleware (impact.middleware.CountingMiddleware) counts them
  only for a GET answered with 200 to an anonymous visitor whose browser is no known bot.

The figures are the impact app's ``Figure`` values (impact.models.figures); buero never
imports that app, so the names are repeated here (tests/impact/test_figures.py compares).
"""

import logging

from django.dispatch import Signal

logger = logging.getLogger(__name__)

#: detail: the page type's model name ("offerpage")
PAGE_VIEW = "page_view"
#: detail: empty
HELP_CHECK = "help_check"
#: detail: "<benefit>:<level>" ("kinderzuschlag:likely")
HELP_CHECK_RESULT = "help_check_result"
#: detail: empty
APPOINTMENT_REQUEST = "appointment_request"
#: detail: the answer's kind, HELPFUL or NOT_HELPFUL
FEEDBACK = "feedback"
HELPFUL, NOT_HELPFUL = "helpful", "not_helpful"
#: detail: empty
SEARCH = "search"
MISSED_SEARCH = "missed_search"
#: detail: what was downloaded, one of DOWNLOADS
DOWNLOAD = "download"
POSTER, FLYER, SHEET, CALENDAR = "poster", "flyer", "sheet", "calendar"
DOWNLOADS = (POSTER, FLYER, SHEET, CALENDAR)

#: Sent with ``figure``, ``language`` and ``detail`` (strings) when something happened once.
counted = Signal()

#: The attribute of a response that holds its (figure, language, detail) marks.
MARKS = "buero_figures"


def count(figure, language="", detail=""):
    """Count one ``figure`` now. Never raises: a count that fails is lost, nothing else."""
    try:
        counted.send(sender=None, figure=figure, language=language or "", detail=detail or "")
    except Exception:
        logger.warning("A figure (%s) could not be counted.", figure, exc_info=True)


def mark(response, figure, language="", detail=""):
    """Count ``figure`` each time ``response`` (or a cached copy of it) reaches a reader."""
    try:
        setattr(response, MARKS, (*marks(response), (figure, language or "", detail or "")))
    except Exception:
        logger.warning("A figure (%s) could not be marked.", figure, exc_info=True)
    return response


def marks(response):
    """The (figure, language, detail) marks of ``response``: what serving it counts."""
    return getattr(response, MARKS, ())
