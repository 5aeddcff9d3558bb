"""The period a report covers: a month, a quarter, a year or two dates the office types.

``PeriodForm`` reads the report's query string (``?art=monat&jahr=2026&monat=3``, ``?art=frei
&von=01.03.2026&bis=15.04.2026``); a value it cannot read is a German form error, never an
exception. Dates are typed the German way (buero.date_input). Without a query string the
report shows the last twelve months.
"""

import calendar
import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone

from buero import date_input

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip

MONTH = "monat"
QUARTER = "quartal"
YEAR = "jahr"
CUSTOM = "frei"
KINDS = [(MONTH, "Monat"), (QUARTER, "Quartal"), (YEAR, "Jahr"), (CUSTOM, "Freier Zeitraum")]
#: The longest custom period: long enough for any report, short enough to stay quick.
MAX_DAYS = 5 * 366


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive
    kind: str = CUSTOM

    @property
    def label(self):
        """ "März 2026", "1. Quartal 2026", "2026", "01.03.2026 bis 15.04.2026"."""
        if self.kind == MONTH:
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        if self.kind == QUARTER:
            return f"{(self.start.month - 1) // 3 + 1}. Quartal {self.start.year}"
        if self.kind == YEAR:
            return str(self.start.year)
        return f"{self.start:%d.%m.%Y} bis {self.end:%d.%m.%Y}"

    @property
    def slug(self):
        """The period in a file name: "2026-03", "2026-Q1", "2026", "2026-03-01_2026-04-15"."""
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == YEAR:
            return str(self.start.year)
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def query(self):
        """The query string that shows this period again (links to the exports)."""
        if self.kind == MONTH:
            return {"art": MONTH, "jahr": self.start.year, "monat": self.start.month}
        if self.kind == QUARTER:
            return {"art": QUARTER, "jahr": self.start.year, "quartal": quarter_of(self.start)}
        if self.kind == YEAR:
            return {"art": YEAR, "jahr": self.start.year}
        return {"art": CUSTOM, "von": f"{self.start:%d.%m.%Y}", "bis": f"{self.end:%d.%m.%Y}"}

    def months(self):
        """The first day of every month the period touches, in order."""
        first = self.start.replace(day=1)
        while first <= self.end:
            yield first
            first = next_month(first)


def quarter_of(day):
    return (day.month - 1) // 3 + 1


def next_month(first):
    return first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)


def month(year, number):
    last = calendar.monthrange(year, number)[1]
    return Period(datetime.date(year, number, 1), datetime.date(year, number, last), MONTH)


def quarter(year, number):
    first = month(year, 3 * number - 2)
    return Period(first.start, month(year, 3 * number).end, QUARTER)


def year(number):
    return Period(datetime.date(number, 1, 1), datetime.date(number, 12, 31), YEAR)


def this_month(today=None):
    today = today or timezone.localdate()
    return month(today.year, today.month)


def previous_month(period):
    before = period.start - datetime.timedelta(days=1)
    return month(before.year, before.month)


def last_twelve_months(today=None):
    """The default: a year back from today, as the demo's figures are."""
    today = today or timezone.localdate()
    try:
        start = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - 1, day=28)
    return Period(start + datetime.timedelta(days=1), today, CUSTOM)


def shortcuts(today=None):
    """The periods the report offers as links: (label, period)."""
    today = today or timezone.localdate()
    current = this_month(today)
    before = quarter(today.year, quarter_of(today)).start - datetime.timedelta(days=1)
    return [
        ("Dieser Monat", current),
        ("Letzter Monat", previous_month(current)),
        ("Letztes Quartal", quarter(before.year, quarter_of(before))),
        ("Dieses Jahr", year(today.year)),
        ("Letztes Jahr", year(today.year - 1)),
        ("Letzte 12 Monate", last_twelve_months(today)),
    ]


class PeriodForm(forms.Form):
    """The report's period; every field is optional, ``clean`` says what is missing."""

    art = forms.ChoiceField(label="Zeitraum", choices=KINDS, required=False)
    jahr = forms.IntegerField(
        label="Jahr",
        required=False,
        help_text="Für Monat, Quartal und Jahr, z. B. 2026.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": "Bitte das Jahr als Zahl eingeben, z. B. 2026."},
    )
    monat = forms.TypedChoiceField(
        label="Monat",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "–"), *((number, name) for number, name in enumerate(MONTHS, 1))],
        error_messages={"invalid_choice": "Bitte einen Monat aus der Liste wählen."},
    )
    quartal = forms.TypedChoiceField(
        label="Quartal",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "–"), *((number, f"{number}. Quartal") for number in range(1, 5))],
        error_messages={"invalid_choice": "Bitte ein Quartal von 1 bis 4 wählen."},
    )
    von = date_input.DateField(
        label="Von",
        required=False,
        help_text="Für einen freien Zeitraum, als TT.MM.JJJJ.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bis = date_input.DateField(
        label="Bis",
        required=False,
        help_text="Der letzte Tag, der mitzählt.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, data=None, *, today=None, **kwargs):
        self.today = today or timezone.localdate()
        if not data or not any(data.get(name) for name in self.base_fields):
            data = last_twelve_months(self.today).query()
        super().__init__(data, **kwargs)

    def clean_jahr(self):
        number = self.cleaned_data.get("jahr")
        if number is not None and number not in date_input.YEARS:
            raise forms.ValidationError(
                "Das Jahr %(year)s stimmt wohl nicht. Bitte ein Jahr wie 2026 eingeben.",
                params={"year": number},
            )
        return number

    def clean(self):
        data = super().clean()
        kind = data.get("art") or CUSTOM
        if self.errors:
            return data
        if kind in (MONTH, QUARTER, YEAR) and data.get("jahr") is None:
            self.add_error("jahr", "Bitte ein Jahr eingeben, z. B. 2026.")
        elif kind == MONTH and data.get("monat") is None:
            self.add_error("monat", "Bitte einen Monat wählen.")
        elif kind == QUARTER and data.get("quartal") is None:
            self.add_error("quartal", "Bitte ein Quartal wählen.")
        elif kind == CUSTOM:
            start, end = data.get("von"), data.get("bis")
            if start is None:
                self.add_error("von", "Bitte den ersten Tag als TT.MM.JJJJ eingeben.")
            if end is None:
                self.add_error("bis", "Bitte den letzten Tag als TT.MM.JJJJ eingeben.")
            if start and end and end < start:
                self.add_error("bis", "Der letzte Tag liegt vor dem ersten. Bitte tauschen.")
            elif start and end and (end - start).days >= MAX_DAYS:
                self.add_error("bis", "Ein Zeitraum kann höchstens fünf Jahre lang sein.")
        return data

    @property
    def period(self):
        """The chosen period; only after ``is_valid()``."""
        data = self.cleaned_data
        kind = data.get("art") or CUSTOM
        if kind == MONTH:
            return month(data["jahr"], data["monat"])
        if kind == QUARTER:
            return quarter(data["jahr"], data["quartal"])
        if kind == YEAR:
            return year(data["jahr"])
        return Period(data["von"], data["bis"], CUSTOM)


def errors_in_words(form):
    """The form's errors as one German sentence per field, for the exports' 400 answer."""
    return [
        f"{form.fields[name].label if name in form.fields else 'Zeitraum'}: {message}"
        for name, messages in form.errors.items()
        for message in messages
    ]
