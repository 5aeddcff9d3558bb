"""The "next open consultation hour" box that the events app adds to other apps' pages, and
the office's opening hours in the home page's structured data."""

import datetime

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from angebote.filters import any_code
from angebote.models.choices import SPOKEN_LANGUAGES
from buero import page_tree

from . import dated
from .models import ConsultationPage
from .models.consultations import Frequency
from .models.request_page import appointment_page
from .recurrence import RULE_FIELDS

#: How far the home page's box looks ahead: every session of the coming week.
WEEK = datetime.timedelta(days=7)


#: The dates of each series that the box considers: its next three.
PER_SERIES = 3
#: The most dates of the coming seven days that the box lists; the dates page has them all.
WEEK_MAX = 12


def next_consultation_context(page, request, others=0, interpreter=None, week=False):
    """The office's next open consultation hour in the page's language.

    When the very next date is cancelled, the box says so and shows the one after; with
    ``others`` it adds the next dates of the other series (partner-led hours); with
    ``week`` every session of the coming seven days, the office's and the partners', those
    cancelled marked as such; with ``interpreter`` (a language code) the next date of any
    series that offers an interpreter for that language.

    The dates come from those events.dated keeps for the coming weeks; only the series the
    box shows are loaded. Where those weeks hold no date of the office's own hours, every
    series is asked (``next_consultation_from_series``).
    """
    now = timezone.now()
    week_end = now + WEEK
    found = dated.consultation_dates(page.locale_id)
    series = found.series
    counted = {}
    first_own = next_entry = interpreted = entering = None
    rest, coming_week = [], []
    # One pass in the order of time, which ends as soon as the box has what it shows.
    for occurrence, page_id in found.entries:
        if occurrence.end <= now:
            continue
        info = series[page_id]
        number = counted[page_id] = counted.get(page_id, 0) + 1
        if number <= PER_SERIES:
            if info.host_id is None and next_entry is None:
                first_own = first_own or (occurrence, page_id)
                if not occurrence.cancelled:
                    next_entry = (occurrence, page_id)
            elif (
                next_entry is not None
                and len(rest) < others
                and not occurrence.cancelled
                and occurrence.start > next_entry[0].start
            ):
                rest.append((occurrence, page_id))
        if week and occurrence.start < week_end and len(coming_week) < WEEK_MAX + 2:
            coming_week.append((occurrence, page_id))
        if (
            interpreter
            and interpreted is None
            and not occurrence.cancelled
            and interpreter in info.interpreter_languages
        ):
            interpreted = (occurrence, page_id)
        if (
            next_entry is not None
            and len(rest) >= others
            and (not week or occurrence.start >= week_end or len(coming_week) >= WEEK_MAX + 2)
            and (not interpreter or interpreted is not None)
        ):
            if week and occurrence.start >= week_end:
                entering = occurrence.start - WEEK  # then the week shows it
            break
    if next_entry is None:
        return next_consultation_from_series(page, request, others, interpreter, week)
    next_occurrence, next_id = next_entry
    cancelled = first_own[0] if first_own[0].cancelled else None
    coming_week = [entry for entry in coming_week if entry != next_entry]
    more_dates = len(coming_week) > WEEK_MAX
    coming_week = coming_week[:WEEK_MAX]
    shown = {next_id, *(pk for _o, pk in rest), *(pk for _o, pk in coming_week)}
    if interpreted is not None:
        shown.add(interpreted[1])
    pages = ConsultationPage.objects.filter(pk__in=shown).select_related("host").in_bulk()
    if interpreted is not None:
        with_interpreter = {
            "occurrence": interpreted[0],
            "page": pages[interpreted[1]],
            "language": dict(SPOKEN_LANGUAGES)[interpreter],
        }
    elif interpreter:  # none in the coming weeks: the series that offer one are asked
        with_interpreter = _next_with_interpreter(
            ConsultationPage.load_dates(
                page_tree.current()
                .public(ConsultationPage.objects.filter(locale_id=page.locale_id))
                .filter(any_code("interpreter_languages", [interpreter]))
            ),
            interpreter,
            now,
        )
    else:
        with_interpreter = None
    # The box stays as it is until a date it shows has ended or a new one enters the week.
    shown = [first_own, next_entry, *rest, *coming_week, interpreted]
    ends = [entry[0].end for entry in shown if entry is not None]
    return {
        "expires": min([*ends, entering or now + MAX_CACHE]),
        "cancelled": cancelled,
        "next": next_occurrence,
        "page": pages[next_id],
        "others": [(occurrence, pages[pk]) for occurrence, pk in rest],
        "week": [(occurrence, pages[pk]) for occurrence, pk in coming_week],
        "more_dates": dates_page_url(pages[next_id]) if more_dates else None,
        "interpreted": with_interpreter,
        "appointment": appointment_page(translation.get_language()),
    }


