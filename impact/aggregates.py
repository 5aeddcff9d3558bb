"""The report's tables: the counsellors' tally and the site's daily totals of one period.

``report(period)`` counts; ``present(table, exact=…)`` turns a table into what a reader
sees, exact for the office's administrators and with small numbers hidden for everyone else
and in every export (impact.suppression). Labels are German whatever the admin's language:
the report goes to a German funder.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Count, Q, Sum
from django.utils import translation
from wagtail.models import Page, get_page_models

from angebote.benefits import BENEFITS
from angebote.models import Topic
from angebote.models.choices import SPOKEN_LANGUAGES, help_check_choices

from . import suppression
from .models import Conversation, ConversationKind, DailyTotal, Figure, Visitor
from .periods import MONTHS, Period

TOTAL = "Insgesamt"
NONE = "ohne Angabe"
SEVERAL = "Mehrfachnennungen möglich: die Zeilen ergeben zusammen mehr als die Gespräche."
#: The help check's levels as the report names them (the public wording addresses the visitor).
LEVELS = {
    "likely": "wahrscheinlich",
    "possible": "möglich",
    "unlikely": "eher nicht",
    "already": "bezieht schon",
}
DOWNLOADS = {
    "poster": "Plakate",
    "flyer": "Flyer",
    "sheet": "Infoblätter",
    "calendar": "Kalender (iCal)",
}
FEEDBACK = {"helpful": "Hilfreich", "not_helpful": "Nicht hilfreich"}
#: The site's figures in the overview, in this order (the help check's results have a table).
SITE_FIGURES = [
    Figure.PAGE_VIEW,
    Figure.HELP_CHECK,
    Figure.APPOINTMENT_REQUEST,
    Figure.FEEDBACK,
    Figure.SEARCH,
    Figure.MISSED_SEARCH,
    Figure.DOWNLOAD,
]


@dataclass
class Row:
    label: str
    values: list


@dataclass
class Table:
    """Counts per row (and per column, if there is more than one)."""

    key: str
    title: str
    row_header: str
    columns: list
    rows: list
    #: The rows add up to a total that is shown (and so protected); False for multiple answers
    #: and for figures of different kinds.
    additive: bool = True
    note: str = ""

    @property
    def chart(self):
        """A bar chart beside the table: one column, a few rows."""
        return len(self.columns) == 1 and 1 < len(self.rows) <= 24


@dataclass
class Cell:
    value: int
    text: str
    hidden: bool = False


@dataclass
class ShownRow:
    label: str
    cells: list
    total: Cell | None = None


@dataclass
class ShownTable:
    table: Table
    rows: list
    total: ShownRow | None
    suppressed: bool
    hidden: int = 0

    @property
    def key(self):
        return self.table.key

    @property
    def title(self):
        return self.table.title

    @property
    def columns(self):
        columns = list(self.table.columns)
        if self.table.additive and len(columns) > 1:
            columns.append(TOTAL)
        return columns

    @property
    def chart(self):
        return self.table.chart

    def bars(self):
        """(label, value, text, hidden) per row, for the chart."""
        return [(row.label, row.cells[0].value, row.cells[0].text, row.cells[0].hidden)
                for row in self.rows]  # fmt: skip


@dataclass
class Report:
    period: Period
    conversations: int
    tally: list = field(default_factory=list)
    site: list = field(default_factory=list)

    @property
    def empty(self):
        return not self.tally and not self.site


def german_number(value):
    """1234 as "1.234", as German spreadsheets read it."""
    return f"{value:,}".replace(",", ".")


def present(table, *, exact):
    """The table as a reader sees it: exact, or with small numbers hidden."""
    width, height = len(table.columns), len(table.rows)
    values = {(r, c): row.values[c] for r, row in enumerate(table.rows) for c in range(width)}
    lines = []
    if table.additive:
        # The totals are cells too: row totals in column ``width``, column totals in row
        # ``height``; a table of one column has only the column's total.
        for c in range(width):
            values[(height, c)] = sum(row.values[c] for row in table.rows)
            lines.append(suppression.Line([(r, c) for r in range(height)], (height, c)))
        if width > 1:
            for r, row in enumerate(table.rows):
                values[(r, width)] = sum(row.values)
                lines.append(suppression.Line([(r, c) for c in range(width)], (r, width)))
            values[(height, width)] = sum(values[(height, c)] for c in range(width))
            lines.append(suppression.Line([(height, c) for c in range(width)], (height, width)))
            lines.append(suppression.Line([(r, width) for r in range(height)], (height, width)))
    result = suppression.Result() if exact else suppression.suppress(values, lines)

    def cell(position):
        mark = result.mark(position)
        value = values[position]
        return Cell(value, mark or german_number(value), hidden=mark is not None)

    def shown_row(r, label):
        cells = [cell((r, c)) for c in range(width)]
        total = cell((r, width)) if table.additive and width > 1 else None
        return ShownRow(label, cells, total)

    rows = [shown_row(r, row.label) for r, row in enumerate(table.rows)]
    total = shown_row(height, TOTAL) if table.additive else None
    hidden = len(result.small) + len(result.protected)
    return ShownTable(table, rows, total, suppressed=not exact, hidden=hidden)


# The counting.


def conversations(period):
    return Conversation.objects.filter(day__range=(period.start, period.end))


def _counts(queryset, name):
    return {
        row[name]: row["n"]
        for row in queryset.order_by().values(name).annotate(n=Count("pk", distinct=True))
    }


def _one_column(key, title, row_header, pairs, *, additive=True, note=""):
    rows = [Row(str(label), [value]) for label, value in pairs]
    return Table(key, title, row_header, ["Anzahl"], rows, additive=additive, note=note)


def _language_names():
    with translation.override("de"):
        return {code: str(name) for code, name in SPOKEN_LANGUAGES}


def _weeks(period):
    """Monday of every week the period touches."""
    monday = period.start - datetime.timedelta(days=period.start.weekday())
    while monday <= period.end:
        yield monday
        monday += datetime.timedelta(days=7)


def _over_time(period, rows):
    """Per week for a period of a month or less, else per month: (label, count)."""
    days = Counter(day for day in rows)
    if period.days <= 31:
        pairs = []
        for monday in _weeks(period):
            sunday = monday + datetime.timedelta(days=6)
            label = f"KW {monday.isocalendar()[1]} ({max(monday, period.start):%d.%m.}–{min(sunday, period.end):%d.%m.})"
            count = sum(n for day, n in days.items() if monday <= day <= sunday)
            pairs.append((label, count))
        return "Woche", pairs
    pairs = []
    for first in period.months():
        count = sum(
            n for day, n in days.items() if (day.year, day.month) == (first.year, first.month)
        )
        pairs.append((f"{MONTHS[first.month - 1]} {first.year}", count))
    return "Monat", pairs


def tally_tables(period):
    """The counsellors' tally: when, how, who, in which language, about what, referred where."""
    rows = conversations(period)
    total = rows.count()
    if not total:
        return [], 0
    languages = _language_names()
    unit, over_time = _over_time(period, rows.values_list("day", flat=True))
    tables = [_one_column("zeitverlauf", "Gespräche im Zeitverlauf", unit, over_time)]

    kinds = _counts(rows, "kind")
    tables.append(
        _one_column(
            "art",
            "Art des Gesprächs",
            "Art",
            [(label, kinds.get(code, 0)) for code, label in ConversationKind.choices],
        )
    )
    visitors = _counts(rows, "visitor")
    tables.append(
        _one_column(
            "wer",
            "Wer kam",
            "Gruppe",
            [(label, visitors.get(code, 0)) for code, label in Visitor.choices],
        )
    )
    spoken = _counts(rows, "language")
    order = [code for code, _name in SPOKEN_LANGUAGES]
    tables.append(
        _one_column(
            "sprache",
            "Sprache des Gesprächs",
            "Sprache",
            [
                (languages.get(code, code), spoken[code])
                for code in sorted(
                    spoken, key=lambda code: (order.index(code) if code in order else 99, code)
                )
            ],
        )
    )
    interpreted = _counts(rows, "interpreter")
    tables.append(
        _one_column(
            "dolmetscher",
            "Mit Dolmetscher/in",
            "Dolmetscher/in",
            [("Ja", interpreted.get(True, 0)), ("Nein", interpreted.get(False, 0))],
        )
    )

    topics = _counts(rows, "topics")
    names = dict(Topic.objects.filter(pk__in=[pk for pk in topics if pk]).values_list("pk", "name"))
    pairs = sorted(
        ((names[pk], n) for pk, n in topics.items() if pk in names), key=lambda p: (-p[1], p[0])
    )
    if topics.get(None):
        pairs.append(("ohne Thema", topics[None]))
    tables.append(_one_column("themen", "Themen", "Thema", pairs, additive=False, note=SEVERAL))

    benefits = Counter(code for codes in rows.values_list("benefits", flat=True) for code in codes)
    with translation.override("de"):
        choices = [(code, str(label)) for code, label in help_check_choices()]
    pairs = [(label, benefits[code]) for code, label in choices if benefits[code]]
    if pairs:
        tables.append(
            _one_column(
                "leistungen",
                "Besprochene Leistungen",
                "Leistung",
                pairs,
                additive=False,
                note=SEVERAL,
            )
        )

    partners = {pk: n for pk, n in _counts(rows, "referred_to").items() if pk}
    titles = dict(Page.objects.filter(pk__in=list(partners)).values_list("pk", "title"))
    pairs = sorted(
        ((titles[pk], n) for pk, n in partners.items() if pk in titles), key=lambda p: (-p[1], p[0])
    )
    if pairs:
        tables.append(
            _one_column(
                "vermittlungen",
                "Weitervermittlungen je Netzwerkpartner",
                "Netzwerkpartner",
                pairs,
                additive=False,
                note="Ein Gespräch kann an mehrere Partner vermitteln.",
            )
        )
    return tables, total


