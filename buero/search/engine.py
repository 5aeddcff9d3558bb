"""The database's full-text index over SearchDocument.terms: which documents hold a term, or
a term that starts with a prefix. The migration (buero/migrations/0002_search_documents.py)
makes it: an FTS5 table on SQLite, a GIN index over a tsvector on PostgreSQL.

The terms come from buero.search.text (``\\w+`` only); each is quoted all the same, so that
nothing a visitor types is ever read as the engine's query syntax.
"""

from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from .models import SearchDocument

#: The SQL is fixed; what a visitor typed is always a parameter.
FTS5_MATCH = "SELECT rowid FROM buero_searchdocument_fts WHERE buero_searchdocument_fts MATCH %s"
TSQUERY_MATCH = "array_to_tsvector(string_to_array(buero_searchdocument.terms, ' ')) @@ %s::tsquery"

#: What a candidate is made of (buero.search.index.Candidate), then the number of documents
#: below the home page (the rarity of a term is measured against them).
COLUMNS = ("page_id", "path", "title", "card_text", "source_language", "rank", "terms", "weights")
_CANDIDATES = (
    "SELECT page_id, path, title, card_text, source_language, rank, terms, weights,"
    " (SELECT COUNT(*) FROM buero_searchdocument WHERE path LIKE %s ESCAPE '\\' AND path <> %s)"
    " FROM buero_searchdocument WHERE path LIKE %s ESCAPE '\\' AND path <> %s AND "
)
CANDIDATES = {
    "sqlite": _CANDIDATES + "id IN (" + FTS5_MATCH + ")",
    "postgresql": _CANDIDATES + "array_to_tsvector(string_to_array(terms, ' ')) @@ %s::tsquery",
}


def candidates(home_path, clauses):
    """Rows (COLUMNS, then the number of documents below the home page) of the documents
    below the page at ``home_path`` that hold any of ``clauses``, with one query.

    Written out in SQL: the ORM took longer to put this query together than the database
    took to answer it, on every search."""
    if not clauses:
        return []
    if connection.vendor not in CANDIDATES:
        return _candidates_by_orm(home_path, clauses)
    prefix = _escape_like(home_path) + "%"
    with connection.cursor() as cursor:
        cursor.execute(
            CANDIDATES[connection.vendor],
            [prefix, home_path, prefix, home_path, query_string(clauses)],
        )
        return cursor.fetchall()


def _candidates_by_orm(home_path, clauses):
    below = SearchDocument.objects.filter(path__startswith=home_path).exclude(path=home_path)
    total = below.count()
    return [(*row, total) for row in matching(below, clauses).values_list(*COLUMNS)]


def _escape_like(value):
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def query_string(clauses):
    """The engine's query of ``clauses`` ((term, prefix) pairs): any of them."""
    if connection.vendor == "sqlite":
        return " OR ".join(fts5_string(term) + ("*" if prefix else "") for term, prefix in clauses)
    return " | ".join(tsquery_lexeme(term) + (":*" if prefix else "") for term, prefix in clauses)


def matching(documents, clauses):
    """``documents`` (a SearchDocument queryset) that hold any of ``clauses``: (term,
    prefix) pairs, a prefix matching every term that starts with it."""
    if not clauses:
        return documents.none()
    if connection.vendor == "sqlite":
        query = query_string(clauses)
        return documents.filter(id__in=RawSQL(FTS5_MATCH, [query]))  # noqa: S611
    if connection.vendor == "postgresql":
        return documents.filter(
            RawSQL(TSQUERY_MATCH, [query_string(clauses)], output_field=BooleanField())  # noqa: S611
        )
    # Any other database: a scan of the terms, as many candidates or more (the ranking in
    # buero.search.index looks at each candidate's terms itself).
    return documents.filter(reduce(or_, (Q(terms__contains=term) for term, _prefix in clauses)))


def fts5_string(term):
    """``term`` as an FTS5 string: inside double quotes, AND, NEAR, ``*`` or ``:`` are text."""
    return '"' + term.replace('"', '""') + '"'


def tsquery_lexeme(term):
    """``term`` as a quoted lexeme of PostgreSQL's tsquery input, taken as it is."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