def dates_page_url(series):
    """The address of the dates page that lists ``series``: its parent."""
    node = page_tree.current().parent(series)
    return node.url if node is not None else None


def next_consultation_from_series(page, request, others=0, interpreter=None, week=False):
    """``next_consultation_context`` from every series of the page's language, each asked
    for its next dates over the engine's horizon: where the coming weeks hold no date of the
    office's own hours."""
    consultations = ConsultationPage.load_dates(
        page_tree.current()
        .public(ConsultationPage.objects.filter(locale_id=page.locale_id))
        .select_related("host")
    )
    now = timezone.now()
    language = translation.get_language()
    own, other = [], []
    coming_week = []
    for consultation in consultations:
        for occurrence in consultation.upcoming(3, language=language):
            (own if consultation.host_id is None else other).append((occurrence, consultation))
        if week:
            coming_week += [
                (occurrence, consultation)
                for occurrence in consultation.occurrences(
                    timezone.localdate(now), timezone.localdate(now + WEEK), language=language
                )
                if now < occurrence.end and occurrence.start < now + WEEK
            ]
    own.sort(key=lambda entry: entry[0].start)
    if not own:
        return None
    cancelled = own[0][0] if own[0][0].cancelled else None
    upcoming = [(o, c) for o, c in own if not o.cancelled and o.end > now]
    if not upcoming:
        return None
    next_occurrence, series = upcoming[0]
    rest = sorted(
        other + [entry for entry in own if entry[0] is not next_occurrence],
        key=lambda e: e[0].start,
    )
    rest = [
        entry for entry in rest if entry[0].start > next_occurrence.start and not entry[0].cancelled
    ]
    return {
        "cancelled": cancelled,
        "next": next_occurrence,
        "page": series,
        "others": rest[:others],
        "week": sorted(
            (entry for entry in coming_week if entry[0] != next_occurrence or entry[1] != series),
            key=lambda entry: (entry[0].start, entry[1].title),
        ),
        "interpreted": _next_with_interpreter(consultations, interpreter, now)
        if interpreter
        else None,
        "appointment": appointment_page(translation.get_language()),
    }


def _next_with_interpreter(consultations, language, now):
    """(occurrence, series, language name) of the next date with an interpreter for ``language``."""
    found = [
        (occurrence, consultation)
        for consultation in consultations
        if language in (consultation.interpreter_languages or ())
        for occurrence in consultation.upcoming(1, include_cancelled=False)
        if occurrence.end > now
    ]
    if not found:
        return None
    occurrence, series = min(found, key=lambda entry: entry[0].start)
    return {"occurrence": occurrence, "page": series, "language": dict(SPOKEN_LANGUAGES)[language]}


def box_version():
    """What the cached box depends on: the consultation hours (VERSION_KEY, which their
    publication, unpublishing, deletion and facts move on) and the page tree's shape (its
    build, page_tree.PageTree.origin: a view restriction, a move, a new address). Another
    page's publication leaves the box be."""
    return f"{cache.get_or_set(VERSION_KEY, 1, None)}-{page_tree.current().origin}"