def _page_type_names():
    return {model._meta.model_name: str(model._meta.verbose_name) for model in get_page_models()}


def _totals(queryset, name):
    return {
        row[name]: row["n"]
        for row in queryset.order_by().values(name).annotate(n=Sum("count"))
        if row["n"]
    }


def site_tables(period):
    """What the site counted: overview, page views by type and language, the help check."""
    totals = DailyTotal.objects.filter(day__range=(period.start, period.end))
    by_figure = _totals(totals, "figure")
    if not by_figure:
        return []
    languages = _language_names()
    tables = [
        _one_column(
            "website",
            "Die Website in Zahlen",
            "Kennzahl",
            [(figure.label, by_figure.get(figure, 0)) for figure in SITE_FIGURES],
            additive=False,
            note="Gezählt als Tagessummen, ohne Besucherinnen und Besucher zu verfolgen.",
        )
    ]
    views = totals.filter(figure=Figure.PAGE_VIEW)
    types = _page_type_names()
    by_type = _totals(views, "detail")
    tables.append(
        _one_column(
            "seitentypen",
            "Seitenaufrufe je Seitentyp",
            "Seitentyp",
            sorted(
                ((types.get(code, code or NONE), n) for code, n in by_type.items()),
                key=lambda p: (-p[1], p[0]),
            ),
        )
    )
    for key, title, queryset in (
        ("seitensprachen", "Seitenaufrufe je Sprache", views),
        (
            "hilfe-check-sprachen",
            "Hilfe-Checks je Sprache",
            totals.filter(figure=Figure.HELP_CHECK),
        ),
    ):
        by_language = _totals(queryset, "language")
        pairs = [
            (languages.get(code, code) if code else NONE, n) for code, n in by_language.items()
        ]
        tables.append(
            _one_column(key, title, "Sprache", sorted(pairs, key=lambda p: (-p[1], p[0])))
        )

    results = _totals(totals.filter(figure=Figure.HELP_CHECK_RESULT), "detail")
    if results:
        with translation.override("de"):
            benefit_names = {code: str(name) for code, name in BENEFITS.items()}
        grid = {}
        for detail, n in results.items():
            benefit, _sep, level = detail.partition(":")
            grid.setdefault(benefit, Counter())[level] += n
        known = [code for code in benefit_names if code in grid]
        rows = [Row(benefit_names[code], [grid[code][level] for level in LEVELS]) for code in known]
        rows += [
            Row(code, [grid[code][level] for level in LEVELS])
            for code in grid
            if code not in benefit_names
        ]
        tables.append(
            Table(
                "hilfe-check-ergebnisse",
                "Ergebnisse des Hilfe-Checks je Leistung",
                "Leistung",
                list(LEVELS.values()),
                rows,
                note="Wie oft der Hilfe-Check eine Leistung so eingeschätzt hat.",
            )
        )
    for key, title, figure, names in (
        ("downloads", "Downloads", Figure.DOWNLOAD, DOWNLOADS),
        (
            "rueckmeldungen",
            "Rückmeldungen „Hat Ihnen diese Seite geholfen?“",
            Figure.FEEDBACK,
            FEEDBACK,
        ),
    ):
        by_detail = _totals(totals.filter(figure=figure), "detail")
        if by_detail:
            pairs = sorted(
                ((names.get(code, code or NONE), n) for code, n in by_detail.items()),
                key=lambda p: (-p[1], p[0]),
            )
            tables.append(_one_column(key, title, "Art", pairs))
    return [table for table in tables if table.rows]


