"""Further training on child poverty for professionals: courses with sessions and registration."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from angebote.fields import MultipleChoiceField
from angebote.models import PartnerPage
from angebote.models.forms import TaxonomyPageForm
from angebote.models.taxonomy import localize_all
from angebote.partner_links import PartnerLinkedPage
from buero import structured_data as schema
from buero.blocks import StandardStreamBlock
from buero.facts import SourceTextMixin
from buero.models import FEEDBACK_PARAMETER, BasePage, ReviewedMixin

from .. import feeds
from ..recurrence import TIME_ZONE, Occurrence


class Profession(models.TextChoices):
    KITA = "kita", _("Day care")
    SCHOOL = "school", _("School")
    YOUTH_WELFARE = "youth_welfare", _("Youth welfare")
    SOCIAL_WORK = "social_work", _("Social work")
    ADMINISTRATION = "administration", _("Administration")
    VOLUNTEERS = "volunteers", _("Volunteers")
    HEALTH = "health", _("Health")


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class CourseStatus(models.TextChoices):
    OPEN = "open", _("Places available")
    FEW = "few", _("Few places left")
    FULL = "full", _("Fully booked")
    CANCELLED = "cancelled", _("Cancelled")


class CourseQuerySet(PageQuerySet):
    def with_dates(self):
        """First start and last end of the sessions, for ordering and past/upcoming."""
        return self.annotate(first_start=Min("sessions__start"), last_end=Max("sessions__end"))


class CoursePage(PartnerLinkedPage, ReviewedMixin, BasePage):
    """One course for professionals, with its sessions, registration and status."""

    collects_feedback = True
    query_parameters = (FEEDBACK_PARAMETER,)
    summary_field = "summary"

    summary = models.TextField(
        "Kurzbeschreibung",
        max_length=300,
        help_text="Zwei, drei Sätze: Was lernt man, für wen ist es? Erscheint in der Liste.",
    )
    body = StreamField(
        StandardStreamBlock(),
        verbose_name="Inhalt",
        blank=True,
        help_text="Inhalte, Ablauf, Referentinnen und Referenten.",
    )
    provider = models.ForeignKey(
        "buero_angebote.PartnerPage",
        verbose_name="Anbieter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wer bietet die Weiterbildung an?",
    )
    target_professions = MultipleChoiceField(
        "Für Fachkräfte aus",
        choices=Profession.choices,
        help_text="Für wen ist die Weiterbildung gedacht? Danach filtern Fachkräfte.",
    )
    topics = ParentalManyToManyField(
        "buero_angebote.Topic",
        verbose_name="Themen",
        blank=True,
        related_name="courses",
        help_text="Zu welchen Themen passt die Weiterbildung? Danach filtern Fachkräfte.",
    )
    course_format = models.CharField(
        "Format",
        max_length=10,
        choices=CourseFormat.choices,
        default=CourseFormat.IN_PERSON,
        help_text="Vor Ort, online oder beides; bestimmt, ob Ort oder Zugangslink angezeigt wird.",
    )
    venue_name = models.CharField(
        "Ort", max_length=120, blank=True, help_text="Bei Präsenz: Haus und Raum."
    )
    street = models.CharField(
        "Straße und Hausnummer",
        max_length=120,
        blank=True,
        help_text="Wo die Weiterbildung stattfindet; bei Online-Kursen leer lassen.",
    )
    postcode = models.CharField(
        "Postleitzahl", max_length=10, blank=True, help_text="Fünf Ziffern, z. B. „39517“."
    )
    town = models.CharField(
        "Ort (Stadt)",
        max_length=80,
        blank=True,
        help_text="Der Ort der Weiterbildung; bei Online-Kursen leer lassen.",
    )
    how_to_join = models.CharField(
        "So nehmen Sie online teil",
        max_length=250,
        blank=True,
        help_text="z. B. „Den Link erhalten Sie nach der Anmeldung per E-Mail.“ Keinen Zugangslink hier eintragen.",
    )
    registration_deadline = models.DateField(
        "Anmeldeschluss",
        null=True,
        blank=True,
        help_text="Danach zeigt die Seite: Anmeldung geschlossen.",
    )
    registration_url = models.URLField(
        "Anmeldung (Link)",
        blank=True,
        help_text="Link zum Anmeldeformular, mit https://. Oder unten eine E-Mail-Adresse angeben.",
    )
    registration_email = models.EmailField(
        "Anmeldung (E-Mail)",
        blank=True,
        help_text="Wohin Anmeldungen gehen, wenn es kein Formular gibt.",
    )
    places = models.PositiveSmallIntegerField(
        "Plätze insgesamt",
        null=True,
        blank=True,
        help_text="Wie viele Personen teilnehmen können; leer lassen, wenn es keine Grenze gibt.",
    )
    status = models.CharField(
        "Stand der Anmeldung",
        max_length=10,
        choices=CourseStatus.choices,
        default=CourseStatus.OPEN,
        help_text="Wird neben den Terminen gezeigt. Bitte aktuell halten.",
    )
    waiting_list = models.CharField(
        "Warteliste",
        max_length=300,
        blank=True,
        help_text="Erscheint, wenn die Weiterbildung ausgebucht ist: Wie kommt man auf die "
        "Warteliste? z. B. „Schreiben Sie eine E-Mail mit Ihrem Namen und Ihrer Einrichtung. "
        "Wird ein Platz frei, melden wir uns.“ Leer lassen für einen Standardsatz. Die "
        "Anmeldeadresse und der Kontakt des Anbieters stehen immer dabei.",
    )
    cost = models.CharField(
        "Kosten", max_length=120, blank=True, help_text="z. B. „kostenlos“ oder „30 Euro“."
    )
    certificate = models.CharField(
        "Bescheinigung",
        max_length=200,
        blank=True,
        help_text="z. B. „Teilnahmebescheinigung, 8 Fortbildungsstunden“.",
    )

    objects = PageManager.from_queryset(CourseQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("provider"),
        FieldPanel("target_professions"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        InlinePanel("sessions", label="Termin", heading="Termine", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("course_format"),
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("how_to_join"),
            ],
            heading="Format und Ort",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("places")]),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_email")]),
                FieldPanel("waiting_list"),
                FieldPanel("cost"),
                FieldPanel("certificate"),
            ],
            heading="Anmeldung",
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "target_professions",
            "course_format",
            "street",
            "postcode",
            "town",
            "registration_deadline",
            "registration_url",
            "places",
            "status",
            "last_reviewed",
        )
    ]

    partner_field = "provider"
    base_form_class = TaxonomyPageForm
    parent_page_types = ["buero_events.CourseIndexPage"]
    subpage_types = []
    search_label = _("Training courses")
    search_rank = 2

    #: A course's sessions are in its own calendar file (``kalender/``), not one file per date.
    has_date_feeds = False

    class Meta:
        verbose_name = "Weiterbildung"
        verbose_name_plural = "Weiterbildungen"

    @property
    def card_text(self):
        return self.summary

    @property
    def listing_status(self):
        """Shown after the title in date listings: open, few places left, full."""
        return self.get_status_display()

    @property
    def profession_labels(self):
        return self._meta.get_field("target_professions").labels(self.target_professions)

    @property
    def registration_closed(self):
        return bool(
            self.registration_deadline and self.registration_deadline < timezone.localdate()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions = list(self.sessions.all())
        now = timezone.now()
        context["sessions"] = sessions
        context["is_past"] = bool(sessions) and all(session.end < now for session in sessions)
        context["topics"] = localize_all(self, "topics")
        context["provider"] = self.linked_page(self.provider_id) if self.provider_id else None
        if self.status == CourseStatus.FULL and not context["is_past"]:
            context["waiting_list_contact"] = self.waiting_list_contact(context["provider"])
        return context

    def waiting_list_contact(self, provider):
        """Whom to ask for a place on the waiting list of a fully booked course: the
        registration's address, and the provider's phone and e-mail (facts, the same in every
        language), linked to the provider's page in this page's language."""
        partner = (
            PartnerPage.objects.filter(pk=self.provider_id).only("phone", "email").first()
            if provider is not None
            else None
        )
        return {
            "email": self.registration_email,
            "url": self.registration_url,
            "provider": provider,
            "provider_phone": partner.phone if partner else "",
            "provider_email": partner.email if partner else "",
        }

    @path("kalender/", name="feed")
    def feed(self, request):
        """Every session of this course as one calendar file (RFC 5545), to add them all at
        once; a cancelled course's sessions say so, for calendars that imported them."""
        entries = [(self, session.occurrence) for session in self.sessions.all()]
        status = "CANCELLED" if self.status == CourseStatus.CANCELLED else None
        calendar = feeds.build_calendar(request, entries, self.title, status=status)
        return feeds.ical_response(calendar.to_ical(), f"{self.slug}.ics")

    def structured_data(self, request, context):
        """schema.org Course with a CourseInstance per session; its provider by @id, the
        partner or else the office."""
        mode = {"in_person": "Onsite", "online": "Online", "hybrid": "Blended"}[self.course_format]
        provider = context.get("provider")
        url = self.get_full_url(request)
        return {
            "@type": "Course",
            "@id": url,
            "name": self.title,
            "description": self.summary,
            "url": url,
            "provider": schema.organization(provider, request)
            if provider is not None
            else schema.office_reference(self, request),
            "hasCourseInstance": [
                {
                    "@type": "CourseInstance",
                    "courseMode": mode,
                    "startDate": session.start.isoformat(),
                    "endDate": session.end.isoformat(),
                    "location": self.venue_name or self.town or mode,
                }
                for session in context["sessions"]
            ],
        }


class CourseSession(SourceTextMixin, TranslatableMixin, Orderable):
    """One date of a course; the note is translated, the times are shared."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField("Beginn", help_text="Datum und Uhrzeit, z. B. 12.03.2027 09:00.")
    end = models.DateTimeField("Ende", help_text="Muss nach dem Beginn liegen.")
    note = models.CharField("Hinweis", max_length=120, blank=True, help_text="z. B. „Teil 1“.")

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("note")]
    override_translatable_fields = [SynchronizedField("start"), SynchronizedField("end")]

    class Meta(Orderable.Meta):
        verbose_name = "Termin"
        verbose_name_plural = "Termine"
        unique_together = [("translation_key", "locale")]
        ordering = ["start"]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Das Ende muss nach dem Beginn liegen."})

    @property
    def occurrence(self):
        """The session as an occurrence, so feeds and listings treat all dates alike."""
        return Occurrence(
            self.start.astimezone(TIME_ZONE), self.end.astimezone(TIME_ZONE), note=self.note
        )
