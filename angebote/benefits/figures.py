"""Every figure of the help check in one dated table: value, valid from, source.

The yearly update is one edit: add a block of rows dated 1 January of the new year (also
for the values that stay the same, so the table shows they were checked) and, where a
law changes a value in the year, a row dated that day. ``value_on`` picks, per key, the
newest row valid on a date; the check uses the figures valid on its own date.

Rows whose source starts with "Eigene" are the check's own estimates, not legal values:
they decide where the check says "possible – let it be checked" instead of "likely" or
"rather not". The official calculators compute exactly.

Money in whole euros a month, percentages as whole numbers.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache


class FiguresMissing(LookupError):
    """No figure for this key is valid on the date asked for."""


@dataclass(frozen=True)
class Figure:
    key: str
    value: int
    valid_from: datetime.date
    source: str


def _block(valid_from, rows):
    return [Figure(key, value, valid_from, source) for key, value, source in rows]


_2025 = datetime.date(2025, 1, 1)
_2026 = datetime.date(2026, 1, 1)

# Shared sources (the rows repeat them per year).
_RB = "§ 20 SGB II, Anlage zu § 28 SGB XII (Regelbedarfsstufen)"
_MEHRBEDARF_AE = "§ 21 Abs. 3 SGB II (Mehrbedarf für Alleinerziehende)"
_FREIBETRAG = "§ 11b Abs. 2 und 3 SGB II (Freibeträge bei Erwerbstätigkeit)"
_UVG = "§ 2 UVG: Mindestunterhalt (§ 1612a BGB) abzüglich des Kindergelds"
_NET = (
    "Eigene Näherung: Arbeitnehmeranteile zur Sozialversicherung (RV 9,3 %, AV 1,3 %, "
    "KV 7,3 % + halber durchschnittlicher Zusatzbeitrag, PV 1,8 %), gerundet; "
    "im Übergangsbereich ansteigend; Lohnsteuer bleibt außer Acht"
)
_NEAR = "Eigene Festlegung: so nah an einer Grenze sagt der Check „möglich – lassen Sie es prüfen“"


def _common_rows():
    """Rows whose values were the same in 2025 and 2026."""
    return [
        ("kiz_max_per_child", 297, "§ 6a Abs. 2 BKGG (Höchstbetrag je Kind)"),
        ("kiz_min_income_couple", 900, "§ 6a Abs. 1 Nr. 2, Abs. 1b BKGG (Paare)"),
        ("kiz_min_income_single_parent", 600, "§ 6a Abs. 1 Nr. 2, Abs. 1b BKGG (Alleinerziehende)"),
        ("kiz_withdrawal_percent", 45, "§ 6a Abs. 6 BKGG (Abschmelzrate Elterneinkommen)"),
        ("but_school_august", 130, "§ 28 Abs. 3 SGB II (persönlicher Schulbedarf, 1. August)"),
        ("but_school_february", 65, "§ 28 Abs. 3 SGB II (persönlicher Schulbedarf, 1. Februar)"),
        ("but_clubs_month", 15, "§ 28 Abs. 7 SGB II (Teilhabe am sozialen und kulturellen Leben)"),
        ("rb1_single", 563, _RB + ": Stufe 1, alleinstehend oder alleinerziehend"),
        ("rb2_partner", 506, _RB + ": Stufe 2, je Partnerin oder Partner"),
        ("rb3_child_18_24", 451, _RB + ": Stufe 3, Kind von 18 bis 24 Jahren im Haushalt"),
        ("rb4_child_14_17", 471, _RB + ": Stufe 4, Kind von 14 bis 17 Jahren"),
        ("rb5_child_6_13", 390, _RB + ": Stufe 5, Kind von 6 bis 13 Jahren"),
        ("rb6_child_0_5", 357, _RB + ": Stufe 6, Kind bis 5 Jahre"),
        ("mb_single_parent_percent", 36, _MEHRBEDARF_AE + " Nr. 1"),
        ("mb_single_parent_per_child_percent", 12, _MEHRBEDARF_AE + " Nr. 2"),
        ("mb_single_parent_max_percent", 60, _MEHRBEDARF_AE + " Nr. 2 (höchstens)"),
        ("mb_pregnancy_percent", 17, "§ 21 Abs. 2 SGB II (ab der 13. Schwangerschaftswoche)"),
        ("allowance_basic", 100, _FREIBETRAG + ": Grundfreibetrag"),
        ("allowance_band1_upper", 520, _FREIBETRAG + ": 20 % von 100 bis 520 €"),
        ("allowance_band1_percent", 20, _FREIBETRAG),
        ("allowance_band2_upper", 1000, _FREIBETRAG + ": 30 % von 520 bis 1.000 €"),
        ("allowance_band2_percent", 30, _FREIBETRAG),
        ("allowance_band3_upper", 1200, _FREIBETRAG + ": 10 % von 1.000 bis 1.200 €"),
        (
            "allowance_band3_upper_with_child",
            1500,
            _FREIBETRAG + ": mit minderjährigem Kind bis 1.500 €",
        ),
        ("allowance_band3_percent", 10, _FREIBETRAG),
        ("midijob_upper", 2000, "§ 20 Abs. 2 SGB IV (Obergrenze des Übergangsbereichs)"),
        ("employee_contribution_percent", 21, _NET),
        ("uvg_0_5", 227, _UVG + ", bis 5 Jahre"),
        ("uvg_6_11", 299, _UVG + ", 6 bis 11 Jahre"),
        ("uvg_12_17", 394, _UVG + ", 12 bis 17 Jahre"),
        ("uvg_min_income_12_17", 600, "§ 1 Abs. 1a UVG (Kinder von 12 bis 17 Jahren)"),
        ("elterngeld_min", 300, "§ 2 Abs. 4 BEEG (Mindestbetrag Basiselterngeld)"),
        ("elterngeld_max", 1800, "§ 2 Abs. 1 BEEG (Höchstbetrag Basiselterngeld)"),
        ("check_near_limit_percent", 10, _NEAR),
        (
            "check_near_limit_disability_percent",
            20,
            _NEAR
            + "; mit Behinderung oder langer Krankheit weiter, weil Mehrbedarfe dazukommen können",
        ),
        (
            "check_wohngeld_band_percent",
            30,
            "Eigene Schätzung: Wohngeld „möglich“ bis zu so viel Prozent über dem Bedarf nach SGB II (Regelbedarfe, Miete und Heizung); der Wohngeld-Rechner rechnet genau",
        ),
        (
            "check_wohngeld_rent_share_percent",
            30,
            "Eigene Schätzung: so viel der Miete kann Wohngeld neben dem Kinderzuschlag etwa tragen, wenn beide zusammen das Grundsicherungsgeld ersetzen sollen",
        ),
    ]


FIGURES = (
    *_block(
        _2025,
        [
            ("kindergeld", 255, "§ 66 Abs. 1 EStG"),
            ("minijob_limit", 556, "§ 8 Abs. 1a SGB IV (Geringfügigkeitsgrenze)"),
            *_common_rows(),
        ],
    ),
    *_block(
        _2026,
        [
            ("kindergeld", 259, "§ 66 Abs. 1 EStG"),
            ("minijob_limit", 603, "§ 8 Abs. 1a SGB IV (Geringfügigkeitsgrenze)"),
            *_common_rows(),
        ],
    ),
)

#: The newest "valid from" in the table: "Stand der Werte" of the current figures.
FIGURES_DATE = max(figure.valid_from for figure in FIGURES)


def _index(figures):
    index = {}
    for figure in sorted(figures, key=lambda figure: figure.valid_from, reverse=True):
        index.setdefault(figure.key, []).append(figure)
    return index


_INDEX = _index(FIGURES)
KEYS = tuple(sorted(_INDEX))


def figure_on(key, on):
    """The row for ``key`` valid on ``on``: the one with the newest ``valid_from`` <= on."""
    try:
        rows = _INDEX[key]
    except KeyError:
        raise FiguresMissing(f"There is no figure {key!r} in the table.") from None
    for figure in rows:  # newest first
        if figure.valid_from <= on:
            return figure
    raise FiguresMissing(
        f"No figure {key!r} is valid on {on.isoformat()}: "
        f"the table starts on {rows[-1].valid_from.isoformat()}."
    )


def value_on(key, on):
    return figure_on(key, on).value


@dataclass(frozen=True)
class Figures:
    """All values valid on one date, read by attribute: ``figures.kindergeld``."""

    on: datetime.date
    values: dict
    date: datetime.date  # the newest "valid from" among them: "Stand der Werte"

    def __getattr__(self, key):
        try:
            return self.values[key]
        except KeyError:
            raise AttributeError(key) from None


@lru_cache(maxsize=64)
def figures_on(on):
    """Every figure valid on ``on`` (cached per date); raises FiguresMissing if one is not."""
    rows = [figure_on(key, on) for key in KEYS]
    return Figures(
        on=on,
        values={figure.key: figure.value for figure in rows},
        date=max(figure.valid_from for figure in rows),
    )


def figures_date(on):
    """ "Stand der Werte" of the figures the check uses on ``on``."""
    return figures_on(on).date


def missing_for_year(year):
    """The keys without a row dated in ``year``: the yearly update is not complete."""
    dated = {figure.key for figure in FIGURES if figure.valid_from.year == year}
    return tuple(key for key in KEYS if key not in dated)


def years_covered():
    """The years for which every figure has a row dated in that year (a full yearly update)."""
    years = sorted({figure.valid_from.year for figure in FIGURES})
    return tuple(year for year in years if not missing_for_year(year))


def has_figures_for(year):
    """Whether the table was updated for ``year``; the dashboard warns where it was not."""
    return not missing_for_year(year)