def report(period):
    tally, total = tally_tables(period)
    return Report(period, total, tally=tally, site=site_tables(period))


def key_figures(*chosen):
    """The dashboard's few figures of each period, {label: count} per period, in two
    queries whatever the number of periods."""
    spans = [Q(day__range=(period.start, period.end)) for period in chosen]
    # One query: the join counts the referrals; the conversations are counted distinct.
    talks = Conversation.objects.filter(reduce(or_, spans)).aggregate(
        **{f"all{i}": Count("pk", distinct=True, filter=span) for i, span in enumerate(spans)},
        **{
            f"interpreted{i}": Count("pk", distinct=True, filter=span & Q(interpreter=True))
            for i, span in enumerate(spans)
        },
        **{f"referred{i}": Count("referred_to", filter=span) for i, span in enumerate(spans)},
    )
    totals = (
        DailyTotal.objects.filter(reduce(or_, spans))
        .order_by()
        .values("figure")
        .annotate(**{f"sum{i}": Sum("count", filter=span) for i, span in enumerate(spans)})
    )
    site = {row["figure"]: row for row in totals}

    def figure(name, i):
        return (site.get(name, {}).get(f"sum{i}")) or 0

    return [
        {
            "Gespräche": talks[f"all{i}"],
            "Weitervermittlungen": talks[f"referred{i}"],
            "Gespräche mit Dolmetscher/in": talks[f"interpreted{i}"],
            "Seitenaufrufe": figure(Figure.PAGE_VIEW, i),
            "Hilfe-Checks abgeschlossen": figure(Figure.HELP_CHECK, i),
            "Terminanfragen": figure(Figure.APPOINTMENT_REQUEST, i),
        }
        for i in range(len(chosen))
    ]
