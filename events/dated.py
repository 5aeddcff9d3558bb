"""The dates of every consultation hour and course of a language in the coming weeks, kept
with the page tree snapshot and brought up to date series by series.

The dates page, the "next open consultation hour" box, the widget and termine.json all ask
which dates the coming weeks hold. Computing them costs time per series; a site with
thousands of series would spend seconds on it after every publication. So they are
computed once per language and day, kept with the snapshot (``PageTree.memo_latest``), and
when an editor publishes, only the changed pages' dates are computed anew
(``refresh``): a publication of an offer costs nothing here, one of a consultation hour the
dates of that one series. A request then filters the plain rows and loads only the pages it
shows.
"""

import datetime
import heapq
from dataclasses import dataclass, field

from django.utils import timezone, translation

from buero import page_tree

from . import recurrence
from .models.consultations import ConsultationPage
from .models.courses import CoursePage, CourseSession, CourseStatus
from .recurrence import RULE_FIELDS, Occurrence

#: The days from today that are kept: the dates page's six weeks (events.listing.WEEKS).
WINDOW_DAYS = 42


@dataclass(frozen=True, slots=True)
class Series:
    """What a listing or the box filters a series' dates by, without loading the page."""

    title: str
    host_id: int | None
    interpreter_languages: tuple = ()


@dataclass
class Dated:
    """(occurrence, page id) sorted by start and title, and each page's Series."""

    entries: list = field(default_factory=list)
    series: dict = field(default_factory=dict)


def window():
    today = timezone.localdate()
    return today, today + datetime.timedelta(days=WINDOW_DAYS)


def _public_consultations(locale_id):
    return page_tree.current().public(ConsultationPage.objects.filter(locale_id=locale_id))


def dates_of(pages, first, last, language):
    """Dated of the series among ``pages`` (a queryset) with dates in [first, last]."""
    pages = ConsultationPage.in_window(pages, first, last).only(
        *RULE_FIELDS, "title", "host_id", "interpreter_languages"
    )
    dated = Dated()
    for page in ConsultationPage.load_dates(pages):
        dated.series[page.pk] = Series(
            page.title, page.host_id, tuple(page.interpreter_languages or ())
        )
        dated.entries += [
            (occurrence, page.pk) for occurrence in page.occurrences(first, last, language=language)
        ]
    dated.entries.sort(key=lambda entry: (entry[0].start, dated.series[entry[1]].title))
    return dated


def consultation_dates(locale_id):
    """Dated of every public consultation hour of the locale in the window, in the active
    language (holiday names)."""
    first, last = window()
    language = translation.get_language()

    def build():
        return dates_of(_public_consultations(locale_id), first, last, language)

    def refresh(dated, changed):
        fresh = dates_of(
            _public_consultations(locale_id).filter(pk__in=changed), first, last, language
        )
        series = {pk: entry for pk, entry in dated.series.items() if pk not in changed}
        series.update(fresh.series)
        kept = [entry for entry in dated.entries if entry[1] not in changed]
        entries = list(
            heapq.merge(
                kept, fresh.entries, key=lambda entry: (entry[0].start, series[entry[1]].title)
            )
        )
        return Dated(entries, series)

    key = ("consultation-dates", locale_id, language)
    return page_tree.current().memo_latest(key, (first, last), build, refresh)


def _course_dates(locale_id, first, last, pages=None):
    public = page_tree.current().public(CoursePage.objects.filter(locale_id=locale_id))
    sessions = CourseSession.objects.filter(
        page__in=public.values("pk"),
        end__gte=recurrence.at(first, datetime.time()),
        start__date__lte=last,
    ).exclude(page__status=CourseStatus.CANCELLED)
    if pages is not None:
        sessions = sessions.filter(page_id__in=pages)
    entries = [
        (
            Occurrence(
                start.astimezone(recurrence.TIME_ZONE),
                end.astimezone(recurrence.TIME_ZONE),
                note=note,
            ),
            page_id,
        )
        for page_id, start, end, note in sessions.values_list("page_id", "start", "end", "note")
    ]
    entries.sort(key=lambda entry: entry[0].start)
    return entries


def course_dates(locale_id):
    """(occurrence, course page id) of the locale's course sessions in the window."""
    first, last = window()

    def refresh(entries, changed):
        courses = set(CoursePage.objects.filter(pk__in=changed).values_list("pk", flat=True))
        if not courses:
            return entries
        kept = [entry for entry in entries if entry[1] not in courses]
        fresh = _course_dates(locale_id, first, last, courses)
        return list(heapq.merge(kept, fresh, key=lambda entry: entry[0].start))

    key = ("course-dates", locale_id)
    return page_tree.current().memo_latest(
        key, (first, last), lambda: _course_dates(locale_id, first, last), refresh
    )
