"""Facts are one truth in every language: a translation shows the German page's live facts.

wagtail-localize copies synchronised fields (dates, times, phone numbers, addresses, choices)
into a translation only when someone syncs the translation and publishes it again, so a
cancellation published in German would stay open on the Arabic page until a translator
acts. Here, every publish writes the facts through instead:

- when a page of the source language is published (by an editor, a moderator's approval,
  a scheduled publish or a revert), its synchronised fields and child rows are copied into
  every translation at once;
- when a translation is published (by wagtail-localize, after a sync, or by hand), the same
  copy runs from the live source page, so a translation never goes live with older facts.

So no output has to know about languages: pages, listings, feeds, calendars and APIs read
each page's own rows, and those rows hold the source's facts. Prose stays with
wagtail-localize: a translated child row (a cancellation's reason, an opening hour's note)
keeps its own text while its facts are unchanged; a new row, or one whose facts changed,
shows the German text marked ``shows_source_text`` until a translator publishes it.
"""

from functools import cache

from django.db import models, transaction
from django.dispatch import Signal
from django.utils import translation
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from . import content_generation
from .source_text import SourceText

#: Sent after facts were written into translations: ``sender`` is the page model,
#: ``source`` the source page and ``translations`` the pages that changed. Caches of
#: derived boxes (the next consultation hour) listen to it.
facts_written = Signal()

#: Rows of child relations are matched on these, never copied as facts.
_ROW_KEYS = frozenset({"id", "translation_key", "locale", "sort_order"})


class SourceTextMixin(models.Model):
    """A translated child row that may show the source's text for now.

    Set on a row that was added or whose facts changed after it was translated: its text
    is the German one until a translator publishes the translation, and templates mark it
    ``lang="de"`` (``{% source_text %}``).
    """

    shows_source_text = models.BooleanField(default=False, editable=False)

    class Meta:
        abstract = True


def text_of(row, field_name):
    """``row``'s text in ``field_name``, as :class:`SourceText` where it is the German one."""
    value = getattr(row, field_name)
    if value and getattr(row, "shows_source_text", False):
        return SourceText(value)
    return value


def is_foreign(text):
    """True where ``text`` is German inside a page or output in another language."""
    return isinstance(text, SourceText) and translation.get_language() != text.language


@cache
def fact_fields(model):
    """The model's synchronised fields that are facts: (field names, child relations).

    Page's own fields (the tree, publishing, menus) belong to each translation.
    """
    page_fields = {field.name for field in Page._meta.get_fields()}
    names, relations = [], []
    child_relations = {relation.name: relation for relation in get_all_child_relations(model)}
    for translatable_field in get_translatable_fields(model):
        name = translatable_field.field_name
        if name in child_relations:
            relations.append(child_relations[name])
        elif isinstance(translatable_field, SynchronizedField) and name not in page_fields:
            names.append(name)
    return tuple(names), tuple(relations)


def _row_values(row, names):
    return {name: getattr(row, name) for name in names}


def _copy_rows(source, target, relation):
    """Make ``target``'s child rows of ``relation`` (a ManyToOneRel of a ParentalKey) carry
    ``source``'s facts; True on a change."""
    accessor = relation.get_accessor_name()
    source_rows = list(getattr(source, accessor).all())
    target_rows = list(getattr(target, accessor).all())
    model, parent_field = relation.related_model, relation.field
    concrete = [
        field.attname
        for field in model._meta.concrete_fields
        if field.name not in _ROW_KEYS and field is not parent_field
    ]
    if not issubclass(model, TranslatableMixin):
        if [_row_values(row, concrete) for row in source_rows] == [
            _row_values(row, concrete) for row in target_rows
        ]:
            return False
        model.objects.filter(pk__in=[row.pk for row in target_rows]).delete()
        model.objects.bulk_create(
            model(
                **{parent_field.attname: target.pk}, **_row_values(row, [*concrete, "sort_order"])
            )
            for row in source_rows
        )
        return True

    facts = [model._meta.get_field(name).attname for name in fact_fields(model)[0]]
    facts.append("sort_order")
    prose = [name for name in concrete if name not in facts and name != "shows_source_text"]
    existing = {row.translation_key: row for row in target_rows}
    changed = False
    for source_row in source_rows:
        row = existing.pop(source_row.translation_key, None)
        wanted = _row_values(source_row, facts)
        if row is None:
            values = {**_row_values(source_row, concrete), **wanted}
            if "shows_source_text" in concrete:
                values["shows_source_text"] = True
            model.objects.create(
                **values,
                **{parent_field.attname: target.pk},
                translation_key=source_row.translation_key,
                locale_id=target.locale_id,
            )
            changed = True
        elif _row_values(row, facts) != wanted:
            # The row's text was translated for other facts: show the German text until a
            # translator has seen the change.
            values = {**wanted, **_row_values(source_row, prose)}
            if "shows_source_text" in concrete:
                values["shows_source_text"] = True
            model.objects.filter(pk=row.pk).update(**values)
            changed = True
    if existing:
        model.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
        changed = True
    return changed


def copy_facts(source, target):
    """Write ``source``'s facts into its translation ``target``; True when anything changed."""
    names, relations = fact_fields(type(source))
    attnames = [source._meta.get_field(name).attname for name in names]
    values = _row_values(source, attnames)
    changed = False
    if _row_values(target, attnames) != values:
        type(target).objects.filter(pk=target.pk).update(**values)
        for name, value in values.items():
            setattr(target, name, value)
        changed = True
    for relation in relations:
        changed |= _copy_rows(source, target, relation)
    return changed


def source_language_code():
    return Locale.get_default().language_code


def write_to_translations(source):
    """Copy a live source page's facts into each of its translations (not its aliases,
    which Wagtail keeps in step itself). Returns the translations that changed."""
    changed = [
        target
        for target in source.get_translations().filter(alias_of__isnull=True).specific()
        if copy_facts(source, target)
    ]
    return changed


def write_from_source(target):
    """Copy the live source page's facts into the translation ``target``; True on a change."""
    source = (
        Page.objects.live()
        .filter(
            translation_key=target.translation_key, locale__language_code=source_language_code()
        )
        .specific()
        .first()
    )
    if source is None or type(source) is not type(target):
        return False
    return copy_facts(source, target)


def on_publish(sender, instance, **kwargs):
    """The page_published receiver: facts flow from the source language to the others."""
    page = instance.specific
    if page.alias_of_id is not None or fact_fields(type(page)) == ((), ()):
        return
    with transaction.atomic():
        if page.locale.language_code == source_language_code():
            changed = write_to_translations(page)
        else:
            changed = [page] if write_from_source(page) else []
    if changed:
        # Whatever was derived from the old rows (cached pages, the page tree) is stale.
        content_generation.bump(pages=[target.pk for target in changed])
        facts_written.send(sender=type(page), source=page, translations=changed)


def connect_signals():
    page_published.connect(on_publish, dispatch_uid="facts-write-through")
