"""Dates an editor types are never silently wrong.

Wagtail's date picker rewrites a value it cannot parse in its own format to today's date
when the field loses focus, so "09.12.2026" typed into a field that expects "2026-12-09"
became a cancellation for today. Here every date and date-time field of the admin shows and
reads German dates, also reads ISO and two-digit years, leaves what the editor typed alone
(the server checks it), and refuses a value it cannot read with a message instead of
guessing.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATE_FORMAT = "%d.%m.%Y"
DATETIME_FORMAT = "%d.%m.%Y %H:%M"
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    *(f"{date} {time}" for date in DATE_INPUT_FORMATS for time in ("%H:%M", "%H:%M:%S")),
    *DATE_INPUT_FORMATS,
]
#: Years an editor means; "09.12.0026" is a typing slip, not a date in antiquity.
YEARS = range(1900, 2200)


def _keep_typed_value(config):
    # The picker must not replace text it cannot parse: the server says what is wrong.
    return {**config, "validateOnBlur": False}


class DateInput(AdminDateInput):
    def __init__(self, attrs=None, format=None):
        super().__init__(attrs, format or getattr(settings, "WAGTAIL_DATE_FORMAT", DATE_FORMAT))

    def get_config(self):
        return _keep_typed_value(super().get_config())


class DateTimeInput(AdminDateTimeInput):
    def __init__(self, attrs=None, format=None, **kwargs):
        format = format or getattr(settings, "WAGTAIL_DATETIME_FORMAT", DATETIME_FORMAT)
        super().__init__(attrs, format, **kwargs)

    def get_config(self):
        return _keep_typed_value(super().get_config())


class _ReadsTypedDates:
    """Reads what an editor typed in any of ``input_formats``; refuses a year nobody means."""

    def __init__(self, *, input_formats=None, **kwargs):
        super().__init__(input_formats=input_formats or self.formats, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        result = super().to_python(value)
        if result is not None and result.year not in YEARS:
            raise ValidationError(
                "Das Jahr %(year)s stimmt wohl nicht. Bitte das Datum als TT.MM.JJJJ "
                "eingeben, z. B. 09.12.2026.",
                code="invalid_year",
                params={"year": result.year},
            )
        return result


class DateField(_ReadsTypedDates, forms.DateField):
    formats = DATE_INPUT_FORMATS
    default_error_messages = {
        "invalid": "Bitte das Datum als TT.MM.JJJJ eingeben, z. B. 09.12.2026.",
    }


class DateTimeField(_ReadsTypedDates, forms.DateTimeField):
    formats = DATETIME_INPUT_FORMATS
    default_error_messages = {
        "invalid": "Bitte Datum und Uhrzeit als TT.MM.JJJJ HH:MM eingeben, z. B. 09.12.2026 17:00.",
    }


def register():
    """Make every date field of the admin's model forms use these (pages, snippets, rows)."""
    register_form_field_override(
        models.DateField, override={"form_class": DateField, "widget": DateInput}
    )
    register_form_field_override(
        models.DateTimeField, override={"form_class": DateTimeField, "widget": DateTimeInput}
    )
