"""Small numbers protected: no family recognisable by language, topic and month.

The method (cell suppression, as statistical offices publish tables; docs/redaktion.md,
"Statistik und Jahresbericht"):

1. **Primary suppression.** Every cell below ``THRESHOLD`` (0, 1 or 2) shows as "< 3".
   Zero is hidden as well: a "< 3" must not tell "nobody" from "one family".
2. **Secondary suppression.** Where a total is published, a hidden cell could be worked out
   from the total minus the visible cells. For every line of a table (the rows of a table
   with a total; each row and each column of a table with row and column totals) the
   cells' possible values are computed as a reader who knows the method would: a "< 3" is
   0, 1 or 2; a cell hidden for protection (shown as "x") is at least 3 and, as it was the
   smallest visible cell of its line, at most the smallest cell still shown there. If a
   cell of 1 or 2 could then have only one value, the smallest visible cell of that line is
   hidden too ("x"), and everything is checked again until no such cell is left.

What it guarantees, line by line: a 1 can never be worked out from a total. A 2 can only
when every cell of a line is hidden and each of them is 2 (2 conversations with an
interpreter and 2 without): a total known from elsewhere (the number of conversations) then
tells them, and no single family is singled out by it. What it cannot: two reports of
overlapping periods (March, and March without its last day) tell their difference; only
reports of one period each should leave the office.

Office administrators see exact figures; everyone else, and every export, gets this.
"""

from dataclasses import dataclass, field

THRESHOLD = 3
SMALL = "< 3"
PROTECTED = "x"


@dataclass
class Line:
    """Cells whose sum is published as ``total``: grid coordinates (row, column)."""

    cells: list
    total: tuple


@dataclass
class Result:
    small: set = field(default_factory=set)  # primary: below the threshold
    protected: set = field(default_factory=set)  # secondary: hidden so "< 3" stays unknown

    def hidden(self, cell):
        return cell in self.small or cell in self.protected

    def mark(self, cell):
        if cell in self.small:
            return SMALL
        if cell in self.protected:
            return PROTECTED
        return None


def suppress(values, lines=(), threshold=THRESHOLD):
    """Which cells of ``values`` ({(row, column): count}) to hide, given the ``lines``
    (``Line``) whose totals are published; the totals are cells of ``values`` too."""
    result = Result(small={cell for cell, value in values.items() if value < threshold})
    ceiling = max(values.values(), default=0)
    changed = True
    while changed:
        changed = False
        for line in lines:
            if not _exposed(line, values, result, lines, threshold, ceiling):
                continue
            visible = [cell for cell in line.cells if not result.hidden(cell)]
            if visible:
                result.protected.add(min(visible, key=lambda cell: (values[cell], cell)))
                changed = True
    return result


def _bounds(cell, values, result, lines, threshold, ceiling):
    """What a reader who knows the method can say about ``cell``: (lowest, highest)."""
    if not result.hidden(cell):
        return values[cell], values[cell]
    if cell in result.small:
        return 0, threshold - 1
    # Hidden for protection: the smallest visible cell of some line it belongs to.
    highest = None
    for line in lines:
        if cell in line.cells:
            shown = [values[other] for other in line.cells if not result.hidden(other)]
            highest = max(highest or 0, min(shown) if shown else ceiling)
    return threshold, max(ceiling if highest is None else highest, threshold)


def _exposed(line, values, result, lines, threshold, ceiling):
    """True if a cell of 1 or 2 in ``line`` (or its total) has only one possible value."""
    members = [*line.cells, line.total]
    if not any(result.hidden(cell) for cell in members):
        return False
    bounds = {cell: _bounds(cell, values, result, lines, threshold, ceiling) for cell in members}
    for cell in members:
        if not (0 < values[cell] < threshold) or not result.hidden(cell):
            continue
        others = [bounds[other] for other in line.cells if other != cell]
        if cell == line.total:
            lowest = sum(low for low, _high in others)
            highest = sum(high for _low, high in others)
        else:
            total_low, total_high = bounds[line.total]
            lowest = total_low - sum(high for _low, high in others)
            highest = total_high - sum(low for low, _high in others)
        lowest, highest = max(lowest, 0), min(highest, threshold - 1)
        if highest <= lowest:
            return True
    return False
