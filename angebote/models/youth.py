"""„Für Jugendliche“: what a young person can get or do on their own, in the informal "du".

The concept's first target group is children and youths, but the offers speak to their
parents. This page speaks to the young person: the editors write its sections, and the
offers for the chosen target group are listed by themselves, each with the short text an
editor wrote for young people on the offer, so that the list never goes stale.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from buero import page_tree
from buero.models import BasePage
from buero.sections import YOUTH_SECTIONS, collect_sections

from ..blocks import YouthStreamBlock
from .forms import TaxonomyPageForm
from .offers import OfferPage
from .taxonomy import TargetGroup


class YouthPage(BasePage):
    """One page per language below the home page, linked from its first screen."""

    intro = models.TextField(
        "Einleitung",
        max_length=400,
        help_text="Zwei, drei kurze Sätze in der Du-Form: für wen die Seite ist und dass die "
        "Beratung kostenlos ist und man allein kommen kann. Erscheint groß unter dem Titel.",
    )
    body = StreamField(
        YouthStreamBlock(),
        verbose_name="Inhalt",
        blank=True,
        help_text="Kurze Abschnitte in der Du-Form, z. B. „Reden, ohne dass deine Eltern es "
        "wissen“, „Geld für Schule und Freizeit“, „Schulden“. Fachwörter immer erklären. "
        "Die Sprechstunde und die Hilfsangebote erscheinen von selbst.",
    )
    target_group = models.ForeignKey(
        "buero_angebote.TargetGroup",
        verbose_name="Hilfsangebote für",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Hilfsangebote mit dieser Zielgruppe erscheinen unten auf der Seite, jedes "
        "mit seinem Text „Für Jugendliche erklärt“. Meist „Jugendliche“. Leer lassen: keine Liste.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("target_group"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]
    # The German target group in every language: the offers are matched on its translation
    # key, so a translation never waits for the snippet's own translation.
    override_translatable_fields = [SynchronizedField("target_group")]
    base_form_class = TaxonomyPageForm

    parent_page_types = ["buero.OfficePage"]
    subpage_types = []
    # One per language tree; its translations are made by wagtail-localize.
    max_count = 1

    class Meta:
        verbose_name = "Seite für Jugendliche"
        verbose_name_plural = "Seiten für Jugendliche"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offers"] = self.offers()
        context["sections"] = collect_sections(YOUTH_SECTIONS, self, request)
        return context

    def offers(self):
        """The public offers for the target group in this page's language, by title: one
        query, whatever their number (the group's key is a subquery)."""
        if self.target_group_id is None:
            return OfferPage.objects.none()
        key = TargetGroup.objects.filter(pk=self.target_group_id).values("translation_key")
        return (
            page_tree.current()
            .public(OfferPage.objects.all())
            .filter(locale_id=self.locale_id, target_groups__translation_key__in=key)
            .distinct()
            .defer_streamfields()
            .order_by("title")
        )
