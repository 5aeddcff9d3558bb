"""The office's plain pages: about us, legal notice, privacy, easy read and the like."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import StandardStreamBlock
from .base import BasePage
from .feedback import FEEDBACK_PARAMETER


class OfficeInfoPage(BasePage):
    """Über uns, Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache and the like."""

    collects_feedback = True
    query_parameters = (FEEDBACK_PARAMETER,)

    intro = models.TextField(
        "Einleitung",
        blank=True,
        max_length=400,
        help_text="Ein, zwei Sätze, worum es auf der Seite geht. Erscheint groß unter dem Titel.",
    )
    body = StreamField(
        StandardStreamBlock(),
        verbose_name="Inhalt",
        blank=True,
        help_text="Überschriften, Absätze, Bilder mit Alternativtext, Handlungsaufforderungen und Kontaktboxen.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["buero.OfficePage", "buero.OfficeInfoPage"]
    subpage_types = ["buero.OfficeInfoPage"]

    class Meta:
        verbose_name = "Standardseite"
        verbose_name_plural = "Standardseiten"
