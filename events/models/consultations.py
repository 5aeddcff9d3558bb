"""Consultation hours: recurring series with cancellations, extra dates and calendar feeds."""

import datetime
from collections import defaultdict

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.http import Http404
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from angebote.fields import MultipleChoiceField
from angebote.models.choices import SPOKEN_LANGUAGES
from angebote.partner_links import PartnerLinkedPage
from buero import printing
from buero import structured_data as schema
from buero.facts import SourceTextMixin, text_of
from buero.formats import when_text
from buero.models import FEEDBACK_PARAMETER, BasePage, VenueAccess, preview_text
from buero.source_text import SourceText

from .. import feeds, recurrence, rules
from .forms import ConsultationPageForm
from .request_page import appointment_page

WEEKDAY_CHOICES = [(str(number), name) for number, name in sorted(WEEKDAYS.items())]
NEXT_DATES = 8
#: Dates a poster or flyer lists.
POSTER_DATES = 3
LISTING_WEEKS = 6


class Frequency(models.TextChoices):
    WEEKLY = recurrence.WEEKLY, _("Weekly")
    MONTHLY = recurrence.MONTHLY, _("Monthly")


class NthWeekday(models.IntegerChoices):
    FIRST = 1, "am ersten"
    SECOND = 2, "am zweiten"
    THIRD = 3, "am dritten"
    FOURTH = 4, "am vierten"
    LAST = recurrence.LAST, "am letzten"


