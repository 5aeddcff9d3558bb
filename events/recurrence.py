"""The occurrence engine: the dates of a recurring series, in plain Python.

One place computes dates. A series repeats weekly (on one or more weekdays, every n-th
week) or monthly (on the n-th weekday); it has a start and end time, a validity, dates
that are cancelled, extra or moved dates, and it may skip the public holidays of
Sachsen-Anhalt. The engine works on plain values (no database), uses dateutil's rrule for
the calendar arithmetic and zoneinfo for Europe/Berlin, so daylight-saving changes keep
the wall-clock time ("17:00" stays 17:00 in winter and summer).
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil import rrule

from buero.source_text import SourceText

TIME_ZONE = ZoneInfo("Europe/Berlin")
WEEKLY = "weekly"
MONTHLY = "monthly"
LAST = -1
RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
# Holiday names in the visitor's language where the holidays package has them.
HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US", "uk": "uk"}


@dataclass(frozen=True)
class ExtraDate:
    """A date outside the rule, or the new date of a moved one."""

    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    note: str = ""


#: The fields of a Series that a consultation hour's rule sets (its page fields of the same
#: names): what a form checks together and what a listing loads of a page.
RULE_FIELDS = (
    "frequency",
    "weekdays",
    "start_time",
    "end_time",
    "valid_from",
    "valid_until",
    "interval",
    "nth",
    "skip_holidays",
)


@dataclass(frozen=True)
class Series:
    frequency: str
    weekdays: tuple[int, ...]  # 0 = Monday … 6 = Sunday
    start_time: datetime.time
    end_time: datetime.time
    valid_from: datetime.date
    valid_until: datetime.date | None = None
    interval: int = 1  # every n-th week (weekly)
    nth: int = 1  # the n-th weekday of the month (monthly); -1 is the last
    skip_holidays: bool = True
    cancellations: dict[datetime.date, str] = field(default_factory=dict)
    extra_dates: tuple[ExtraDate, ...] = ()


@dataclass(frozen=True, order=True, slots=True)
class Occurrence:
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    reason: str = ""  # why it is cancelled: the editor's reason or the holiday's name
    note: str = ""  # of an extra or moved date
    extra: bool = False

    @property
    def date(self):
        return self.start.date()


@lru_cache(maxsize=64)
def _holidays(year, language):
    return holidays.country_holidays("DE", subdiv="ST", years=year, language=language)


def holiday_name(day, language="de"):
    """The name of the public holiday in Sachsen-Anhalt on ``day``, or ``None``; German,
    marked as such (SourceText), where the holidays package has no name in ``language``."""
    name = _holidays(day.year, HOLIDAY_LANGUAGES.get(language, "de")).get(day)
    if name is not None and language not in HOLIDAY_LANGUAGES:
        return SourceText(name)
    return name


def at(day, time):
    """A wall-clock time in Berlin; one that does not exist (the spring change) moves on."""
    local = datetime.datetime.combine(day, time, tzinfo=TIME_ZONE)
    return local.astimezone(datetime.UTC).astimezone(TIME_ZONE)


def rule_dates(series, first, last):
    """The dates the rule gives in [first, last], before cancellations, holidays and extras."""
    start = max(first, series.valid_from)
    end = min(last, series.valid_until) if series.valid_until else last
    if start > end or not series.weekdays:
        return []
    if series.frequency == MONTHLY:
        rule = rrule.rrule(
            rrule.MONTHLY,
            byweekday=[RRULE_WEEKDAYS[day](series.nth) for day in series.weekdays],
            dtstart=datetime.datetime.combine(series.valid_from, datetime.time()),
            until=datetime.datetime.combine(end, datetime.time()),
        )
    else:
        # Counting weeks from the start of the validity keeps "every second week" stable
        # whatever window is asked for.
        rule = rrule.rrule(
            rrule.WEEKLY,
            interval=max(1, series.interval),
            byweekday=[RRULE_WEEKDAYS[day] for day in series.weekdays],
            wkst=rrule.MO,
            dtstart=datetime.datetime.combine(series.valid_from, datetime.time()),
            until=datetime.datetime.combine(end, datetime.time()),
        )
    begin = datetime.datetime.combine(start, datetime.time())
    return [moment.date() for moment in rule.xafter(begin, inc=True)]


def occurrences(series, first, last, *, include_cancelled=True, language="de"):
    """The occurrences whose date lies in [first, last], sorted, without duplicates.

    Cancelled dates and skipped holidays are kept with ``cancelled=True`` and a reason, so
    a listing can say "entfällt: Reformationstag"; ``include_cancelled=False`` drops them.
    """
    found = {}
    for day in rule_dates(series, first, last):
        occurrence = Occurrence(at(day, series.start_time), at(day, series.end_time))
        if day in series.cancellations:
            occurrence = Occurrence(
                occurrence.start, occurrence.end, cancelled=True, reason=series.cancellations[day]
            )
        elif series.skip_holidays and (name := holiday_name(day, language)):
            occurrence = Occurrence(occurrence.start, occurrence.end, cancelled=True, reason=name)
        found[occurrence.start] = occurrence
    for extra in series.extra_dates:
        if first <= extra.date <= last:
            start = at(extra.date, extra.start_time)
            found[start] = Occurrence(
                start, at(extra.date, extra.end_time), note=extra.note, extra=True
            )
    result = sorted(found.values())
    if not include_cancelled:
        result = [occurrence for occurrence in result if not occurrence.cancelled]
    return result


def upcoming(series, now, count, *, horizon_days=400, include_cancelled=True, language="de"):
    """The next ``count`` occurrences that have not ended at ``now``."""
    now = now.astimezone(TIME_ZONE)
    found = occurrences(
        series,
        now.date(),
        now.date() + datetime.timedelta(days=horizon_days),
        include_cancelled=include_cancelled,
        language=language,
    )
    return [occurrence for occurrence in found if occurrence.end > now][:count]
