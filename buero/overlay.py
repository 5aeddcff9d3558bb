"""A mapping of a few changes laid over a large one that is never changed again.

A page tree snapshot (buero.page_tree) maps every page of every language by id, path and URL.
Bringing it up to date after a publication changes one or two entries of each map; copying
the maps to do so cost time in proportion to the whole site (4 ms at 33,000 pages, on the
first request after every publication). An Overlay shares the large map with the snapshot
before it and holds only what changed since; once the changes grow to ``COMPACT_AT``
entries, the next snapshot is given one plain dict again.
"""

from collections.abc import Mapping

#: Changed entries at which the next overlay is merged into a plain dict: copying this many
#: per publication costs about as much as the lookups' detour saves.
COMPACT_AT = 1024

_MISSING = object()


class Overlay(Mapping):
    """``changes`` over ``base``; ``base`` is shared and never written."""

    __slots__ = ("base", "changes")

    def __init__(self, base, changes=None):
        self.base = base
        self.changes = {} if changes is None else changes

    def __getitem__(self, key):
        value = self.changes.get(key, _MISSING)
        return self.base[key] if value is _MISSING else value

    def get(self, key, default=None):
        value = self.changes.get(key, _MISSING)
        return self.base.get(key, default) if value is _MISSING else value

    def __setitem__(self, key, value):
        """Only while the snapshot that owns this overlay is made (PageTree.updated)."""
        self.changes[key] = value

    def __contains__(self, key):
        return key in self.changes or key in self.base

    def __iter__(self):
        yield from self.changes
        yield from (key for key in self.base if key not in self.changes)

    def __len__(self):
        return len(self.base) + sum(1 for key in self.changes if key not in self.base)

    def __reduce__(self):
        # Pickled (the shared snapshot) as the plain dict it stands for.
        return (dict, (dict(self.items()),))


def over(mapping):
    """A new overlay on ``mapping`` to write the next snapshot's changes into: over the same
    base with the changes so far copied, or, past ``COMPACT_AT`` changes, over a merged dict."""
    if isinstance(mapping, Overlay):
        if len(mapping.changes) < COMPACT_AT:
            return Overlay(mapping.base, dict(mapping.changes))
        return Overlay({**mapping.base, **mapping.changes})
    return Overlay(mapping)
