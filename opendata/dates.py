"""The upcoming dates of consultation hours as plain values, for the embeddable widget and
for ``termine.json``: one list, so that a partner's portal and the widget never disagree.

The series of a language are those of its tree, which holds the German page (an alias)
where a series is not translated yet; a language without any series shows the German ones.
The dates of all series of a language are computed once per page tree snapshot and day,
from the series that can have a date in the window (``ConsultationPage.in_window``); a
request then loads only the series of the dates it shows, whatever the number of series.
"""

import datetime
import re
from typing import NamedTuple

from django.conf import settings
from django.utils import timezone, translation
from wagtail.coreutils import get_supported_content_language_variant

from buero import page_tree
from events import dated as events_dated
from events.models import ConsultationPage, DateIndexPage

#: Dates the widget shows unless asked for another number, and the most it shows.
WIDGET_DATES, WIDGET_MAX = 5, 20
#: The same for termine.json.
JSON_DATES, JSON_MAX = 20, 100
#: What a slug or a page id can look like (Wagtail allows Unicode letters in slugs).
SLUG = re.compile(r"[-\w]{1,255}")
#: How far ahead dates are computed: six weeks first (kept by events.dated), which hold the
#: next dates of a site with a few weekly hours; the engine's whole horizon only where they
#: hold too few.
LOOK_AHEAD_DAYS = (42, 400)


def source_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class SeriesRow(NamedTuple):
    """What the widget needs to know of every series before it picks dates: kept with the
    page tree snapshot per language, so that a request loads only the series it shows."""

    pk: int
    slug: str
    translation_key: object
    path: str
    title: str
    locale_id: int


def language_series(language):
    """The live, public series of ``language``'s tree, German where it has none, by title,
    as SeriesRow."""
    tree = page_tree.current()

    def build():
        for code in dict.fromkeys((language, source_language())):
            rows = [
                SeriesRow(*row)
                for row in tree.public(
                    ConsultationPage.objects.live()
                    .filter(locale__language_code=code)
                    .order_by("title", "pk")
                ).values_list("pk", "slug", "translation_key", "path", "title", "locale_id")
            ]
            if rows:
                return rows
        return []

    return tree.memo(("widget-series", language), build)


def find_series(series, key):
    """The series among ``series`` named by ``key``: its slug or page id, or those of any
    of its translations (a partner may paste the German slug into the Arabic widget).
    None where nothing matches."""
    key = str(key).strip()
    if not SLUG.fullmatch(key):
        return None
    for page in series:
        if key in (page.slug, str(page.pk)):
            return page
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    lookup = {"pk": int(key)} if key.isdecimal() and len(key) < 18 else {"slug": key}
    keys = set(ConsultationPage.objects.filter(**lookup).values_list("translation_key", flat=True))
    return next((page for page in series if page.translation_key in keys), None)


def dates_page_url(series, language):
    """The full address of the page with all dates, in ``language`` where it exists."""
    tree = page_tree.current()
    parent = tree.parent(series[0]) if series else None
    if parent is None:
        for code in dict.fromkeys((language, source_language())):
            index = DateIndexPage.objects.live().filter(locale__language_code=code).first()
            if index is not None:
                parent = tree.get(index.pk)
                break
    return parent.full_url if parent is not None else None


def place(page):
    return {
        "name": page.venue_name,
        "street": page.street,
        "postcode": page.postcode,
        "town": page.town,
        "room": page.room,
    }


def interpreter_choices(page):
    """(code, name) of the languages a series offers interpreters for, in the choices' order."""
    chosen = set(page.interpreter_languages)
    field = page._meta.get_field("interpreter_languages")
    return [(code, label) for code, label in field.multiple_choices if code in chosen]


def dated(series, days):
    """(occurrence, page id) of every date of ``series`` (SeriesRow) from today for ``days``,
    sorted by start and title: the window that events.dated keeps, beyond it computed."""
    if not series:
        return []
    pks = {row.pk for row in series}
    if days <= events_dated.WINDOW_DAYS:
        entries = events_dated.consultation_dates(series[0].locale_id).entries
        return [entry for entry in entries if entry[1] in pks]
    today = timezone.localdate()
    return events_dated.dates_of(
        ConsultationPage.objects.filter(pk__in=pks),
        today,
        today + datetime.timedelta(days=days),
        translation.get_language(),
    ).entries


def upcoming_dates(series, count):
    """The next ``count`` dates of ``series`` (SeriesRow), merged chronologically, as plain
    dicts.

    Cancelled dates count among them and say why ("entfällt: Fortbildung des Teams"): a
    family that plans to come must learn that the hour does not take place. The texts are
    in the active language (holiday names, interpreter languages); ``text_language`` names
    the language of a series' own texts where it is not the reader's (an untranslated one).
    """
    tree = page_tree.current()
    source = source_language()
    # Untranslated series show the German text: say so where the reader's language differs.
    differs = translation.get_language() != source
    now = timezone.now()
    for days in LOOK_AHEAD_DAYS:
        found = [entry for entry in dated(series, days) if entry[0].end > now]
        if len(found) >= count:
            break  # every date beyond these days comes after the first ``count``
    found = found[:count]
    pages = ConsultationPage.objects.filter(pk__in={pk for _occurrence, pk in found}).in_bulk()
    shared = {}
    for page in pages.values():
        node = tree.get(page.pk)
        url = node.full_url if node is not None else page.full_url
        if url is None:
            continue  # not reachable on any site
        shared[page.pk] = {
            "series": page.title,
            "text_language": source if differs and page_tree.shows_source_text(page) else "",
            "url": url,
            "place": place(page),
            "interpreter_languages": [
                {"code": code, "name": str(label)} for code, label in interpreter_choices(page)
            ],
        }
    return [date_entry(shared[pk], occurrence) for occurrence, pk in found if pk in shared]


def date_entry(shared, occurrence):
    entry = {
        **shared,
        "start": occurrence.start,
        "end": occurrence.end,
        "cancelled": occurrence.cancelled,
        "note": occurrence.note,
        # The calendar file of one date; a cancelled date has none.
        "ical": None
        if occurrence.cancelled
        else f"{shared['url']}termin/{occurrence.date.isoformat()}/",
    }
    if occurrence.cancelled:
        entry["reason"] = occurrence.reason
    return entry


def interpreters(dates):
    """(series title, its text language, interpreter language names) of each series among
    ``dates`` that offers interpreters, in the order the series first appear."""
    seen = {}
    for entry in dates:
        if entry["interpreter_languages"] and entry["url"] not in seen:
            seen[entry["url"]] = {
                "series": entry["series"],
                "text_language": entry["text_language"],
                "languages": [language["name"] for language in entry["interpreter_languages"]],
            }
    return list(seen.values())
