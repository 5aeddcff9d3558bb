"""iCalendar feeds (RFC 5545) built with the icalendar package.

A consultation hour goes into a feed as calendar apps keep a series themselves: one event
with a recurrence rule (RRULE), the cancelled dates and skipped holidays as exceptions
(EXDATE), and one event for each extra or moved date. A year of a weekly hour is then a
dozen lines instead of fifty events: the all-series feed is a few kilobytes instead of a
megabyte, which matters to a phone that refreshes a subscription on a prepaid plan, and
calendar apps show it as the series it is. The dates are those of the occurrence engine
(events/recurrence.py); the tests expand the rule and compare.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from icalendar import Calendar, Event

from buero import figures

from . import recurrence

HORIZON = datetime.timedelta(days=365)
#: The most events a calendar of many series or courses holds: a subscription's size and
#: the time to build it stay bounded whatever the number of series (one event per series,
#: plus its extra dates; series in the order given, by title).
MAX_EVENTS = 120
PRODUCT_ID = "-//Offenes Büro Tangerhütte//Termine//DE"
UID_DOMAIN = "offenes-buero-tangerhuette"
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def uid(page, occurrence):
    """Stable across requests and languages' copies: the series and the start instant."""
    start = occurrence.start.astimezone(datetime.UTC)
    return f"{page.translation_key}-{start:%Y%m%dT%H%M%SZ}@{UID_DOMAIN}"


def location(page):
    parts = [
        page.venue_name,
        getattr(page, "room", ""),
        page.street,
        f"{page.postcode} {page.town}".strip(),
    ]
    return ", ".join(part for part in parts if part)


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    return calendar


def event(request, page, start, end, event_uid, note="", status=None):
    """One VEVENT of a page: its title, place, link and the date's note; ``status`` is an
    RFC 5545 STATUS such as "CANCELLED"."""
    language = translation.get_language()
    entry = Event()
    entry.add("uid", event_uid)
    entry.add("dtstamp", page.last_published_at or timezone.now())
    entry.add("dtstart", start)
    entry.add("dtend", end)
    if status:
        entry.add("status", status)
    entry.add("summary", page.title, parameters={"LANGUAGE": language})
    description = "\n".join(text for text in (note, page.card_text) if text)
    if description:
        entry.add("description", description, parameters={"LANGUAGE": language})
    entry.add("location", location(page))
    entry.add("url", page.get_full_url(request))
    return entry


def occurrence_event(request, page, occurrence, status=None):
    """One date as an event of its own (a course session, an extra or single date)."""
    return event(
        request,
        page,
        occurrence.start,
        occurrence.end,
        uid(page, occurrence),
        occurrence.note,
        status=status,
    )


def build_calendar(request, entries, name, status=None):
    """A calendar of (page, occurrence) pairs, with Europe/Berlin as a VTIMEZONE."""
    calendar = new_calendar(name)
    for page, occurrence in entries:
        calendar.add_component(occurrence_event(request, page, occurrence, status=status))
    calendar.add_missing_timezones()
    return calendar


def recurrence_rule(series, until):
    """The engine's rule as an RRULE; ``until`` is the start of the last date, in UTC."""
    if series.frequency == recurrence.MONTHLY:
        days = [f"{series.nth}{ICAL_WEEKDAYS[day]}" for day in series.weekdays]
        return {"freq": "MONTHLY", "byday": days, "until": until}
    return {
        "freq": "WEEKLY",
        "interval": max(1, series.interval),
        "byday": [ICAL_WEEKDAYS[day] for day in series.weekdays],
        "wkst": "MO",
        "until": until,
    }


def series_events(request, page, first, last):
    """A consultation hour's dates in [first, last] as a recurring event plus its extra dates."""
    series = page.series()
    found = recurrence.occurrences(series, first, last, language=translation.get_language())
    held = {occurrence.start for occurrence in found if not occurrence.cancelled}
    events = []
    days = recurrence.rule_dates(series, first, last)
    if days:
        starts = [recurrence.at(day, series.start_time) for day in days]
        rule_event = event(
            request,
            page,
            starts[0],
            recurrence.at(days[0], series.end_time),
            f"{page.translation_key}@{UID_DOMAIN}",
        )
        rule_event.add("rrule", recurrence_rule(series, starts[-1].astimezone(datetime.UTC)))
        # Cancelled, a holiday, or replaced by an extra date at the same time.
        extra = {occurrence.start for occurrence in found if occurrence.extra}
        exceptions = [start for start in starts if start not in held or start in extra]
        if exceptions:
            rule_event.add("exdate", exceptions)
        events.append(rule_event)
    for occurrence in found:
        if occurrence.extra and not occurrence.cancelled:
            events.append(occurrence_event(request, page, occurrence))
    return events


def window():
    """(first, last): the days a calendar feed covers, from today for ``HORIZON``."""
    today = timezone.localdate()
    return today, today + HORIZON


def series_calendar(request, pages, name):
    """The coming year of each consultation hour in ``pages``, to subscribe to; at most
    ``MAX_EVENTS`` events."""
    first, last = window()
    calendar = new_calendar(name)
    count = 0
    for page in pages:
        events = series_events(request, page, first, last)
        if count + len(events) > MAX_EVENTS:
            break
        for entry in events:
            calendar.add_component(entry)
        count += len(events)
    calendar.add_missing_timezones()
    return calendar


def ical_response(content, filename):
    """The calendar file (``Calendar.to_ical()``), counted as a download on each serve
    (buero.figures): a subscribed calendar is fetched again by the visitor's calendar app
    every few hours."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return figures.mark(response, figures.DOWNLOAD, translation.get_language(), figures.CALENDAR)


def calendar_response(request, entries, name, filename):
    return ical_response(build_calendar(request, entries, name).to_ical(), filename)
