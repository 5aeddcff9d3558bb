"""Topics (Lebenslagen) and target groups: translatable snippets that offers and partners share."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from buero import page_tree

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


def localized(model, locale_id):
    """``model.objects.for_locale(locale_id)``, built once per content generation."""
    key = ("taxonomy", model._meta.label, locale_id)
    # Saving a topic starts a snapshot without memo; a page's change leaves the topics be.
    return page_tree.current().memo(
        key, lambda: model.objects.for_locale(locale_id), refresh=lambda value, _changed: value
    )


def localize_all(page, field_name):
    """The topics (or target groups) of ``page`` in the page's language where translated.

    wagtail-localize leaves many-to-many relations of translated pages pointing at the
    source language, so entries are matched on the translation key. The links of all pages
    are read once per content generation; a page being previewed, whose links may not be
    saved yet, reads its own.
    """
    field = page._meta.get_field(field_name)
    model = field.related_model
    if field_name in getattr(page, "_cluster_related_objects", {}) or not page.pk:
        keys = {entry.translation_key for entry in getattr(page, field_name).all()}
    else:
        through, source, target = (
            field.remote_field.through,
            field.m2m_field_name(),
            field.m2m_reverse_field_name(),
        )

        def links(rows=through.objects):
            """{page id: its entries' translation keys}, as small tuples of one key object
            per entry, one tuple for all pages with the same entries (a set and a new key
            object per row cost five times the memory; a tuple per page, twice)."""
            found, same = {}, {}
            for page_id, key in rows.values_list(f"{source}_id", f"{target}__translation_key"):
                key = same.setdefault(key, key)
                if key not in found.get(page_id, ()):
                    found[page_id] = (*found.get(page_id, ()), key)
            combinations = {}
            return {page_id: combinations.setdefault(keys, keys) for page_id, keys in found.items()}

        def refresh(value, changed):
            """The links of the pages that changed read anew, the others kept."""
            found = {page_id: keys for page_id, keys in value.items() if page_id not in changed}
            found.update(links(through.objects.filter(**{f"{source}_id__in": changed})))
            return found

        keys = (
            page_tree.current()
            .memo(("links", through._meta.label), links, refresh=refresh)
            .get(page.pk, ())
        )
    entries = [entry for entry in localized(model, page.locale_id) if entry.translation_key in keys]
    if len(entries) < len(keys):  # linked only in a third language: rare, ask the database
        return _localize_by_query(model, keys, page.locale_id)
    return entries


def _localize_by_query(model, keys, locale_id):
    entries = {}
    for entry in model.objects.filter(translation_key__in=keys).order_by("sort_order", "name"):
        if entry.locale_id == locale_id or entry.translation_key not in entries:
            entries[entry.translation_key] = entry
    return list(entries.values())


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
