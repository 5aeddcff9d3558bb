"""The upcoming dates of consultation hours as plain values, for the embeddable widget and
for ``termine.json``: one list, so that a partner's portal and the widget never disagree.

The series of a language are those of its tree, which holds the German page (an alias)
where a series is not translated yet; a language without any series shows the German ones.
Whatever the number of series, reading them costs four queries: the series, their
cancellations and extra dates (``ConsultationPage.load_dates``), and, once per snapshot, the
page tree that gives their addresses (buero.page_tree).
"""

import re

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from buero import page_tree
from events.models import ConsultationPage, DateIndexPage

#: Dates the widget shows unless asked for another number, and the most it shows.
WIDGET_DATES, WIDGET_MAX = 5, 20
#: The same for termine.json.
JSON_DATES, JSON_MAX = 20, 100
#: What a slug or a page id can look like (Wagtail allows Unicode letters in slugs).
SLUG = re.compile(r"[-\w]{1,255}")
#: How far ahead dates are computed: six weeks first, which hold the next dates of a site
#: with a few weekly hours; the engine's whole horizon only where they hold too few.
LOOK_AHEAD_DAYS = (42, 400)


def source_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def language_series(language):
    """The live, public series of ``language``'s tree, German where it has none, by title."""
    tree = page_tree.current()
    for code in dict.fromkeys((language, source_language())):
        pages = list(
            tree.public(
                ConsultationPage.objects.live()
                .filter(locale__language_code=code)
                .defer_streamfields()
                .order_by("title", "pk")
            )
        )
        if pages:
            return pages
    return []


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


def upcoming_dates(series, count):
    """The next ``count`` dates of ``series``, merged chronologically, as plain dicts.

    Cancelled dates count among them and say why ("entfällt: Fortbildung des Teams"): a
    family that plans to come must learn that the hour does not take place. The texts are
    in the active language (holiday names, interpreter languages); ``text_language`` names
    the language of a series' own texts where it is not the reader's (an untranslated one).
    """
    tree = page_tree.current()
    source = source_language()
    # Untranslated series show the German text: say so where the reader's language differs.
    differs = translation.get_language() != source
    pages = []
    for page in ConsultationPage.load_dates(series):
        node = tree.get(page.pk)
        url = node.full_url if node is not None else page.full_url
        if url is None:
            continue  # not reachable on any site
        shared = {
            "series": page.title,
            "text_language": source if differs and page_tree.shows_source_text(page) else "",
            "url": url,
            "place": place(page),
            "interpreter_languages": [
                {"code": code, "name": str(label)} for code, label in interpreter_choices(page)
            ],
        }
        pages.append((page, shared))
    for days in LOOK_AHEAD_DAYS:
        found = [
            date_entry(shared, occurrence)
            for page, shared in pages
            for occurrence in page.upcoming(count, horizon_days=days)
        ]
        if len(found) >= count:
            break  # every date beyond these days comes after the first ``count``
    found.sort(key=lambda entry: (entry["start"], entry["series"]))
    return found[:count]


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
