"""Admin form of consultation hours: a cancellation must hit a date the series has."""

import datetime

from django.utils import formats, timezone

from angebote.models.forms import TaxonomyPageForm

from .. import recurrence

#: How far ahead an editor may cancel or add a date: further is a typing slip.
HORIZON = datetime.timedelta(days=366)
#: How many real dates the message names.
SUGGESTIONS = 3


def _day_text(day):
    return formats.date_format(day, "D d.m.Y")


class ConsultationPageForm(TaxonomyPageForm):
    """Refuses cancellations on days the rule has no date (a Thursday for a Wednesday
    hour would do nothing and leave the real Wednesday open), and new dates in the past or
    more than a year ahead; the message names the next real dates."""

    def clean(self):
        cleaned_data = super().clean()
        series = self._series(cleaned_data)
        today = timezone.localdate()
        for name, check_rule in (("cancellations", True), ("extra_dates", False)):
            formset = self.formsets.get(name)
            if formset is None or not formset.is_valid():
                continue
            for form in formset.forms:
                if not form.has_changed() or form.cleaned_data.get("DELETE"):
                    continue
                day = form.cleaned_data.get("date")
                if day is None:
                    continue
                if day < today:
                    form.add_error("date", "Dieser Tag liegt in der Vergangenheit.")
                elif day > today + HORIZON:
                    form.add_error(
                        "date",
                        "Dieser Tag liegt mehr als ein Jahr voraus. Bitte das Jahr prüfen.",
                    )
                elif check_rule and series is not None:
                    self._check_rule_date(form, series, day, today)
        return cleaned_data

    def _series(self, cleaned_data):
        values = {name: cleaned_data.get(name) for name in recurrence.RULE_FIELDS}
        required = ("frequency", "weekdays", "start_time", "end_time", "valid_from")
        if any(values[name] in (None, "", []) for name in required) or self.errors:
            return None
        values["weekdays"] = tuple(sorted(int(day) for day in values["weekdays"]))
        values["interval"] = int(values["interval"] or 1)
        values["nth"] = int(values["nth"] or 1)
        return recurrence.Series(**values)

    @staticmethod
    def _check_rule_date(form, series, day, today):
        if recurrence.rule_dates(series, day, day):
            return
        following = recurrence.rule_dates(series, max(day, today), today + HORIZON)[:SUGGESTIONS]
        if following:
            message = (
                "An diesem Tag (%(day)s) findet die Sprechstunde nicht statt. "
                "Die nächsten Termine: %(dates)s."
            )
        else:
            message = (
                "An diesem Tag (%(day)s) findet die Sprechstunde nicht statt, "
                "und im nächsten Jahr gibt es keinen Termin."
            )
        form.add_error(
            "date",
            message % {"day": _day_text(day), "dates": ", ".join(map(_day_text, following))},
        )
