"""iCalendar feeds (RFC 5545) built with the icalendar package."""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from icalendar import Calendar, Event

HORIZON = datetime.timedelta(days=365)
PRODUCT_ID = "-//Offenes Büro Tangerhütte//Termine//DE"


def uid(page, occurrence):
    """Stable across requests and languages' copies: the series and the start instant."""
    start = occurrence.start.astimezone(datetime.UTC)
    return f"{page.translation_key}-{start:%Y%m%dT%H%M%SZ}@offenes-buero-tangerhuette"


def location(page):
    parts = [
        page.venue_name,
        getattr(page, "room", ""),
        page.street,
        f"{page.postcode} {page.town}".strip(),
    ]
    return ", ".join(part for part in parts if part)


def build_calendar(request, entries, name):
    """A calendar of (page, occurrence) pairs, with Europe/Berlin as a VTIMEZONE."""
    language = translation.get_language()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for page, occurrence in entries:
        event = Event()
        event.add("uid", uid(page, occurrence))
        event.add("dtstamp", page.last_published_at or timezone.now())
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end)
        event.add("summary", page.title, parameters={"LANGUAGE": language})
        description = "\n".join(text for text in (occurrence.note, page.card_text) if text)
        if description:
            event.add("description", description, parameters={"LANGUAGE": language})
        event.add("location", location(page))
        event.add("url", page.get_full_url(request))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, entries, name, filename):
    response = HttpResponse(
        build_calendar(request, entries, name).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
