"""The search of one home page's pages: candidates from the database, ranked here.

Wagtail's database backend analyses every language with one text-search configuration
(and on SQLite with none), so an Arabic word only matches with the same article and a
German one with the same ending. The project's own analysis (buero.search.text) is stored
per page instead (SearchDocument, written by buero.search.documents): the database's
full-text index finds the documents that hold a query word's term or a term starting with
it (buero.search.engine), and only those candidates are loaded and ranked here by the
project's rule, with the editors' synonyms and spelling suggestions.
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from . import engine, text
from .models import SearchWord

#: A word found only as the start of a longer term weighs half.
PREFIX_FACTOR = 0.5
#: Where a page type has no ``search_rank``: after offers (0), partners (1) and dates (2).
DEFAULT_RANK = 3
#: Words this long also match as the start of a longer word ("Kinderzu").
MIN_PREFIX = 4
#: Fewer results than this, and the search looks for a better spelling.
FEW_RESULTS = 3
SUGGESTION_CUTOFF = 80
#: The closest words of the vocabulary tried for an unknown word, best first: the first
#: that finds a page below the home page is offered.
SUGGESTION_OPTIONS = 5


@dataclass
class Document:
    """What a result shows: no page is loaded to show a result."""

    id: int
    title: str
    url: str
    card_text: str
    label: str
    source_language: str  # "de" where the page shows the German source text, "" otherwise
    path: str  # the page tree's order
    rank: int = DEFAULT_RANK  # the page type's search_rank: offers first among equals


class Candidate:
    """A stored document that holds one of the query's words. Its terms stay one string,
    searched with ``str.find`` (in C): a word found in thousands of pages loads thousands."""

    __slots__ = ("card_text", "page_id", "path", "rank", "source_language", "terms", "title")

    def __init__(self, page_id, path, title, card_text, source_language, rank, terms, weights):
        self.page_id, self.path, self.title = page_id, path, title
        self.card_text, self.source_language, self.rank = card_text, source_language, rank
        self.terms = (f" {terms} ", weights)  # " a b c ": each term between two spaces

    def hits(self, exact, prefixes):
        """[(term, weight)] of one query word here: its terms, and where the word is long
        enough, the terms it starts (at half the weight)."""
        terms, weights = self.terms
        found = []  # (term, where its leading space is, factor)
        for term in exact:
            at = terms.find(f" {term} ")
            if at >= 0:
                found.append((term, at, 1))
        for prefix in prefixes:
            # The terms are sorted: those that start with the prefix follow one another.
            at = terms.find(f" {prefix}")
            while at >= 0:
                end = terms.find(" ", at + 1)
                found.append((terms[at + 1 : end], at, PREFIX_FACTOR))
                at = end if terms.startswith(prefix, end + 1) else -1
        if not found:
            return found
        weights = weights.split()
        # A term's weight is the one after as many spaces as there are before the term.
        return [
            (term, float(weights[terms.count(" ", 0, at)]) * factor) for term, at, factor in found
        ]


class Results(Sequence):
    """The ranked results, each made a Document only when shown: a search that finds
    hundreds of pages shows a page of them, and the rest are only counted."""

    def __init__(self, index, found):
        self.index, self.found = index, found  # [(candidate, node)], best first

    def __len__(self):
        return len(self.found)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self.index.document(*entry) for entry in self.found[item]]
        return self.index.document(*self.found[item])


class Vocabulary:
    """The words of one language's pages (SearchWord), for "Meinten Sie …?"."""

    def __init__(self, language):
        rows = SearchWord.objects.filter(language=language).order_by("id")
        self.spelling = dict(rows.values_list("word", "written"))
        self.words = [word for word in self.spelling if len(word) >= MIN_PREFIX]

    def closest(self, word):
        """The words nearest to ``word``, best first (the first of equals as stored)."""
        found = process.extract(
            word, self.words, scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF, limit=None
        )
        return [choice for choice, _score, _index in found[:SUGGESTION_OPTIONS]]


