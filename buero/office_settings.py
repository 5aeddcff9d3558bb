"""The office's site settings: its facts, shown in the footer and every contact block.

Models of the buero app (exported by buero.models), in a module of their own below the
pages: the JSON-LD helpers (buero.structured_data) and the template tags read them, and
buero.models imports those helpers.
"""

import logging

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string
from wagtail.images.models import SourceImageIOError

from . import conf
from .districts import District

logger = logging.getLogger(__name__)


class VenueAccess(models.TextChoices):
    """How the venue is reached; a fact, so the visitor reads it in their language."""

    STAIRS = "stairs", _("Access by stairs only, there is no lift.")
    STEP_FREE = "step_free", _("Step-free access.")
    LIFT = "lift", _("Access by lift.")


@register_setting(icon="home")
class OfficeSettings(BaseSiteSetting):
    """The office's facts, shown in the footer and every contact block.

    Site settings cannot be translated, so they hold facts; the venue access is a choice
    that is shown translated, and prose belongs in pages.
    """

    name = models.CharField(
        "Name des Büros",
        max_length=120,
        default=conf.office_name,
        help_text="So heißt das Büro auf jeder Seite, z. B. „Offenes Büro im Jugendclub Tangerhütte“.",
    )
    street = models.CharField(
        "Straße und Hausnummer", max_length=120, blank=True, help_text="z. B. „Schulstraße 1“."
    )
    postcode = models.CharField("Postleitzahl", max_length=10, blank=True, help_text="z. B. 39517.")
    town = models.CharField("Ort", max_length=80, blank=True, help_text="z. B. „Tangerhütte“.")
    district = models.CharField(
        "Ortsteil",
        max_length=20,
        choices=District.choices,
        blank=True,
        help_text="Der Ortsteil der Einheitsgemeinde, in dem das Büro liegt.",
    )
    room = models.CharField(
        "Raum", max_length=120, blank=True, help_text="z. B. „Jugendclub, Obergeschoss“."
    )
    phone = models.CharField(
        "Telefon",
        max_length=40,
        blank=True,
        help_text="Mit Vorwahl, z. B. „03935 123456“. Wird auf dem Handy als Anruf-Link gezeigt.",
    )
    email = models.EmailField("E-Mail", blank=True, help_text="Die Adresse, die das Büro liest.")
    venue_access = models.CharField(
        "Zugang zum Raum",
        max_length=20,
        choices=VenueAccess.choices,
        blank=True,
        help_text="Wie man zum Raum kommt. Wird in jeder Sprache übersetzt angezeigt.",
    )
    venue_access_note = models.CharField(
        "Hinweis zum Zugang",
        max_length=200,
        blank=True,
        help_text="Nur Fakten, z. B. „12 Stufen, Handlauf rechts“. Dieser Text wird nicht übersetzt.",
    )
    contact_name = models.CharField(
        "Ansprechperson Sprechstunde",
        max_length=120,
        blank=True,
        help_text="Wer die offene Sprechstunde führt, z. B. „Frau Beispiel“.",
    )
    contact_phone = models.CharField(
        "Telefon für Termine",
        max_length=40,
        blank=True,
        help_text="Für Termine nach Vereinbarung. Leer lassen, wenn es die Büronummer ist.",
    )
    contact_email = models.EmailField(
        "E-Mail für Termine", blank=True, help_text="Leer lassen, wenn es die Büro-Adresse ist."
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Impressum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Seite mit dem Impressum; sie wird in der Fußzeile verlinkt.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Datenschutz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Datenschutzerklärung; sie wird in der Fußzeile verlinkt.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Erklärung zur Barrierefreiheit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Erklärung zur Barrierefreiheit; sie wird in der Fußzeile verlinkt.",
    )
    share_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="Bild für Link-Vorschauen",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint, wenn jemand einen Link zur Website in einem Messenger oder sozialen Netzwerk teilt. Am besten 1200 mal 630 Pixel (Breite mal Höhe), ohne Gesichter von Menschen, die nicht eingewilligt haben.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("town"),
                FieldPanel("district"),
                FieldPanel("room"),
                FieldPanel("venue_access"),
                FieldPanel("venue_access_note"),
            ],
            heading="Adresse und Zugang",
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Erreichbarkeit"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading="Sprechstunde und Termine nach Vereinbarung",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading="Pflichtseiten in der Fußzeile",
        ),
        MultiFieldPanel([FieldPanel("share_image")], heading="Link-Vorschau"),
    ]

    class Meta:
        verbose_name = "Büro und Kontakt"

    @classmethod
    def cache_key(cls, site_id):
        return f"home:office-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        """Every public page shows these facts: keep them in the cache until they change
        (buero.signals drops them when the settings or a page are saved)."""
        key = cls.cache_key(site.pk)
        settings = cache.get(key)
        if settings is None:
            settings = super().for_site(site)
            cache.set(key, settings, None)
        return settings

    @classmethod
    def base_queryset(cls):
        # The footer needs the legal pages' translation keys; fetch them with the settings.
        return (
            super()
            .base_queryset()
            .select_related("imprint_page", "privacy_page", "accessibility_page")
        )

    #: Open Graph's recommended size; messengers crop other sizes to about this shape.
    SHARE_IMAGE_FILTER = "fill-1200x630"

    @classmethod
    def share_image_cache_key(cls, site_id):
        return f"home:share-image:{site_id}"

    def share_image_preview(self):
        """URL, size and alternative text of the link-preview rendition, or None.

        Every public page names it in its <head>: kept in the cache like the settings
        (buero.signals drops it when the settings or an image change), so that it costs a
        page no query.
        """
        key = self.share_image_cache_key(self.site_id)
        preview = cache.get(key)
        if preview is None:
            preview = self._share_image_preview()
            cache.set(key, preview, None)
        return preview or None

    def _share_image_preview(self):
        if self.share_image_id is None:
            return {}
        try:
            image = self.share_image
        except ObjectDoesNotExist:  # deleted a moment ago; buero.signals drops these settings
            return {}
        try:
            rendition = image.get_rendition(self.SHARE_IMAGE_FILTER)
        except SourceImageIOError:
            logger.warning("The file of the link-preview image %s is missing.", image.pk)
            return {}
        return {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }

    @cached_property
    def appointment_phone(self):
        return self.contact_phone or self.phone

    @cached_property
    def appointment_email(self):
        return self.contact_email or self.email

    @property
    def legal_pages(self):
        """The footer's legal pages in display order (in the language they were chosen in)."""
        pages = (self.imprint_page, self.privacy_page, self.accessibility_page)
        return [page for page in pages if page is not None]
