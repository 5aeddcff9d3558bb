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

#: The SQL is fixed; what a visitor typed is always a parameter.
FTS5_MATCH = "SELECT rowid FROM buero_searchdocument_fts WHERE buero_searchdocument_fts MATCH %s"
TSQUERY_MATCH = "array_to_tsvector(string_to_array(buero_searchdocument.terms, ' ')) @@ %s::tsquery"


def matching(documents, clauses):
    """``documents`` (a SearchDocument queryset) that hold any of ``clauses``: (term,
    prefix) pairs, a prefix matching every term that starts with it."""
    if not clauses:
        return documents.none()
    if connection.vendor == "sqlite":
        query = " OR ".join(fts5_string(term) + ("*" if prefix else "") for term, prefix in clauses)
        return documents.filter(id__in=RawSQL(FTS5_MATCH, [query]))  # noqa: S611
    if connection.vendor == "postgresql":
        query = " | ".join(
            tsquery_lexeme(term) + (":*" if prefix else "") for term, prefix in clauses
        )
        return documents.filter(
            RawSQL(TSQUERY_MATCH, [query], output_field=BooleanField())  # noqa: S611
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
