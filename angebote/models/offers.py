"""Help offers (Angebote): what it is, who gets it, what it costs, how to apply, whom to call."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from buero import page_tree, printing
from buero import structured_data as schema
from buero.districts import District
from buero.models import FEEDBACK_PARAMETER, BasePage, ReviewedMixin
from buero.sections import OFFER_SECTIONS, PRINT_SECTIONS, collect_sections

from ..blocks import OfferStreamBlock
from ..fields import MultipleChoiceField
from ..partner_links import PartnerLinkedPage
from .choices import AREA_CHOICES, SPOKEN_LANGUAGES, Area, LegalBasis, help_check_choices
from .forms import TaxonomyPageForm
from .partners import PartnerPage
from .taxonomy import localize_all


class OfferPage(PartnerLinkedPage, ReviewedMixin, BasePage):
    """One help offer, laid out in the order a family needs it."""

    collects_feedback = True
    query_parameters = (FEEDBACK_PARAMETER,)
    summary_field = "summary"

    summary = models.TextField(
        "In einfachen Worten",
        max_length=300,
        help_text="Zwei, drei kurze Sätze ohne Fachwörter: Was ist das, und wem hilft es? "
        "Erscheint in Listen und oben auf der Seite.",
    )
    body = StreamField(
        OfferStreamBlock(),
        verbose_name="Inhalt",
        blank=True,
        help_text="Erst erklären, dann „Das brauchen Sie“, dann „So beantragen Sie es“, "
        "dann häufige Fragen und Links.",
    )
    topics = ParentalManyToManyField(
        "buero_angebote.Topic",
        verbose_name="Themen",
        blank=True,
        related_name="offers",
        help_text="Zu welchen Lebenslagen gehört das Angebot? Danach filtern Besucher.",
    )
    target_groups = ParentalManyToManyField(
        "buero_angebote.TargetGroup",
        verbose_name="Zielgruppen",
        blank=True,
        related_name="offers",
        help_text="Für wen ist das Angebot?",
    )
    youth_text = models.TextField(
        "Für Jugendliche erklärt",
        max_length=300,
        blank=True,
        help_text="Nur wenn das Angebot auch für Jugendliche ist: zwei, drei kurze Sätze in der "
        "Du-Form, was man davon hat und wie man es bekommt, z. B. „Deine Klassenfahrt wird "
        "bezahlt, wenn …“. Erscheint auf der Seite „Für Jugendliche“ und hier auf der Seite. "
        "Leer lassen: Dort steht dann der Text „In einfachen Worten“.",
    )
    eligibility = models.TextField(
        "Wer kann es bekommen?",
        blank=True,
        help_text="Die Voraussetzungen in einfachen Worten, z. B. „Familien, die Grundsicherungsgeld "
        "oder Wohngeld bekommen“.",
    )
    legal_basis = MultipleChoiceField(
        "Rechtsgrundlage",
        choices=LegalBasis.choices,
        help_text="Nach welchem Gesetz? Fachkräfte filtern danach.",
    )
    is_free = models.BooleanField(
        "Kostenlos", default=True, help_text="Haken weg, wenn das Angebot etwas kostet."
    )
    cost_note = models.CharField(
        "Hinweis zu Kosten",
        max_length=200,
        blank=True,
        help_text="z. B. „2 Euro pro Einkauf“ oder „Zuschuss möglich“.",
    )
    where_to_apply = models.TextField(
        "Wo beantragen?",
        blank=True,
        help_text="Bei welcher Stelle, und wie: persönlich, per Post, online?",
    )
    providers = ParentalManyToManyField(
        PartnerPage,
        verbose_name="Anbieter",
        blank=True,
        related_name="offers",
        help_text="Welche Netzwerkpartner bieten es an? Ihre Ansprechpersonen erscheinen auf der Seite.",
    )
    languages = MultipleChoiceField(
        "Sprachen",
        choices=SPOKEN_LANGUAGES,
        help_text="In welchen Sprachen gibt es das Angebot oder die Beratung dazu?",
    )
    area = models.CharField(
        "Ort",
        max_length=20,
        choices=AREA_CHOICES,
        default=Area.LANDKREIS,
        help_text="Wo gibt es das Angebot: im ganzen Landkreis, in der ganzen Einheitsgemeinde "
        "oder nur in einem Ortsteil?",
    )
    accessibility_note = models.CharField(
        "Hinweis zur Barrierefreiheit",
        max_length=250,
        blank=True,
        help_text="z. B. „Beratung auch zu Hause möglich“.",
    )
    help_check_benefit = models.CharField(
        "Leistung im Hilfe-Check",
        max_length=30,
        blank=True,
        choices=help_check_choices,
        help_text="Erklärt diese Seite eine Leistung des Hilfe-Checks „Welche Hilfe passt zu "
        "mir?“, zum Beispiel den Kinderzuschlag? Dann verlinkt das Ergebnis des Checks hierher, "
        "mit dem ersten Anbieter und seiner Telefonnummer.",
    )
    external_url = models.URLField(
        "Weitere Informationen (Link)",
        blank=True,
        help_text="Die offizielle Seite zum Angebot, mit https://",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("youth_text"),
                FieldPanel("eligibility"),
                FieldPanel("area"),
                FieldPanel("languages"),
            ],
            heading="Ist das für mich?",
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("cost_note")], heading="Kosten"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("where_to_apply"),
                FieldPanel("providers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("external_url"),
            ],
            heading="Beantragen und Kontakt",
        ),
        FieldPanel("legal_basis"),
        FieldPanel("help_check_benefit"),
        FieldPanel("accessibility_note"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("youth_text"),
        index.SearchField("body"),
        index.SearchField("eligibility"),
        index.SearchField("where_to_apply"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.FilterField("is_free"),
        index.FilterField("area"),
    ]
    override_translatable_fields = [
        SynchronizedField("legal_basis"),
        SynchronizedField("is_free"),
        SynchronizedField("languages"),
        SynchronizedField("area"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("help_check_benefit"),
    ]
    base_form_class = TaxonomyPageForm

    partner_field = "providers"
    # "Infoblatt": a counsellor prints the offer for a family, in the family's language.
    print_kinds = (printing.SHEET,)
    print_template = "buero_angebote/print/offer_page.html"
    parent_page_types = ["buero_angebote.OfferIndexPage"]
    subpage_types = []
    search_label = _("Help offers")
    search_rank = 0

    class Meta:
        verbose_name = "Hilfsangebot"
        verbose_name_plural = "Hilfsangebote"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = localize_all(self, "topics")
        context["target_groups"] = localize_all(self, "target_groups")
        context["providers"] = self.localized_providers()
        context["sections"] = collect_sections(OFFER_SECTIONS, self, request)
        context["listing_url"] = self.listing_url()
        return context

    def structured_data(self, request, context):
        """The offer as a GovernmentService: who provides it, where, for whom, and how to
        reach it, from what the page shows (its providers, topics and target groups)."""
        providers = context["providers"]
        by_phone = next((partner for partner in providers if partner.phone), None)
        by_visit = next((partner for partner in providers if partner.street or partner.town), None)
        channel = schema.compact(
            {
                "@type": "ServiceChannel",
                "servicePhone": by_phone
                and {"@type": "ContactPoint", "name": by_phone.title, "telephone": by_phone.phone},
                "serviceLocation": by_visit
                and {
                    "@type": "Place",
                    "name": by_visit.title,
                    "address": schema.postal_address(
                        by_visit.street, by_visit.postcode, by_visit.town
                    ),
                },
                "serviceUrl": self.external_url,
            }
        )
        url = self.get_full_url(request)
        return {
            "@type": "GovernmentService",
            "@id": f"{url}#service",
            "name": self.title,
            "description": self.summary,
            "url": url,
            "serviceType": [topic.name for topic in context["topics"]],
            "provider": [
                schema.organization(partner, request, telephone=partner.phone)
                for partner in providers
            ],
            "areaServed": self.area_served(),
            "audience": [
                {"@type": "Audience", "audienceType": group.name}
                for group in context["target_groups"]
            ],
            # A service has no isAccessibleForFree (places and events do): an offer at no cost.
            "offers": {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
            if self.is_free
            else None,
            "availableChannel": channel if len(channel) > 1 else None,
        }

    def area_served(self):
        """The district, the municipality or the village the offer is for, each named in
        the active language and inside the next larger one."""
        landkreis = {"@type": "AdministrativeArea", "name": str(_("District of Stendal"))}
        if self.area == Area.LANDKREIS:
            return landkreis
        gemeinde = {
            "@type": "AdministrativeArea",
            "name": str(_("Municipality of Tangerhütte")),
            "containedInPlace": landkreis,
        }
        village = dict(District.choices).get(self.area)
        if village is None:
            return gemeinde
        return {"@type": "Place", "name": village, "containedInPlace": gemeinde}

    def print_context(self, request):
        blocks = {"checklist": [], "steps": []}
        for block in self.body:
            if block.block_type in blocks:
                blocks[block.block_type].append(block.value)
        return {
            "checklists": blocks["checklist"],
            "steps": blocks["steps"],
            "print_sections": collect_sections(PRINT_SECTIONS, self, request),
        }

    def listing_url(self):
        """The offer listing this offer is in, which its topic links filter."""
        parent = page_tree.current().parent(self)
        return parent.url if parent is not None else self.get_parent().url

    def localized_providers(self):
        """The live providers, each in the page's language where translated, with contacts."""
        linked = self.providers.values("translation_key")
        # The translation keys first: an OR of the two cases alone leaves the database no
        # index to use (tens of milliseconds with thousands of partners).
        partners = (
            page_tree.current()
            .public(PartnerPage.objects.filter(translation_key__in=linked))
            .filter(Q(id__in=self.providers.values("id")) | Q(locale_id=self.locale_id))
            .prefetch_related("contact_persons")
            .order_by("title")
        )
        chosen = {}
        for partner in partners:
            if partner.locale_id == self.locale_id or partner.translation_key not in chosen:
                chosen[partner.translation_key] = partner
        return sorted(chosen.values(), key=lambda partner: partner.title)

    @property
    def card_text(self):
        return self.summary

    @property
    def youth_card_text(self):
        """What the page for young people says about this offer."""
        return self.youth_text or self.summary

    @property
    def legal_basis_labels(self):
        return self._meta.get_field("legal_basis").labels(self.legal_basis)

    @property
    def language_labels(self):
        return self._meta.get_field("languages").labels(self.languages)
