"""The search of one language's pages: an index in memory, built once per content generation.

Wagtail's database backend analyses every language with one text-search configuration
(and on SQLite with none), so an Arabic word only matches with the same article and a
German one with the same ending. This index applies buero.search.text to the pages' own
search fields (``search_fields``, with their boosts) and to the query alike, adds prefixes,
the editors' synonyms and spelling suggestions, and answers without a query: a search is a
lookup in memory, and the index is rebuilt with the page tree snapshot (buero.page_tree).
"""

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process
from wagtail.models import Page
from wagtail.search import index as search_index

from . import text

#: Weights of where a term is found: the title over the summary (boost 2) over the body.
TITLE_WEIGHT = 4.0
PREFIX_FACTOR = 0.5
#: Where a page type has no ``search_rank``: after offers (0), partners (1) and dates (2).
DEFAULT_RANK = 3
#: Words this long also match as the start of a longer word ("Kinderzu").
MIN_PREFIX = 4
#: Fewer results than this, and the search looks for a better spelling.
FEW_RESULTS = 3
SUGGESTION_CUTOFF = 80


@dataclass
class Document:
    """What a result shows, kept in the index: no page is loaded to show a result."""

    id: int
    title: str
    url: str
    card_text: str
    label: str
    source_language: str  # "de" where the page shows the German source text, "" otherwise
    position: int
    rank: int = DEFAULT_RANK  # the page type's search_rank: offers first among equals


class SearchIndex:
    """Terms → documents for the live pages below one home page."""

    def __init__(self, language, documents, fields):
        self.language = language
        self.documents = documents
        self.postings = defaultdict(dict)  # {term: {position: weight}}
        surface = Counter()
        self.spelling = {}  # {normalized word: as the pages write it}, for suggestions
        for position, weighted in enumerate(fields):
            for value, weight, page_language in weighted:
                words = text.normalize(value, page_language)
                surface.update(words)
                for written in text.WORD.findall(value):
                    self.spelling.setdefault(written.casefold(), written)
                for word in words:
                    term = text.stem(word, page_language)
                    if self.postings[term].get(position, 0) < weight:
                        self.postings[term][position] = weight
        self.terms = sorted(self.postings)
        self.vocabulary = [word for word in surface if len(word) >= MIN_PREFIX]

    def _matches(self, word):
        """{position: (field weight, score)} of one query word: its terms, and as a prefix
        where long enough (at half the weight). The field weight is the best field the word
        is found in; the score adds how rare the term is (idf)."""
        candidates = {text.stem(word, self.language)}
        if text.word_language(word, self.language) != text.word_language(word, "de"):
            candidates.add(text.stem(word, "de"))  # a German term typed on an English page
        found = {}
        total = len(self.documents) or 1

        def add(position, weight, term):
            field, score = found.get(position, (0, 0))
            found[position] = (max(field, weight), max(score, weight * self._idf(term, total)))

        for term in candidates:
            for position, weight in self.postings.get(term, {}).items():
                add(position, weight, term)
        if len(word) >= MIN_PREFIX:
            for prefix in candidates | {word}:
                start = bisect_left(self.terms, prefix)
                for term in self.terms[start:]:
                    if not term.startswith(prefix):
                        break
                    for position, weight in self.postings[term].items():
                        add(position, weight * PREFIX_FACTOR, term)
        return found

    def _idf(self, term, total):
        return math.log(1 + total / len(self.postings[term]))

    def search(self, words):
        """Documents with every word, best first; with none of them all, those with most.

        Best first (docs/architecture.md, "Search"): more of the query's words; then where
        they are found (title over summary over body, a whole word over a prefix); then the
        page type (an offer that explains a benefit before the partners and dates that
        mention it); then how rare the words are; then the order of the page tree.
        """
        if not words:
            return []
        per_word = [self._matches(word) for word in words]
        fields, scores, counts = Counter(), Counter(), Counter()
        for found in per_word:
            for position, (field, score) in found.items():
                fields[position] += field
                scores[position] += score
                counts[position] += 1
        ranked = sorted(
            scores,
            key=lambda position: (
                -counts[position],
                -fields[position],
                self.documents[position].rank,
                -scores[position],
                self.documents[position].position,
            ),
        )
        complete = [position for position in ranked if counts[position] == len(words)]
        return [self.documents[position] for position in (complete or ranked)]

    def suggest(self, words):
        """The query with each unknown word replaced by the closest word of these pages."""
        corrected, changed = [], False
        for word in words:
            if len(word) < MIN_PREFIX or self._matches(word):
                corrected.append(word)
                continue
            best = process.extractOne(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF
            )
            corrected.append(best[0] if best else word)
            changed = changed or best is not None
        return corrected if changed else None

    def written(self, words):
        """The words as the pages write them ("Kinderzuschlag", not "kinderzuschlag")."""
        return " ".join(self.spelling.get(word, word) for word in words)


def build(home, language, tree):
    """The index of the live, public pages below ``home``."""
    pages = (
        tree.public(Page.objects.live()).descendant_of(home).order_by("path").specific(defer=False)
    )
    documents, fields = [], []
    for page in pages:
        node = tree.get(page.pk)
        if node is None or node.url is None:
            continue
        page_language = "de" if node.shows_source_text else node.language
        documents.append(
            Document(
                id=page.pk,
                title=page.title,
                url=node.url,
                card_text=strip_tags(str(getattr(page, "card_text", "") or "")),
                label=str(getattr(page, "search_label", None) or _("Pages")),
                source_language=page_language if node.shows_source_text else "",
                position=len(documents),
                rank=getattr(page, "search_rank", DEFAULT_RANK),
            )
        )
        fields.append(list(_weighted_texts(page, page_language)))
    return SearchIndex(language, documents, fields)


def _weighted_texts(page, page_language):
    """(text, weight, language) of each of the page's search fields."""
    for field in page.get_search_fields():
        if not isinstance(field, search_index.SearchField):
            continue
        value = field.get_value(page)  # StreamFields give their searchable content, a list
        if value is None:
            continue
        if isinstance(value, list | tuple):
            value = " ".join(str(part) for part in value)
        weight = TITLE_WEIGHT if field.field_name == "title" else float(field.boost or 1)
        yield strip_tags(str(value)), weight, page_language
