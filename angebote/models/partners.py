"""Network partners: organisations with contact persons, opening hours, languages and access."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from buero import page_tree, printing
from buero import structured_data as schema
from buero.blocks import PARAGRAPH_FEATURES
from buero.districts import District
from buero.facts import SourceTextMixin
from buero.models import FEEDBACK_PARAMETER, BasePage, ReviewedMixin
from buero.sections import PARTNER_SECTIONS, PRINT_SECTIONS, collect_sections

from ..fields import MultipleChoiceField
from .choices import (
    SERVICE_AREA_CHOICES,
    SOME_DISTRICTS,
    SPOKEN_LANGUAGES,
    Area,
    PartnerKind,
    StepFreeAccess,
)
from .forms import TaxonomyPageForm
from .taxonomy import localize_all


class PartnerPage(ReviewedMixin, BasePage):
    """An organisation in the network (Behörde, Träger, Beratungsstelle, Verein …)."""

    collects_feedback = True
    query_parameters = (FEEDBACK_PARAMETER,)
    summary_field = "description"

    kind = models.CharField(
        "Art der Organisation",
        max_length=20,
        choices=PartnerKind.choices,
        help_text="Hilft Besuchern und Fachkräften beim Filtern.",
    )
    description = RichTextField(
        "Beschreibung",
        features=PARAGRAPH_FEATURES,
        help_text="Wobei hilft die Organisation? Kurze Sätze, ohne Abkürzungen.",
    )
    street = models.CharField(
        "Straße und Hausnummer",
        max_length=120,
        blank=True,
        help_text="Wo Besucher hinkommen, z. B. „Bahnhofstraße 5“. Leer lassen, wenn es keine Anlaufstelle gibt.",
    )
    postcode = models.CharField(
        "Postleitzahl", max_length=10, blank=True, help_text="Fünf Ziffern, z. B. „39576“."
    )
    town = models.CharField("Ort", max_length=80, blank=True, help_text="z. B. „Stendal“.")
    district = models.CharField(
        "Ortsteil",
        max_length=20,
        choices=District.choices,
        blank=True,
        help_text="Nur, wenn die Organisation in der Einheitsgemeinde Tangerhütte sitzt.",
    )
    service_area = models.CharField(
        "Einzugsgebiet",
        max_length=20,
        choices=SERVICE_AREA_CHOICES,
        default=Area.LANDKREIS,
        help_text="Für wen ist die Organisation da? Danach filtert „Wo“: Wer im ganzen Landkreis "
        "berät, erscheint bei jeder Ortschaft, auch wenn er in Stendal sitzt.",
    )
    service_districts = MultipleChoiceField(
        "Ortschaften",
        choices=District.choices,
        help_text="Nur bei „Nur die genannten Ortschaften“: für welche Ortschaften?",
    )
    phone = models.CharField(
        "Telefon", max_length=40, blank=True, help_text="Mit Vorwahl, z. B. „03931 60-0“."
    )
    email = models.EmailField(
        "E-Mail",
        blank=True,
        help_text="Eine Adresse, die regelmäßig gelesen wird. Wird als Link angezeigt.",
    )
    website = models.URLField("Website", blank=True, help_text="Mit https://")
    languages = MultipleChoiceField(
        "Sprachen",
        choices=SPOKEN_LANGUAGES,
        help_text="In welchen Sprachen kann man dort beraten werden (ohne Dolmetscher)?",
    )
    step_free = models.CharField(
        "Stufenloser Zugang",
        max_length=10,
        choices=StepFreeAccess.choices,
        default=StepFreeAccess.UNKNOWN,
        help_text="Kommt man ohne Stufen hinein, z. B. mit Rollstuhl oder Kinderwagen?",
    )
    accessibility_note = models.CharField(
        "Hinweis zur Barrierefreiheit",
        max_length=250,
        blank=True,
        help_text="z. B. „Klingel am Seiteneingang, Aufzug vorhanden“.",
    )
    topics = ParentalManyToManyField(
        "buero_angebote.Topic",
        verbose_name="Themen",
        blank=True,
        related_name="partners",
        help_text="Zu welchen Lebenslagen berät die Organisation?",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("district"),
            ],
            heading="Adresse",
        ),
        MultiFieldPanel(
            [FieldPanel("service_area"), FieldPanel("service_districts")],
            heading="Einzugsgebiet",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading="Erreichbarkeit",
        ),
        InlinePanel("opening_hours", label="Öffnungszeiten", heading="Öffnungszeiten"),
        InlinePanel("contact_persons", label="Ansprechperson", heading="Ansprechpersonen"),
        FieldPanel("languages"),
        MultiFieldPanel(
            [FieldPanel("step_free"), FieldPanel("accessibility_note")],
            heading="Barrierefreiheit",
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("town"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("contact_persons", [index.SearchField("name")]),
    ]
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("town"),
        SynchronizedField("district"),
        SynchronizedField("service_area"),
        SynchronizedField("service_districts"),
        SynchronizedField("phone"),
        SynchronizedField("languages"),
        SynchronizedField("step_free"),
        SynchronizedField("last_reviewed"),
    ]
    base_form_class = TaxonomyPageForm

    # "Infoblatt": whom to call and when, to hand a family or pin to a notice board.
    print_kinds = (printing.SHEET,)
    print_template = "buero_angebote/print/partner_page.html"
    parent_page_types = ["buero_angebote.PartnerIndexPage"]
    subpage_types = []
    search_label = _("Network partners")
    search_rank = 1

    class Meta:
        verbose_name = "Netzwerkpartner"
        verbose_name_plural = "Netzwerkpartner"

    def clean(self):
        super().clean()
        if self.service_area == SOME_DISTRICTS and not self.service_districts:
            raise ValidationError({"service_districts": "Bitte mindestens eine Ortschaft wählen."})

    @property
    def service_area_text(self):
        """Where the partner serves people, in the visitor's language."""
        if self.service_area == SOME_DISTRICTS:
            return ", ".join(
                map(str, self._meta.get_field("service_districts").labels(self.service_districts))
            )
        return self.get_service_area_display()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        opening_hours = list(self.opening_hours.all())
        context["opening_hours"] = opening_hours
        context["topics"] = localize_all(self, "topics")
        context["sections"] = collect_sections(PARTNER_SECTIONS, self, request)
        # The offers that name the partner as a provider, in every language (links point at
        # the German partner page): OfferPage through the relation its ``providers`` declare.
        offers = self.offers.model
        context["offers"] = (
            page_tree.current()
            .public(offers.objects.all())
            .filter(locale_id=self.locale_id, providers__translation_key=self.translation_key)
            .distinct()
            .defer_streamfields()
            .order_by("title")
        )
        return context

    def print_context(self, request):
        return {"print_sections": collect_sections(PRINT_SECTIONS, self, request)}

    @property
    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)

    @staticmethod
    def opening_hours_schema(opening_hours):
        """schema.org OpeningHoursSpecification entries for the page's JSON-LD."""
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": schema.weekday(row.weekday),
                "opens": row.opens.strftime("%H:%M"),
                "closes": row.closes.strftime("%H:%M"),
            }
            for row in opening_hours
        ]

    def structured_data(self, request, context):
        """The organisation, with its address and opening hours; offers name it by @id."""
        data = schema.organization(self, request, telephone=self.phone)
        data["email"] = self.email
        data["sameAs"] = self.website
        data["address"] = schema.postal_address(self.street, self.postcode, self.town)
        if hours := self.opening_hours_schema(context["opening_hours"]):
            data["location"] = {
                "@type": "Place",
                "name": self.title,
                "openingHoursSpecification": hours,
            }
        return data


