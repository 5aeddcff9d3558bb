"""What the site counted, as daily totals per key: never a visit, never a visitor.

A row says "on this day, this many X happened in this language", for example 41 views of
offer pages in Arabic, or 3 help checks whose result for the Kinderzuschlag was "likely".
Nothing else is stored: no time of day, no address, no user agent, no referrer, no cookie,
nothing that could link two requests (docs/statistik.md). Totals are kept when tally rows
expire.
"""

from django.db import models


class Figure(models.TextChoices):
    """What is counted; ``detail`` narrows it (see each choice's comment)."""

    #: detail: the page type's model name, e.g. "offerpage"
    PAGE_VIEW = "page_view", "Seitenaufrufe"
    #: detail: empty
    HELP_CHECK = "help_check", "Hilfe-Checks abgeschlossen"
    #: detail: "<benefit>:<level>", e.g. "kinderzuschlag:likely"
    HELP_CHECK_RESULT = "help_check_result", "Ergebnisse des Hilfe-Checks"
    #: detail: empty
    APPOINTMENT_REQUEST = "appointment_request", "Terminanfragen"
    #: detail: the answer's kind, e.g. "helpful" / "not_helpful"
    FEEDBACK = "feedback", "Rückmeldungen"
    #: detail: empty
    SEARCH = "search", "Suchen"
    #: detail: empty
    MISSED_SEARCH = "missed_search", "Suchen ohne Treffer"
    #: detail: what was downloaded: "poster", "flyer", "calendar", …
    DOWNLOAD = "download", "Downloads"


class DailyTotal(models.Model):
    day = models.DateField("Tag", help_text="Der Tag, an dem gezählt wurde.")
    figure = models.CharField(
        "Kennzahl", max_length=32, choices=Figure.choices, help_text="Was gezählt wurde."
    )
    language = models.CharField(
        "Sprache", max_length=10, blank=True, help_text="Die Sprache der Seite, falls bekannt."
    )
    detail = models.CharField(
        "Genauer", max_length=80, blank=True, help_text="Seitentyp, Leistung und Ergebnis o. Ä."
    )
    count = models.PositiveIntegerField("Anzahl", default=0, help_text="Die Summe des Tages.")

    class Meta:
        verbose_name = "Tageszahl"
        verbose_name_plural = "Tageszahlen"
        ordering = ["-day", "figure", "language", "detail"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "figure", "language", "detail"], name="buero_impact_one_total"
            )
        ]

    def __str__(self):
        return f"{self.day:%d.%m.%Y} {self.get_figure_display()} {self.language} {self.detail}"