class ConsultationPage(PartnerLinkedPage, BasePage):
    """A recurring consultation hour: the office's open hour or a partner's thematic hour."""

    collects_feedback = True
    query_parameters = (FEEDBACK_PARAMETER,)

    intro = models.TextField(
        "Kurzbeschreibung",
        max_length=400,
        help_text="Zwei, drei kurze Sätze: Worum geht es, wer kann kommen? Ohne Fachwörter.",
    )
    host = models.ForeignKey(
        "buero_angebote.PartnerPage",
        verbose_name="Durchgeführt von",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leer lassen, wenn das Offene Büro selbst berät; sonst den Netzwerkpartner wählen.",
    )
    topics = ParentalManyToManyField(
        "buero_angebote.Topic",
        verbose_name="Themen",
        blank=True,
        related_name="consultations",
        help_text="Bei thematischen Sprechstunden das Thema, z. B. „Schulden“.",
    )
    venue_name = models.CharField(
        "Ort", max_length=120, default="Jugendclub Tangerhütte", help_text="Name des Hauses."
    )
    street = models.CharField(
        "Straße und Hausnummer",
        max_length=120,
        blank=True,
        help_text="Wo die Sprechstunde stattfindet, z. B. „Bahnhofstraße 5“.",
    )
    postcode = models.CharField(
        "Postleitzahl", max_length=10, blank=True, help_text="Fünf Ziffern, z. B. „39517“."
    )
    town = models.CharField(
        "Ort (Stadt)",
        max_length=80,
        default="Tangerhütte",
        help_text="Der Ort der Sprechstunde; meist Tangerhütte.",
    )
    room = models.CharField(
        "Raum", max_length=120, blank=True, help_text="z. B. „Obergeschoss, Raum 3“."
    )
    venue_access = models.CharField(
        "Zugang",
        max_length=20,
        choices=VenueAccess.choices,
        default=VenueAccess.STAIRS,
        help_text="Wie man zum Raum kommt; wird in jeder Sprache übersetzt angezeigt.",
    )
    access_note = models.CharField(
        "Hinweis zum Zugang",
        max_length=200,
        blank=True,
        help_text="z. B. „14 Stufen mit Handlauf; auf Wunsch beraten wir im Erdgeschoss“.",
    )
    frequency = models.CharField(
        "Wiederholung",
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.WEEKLY,
        help_text="Wöchentlich (an bestimmten Wochentagen) oder monatlich (z. B. am ersten Montag).",
    )
    weekdays = MultipleChoiceField(
        "Wochentage",
        choices=WEEKDAY_CHOICES,
        blank=False,
        help_text="An welchen Tagen? Mindestens einen Tag wählen.",
    )
    interval = models.PositiveSmallIntegerField(
        "Alle … Wochen",
        default=1,
        choices=[
            (1, "jede Woche"),
            (2, "alle 2 Wochen"),
            (3, "alle 3 Wochen"),
            (4, "alle 4 Wochen"),
        ],
        help_text="Nur bei wöchentlicher Wiederholung. Gezählt ab „Gültig ab“.",
    )
    nth = models.SmallIntegerField(
        "Welcher im Monat",
        choices=NthWeekday.choices,
        default=NthWeekday.FIRST,
        help_text="Nur bei monatlicher Wiederholung, z. B. „am ersten“ Montag.",
    )
    start_time = models.TimeField("Beginn", help_text="z. B. 17:00")
    end_time = models.TimeField("Ende", help_text="z. B. 19:00")
    valid_from = models.DateField("Gültig ab", help_text="Der erste mögliche Termin.")
    valid_until = models.DateField(
        "Gültig bis", null=True, blank=True, help_text="Leer lassen, wenn es kein Ende gibt."
    )
    skip_holidays = models.BooleanField(
        "Fällt an Feiertagen aus",
        default=True,
        help_text="Gesetzliche Feiertage in Sachsen-Anhalt; die Seite nennt den Feiertag.",
    )
    interpreter_languages = MultipleChoiceField(
        "Dolmetscher auf Anfrage",
        choices=SPOKEN_LANGUAGES,
        help_text="Für welche Sprachen kann ein Dolmetscher dazukommen?",
    )
    interpreter_note = models.CharField(
        "So fragen Sie einen Dolmetscher an",
        max_length=250,
        blank=True,
        help_text="z. B. „Bitte eine Woche vorher anrufen oder schreiben.“",
    )
    by_arrangement = models.TextField(
        "Termine nach Vereinbarung",
        blank=True,
        help_text="z. B. „Wenn Mittwoch nicht passt, vereinbaren wir einen anderen Termin.“",
    )
    contact_phone = models.CharField(
        "Telefon",
        max_length=40,
        blank=True,
        help_text="Wen Familien anrufen, um einen Termin zu vereinbaren oder etwas zu fragen.",
    )
    contact_email = models.EmailField(
        "E-Mail", blank=True, help_text="Für Fragen vorab; wird als Link angezeigt."
    )
    is_confidential = models.BooleanField(
        "Vertraulich", default=True, help_text="Die Seite sagt, dass alles vertraulich bleibt."
    )
    is_free = models.BooleanField(
        "Kostenlos",
        default=True,
        help_text="Angehakt lassen, wenn die Beratung nichts kostet (das ist der Normalfall).",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("host"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("interval"), FieldPanel("nth")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("skip_holidays"),
            ],
            heading="Wann",
        ),
        InlinePanel("cancellations", label="Ausfall", heading="Ausfälle"),
        InlinePanel(
            "extra_dates", label="Zusätzlicher Termin", heading="Zusätzliche oder verlegte Termine"
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("room"),
                FieldPanel("venue_access"),
                FieldPanel("access_note"),
            ],
            heading="Wo",
        ),
        MultiFieldPanel(
            [FieldPanel("interpreter_languages"), FieldPanel("interpreter_note")],
            heading="Dolmetscher",
        ),
        MultiFieldPanel(
            [
                FieldPanel("by_arrangement"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                FieldRowPanel([FieldPanel("is_confidential"), FieldPanel("is_free")]),
            ],
            heading="Termine nach Vereinbarung und Kontakt",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("venue_name"),
    ]
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "venue_name",
            "street",
            "postcode",
            "town",
            "venue_access",
            "frequency",
            "weekdays",
            "interval",
            "nth",
            "start_time",
            "end_time",
            "valid_from",
            "valid_until",
            "skip_holidays",
            "interpreter_languages",
            "contact_phone",
            "is_confidential",
            "is_free",
        )
    ]

    base_form_class = ConsultationPageForm
    partner_field = "host"
    parent_page_types = ["buero_events.DateIndexPage"]
    subpage_types = []
    search_label = _("Consultation hours")
    search_rank = 2
    #: Each date can be added to a calendar on its own (see date_feed).
    has_date_feeds = True
    #: Shown after the title in date listings; an open hour has no booking status.
    listing_status = ""
    print_kinds = (printing.POSTER, printing.FLYER)
    print_template = "buero_events/print/consultation_page.html"

    class Meta:
        verbose_name = "Sprechstunde"
        verbose_name_plural = "Sprechstunden"

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = "Das Ende muss nach dem Beginn liegen."
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = "„Gültig bis“ muss nach „Gültig ab“ liegen."
        if not self.weekdays:
            errors["weekdays"] = "Bitte mindestens einen Wochentag wählen."
        if errors:
            raise ValidationError(errors)

    def series(self):
        """The page's rule as plain values for the occurrence engine."""
        return recurrence.Series(
            frequency=self.frequency,
            weekdays=tuple(sorted(int(day) for day in self.weekdays)),
            start_time=self.start_time,
            end_time=self.end_time,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            interval=self.interval,
            nth=self.nth,
            skip_holidays=self.skip_holidays,
            **self._dates_outside_rule(),
        )

    def _dates_outside_rule(self):
        if (loaded := getattr(self, "_loaded_dates", None)) is not None:
            return loaded
        return {
            "cancellations": {row.date: text_of(row, "reason") for row in self.cancellations.all()},
            "extra_dates": tuple(
                recurrence.ExtraDate(row.date, row.start_time, row.end_time, text_of(row, "note"))
                for row in self.extra_dates.all()
            ),
        }

    @classmethod
    def load_dates(cls, pages):
        """The cancellations and extra dates of many series as plain rows, in two queries.

        A listing of 50 series reads some 500 such rows; built as model instances (as
        ``prefetch_related`` does) they cost more than the rest of the dates page.
        """
        pages = list(pages)
        ids = [page.pk for page in pages]
        cancellations, extra_dates = defaultdict(dict), defaultdict(list)
        for page_id, day, reason, is_source in ConsultationCancellation.objects.filter(
            page_id__in=ids
        ).values_list("page_id", "date", "reason", "shows_source_text"):
            cancellations[page_id][day] = SourceText(reason) if is_source and reason else reason
        for page_id, day, start, end, note, is_source in (
            ConsultationExtraDate.objects.filter(page_id__in=ids)
            .order_by("sort_order")
            .values_list("page_id", "date", "start_time", "end_time", "note", "shows_source_text")
        ):
            note = SourceText(note) if is_source and note else note
            extra_dates[page_id].append(recurrence.ExtraDate(day, start, end, note))
        for page in pages:
            page._loaded_dates = {
                "cancellations": cancellations[page.pk],
                "extra_dates": tuple(extra_dates[page.pk]),
            }
        return pages

    @staticmethod
    def in_window(pages, first, last):
        """The series among ``pages`` that can have a date in [first, last]: valid on some
        day of it, or with an extra date in it. Filtered in the database, so that a listing,
        a feed or the widget never loads the series that ended or have not begun."""
        extra = ConsultationExtraDate.objects.filter(
            page_id=OuterRef("pk"), date__gte=first, date__lte=last
        )
        valid = Q(valid_from__lte=last) & (Q(valid_until__isnull=True) | Q(valid_until__gte=first))
        return pages.filter(valid | Exists(extra))

    def occurrences(self, first, last, **kwargs):
        kwargs.setdefault("language", translation.get_language())
        return recurrence.occurrences(self.series(), first, last, **kwargs)

    def upcoming(self, count=NEXT_DATES, **kwargs):
        kwargs.setdefault("language", translation.get_language())
        return recurrence.upcoming(self.series(), timezone.now(), count, **kwargs)

    @property
    def rule_text(self):
        """The rule in words, e.g. "jeden Mittwoch, 17–19 Uhr" (events.rules)."""
        return rules.describe(self.series())

    @property
    def rule_html(self):
        """The rule in words for HTML, its hours isolated left to right (events.rules)."""
        return rules.describe_html(self.series())

    def print_context(self, request):
        prefetch_related_objects([self], "cancellations", "extra_dates")
        return {"print_dates": self.upcoming(POSTER_DATES)}

    @property
    def interpreter_labels(self):
        return self._meta.get_field("interpreter_languages").labels(self.interpreter_languages)

    @property
    def weekday_labels(self):
        return self._meta.get_field("weekdays").labels(self.weekdays)

    @path("")
    def dates(self, request):
        # The dates, the structured data and the notices all read these rows: fetch them once.
        prefetch_related_objects([self], "cancellations", "extra_dates")
        return self.render(request, context_overrides={"occurrences": self.upcoming()})

    @path("kalender/", name="feed")
    def feed(self, request):
        """Every date of this series in the coming months, to subscribe to."""
        prefetch_related_objects([self], "cancellations", "extra_dates")
        calendar = feeds.series_calendar(request, [self], self.title)
        return feeds.ical_response(calendar.to_ical(), f"{self.slug}.ics")

    @re_path(r"^termin/(\d{4}-\d{2}-\d{2})/$", name="date_feed")
    def date_feed(self, request, day):
        """One date, for "add to calendar"."""
        try:
            day = datetime.date.fromisoformat(day)
        except ValueError as error:
            raise Http404 from error
        entries = [
            (self, occurrence)
            for occurrence in self.occurrences(day, day)
            if not occurrence.cancelled
        ]
        if not entries:
            raise Http404
        return feeds.calendar_response(request, entries, self.title, f"{self.slug}-{day}.ics")

    def structured_data(self, request, context):
        """schema.org Event with an eventSchedule, for search engines and assistants; the
        office or the partner that leads it as its organiser, by @id."""
        schedule = {
            "@type": "Schedule",
            "repeatFrequency": "P1M"
            if self.frequency == Frequency.MONTHLY
            else f"P{self.interval}W",
            "byDay": [schema.weekday(day) for day in sorted(self.weekdays)],
            "startTime": self.start_time.strftime("%H:%M"),
            "endTime": self.end_time.strftime("%H:%M"),
            "startDate": self.valid_from.isoformat(),
            "endDate": self.valid_until.isoformat() if self.valid_until else None,
            "scheduleTimezone": "Europe/Berlin",
            "exceptDate": [row.date.isoformat() for row in self.cancellations.all()],
        }
        host = context.get("host")
        url = self.get_full_url(request)
        return {
            "@type": "Event",
            "@id": url,
            "name": self.title,
            "description": self.intro,
            "url": url,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "isAccessibleForFree": self.is_free,
            "location": {
                "@type": "Place",
                "name": self.venue_name,
                "address": schema.postal_address(self.street, self.postcode, self.town),
            },
            "organizer": schema.organization(host, request)
            if host is not None
            else schema.office_reference(self, request),
            "eventSchedule": schedule,
        }

    def opening_hours_schema(self):
        """The hour as schema.org OpeningHoursSpecification entries, for the office's JSON-LD.

        Only weekly rules: OpeningHoursSpecification has no way to say "every other week"
        or "the first Monday of the month", and a day of the week would claim every week.
        Such hours are left out rather than described in prose, which would need a
        translation per language; the hour's own page says them exactly (eventSchedule).
        """
        if self.frequency != Frequency.WEEKLY or self.interval != 1:
            return []
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": schema.weekday(day),
                "opens": self.start_time.strftime("%H:%M"),
                "closes": self.end_time.strftime("%H:%M"),
                "validFrom": self.valid_from.isoformat(),
                "validThrough": self.valid_until.isoformat() if self.valid_until else None,
            }
            for day in sorted(self.weekdays)
        ]

    def link_preview_description(self):
        """The next date first: it is what someone who gets a link to the hour wants to know."""
        summary = self.search_description or self.intro
        upcoming = self.upcoming(1, include_cancelled=False)
        if not upcoming:
            return preview_text(summary)
        occurrence = upcoming[0]
        next_date = gettext("Next date: %(when)s") % {
            "when": when_text(occurrence.start, occurrence.end)
        }
        return preview_text(f"{next_date}. {summary}" if summary else next_date)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["host"] = self.linked_page(self.host_id) if self.host_id else None
        context["appointment"] = appointment_page(translation.get_language())
        return context


