"""The order in which visitors read lists of pages, the same on every database.

PostgreSQL sorts text by the database's collation and SQLite by bytes, so "Ärztlicher
Dienst" came after "Zahnarzt" on one and elsewhere on another. Sorting in Python by one key
gives every listing, feed and API the same order, as a German reader expects it (Ä with A,
DIN 5007), and lets a listing put a changed page in its place without asking the database
to sort the whole listing again (angebote.filters).
"""

import re
import unicodedata

#: Combining marks that sorting passes over: Latin accents and umlauts, Arabic vowel signs.
_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")


def by_title(title, pk):
    """The sort key of a page by its title: letters without their marks and regardless of
    case first, then as written, then the id."""
    folded = title.casefold()
    if not folded.isascii():  # most titles are; the rest is decomposed and stripped
        return (_MARKS.sub("", unicodedata.normalize("NFD", folded)), folded, pk)
    return (folded, folded, pk)