class SearchIndex:
    """The stored documents of the public pages below one home page, searched in
    ``language`` (the language a visitor's words are analysed in)."""

    def __init__(self, home, language, tree):
        self.home, self.language, self.tree = home, language, tree
        self.candidates = {}  # {page id: Candidate}, what the queries so far found
        self.loaded = set()  # the words whose candidates are loaded
        self.hits = {}  # {word: {page id: [(term, weight)]}}
        self.total = 0  # documents below the home page

    def forms(self, word):
        """(terms, prefixes) of one query word: its term in the visitor's language (and the
        German one for a Latin word on another language's page); where long enough, these
        and the word itself also as the start of longer terms."""
        terms = {text.stem(word, self.language)}
        if text.word_language(word, self.language) != text.word_language(word, "de"):
            terms.add(text.stem(word, "de"))  # a German term typed on an English page
        return terms, (terms | {word}) if len(word) >= MIN_PREFIX else set()

    def load(self, words):
        """Load the documents that hold any of ``words``, with one query."""
        words = [word for word in dict.fromkeys(words) if word not in self.loaded]
        if not words:
            return
        clauses = set()
        for word in words:
            terms, prefixes = self.forms(word)
            # A prefix clause covers the word's own terms too.
            clauses |= {(prefix, True) for prefix in prefixes} or {(term, False) for term in terms}
        rows = engine.candidates(self.home.path, sorted(clauses))
        for *fields, total in rows:
            self.candidates.setdefault(fields[0], Candidate(*fields))
            self.total = total
        self.loaded.update(words)

    def matches(self, word):
        """{page id: [(term, weight)]} of one query word (its candidates loaded)."""
        if word not in self.hits:
            terms, prefixes = self.forms(word)
            self.hits[word] = {
                page_id: found
                for page_id, candidate in self.candidates.items()
                if (found := candidate.hits(terms, prefixes))
            }
        return self.hits[word]

    def search(self, words):
        """Documents with every word, best first; with none of them all, those with most.

        Best first (docs/architecture.md, "Search"): more of the query's words; then where
        they are found (title over summary over body, a whole word over a prefix); then the
        page type (an offer that explains a benefit before the partners and dates that
        mention it); then how rare the words are; then the order of the page tree.
        """
        if not words:
            return []
        self.load(words)
        per_word = [self.matches(word) for word in words]
        # Every document holding a term that a word found is a candidate of that word: the
        # candidates give each term's document frequency exactly.
        frequency = Counter(
            term
            for page_id in self.candidates
            for term in {term for found in per_word for term, _w in found.get(page_id, ())}
        )
        total = self.total or 1
        fields, scores, counts = Counter(), Counter(), Counter()
        for found in per_word:
            for page_id, hits in found.items():
                fields[page_id] += max(weight for _term, weight in hits)
                scores[page_id] += max(
                    weight * math.log(1 + total / frequency[term]) for term, weight in hits
                )
                counts[page_id] += 1
        ranked = sorted(
            counts,
            key=lambda page_id: (
                -counts[page_id],
                -fields[page_id],
                self.candidates[page_id].rank,
                -scores[page_id],
                self.candidates[page_id].path,
            ),
        )
        complete = [page_id for page_id in ranked if counts[page_id] == len(words)]
        return Results(
            self,
            [
                (candidate, node)
                for page_id in (complete or ranked)
                if (node := self.shown(candidate := self.candidates[page_id])) is not None
            ],
        )

    def shown(self, candidate):
        """The candidate's node, where the page tree snapshot agrees that the public may see
        the page (an expiry passed since it was stored, say) and it has an address."""
        node = self.tree.get(candidate.page_id)
        if node is None or node.address is None or not self.tree.is_public(node):
            return None
        return node

    def document(self, candidate, node):
        """The result as shown, its address from the snapshot."""
        return Document(
            id=candidate.page_id,
            title=candidate.title,
            url=node.url,
            card_text=candidate.card_text,
            label=str(getattr(node.specific_class, "search_label", None) or _("Pages")),
            source_language=candidate.source_language,
            path=candidate.path,
            rank=candidate.rank,
        )

    def vocabulary(self):
        return self.tree.memo(("search-words", self.language), lambda: Vocabulary(self.language))

    def suggest(self, words):
        """The query with each unknown word replaced by the closest word of these pages."""
        self.load(words)
        unknown = [
            word
            for word in dict.fromkeys(words)
            if len(word) >= MIN_PREFIX and not self.matches(word)
        ]
        if not unknown:
            return None
        vocabulary = self.vocabulary()
        options = {word: vocabulary.closest(word) for word in unknown}
        # The vocabulary keeps words of pages gone since: offer only one that finds a page.
        self.load([option for found in options.values() for option in found])
        better = {
            word: next((option for option in found if self.matches(option)), None)
            for word, found in options.items()
        }
        if not any(better.values()):
            return None
        return [better.get(word) or word for word in words]

    def written(self, words):
        """The words as the pages write them ("Kinderzuschlag", not "kinderzuschlag")."""
        spelling = self.vocabulary().spelling
        return " ".join(spelling.get(word, word) for word in words)