#: The box is cached until a date it shows has ended (at most MAX_CACHE; CACHE_SECONDS where
#: it was found without the kept dates) and dropped whenever a consultation hour is
#: published, unpublished or deleted (see signals.py) or the tree's shape changes.
CACHE_SECONDS = 300
MAX_CACHE = datetime.timedelta(hours=1)
VERSION_KEY = "events:next-consultation:version"


def forget_next_consultation(**kwargs):
    """Drop every cached box, so that an editor's change shows at once."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def render_next_consultation(
    page,
    request,
    others=0,
    interpreter=None,
    week=False,
    template="buero_events/includes/next_consultation.html",
):
    version = box_version()
    language = translation.get_language()
    key = (
        f"events:next-consultation:{version}:{page.locale_id}:{others}:{interpreter}:{week}:"
        f"{language}:{template}"
    )
    html = cache.get(key)
    if html is None:
        context = next_consultation_context(page, request, others, interpreter, week)
        html = render_to_string(template, context, request=request) if context else ""
        expires = context.get("expires") if context else None
        seconds = (expires - timezone.now()).total_seconds() if expires else CACHE_SECONDS
        cache.set(key, html, max(1, min(int(seconds), MAX_CACHE.total_seconds())))
    return html


def render_hosted_hours(page, request, partner_keys):
    """The consultation hours that the partners with ``partner_keys`` (translation keys) hold,
    in the page's language, each with its rule and next date: on the partner's own page and
    on the offers it provides, so that a family finds the debt counselling hour in the youth
    club from the debt counselling offer."""
    if not partner_keys:
        return ""
    hours = ConsultationPage.load_dates(
        page_tree.current()
        .public(
            ConsultationPage.objects.filter(
                locale_id=page.locale_id, host__translation_key__in=partner_keys
            )
        )
        .order_by("title")
    )
    if not hours:
        return ""
    entries = [(hour, hour.upcoming(1, include_cancelled=False)) for hour in hours]
    return render_to_string(
        "buero_events/includes/hosted_hours.html", {"entries": entries}, request=request
    )


#: How many dates the office's poster lists.
POSTER_DATES = 3


def render_office_hours(page, request):
    """The office's own consultation hours (those no partner leads) for its poster: each
    rule in words, the next dates with cancellations, the interpreters offered."""
    series = ConsultationPage.load_dates(
        page_tree.current()
        .public(ConsultationPage.objects.filter(locale_id=page.locale_id, host__isnull=True))
        .order_by("title")
    )
    if not series:
        return ""
    occurrences = sorted(
        occurrence for consultation in series for occurrence in consultation.upcoming(POSTER_DATES)
    )[:POSTER_DATES]
    languages = dict(SPOKEN_LANGUAGES)
    codes = sorted({code for consultation in series for code in consultation.interpreter_languages})
    context = {
        "series": series,
        "occurrences": occurrences,
        "interpreters": [languages[code] for code in codes if code in languages],
    }
    return render_to_string(
        "buero_events/print/includes/office_hours.html", context, request=request
    )


def office_opening_hours(page):
    """The office's own weekly consultation hours (those no partner leads) as schema.org
    OpeningHoursSpecification entries, for the home page's JSON-LD.

    Cached like the box, and dropped with it when a consultation hour changes; hours whose
    last date has passed are left out.
    """
    version = box_version()
    key = f"events:office-hours:{version}:{page.locale_id}:{timezone.localdate()}"
    hours = cache.get(key)
    if hours is None:
        today = timezone.localdate()
        series = (
            page_tree.current()
            .public(ConsultationPage.objects.filter(locale_id=page.locale_id, host__isnull=True))
            .exclude(valid_until__lt=today)
            .filter(frequency=Frequency.WEEKLY, interval=1)
            .only(*RULE_FIELDS)
            .order_by("title")
        )
        hours = [entry for consultation in series for entry in consultation.opening_hours_schema()]
        cache.set(key, hours, MAX_CACHE.total_seconds())
    return hours
