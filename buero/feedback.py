""" "Hat Ihnen diese Seite geholfen?": one click, and what was missing, with no trace of who.

The form posts to the page itself (buero.views.serve hands it here before any CSRF check:
there is no cookie to protect, and a feedback changes nothing but a count), then redirects
back to the page with a thank-you. Rate-limited per client (buero.visitors) and for everyone
together (buero.limits), either with a page that asks to try again later; a POST from another
site's page (its Origin) and one for a page with view restrictions are refused.
"""

import re
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from . import figures
from .limits import Cap
from .models import FEEDBACK_PARAMETER, FeedbackReason, PageFeedback
from .visitors import over_limit

MAX_TEXT = 300
RATE_LIMIT = 20
RATE_WINDOW = 3600
#: Answers stored per hour from everyone together (setting BUERO_FEEDBACK_PER_HOUR).
FEEDBACK = Cap(
    "feedback",
    "BUERO_FEEDBACK_PER_HOUR",
    100,
    "Rückmeldungen „Hat Ihnen diese Seite geholfen?“",
    hint="Weitere Antworten wurden in dieser Stunde nicht gespeichert.",
    url_name="buero_feedback_report",
    permission="buero.view_pagefeedback",
)
#: What the widget shows after a click: ?feedback=why (after "Nein") or ?feedback=thanks.
#: (FEEDBACK_PARAMETER, which the page types that collect feedback declare they read.)
WHY, THANKS = "why", "thanks"

EMAIL = re.compile(r"\S+@\S+")
#: Six or more digits, with the spaces, slashes, dashes and brackets people write them with.
PHONE = re.compile(r"\+?\d[\d\s/().-]{4,}\d")
REMOVED = "[…]"


def scrub(text):
    """The text without e-mail addresses and phone numbers, which must not be stored."""
    return PHONE.sub(REMOVED, EMAIL.sub(REMOVED, text)).strip()


class FeedbackForm(forms.Form):
    helpful = forms.ChoiceField(choices=[("yes", "yes"), ("no", "no")])
    reason = forms.ChoiceField(choices=FeedbackReason.choices, required=False)
    text = forms.CharField(max_length=MAX_TEXT, required=False)


def receive(request, page):
    """Store one answer for ``page`` and send the visitor back to it."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin and urlsplit(origin).netloc != request.get_host():
        return HttpResponse(status=403)  # sent from another site's page
    if page.get_view_restrictions():
        return HttpResponse(status=403)  # a private page is not asked
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    if over_limit(request, "home:feedback", RATE_LIMIT, RATE_WINDOW):
        return limited(request, page)
    data = form.cleaned_data
    helpful = data["helpful"] == "yes"
    # "Nein" without a reason is the first click: ask what was missing before storing it.
    if not helpful and not data["reason"] and not data["text"]:
        return HttpResponseRedirect(f"{page.url}?{FEEDBACK_PARAMETER}={WHY}#feedback", status=303)
    if not FEEDBACK.take():
        return limited(request, page)
    language = translation.get_language() or settings.LANGUAGE_CODE
    PageFeedback.objects.create(
        page_id=page.pk,
        language=language,
        helpful=helpful,
        reason="" if helpful else data["reason"],
        text="" if helpful else scrub(data["text"])[:MAX_TEXT],
    )
    figures.count(figures.FEEDBACK, language, figures.HELPFUL if helpful else figures.NOT_HELPFUL)
    return HttpResponseRedirect(f"{page.url}?{FEEDBACK_PARAMETER}={THANKS}#feedback", status=303)


def limited(request, page):
    """A page that asks to try again later, with the way back: not a bare 429."""
    response = TemplateResponse(
        request, "buero/feedback_limited.html", page.get_context(request), status=429
    )
    response["Retry-After"] = str(RATE_WINDOW)
    add_never_cache_headers(response)
    return response


def summary(pages):
    """{page id: {"yes", "no", "share", "reasons", "texts"}} of the given pages' feedback."""
    return PageFeedback.summary(pages)
