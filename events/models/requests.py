"""Appointment requests ("Termine nach Vereinbarung"): the requests (the page with the form
is in request_page.py).

A request holds how to reach someone, and nothing of their situation: no free text. Contact
and name are encrypted at rest (events.encryption); only the group "Beratung" sees them,
on a request's detail view; requests are deleted after 30 days, or 7 days after they are
done (``manage.py buero_purge_appointment_requests``).
"""

import datetime
import hashlib
import secrets

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from angebote.fields import MultipleChoiceField
from angebote.models.choices import SPOKEN_LANGUAGES

from ..encryption import EncryptedTextField
from ..panels import RequestDetailsPanel

#: Days a request is kept at most, and after it is done.
KEEP_DAYS = 30
KEEP_DAYS_AFTER_DONE = 7


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Please call me")
    EMAIL = "email", _("Please write to me by e-mail")
    CALL_SELF = "self", _("I will call you myself")


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Mornings")
    MIDDAY = "midday", _("Around midday")
    AFTERNOON = "afternoon", _("Afternoons")
    EVENING = "evening", _("Early evenings")


class RequestStatus(models.TextChoices):
    NEW = "new", "neu"
    ARRANGED = "arranged", "vereinbart"
    DONE = "done", "erledigt"


WEEKDAY_CODES = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
]


class AppointmentRequestQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Requests older than KEEP_DAYS, and done ones older than KEEP_DAYS_AFTER_DONE."""
        now = now or timezone.now()
        return self.filter(
            models.Q(created__lt=now - datetime.timedelta(days=KEEP_DAYS))
            | models.Q(
                status=RequestStatus.DONE,
                status_changed__lt=now - datetime.timedelta(days=KEEP_DAYS_AFTER_DONE),
            )
        )


class AppointmentRequest(models.Model):
    """One request: how and when to reach someone, and about what. Never their story."""

    created = models.DateTimeField("Eingegangen", default=timezone.now, editable=False)
    status = models.CharField(
        "Stand",
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.NEW,
        help_text="„vereinbart“, sobald ein Termin steht; „erledigt“ nach dem Gespräch: "
        "dann wird die Anfrage nach 7 Tagen gelöscht.",
    )
    status_changed = models.DateTimeField("Stand geändert", null=True, blank=True, editable=False)
    language = models.CharField("Sprache der Seite", max_length=10, editable=False)
    topic = models.ForeignKey(
        "buero_angebote.Topic",
        verbose_name="Thema",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    contact_method = models.CharField(
        "Kontaktweg", max_length=10, choices=ContactMethod.choices, editable=False
    )
    contact = EncryptedTextField("Telefon oder E-Mail", blank=True, editable=False)
    name = EncryptedTextField("Name oder Initialen", blank=True, editable=False)
    preferred_days = MultipleChoiceField("Tage", choices=WEEKDAY_CODES, editable=False)
    preferred_times = MultipleChoiceField("Tageszeiten", choices=TimeOfDay.choices, editable=False)
    conversation_language = models.CharField(
        "Sprache des Gesprächs", max_length=10, choices=SPOKEN_LANGUAGES, editable=False
    )
    interpreter_language = models.CharField(
        "Dolmetschen für", max_length=10, choices=SPOKEN_LANGUAGES, blank=True, editable=False
    )
    withdraw_token_hash = models.CharField(max_length=64, editable=False, unique=True)

    objects = AppointmentRequestQuerySet.as_manager()

    panels = [RequestDetailsPanel(heading="Anfrage"), FieldPanel("status")]

    class Meta:
        verbose_name = "Terminanfrage"
        verbose_name_plural = "Terminanfragen"
        ordering = ["-created"]

    def __str__(self):
        return f"Terminanfrage vom {timezone.localtime(self.created):%d.%m.%Y, %H:%M Uhr}"

    def save(self, *args, **kwargs):
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).values_list("status", flat=True)
            if previous and previous[0] != self.status:
                self.status_changed = timezone.now()
        super().save(*args, **kwargs)

    @property
    def received(self):
        """When the request came in, in Berlin time."""
        return formats.date_format(timezone.localtime(self.created), "DATETIME_FORMAT")

    def details(self):
        """(label, text) of everything the person told us, as a counsellor reads it."""

        def labels(name):
            return ", ".join(map(str, self._meta.get_field(name).labels(getattr(self, name))))

        return [
            ("Eingegangen", self.received),
            ("Name oder Initialen", self.name),
            ("Kontaktweg", self.get_contact_method_display()),
            ("Telefon oder E-Mail", self.contact),
            ("Thema", self.topic),
            ("Tage", labels("preferred_days")),
            ("Tageszeiten", labels("preferred_times")),
            ("Sprache des Gesprächs", self.get_conversation_language_display()),
            ("Dolmetschen für", self.get_interpreter_language_display()),
            ("Stand", self.get_status_display()),
        ]

    @staticmethod
    def hash_token(token):
        return hashlib.sha256(token.encode()).hexdigest()

    def new_withdraw_token(self):
        """A random token for the one-time withdrawal link; only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.withdraw_token_hash = self.hash_token(token)
        return token