class OpeningHours(SourceTextMixin, TranslatableMixin, Orderable):
    """One row of opening hours; the note is translated, the times are shared."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(
        "Wochentag", choices=sorted(WEEKDAYS.items()), help_text="Ein Tag je Zeile."
    )
    opens = models.TimeField("von", help_text="z. B. 09:00")
    closes = models.TimeField("bis", help_text="z. B. 12:00")
    note = models.CharField(
        "Hinweis", max_length=120, blank=True, help_text="z. B. „nur mit Termin“."
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]
    override_translatable_fields = [
        SynchronizedField("weekday"),
        SynchronizedField("opens"),
        SynchronizedField("closes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Öffnungszeit"
        verbose_name_plural = "Öffnungszeiten"
        unique_together = [("translation_key", "locale")]

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "Das Ende muss nach dem Beginn liegen."})


class ContactPerson(SourceTextMixin, TranslatableMixin, Orderable):
    """A person to call at a partner organisation; the role is translated, the rest is shared."""

    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="contact_persons")
    name = models.CharField("Name", max_length=120, help_text="z. B. „Frau Beispiel“.")
    role = models.CharField(
        "Aufgabe", max_length=120, blank=True, help_text="z. B. „Schuldnerberaterin“."
    )
    phone = models.CharField("Telefon", max_length=40, blank=True, help_text="Direkte Durchwahl.")
    email = models.EmailField(
        "E-Mail",
        blank=True,
        help_text="Nur mit Einverständnis der Person; sonst die allgemeine Adresse des Partners nutzen.",
    )
    languages = MultipleChoiceField(
        "Sprachen", choices=SPOKEN_LANGUAGES, help_text="In welchen Sprachen berät diese Person?"
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("languages"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("phone"),
        SynchronizedField("languages"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.name

    @property
    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)
