"""Days, times and lists as text in the active language.

The template tags (buero_tags) show them in HTML; pages and rules need the same text outside
HTML (a link preview, the description of a series of dates), and import it from here, never
from the template tags.
"""

from functools import lru_cache

from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import template_localtime
from django.utils.translation import pgettext


def list_separator():
    """The comma between list items in the active language: "، " in Arabic and Persian."""
    return pgettext("list separator", ", ")


@lru_cache(maxsize=2048)
def _formatted_day(day, fmt, language):
    """A calendar day as localized text; a listing of 300 dates has about 40 different days."""
    return date_format(day, fmt, use_l10n=True)


def day_text(day, fmt="DATE_FORMAT"):
    """A calendar day as text in the active language's ``fmt``."""
    return _formatted_day(day, fmt, translation.get_language())


def when_text(start, end):
    """Weekday, date and time of a date as plain text, for text outside HTML (a link
    preview); the template tag ``when`` shows the same with markup."""
    start, end = template_localtime(start), template_localtime(end)
    separator = list_separator()
    times = f"{start.strftime('%H:%M')}–{end.strftime('%H:%M')}"
    if translation.get_language_bidi():
        # Isolated left to right, as <bdi dir="ltr"> does in HTML: else "12:00–10:00".
        times = f"\u2066{times}\u2069"
    return separator.join((day_text(start.date(), "l"), day_text(start.date()), times))
