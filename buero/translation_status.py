"""Which German pages lack a translation, and which translations are older than their source.

A translation is *outdated* when the German page was published after the translation was last
synchronised with it: for translations made with wagtail-localize that is the time its
``TranslationSource`` was last extracted ("Übersetzungen synchronisieren"); for a page that was
copied and translated by hand, the time the translation was last published.
"""

from dataclasses import dataclass, field

from django.db import models
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource


class Status(models.TextChoices):
    MISSING = "missing", "fehlt"
    DRAFT = "draft", "Entwurf"
    OUTDATED = "outdated", "veraltet"
    CURRENT = "current", "aktuell"


#: What still needs work, in the order the office should see it.
NEEDS_WORK = (Status.MISSING, Status.OUTDATED, Status.DRAFT)


@dataclass
class Cell:
    locale: Locale
    status: Status
    translation: Page | None = None


@dataclass
class Row:
    source: Page
    cells: list[Cell] = field(default_factory=list)

    def cell(self, locale):
        return next(cell for cell in self.cells if cell.locale.pk == locale.pk)

    @property
    def needs_work(self):
        return any(cell.status in NEEDS_WORK for cell in self.cells)


def status_of(source, translation, synced_at):
    if translation is None or translation.alias_of_id:
        return Status.MISSING
    if not translation.live or translation.live_revision_id is None:
        # Never published: a translation in progress still shows the German text.
        return Status.DRAFT
    reference = synced_at or translation.last_published_at
    if source.last_published_at and reference and source.last_published_at > reference:
        return Status.OUTDATED
    return Status.CURRENT


def target_locales():
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))


def overview(locales=None, pages=None):
    """One row per live German page, one cell per target locale; four queries in all."""
    default = Locale.get_default()
    locales = target_locales() if locales is None else list(locales)
    if pages is None:
        pages = Page.objects.live().filter(locale=default, depth__gt=1).order_by("path")
    sources = list(pages)
    keys = [page.translation_key for page in sources]
    translations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=keys, locale__in=[locale.pk for locale in locales]
        )
    }
    synced = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=default).values_list(
            "object_id", "last_updated_at"
        )
    )
    rows = []
    for source in sources:
        row = Row(source)
        for locale in locales:
            translation = translations.get((source.translation_key, locale.pk))
            status = status_of(source, translation, synced.get(source.translation_key))
            row.cells.append(Cell(locale, status, translation))
        rows.append(row)
    return rows


def summary(rows):
    """{locale: {status: count}} for the dashboard."""
    counts = {}
    for row in rows:
        for cell in row.cells:
            per_locale = counts.setdefault(cell.locale, dict.fromkeys(Status, 0))
            per_locale[cell.status] += 1
    return counts
