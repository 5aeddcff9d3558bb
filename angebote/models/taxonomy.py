"""Topics (Lebenslagen) and target groups: translatable snippets that offers and partners share."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .choices import TopicIcon


class TaxonomyQuerySet(models.QuerySet):
    def for_locale(self, locale_id):
        """One entry per translation key: the one in the locale, else the default locale's."""
        default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        entries = {}
        in_either = Q(locale_id=locale_id) | Q(locale__language_code=default_code)
        for entry in self.filter(in_either).order_by("sort_order", "name"):
            if entry.locale_id == locale_id or entry.translation_key not in entries:
                entries[entry.translation_key] = entry
        return sorted(entries.values(), key=lambda entry: (entry.sort_order, entry.name))


class TaxonomyBase(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField("Name", max_length=80, help_text="Kurz und verständlich.")
    slug = models.SlugField(
        "Kurzname für Adressen",
        max_length=80,
        help_text="Kleinbuchstaben und Bindestriche, z. B. „geld-und-leistungen“. Erscheint in "
        "Filter-Adressen und ist in allen Sprachen gleich.",
    )
    description = models.CharField(
        "Kurzbeschreibung",
        max_length=200,
        blank=True,
        help_text="Ein Satz, was dazugehört. Hilft Besuchern beim Auswählen.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "Reihenfolge", default=0, help_text="Kleinere Zahlen stehen in Listen weiter oben."
    )

    objects = TaxonomyQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        # The admin lists filter by language while searching.
        index.FilterField("locale"),
    ]
    # The slug is the same in every language, so shared filter URLs work everywhere.
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta:
        abstract = True
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyBase):
    """A life situation (Lebenslage), such as money, school or debts."""

    icon = models.CharField(
        "Symbol",
        max_length=20,
        choices=TopicIcon.choices,
        default=TopicIcon.MONEY,
        help_text="Das kleine Bild neben dem Thema.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("icon"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [
        *TaxonomyBase.override_translatable_fields,
        SynchronizedField("icon"),
    ]

    class Meta(TaxonomyBase.Meta):
        verbose_name = "Thema"
        verbose_name_plural = "Themen"


class TargetGroup(TaxonomyBase):
    """Who an offer is for, such as children, single parents or professionals."""

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TaxonomyBase.Meta):
        verbose_name = "Zielgruppe"
        verbose_name_plural = "Zielgruppen"
