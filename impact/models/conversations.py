"""A conversation of the office, tallied by the counsellor afterwards ("Gespräch erfassen").

What the funder asks (how many, about what, in which language, referred where), never who:
no name, no age, no address, no free text, and the day only, never the time. A row can be
corrected for ``CHANGEABLE_DAYS`` after it was recorded; then it is fixed. Rows are deleted
after ``BUERO_TALLY_KEEP_YEARS`` (``manage.py buero_purge_conversations``, daily).
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from angebote.fields import MultipleChoiceField
from angebote.models.choices import SPOKEN_LANGUAGES, help_check_choices

#: Days after it was recorded that a row can still be corrected.
CHANGEABLE_DAYS = 7
#: Years a row is kept (the setting BUERO_TALLY_KEEP_YEARS overrides it).
KEEP_YEARS = 3


class ConversationKind(models.TextChoices):
    OPEN_HOUR = "open_hour", "Offene Sprechstunde"
    APPOINTMENT = "appointment", "Termin"
    PHONE = "phone", "Telefon"
    PARTNER_HOUR = "partner_hour", "Sprechstunde eines Partners"
    OUTREACH = "outreach", "Aufsuchend (unterwegs)"


class Visitor(models.TextChoices):
    FAMILY = "family", "Familie, Elternteil"
    YOUNG = "young", "Kind oder Jugendliche/r"
    PROFESSIONAL = "professional", "Fachkraft"


class ConversationQuerySet(models.QuerySet):
    def expired(self, today=None):
        """Rows older than the years they are kept."""
        today = today or timezone.localdate()
        years = getattr(settings, "BUERO_TALLY_KEEP_YEARS", KEEP_YEARS)
        try:
            limit = today.replace(year=today.year - years)
        except ValueError:  # 29 February
            limit = today.replace(year=today.year - years, day=28)
        return self.filter(day__lt=limit)


class Conversation(models.Model):
    day = models.DateField(
        "Tag", default=timezone.localdate, help_text="Der Tag des Gesprächs; meist heute."
    )
    kind = models.CharField(
        "Art",
        max_length=20,
        choices=ConversationKind.choices,
        default=ConversationKind.OPEN_HOUR,
        help_text="Wie das Gespräch zustande kam.",
    )
    visitor = models.CharField(
        "Wer kam",
        max_length=20,
        choices=Visitor.choices,
        default=Visitor.FAMILY,
        help_text="Keine Namen, kein Alter: nur die Gruppe.",
    )
    topics = models.ManyToManyField(
        "buero_angebote.Topic",
        verbose_name="Themen",
        blank=True,
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text="Worum es ging; mehrere möglich.",
    )
    language = models.CharField(
        "Sprache des Gesprächs",
        max_length=10,
        choices=SPOKEN_LANGUAGES,
        default="de",
        help_text="In welcher Sprache gesprochen wurde.",
    )
    interpreter = models.BooleanField(
        "Mit Dolmetscher/in", default=False, help_text="Hat jemand übersetzt?"
    )
    benefits = MultipleChoiceField(
        "Besprochene Leistungen",
        choices=help_check_choices(),
        help_text="Die Leistungen des Hilfe-Checks, über die gesprochen wurde.",
    )
    referred_to = models.ManyToManyField(
        "buero_angebote.PartnerPage",
        verbose_name="Weitervermittelt an",
        blank=True,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text="Die Netzwerkpartner, an die die Person vermittelt wurde; mehrere möglich.",
    )
    hour = models.ForeignKey(
        "buero_events.ConsultationPage",
        verbose_name="Sprechstunde des Partners",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE, "host__isnull": False},
        help_text="Nur bei „Sprechstunde eines Partners“: in welcher Sprechstunde das Gespräch war.",
    )
    recorded_on = models.DateField("Erfasst am", auto_now_add=True, editable=False)

    objects = ConversationQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("kind")]),
        FieldPanel("hour", widget=forms.Select),
        FieldRowPanel([FieldPanel("visitor"), FieldPanel("language")]),
        FieldPanel("interpreter"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("benefits"),
        FieldPanel("referred_to", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = "Gespräch"
        verbose_name_plural = "Gespräche"
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.day:%d.%m.%Y}: {self.get_kind_display()}, {self.get_visitor_display()}"

    def clean(self):
        """A partner's hour goes with its kind, and only with it: the report counts the
        partner-led hours by hour."""
        if self.kind == ConversationKind.PARTNER_HOUR and not self.hour_id:
            raise ValidationError({"hour": "Bitte die Sprechstunde des Partners auswählen."})
        if self.hour_id and self.kind != ConversationKind.PARTNER_HOUR:
            raise ValidationError(
                {"hour": "Eine Sprechstunde nur bei der Art „Sprechstunde eines Partners“ angeben."}
            )

    @property
    def is_fixed(self):
        """True once the row can no longer be corrected."""
        recorded = self.recorded_on or timezone.localdate()
        return timezone.localdate() - recorded > datetime.timedelta(days=CHANGEABLE_DAYS)
