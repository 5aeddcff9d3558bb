"""The rule of a series in words, as a poster on the youth club's door says it.

"jeden Mittwoch, 17–19 Uhr" is read in passing; a list of dates is not. Every phrase is a
whole sentence part for translators (weekdays change their form after "every" in many
languages), and the weekdays of a week are joined with the language's own "and".
"""

from django.utils.dates import WEEKDAYS
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext

from buero.formats import list_separator

from . import recurrence


def _every_weekday(day):
    # One phrase per day: "jeden Montag", but "каждую среду" beside "каждый понедельник".
    return (
        gettext("every Monday"),
        gettext("every Tuesday"),
        gettext("every Wednesday"),
        gettext("every Thursday"),
        gettext("every Friday"),
        gettext("every Saturday"),
        gettext("every Sunday"),
    )[day]


def _nth_weekday(nth, weekday):
    phrases = {
        1: gettext("on the first %(weekday)s of the month"),
        2: gettext("on the second %(weekday)s of the month"),
        3: gettext("on the third %(weekday)s of the month"),
        4: gettext("on the fourth %(weekday)s of the month"),
        recurrence.LAST: gettext("on the last %(weekday)s of the month"),
    }
    return phrases[nth] % {"weekday": WEEKDAYS[weekday]}


def joined(parts):
    """ "A, B and C" in the active language."""
    parts = [str(part) for part in parts]
    if len(parts) < 2:
        return "".join(parts)
    return gettext("%(items)s and %(last)s") % {
        "items": list_separator().join(parts[:-1]),
        "last": parts[-1],
    }


def clock(time):
    """A time of day as people say it: "17 Uhr" is "17" in German, "17:00" elsewhere."""
    if time.minute == 0:
        return pgettext("time on the full hour", "%(hour)d:00") % {"hour": time.hour}
    return f"{time.hour}:{time.minute:02d}"


def hours(start, end):
    """ "17–19 Uhr", "17:00–19:00"."""
    return pgettext("from … to … o'clock", "%(start)s–%(end)s") % {
        "start": clock(start),
        "end": clock(end),
    }


def days(series):
    """On which days a series meets, e.g. "every Wednesday", "every 2 weeks on Monday"."""
    if series.frequency == recurrence.MONTHLY:
        return joined(_nth_weekday(series.nth, day) for day in series.weekdays)
    if series.interval > 1:
        return gettext("every %(count)d weeks on %(weekdays)s") % {
            "count": series.interval,
            "weekdays": joined(WEEKDAYS[day] for day in series.weekdays),
        }
    return joined(_every_weekday(day) for day in series.weekdays)


def describe(series):
    """The whole rule: "jeden Mittwoch, 17–19 Uhr"."""
    return pgettext("consultation rule: days, hours", "%(days)s, %(hours)s") % {
        "days": days(series),
        "hours": hours(series.start_time, series.end_time),
    }


def describe_html(series):
    """The rule for a page: the hours isolated left to right, so that "17:00–19:00" keeps its
    order in a right-to-left page."""
    return format_html(
        pgettext("consultation rule: days, hours", "%(days)s, %(hours)s")
        % {"days": "{}", "hours": '<bdi dir="ltr">{}</bdi>'},
        days(series),
        hours(series.start_time, series.end_time),
    )
