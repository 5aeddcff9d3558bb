"""The rules of the help check "Welche Hilfe passt zu mir?", in plain Python.

``assess(situation, on=None)`` returns one Assessment per benefit, in the order of
``BENEFITS``. It reads no database; every figure comes from the dated table in
figures.py, as valid on ``on`` (default: today in Germany). The result is a first
orientation, not a decision: show ``figures_date(on)`` as "Stand der Werte".
"""

import datetime
from zoneinfo import ZoneInfo

from .figures import (
    FIGURES,
    FIGURES_DATE,
    Figure,
    FiguresMissing,
    figures_date,
    figures_on,
    has_figures_for,
    missing_for_year,
    value_on,
    years_covered,
)
from .means import compute
from .names import ALREADY, BENEFITS, CALCULATORS, LEVELS, LIKELY, POSSIBLE, RECEIVABLE, UNLIKELY
from .rules import RANK, RULES, Assessment
from .situation import Child, Situation

__all__ = [
    "ALREADY",
    "BENEFITS",
    "CALCULATORS",
    "FIGURES",
    "FIGURES_DATE",
    "LEVELS",
    "LIKELY",
    "POSSIBLE",
    "RANK",
    "RECEIVABLE",
    "UNLIKELY",
    "Assessment",
    "Child",
    "Figure",
    "FiguresMissing",
    "Situation",
    "assess",
    "checklist",
    "figures_date",
    "has_figures_for",
    "missing_for_year",
    "today",
    "value_on",
    "years_covered",
]

TIME_ZONE = ZoneInfo("Europe/Berlin")


def today():
    return datetime.datetime.now(TIME_ZONE).date()


def assess(situation, on=None):
    """One Assessment per benefit of BENEFITS, with the figures valid on ``on``.

    Raises FiguresMissing where the table has no figures for that date.
    """
    if not isinstance(situation, Situation):
        raise TypeError("assess() needs a Situation")
    figures = figures_on(on or today())
    means = compute(situation, figures)
    done = {}
    for rule in RULES:
        done[rule.__name__] = rule(situation, means, figures, done)
    return [done[code] for code in BENEFITS]


def checklist(assessments):
    """ "Das bringen Sie mit": the documents of the likely and possible benefits, each once."""
    documents = []
    for assessment in assessments:
        if assessment.level in (LIKELY, POSSIBLE):
            documents.extend(d for d in assessment.documents if d not in documents)
    return documents
