"""Schedules in HSDS terms: a consultation series or a partner's opening hours as iCalendar
style rules (``freq``, ``byday``, ``interval``), with what HSDS cannot express in words.

HSDS has no field for cancelled dates or public holidays (an open issue of the
specification), and its ``timezone`` is a fixed UTC offset, which Europe/Berlin's summer
time breaks. So times are given as local wall-clock times, and ``notes`` says, in the
requested language, that they are German local time, that the hour does not take place on
public holidays, and which of the coming dates are cancelled and why. Each extra or moved
date becomes a schedule of its own that occurs once (``count`` 1).
"""

import datetime
from itertools import groupby

from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from events import recurrence, rules

#: iCalendar's day codes, Monday first as in Python.
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: How far ahead ``notes`` lists cancelled dates.
NOTES_DAYS = 365


def clock(time):
    return time.strftime("%H:%M")


def local_time_note():
    return gettext("Times are local time in Germany (Europe/Berlin).")


def byday(series):
    if series.frequency == recurrence.MONTHLY:
        return ",".join(f"{series.nth}{DAY_CODES[day]}" for day in series.weekdays)
    return ",".join(DAY_CODES[day] for day in series.weekdays)


def cancellation_notes(series, today, language):
    """ "entfällt am 23.12.2026: Weihnachtsferien", for every cancelled date of the next year."""
    last = today + datetime.timedelta(days=NOTES_DAYS)
    notes = []
    for occurrence in recurrence.occurrences(series, today, last, language=language):
        if not occurrence.cancelled:
            continue
        day = date_format(occurrence.date, "SHORT_DATE_FORMAT")
        if occurrence.reason:
            notes.append(
                gettext("does not take place on %(date)s: %(reason)s")
                % {"date": day, "reason": occurrence.reason}
            )
        else:
            notes.append(gettext("does not take place on %(date)s") % {"date": day})
    return notes


def series_notes(series, today, language):
    """ "Entfällt an Feiertagen in Sachsen-Anhalt; entfällt am 23.12.2026: Weihnachtsferien.
    Die Zeiten sind Ortszeit in Deutschland (Europe/Berlin)." """
    parts = []
    if series.skip_holidays:
        parts.append(gettext("does not take place on public holidays in Sachsen-Anhalt"))
    parts += cancellation_notes(series, today, language)
    if not parts:
        return local_time_note()
    text = "; ".join(parts)
    return f"{text[:1].upper()}{text[1:]}. {local_time_note()}"


def series_schedules(series, *, today, language, link=None, **ids):
    """The schedules of a consultation series: its rule, then one per coming extra date.

    ``ids`` are the HSDS ids the schedules belong to (``service_id``, ``location_id``,
    ``service_at_location_id``); ``ids["id"]`` is the rule's own id, extra dates get theirs
    from ``extra_id(date)``.
    """
    extra_id = ids.pop("extra_id")
    schedule = {
        **ids,
        "freq": "MONTHLY" if series.frequency == recurrence.MONTHLY else "WEEKLY",
        "byday": byday(series),
        "wkst": "MO",
        "dtstart": series.valid_from.isoformat(),
        "valid_from": series.valid_from.isoformat(),
        "opens_at": clock(series.start_time),
        "closes_at": clock(series.end_time),
        "description": rules.describe(series),
        "notes": series_notes(series, today, language),
        "schedule_link": link,
    }
    if series.frequency != recurrence.MONTHLY:
        schedule["interval"] = max(1, series.interval)
    if series.valid_until:
        schedule["valid_to"] = schedule["until"] = series.valid_until.isoformat()
    schedules = [schedule]
    for extra in sorted(series.extra_dates, key=lambda extra: (extra.date, extra.start_time)):
        if extra.date < today:
            continue
        day = date_format(extra.date, "SHORT_DATE_FORMAT")
        description = gettext("Extra date on %(date)s, %(hours)s") % {
            "date": day,
            "hours": rules.hours(extra.start_time, extra.end_time),
        }
        schedules.append(
            {
                **ids,
                "id": extra_id(extra.date, extra.start_time),
                "freq": "WEEKLY",
                "byday": DAY_CODES[extra.date.weekday()],
                "dtstart": extra.date.isoformat(),
                "count": 1,
                "valid_from": extra.date.isoformat(),
                "valid_to": extra.date.isoformat(),
                "opens_at": clock(extra.start_time),
                "closes_at": clock(extra.end_time),
                "description": f"{description}: {extra.note}" if extra.note else description,
                "notes": local_time_note(),
                "schedule_link": link,
            }
        )
    return schedules


def opening_hours_schedules(rows, *, schedule_id, **ids):
    """Weekly schedules of opening hours; days with the same times and note share one.

    ``rows`` have ``weekday``, ``opens``, ``closes`` and ``note``; ``schedule_id(opens,
    closes, note)`` gives each group its id.
    """

    def times(row):
        return (row.opens, row.closes, row.note)

    schedules = []
    for (opens, closes, note), group in groupby(sorted(rows, key=times), key=times):
        days = sorted({row.weekday for row in group})
        description = pgettext("opening hours: days, hours", "%(days)s, %(hours)s") % {
            "days": rules.joined(WEEKDAYS[day] for day in days),
            "hours": rules.hours(opens, closes),
        }
        schedules.append(
            {
                **ids,
                "id": schedule_id(opens, closes, note),
                "freq": "WEEKLY",
                "byday": ",".join(DAY_CODES[day] for day in days),
                "wkst": "MO",
                "opens_at": clock(opens),
                "closes_at": clock(closes),
                "description": f"{description} ({note})" if note else description,
                "notes": local_time_note(),
            }
        )
    return sorted(schedules, key=lambda schedule: DAY_CODES.index(schedule["byday"][:2]))