class ConsultationCancellation(SourceTextMixin, TranslatableMixin, Orderable):
    """A date on which the hour does not take place; the reason is shown, translated."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField("Datum", help_text="Der Tag, an dem die Sprechstunde ausfällt.")
    reason = models.CharField(
        "Grund", max_length=120, blank=True, help_text="z. B. „Fortbildung des Teams“."
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("reason")])]
    override_translatable_fields = [SynchronizedField("date")]

    class Meta(Orderable.Meta):
        verbose_name = "Ausfall"
        unique_together = [("translation_key", "locale")]


class ConsultationExtraDate(SourceTextMixin, TranslatableMixin, Orderable):
    """A date outside the rule, or the new date of a moved one."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="extra_dates")
    date = models.DateField(
        "Datum", help_text="Ein zusätzlicher oder verlegter Termin außerhalb der Regel."
    )
    start_time = models.TimeField("Beginn", help_text="z. B. 10:00")
    end_time = models.TimeField("Ende", help_text="z. B. 12:00")
    note = models.CharField(
        "Hinweis", max_length=120, blank=True, help_text="z. B. „statt Mittwoch, 9. Dezember“."
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("note"),
    ]
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_time"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Zusätzlicher Termin"
        unique_together = [("translation_key", "locale")]

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "Das Ende muss nach dem Beginn liegen."})
