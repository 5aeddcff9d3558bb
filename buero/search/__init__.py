"""Search in every language: text analysis (text.py), the analysed pages in the database
(documents.py writes them, engine.py finds them, index.py ranks them) and the search's data
(models.py: documents, synonyms, searches that found nothing)."""

from dataclasses import dataclass

from .. import page_tree
from . import text
from .index import FEW_RESULTS, SearchIndex
from .models import SearchSynonym


@dataclass
class SearchResult:
    documents: list
    suggestion: str = ""  # "Meinten Sie …?": the corrected query, where it finds more


def expand_synonyms(words, language):
    """The query with what people type replaced by what the site calls it ("Hartz IV" →
    "Grundsicherungsgeld"): the visitor's language's terms and the German ones."""
    tree = page_tree.current()
    synonyms = tree.memo(("search-synonyms", language), lambda: _synonyms(language))
    phrase = f" {' '.join(words)} "
    for term, means in synonyms:
        if f" {term} " in phrase:
            phrase = phrase.replace(f" {term} ", f" {means} ")
    return phrase.split()


def _synonyms(language):
    found = []
    for synonym in SearchSynonym.applying_in(language):
        term = " ".join(text.normalize(synonym.term, language))
        means = " ".join(text.normalize(synonym.means, language))
        if term and means:
            found.append((term, means))
    # Longer phrases first: "alg ii" before "alg".
    return sorted(found, key=lambda pair: -len(pair[0]))


def search(home, query, language):
    """The live pages below ``home`` that match ``query``, best first, with a suggestion
    when there are few."""
    tree = page_tree.current()
    found_index = SearchIndex(home, language, tree)
    words = expand_synonyms(text.normalize(query, language), language)
    documents = found_index.search(words)
    suggestion = ""
    if len(documents) < FEW_RESULTS:
        corrected = found_index.suggest(words)
        if corrected and len(found_index.search(corrected)) > len(documents):
            suggestion = found_index.written(corrected)
    return SearchResult(documents, suggestion)
