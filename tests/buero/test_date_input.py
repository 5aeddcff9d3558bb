"""Dates an editor types are read the German way, or refused with a message (buero.date_input)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms.models import formfield_for_dbfield

from buero.date_input import DateField, DateInput, DateTimeField


@pytest.mark.parametrize(
    "typed",
    ["09.12.2026", "9.12.2026", "9.12.26", "09.12.26", "2026-12-09", " 09.12.2026 "],
)
def test_german_and_iso_dates_are_read(typed):
    assert DateField().clean(typed) == datetime.date(2026, 12, 9)


@pytest.mark.parametrize("typed", ["31.02.2026", "09/12/2026", "12.2026", "morgen", "09.12.0026"])
def test_dates_it_cannot_read_are_refused_never_replaced(typed):
    with pytest.raises(ValidationError) as error:
        DateField().clean(typed)
    assert "TT.MM.JJJJ" in str(error.value)


def test_date_times_are_read_the_german_way():
    field = DateTimeField()
    value = field.clean("12.03.2027 09:30")
    assert (value.year, value.month, value.day, value.hour, value.minute) == (2027, 3, 12, 9, 30)
    assert field.clean("2027-03-12 09:30").day == 12
    with pytest.raises(ValidationError):
        field.clean("12.03.2027 25:00")


def test_every_admin_date_field_uses_them():
    field = formfield_for_dbfield(models.DateField(name="day"))
    assert isinstance(field, DateField)
    assert isinstance(field.widget, DateInput)
    config = field.widget.get_config()
    # The picker keeps what was typed instead of putting today's date in its place.
    assert config["validateOnBlur"] is False
    assert config["format"] == "d.m.Y"
    assert field.widget.format_value(datetime.date(2026, 12, 9)) == "09.12.2026"
    assert isinstance(formfield_for_dbfield(models.DateTimeField(name="at")), DateTimeField)
