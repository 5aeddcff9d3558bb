"""Times as a voice should say them, for reading pages aloud ("Vorlesen").

A speech engine reads "17:00–19:00" as figures and a dash; a listener needs "17 bis 19 Uhr",
"from 5 pm to 7 pm". The page shows the figures and carries these words in ``data-spoken``
(``buero_tags.time_range``). A language speaks the clock its time format shows (Django's
``TIME_FORMAT``): 12 hours with "am"/"pm" in English and Arabic, 24 hours in the others.
Each clock has its own whole phrases, since a translation must keep every value of its msgid.
"""

from django.utils.formats import get_format
from django.utils.translation import pgettext

#: Format characters of a 12-hour clock (see django.utils.dateformat).
TWELVE_HOUR = set("ghaAP")


def _twelve_hours():
    return bool(TWELVE_HOUR & set(get_format("TIME_FORMAT")))


def clock(time):
    """A time of day in words: "17 Uhr", "17 Uhr 30", "5:30 pm"."""
    if not _twelve_hours():
        values = {"hour": time.hour, "minute": time.minute}
        if time.minute == 0:
            return pgettext("spoken time on the full hour, 24-hour clock", "%(hour)d o'clock") % (
                values
            )
        return pgettext("spoken time with minutes, 24-hour clock", "%(hour)d:%(minute)02d") % (
            values
        )
    values = {
        "hour": time.hour % 12 or 12,
        "minute": time.minute,
        "period": pgettext("spoken time, before noon", "am")
        if time.hour < 12
        else pgettext("spoken time, after noon", "pm"),
    }
    if time.minute == 0:
        return pgettext("spoken time on the full hour, 12-hour clock", "%(hour)d %(period)s") % (
            values
        )
    return (
        pgettext("spoken time with minutes, 12-hour clock", "%(hour)d:%(minute)02d %(period)s")
        % values
    )


def hours(start, end):
    """A span of time in words: "17 bis 19 Uhr", "17 Uhr 30 bis 19 Uhr", "from 5 pm to 7 pm"."""
    if not (start.minute or end.minute or _twelve_hours()):
        # "17 bis 19 Uhr": the word for the hour once, as people say it.
        return pgettext(
            "spoken: from … to … o'clock, 24-hour clock", "from %(start)d to %(end)d o'clock"
        ) % {"start": start.hour, "end": end.hour}
    return pgettext("spoken: from … to …", "from %(start)s to %(end)s") % {
        "start": clock(start),
        "end": clock(end),
    }
