"""The office's section in every language: Wagtail locales and aliases of untranslated pages.

wagtail-localize can mirror a whole page tree into each language ("synchronise from"); in a
host site that would copy every page of the host. The office mirrors only its own section:
each German page of it appears in every other language's tree as an alias (German text with
a notice) until a translator publishes a translation. Wagtail needs the section's parents in
each language too; those it gets as aliases of the host's pages above the office.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page

from .models import OfficePage


@dataclass
class Plan:
    """What ``apply`` will do: locales to create, pages to alias, host pages above them."""

    new_languages: list = field(default_factory=list)
    aliases: list = field(default_factory=list)  # (page, language code)
    parents: set = field(default_factory=set)  # pages outside the sections that get aliases

    def __bool__(self):
        return bool(self.new_languages or self.aliases)


def sections(locale):
    """The office pages of ``locale``: each heads a section."""
    return OfficePage.objects.filter(locale=locale, alias_of__isnull=True)


def section_pages(locale):
    """Every page of every section of ``locale``, parents before children."""
    pages = Page.objects.none()
    for section in sections(locale):
        pages |= Page.objects.descendant_of(section, inclusive=True)
    return pages.filter(locale=locale).order_by("path")


def plan():
    default = Locale.get_default()
    languages = [code for code in get_content_languages() if code != default.language_code]
    existing = set(Locale.objects.values_list("language_code", flat=True))
    result = Plan(new_languages=[code for code in languages if code not in existing])
    pages = list(section_pages(default))
    translated = {
        (key, code)
        for key, code in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages]
        ).values_list("translation_key", "locale__language_code")
    }
    section_paths = [page.path for page in sections(default)]
    for section in sections(default):
        for parent in section.get_ancestors().filter(depth__gt=1):
            missing = [
                code
                for code in languages
                if not parent.get_translations().filter(locale__language_code=code).exists()
            ]
            if missing and not any(parent.path.startswith(path) for path in section_paths):
                result.parents.add(parent)
    for page in pages:
        for code in languages:
            if (page.translation_key, code) not in translated:
                result.aliases.append((page, code))
    return result


@transaction.atomic
def apply(plan):
    """Create the locales, then the aliases, parents first (``copy_parents``)."""
    for code in plan.new_languages:
        Locale.objects.get_or_create(language_code=code)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for page, code in plan.aliases:
        page = Page.objects.get(pk=page.pk)  # the tree may have changed with earlier copies
        if not page.get_translations().filter(locale=locales[code]).exists():
            page.copy_for_translation(locales[code], copy_parents=True, alias=True)
    return len(plan.aliases)


def alias_new_page(page):
    """A German page just created in an office's section appears in every other language of
    that section at once (the hook ``after_create_page``)."""
    if page.locale_id != Locale.get_default().pk or page.alias_of_id:
        return
    offices = OfficePage.objects.filter(locale_id=page.locale_id)
    if not offices.ancestor_of(page, inclusive=True).exists():
        return
    # A new office brings the way down to it along (its parents as aliases); a page inside a
    # section goes where its parent already is.
    is_office = offices.filter(pk=page.pk).exists()
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if is_office or page.get_parent().get_translations().filter(locale=locale).exists():
            page.copy_for_translation(locale, copy_parents=True, alias=True)
