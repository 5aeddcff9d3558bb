"""What the search finds: a SearchDocument per public page, rewritten whenever a page changes.

A page's document holds the terms of its search fields (``search_fields``, with their
boosts) as buero.search.text analyses them in the language of the text the page shows
(German where it shows the German source text), each with the best weight it has on the
page, and what a result shows. Whatever can change what the search may find rewrites the
documents it touches, in the same transaction and in every language's tree:

- a page saved (created, published, unpublished, an alias updated with its source, a
  translation published by wagtail-localize), but not a draft: its own document;
- facts written into translations (buero.facts): those translations';
- a page moved, or a view restriction added, changed or removed: the pages below it with
  their translations and aliases (their places changed, or whether the public sees them);
- a page deleted: its document goes.

Whether a page is public is the page tree's one rule (``PageTree.is_public``), judged on a
small snapshot of the pages concerned. ``rebuild()`` (``manage.py buero_rebuild_search``)
writes every document anew, for a deploy and after bulk loads (``paused()``).
"""

import threading
from contextlib import contextmanager
from itertools import islice

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index as search_index
from wagtail.signals import post_page_move

from .. import page_tree
from ..facts import facts_written
from . import text
from .index import DEFAULT_RANK
from .models import SearchDocument, SearchWord

#: The weight of a term in the title; other fields weigh their boost (a summary 2), or 1.
TITLE_WEIGHT = 4.0
#: Longer terms and words are left out (no word is that long; a pasted link or code could
#: exceed what the databases' full-text indexes take).
MAX_TERM = 100
#: Pages analysed and written at once.
BATCH = 500
#: Fields that Wagtail saves alone for a draft, a lock or a comment: nothing the public sees.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
    }
)

_state = threading.local()


@contextmanager
def paused():
    """Nothing is indexed inside: for loading many pages at once, with rebuild() after."""
    before = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = before


def index_pages(page_ids):
    """Bring the documents of these pages up to date: a public page's is written anew, any
    other page's removed."""
    if getattr(_state, "paused", False):
        return
    ids = iter(sorted({pk for pk in page_ids if pk is not None}))
    with transaction.atomic():
        while batch := list(islice(ids, BATCH)):
            documents, words = analyse_pages(batch, page_tree.PageTree.build_for(batch))
            SearchDocument.objects.filter(page_id__in=batch).delete()
            SearchDocument.objects.bulk_create(documents)
            SearchWord.objects.bulk_create(words, ignore_conflicts=True)


def rebuild():
    """Every public page's document anew, and the vocabulary without the words no page has
    any more. Returns the number of documents."""
    tree = page_tree.PageTree.build()
    ids = iter([node.id for node in sorted(tree.nodes.values(), key=lambda node: node.path)])
    written = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        while batch := list(islice(ids, BATCH)):
            documents, words = analyse_pages(batch, tree)
            SearchDocument.objects.bulk_create(documents)
            SearchWord.objects.bulk_create(words, ignore_conflicts=True)
            written += len(documents)
    return written


def analyse_pages(page_ids, tree):
    """([SearchDocument], [SearchWord]) of the public ones among these pages, in the tree's
    order (the first page to use a word gives its spelling)."""
    public = [
        pk
        for pk in page_ids
        if (node := tree.get(pk)) is not None and node.depth > 1 and tree.is_public(node)
    ]
    documents, words = [], {}
    pages = Page.objects.filter(pk__in=public).order_by("path").specific(defer=False)
    for page in pages:
        document, page_words = analyse(page, tree.get(page.pk))
        documents.append(document)
        for word in page_words:
            words.setdefault((word.language, word.word), word)
    return documents, list(words.values())


def analyse(page, node):
    """(SearchDocument, [SearchWord]) of one page, ``node`` its place in the page tree."""
    page_language = "de" if node.shows_source_text else node.language
    best = {}  # {term: its best weight on the page}
    spelling = {}  # {casefolded word: as the page first writes it}
    surface = {}  # the normalized words, in order
    for value, weight in weighted_texts(page):
        for written in text.WORD.findall(value):
            spelling.setdefault(written.casefold(), written)
        for word in text.normalize(value, page_language):
            surface.setdefault(word)
            term = text.stem(word, page_language)
            if best.get(term, 0) < weight:
                best[term] = weight
    terms = sorted(term for term in best if 0 < len(term) <= MAX_TERM)
    document = SearchDocument(
        page_id=page.pk,
        path=page.path,
        language=node.language,
        title=page.title,
        card_text=strip_tags(str(getattr(page, "card_text", "") or "")),
        source_language=page_language if node.shows_source_text else "",
        rank=getattr(page, "search_rank", DEFAULT_RANK),
        terms=" ".join(terms),
        weights=" ".join(f"{best[term]:g}" for term in terms),
    )
    words = [
        SearchWord(language=node.language, word=word, written=spelling.get(word, word))
        for word in surface
        if len(word) <= MAX_TERM
    ]
    return document, words


def weighted_texts(page):
    """(text, weight) of each of the page's search fields."""
    for field in page.get_search_fields():
        if not isinstance(field, search_index.SearchField):
            continue
        value = field.get_value(page)  # StreamFields give their searchable content, a list
        if value is None:
            continue
        if isinstance(value, list | tuple):
            value = " ".join(str(part) for part in value)
        weight = TITLE_WEIGHT if field.field_name == "title" else float(field.boost or 1)
        yield strip_tags(str(value)), weight


def below_with_translations(page_id, deleted=False):
    """The ids of a page, the pages below it, and their translations and aliases; only
    the latter where the page and the pages below it are being ``deleted``."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return []
    below = Q(path__startswith=page.path)
    family = Q(translation_key__in=Page.objects.filter(below).values("translation_key"))
    wanted = (family & ~below) if deleted else (family | below)
    return Page.objects.filter(wanted).values_list("pk", flat=True)


def on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and frozenset(update_fields) <= BOOKKEEPING_FIELDS:
        return  # a draft (its content is in the revision), a lock, a comment
    index_pages([instance.pk])


def on_page_deleted(sender, instance, **kwargs):
    SearchDocument.objects.filter(page_id=instance.pk).delete()


def on_page_moved(sender, instance, **kwargs):
    index_pages(below_with_translations(instance.pk))


def on_restriction_changed(sender, instance, origin=None, **kwargs):
    # Deleted with its page (a delete that started from a page): the pages below it go too.
    deleted = isinstance(origin, Page) or issubclass(getattr(origin, "model", object), Page)
    index_pages(below_with_translations(instance.page_id, deleted=deleted))


def on_facts_written(sender, translations, **kwargs):
    index_pages([page.pk for page in translations])


def connect_signals():
    """After buero.facts: its write-through runs first on a publish."""
    post_save.connect(on_page_saved, dispatch_uid="search-page-saved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="search-page-deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="search-page-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal is post_save}",
        )
    facts_written.connect(on_facts_written, dispatch_uid="search-facts-written")
