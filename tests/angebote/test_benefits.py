"""The help check's rules (angebote.benefits): worked households, properties, the figures.

No database. How to read the arithmetic in the comments (figures of 2026, € a month):

* need = Regelbedarfe (563 single or single parent, 2 x 506 couple; children 357 aged 0–5,
  390 aged 6–13, 471 aged 14–17, 451 aged 18–24) + Mehrbedarfe (single parent: 36 % of
  563 = 202.68 with a child under 7 or two or three under 16, else 12 % = 67.56 per minor
  child, at most 60 % = 337.80; pregnancy: 17 % of 563 = 95.71 or of 506 = 86.02) + rent.
* counted income = net - allowance. Net: gross up to 603 (Minijob); from 603 to 2,000 €
  contributions rise by 0.3006 per euro above 603; above 2,000 € net = 79 % of gross.
  Allowance on the gross: 100 + 20 % of 100–520 + 30 % of 520–1,000 + 10 % of 1,000–1,200
  (1,500 with a minor child): 348 at 1,200 € and more, 378 with a minor child from 1,500 €.
* resources = counted income + 259 Kindergeld per child; gap = need - resources.
* Kinderzuschlag K = 297 per child - 45 % of (counted income - parents' need), where the
  parents' need takes their Regelbedarf, Mehrbedarfe and their per-head part of the rent.
* Grundsicherungsgeld "likely" where gap > K + 30 % of the rent (Wohngeld's assumed part);
  "possible" down to gap > -10 % of the need (20 % with a disability); else "unlikely".
* Wohngeld "possible" where the gap is closed (with K and Wohngeld) and resources stay
  within need x 1.3. Kinderzuschlag "likely" where K > 10 % of its maximum and the gap is
  closed, "possible" down to K > -10 % of the maximum.
"""

import datetime
from dataclasses import replace

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from angebote.benefits import (
    ALREADY,
    BENEFITS,
    FIGURES,
    FIGURES_DATE,
    LEVELS,
    LIKELY,
    POSSIBLE,
    RECEIVABLE,
    UNLIKELY,
    Assessment,
    Child,
    Figure,
    FiguresMissing,
    Situation,
    assess,
    checklist,
    figures_date,
    has_figures_for,
    missing_for_year,
    value_on,
    years_covered,
)
from angebote.benefits.figures import KEYS, figures_on
from angebote.benefits.means import compute

ON = datetime.date(2026, 3, 1)
RANK = {UNLIKELY: 0, POSSIBLE: 1, LIKELY: 2}


def household(adults=1, single_parent=False, children=(), **answers):
    """Children as ages, or (age, in_school) where the child is not at school or Kita."""
    return Situation(
        adults=adults,
        single_parent=single_parent,
        children=tuple(
            Child(*child) if isinstance(child, tuple) else Child(child) for child in children
        ),
        **answers,
    )


def levels(situation, on=ON):
    return {assessment.benefit: assessment.level for assessment in assess(situation, on)}


def by_code(situation, on=ON):
    return {assessment.benefit: assessment for assessment in assess(situation, on)}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


EXAMPLES = [
    # 1. Single, no children, no income, rent 400. need 563 + 400 = 963, resources 0: gap 963,
    # no Kinderzuschlag (no child), Wohngeld's part 120: 963 > 120, Grundsicherungsgeld likely.
    # Wohngeld needs own income that covers the need: not here. No child: no Kindergeld.
    pytest.param(
        household(gross_income=0, rent=400),
        {"grundsicherungsgeld": LIKELY, "wohngeld": UNLIKELY, "kindergeld": UNLIKELY},
        id="single-no-income",
    ),
    # 2. Single, 1,200 gross, rent 450. Net 1,200 - 0.3006 x 597 = 1,020.5, allowance 348:
    # counted 672.5. need 1,013, gap 340.5 > Wohngeld's part 135: Grundsicherungsgeld likely
    # (topping up a low wage), Wohngeld unlikely (Grundsicherungsgeld fits better).
    pytest.param(
        household(gross_income=1200, rent=450),
        {"grundsicherungsgeld": LIKELY, "wohngeld": UNLIKELY},
        id="single-low-wage-tops-up",
    ),
    # 3. Same at 1,500 gross: net 1,230.3, counted 882.3, gap 130.7; with Wohngeld (135) the
    # need would be covered: both Grundsicherungsgeld and Wohngeld "possible".
    pytest.param(
        household(gross_income=1500, rent=450),
        {"grundsicherungsgeld": POSSIBLE, "wohngeld": POSSIBLE},
        id="single-1500-either",
    ),
    # 4. Same at 1,500 gross, pregnant: need + 95.71 = 1,108.7, gap 226.4 > 135: the pregnancy
    # Mehrbedarf makes Grundsicherungsgeld likely; Mutter und Kind likely (low income);
    # Elterngeld possible (after the birth); Kindergeld not yet.
    pytest.param(
        household(gross_income=1500, rent=450, pregnant=True),
        {
            "grundsicherungsgeld": LIKELY,
            "mutter_kind": LIKELY,
            "elterngeld": POSSIBLE,
            "kindergeld": UNLIKELY,
        },
        id="single-1500-pregnant",
    ),
    # 5. Single, 1,800 gross, rent 450: net 1,440.1, counted 1,092.1, gap -79.1 — above the
    # need by less than 10 % (101.3): Grundsicherungsgeld possible; Wohngeld possible
    # (1,092 ≤ 1,013 x 1.3 = 1,316.9).
    pytest.param(
        household(gross_income=1800, rent=450),
        {"grundsicherungsgeld": POSSIBLE, "wohngeld": POSSIBLE},
        id="single-1800-near-need",
    ),
    # 6. Single, 1,850 gross: counted 1,127.1, gap -114.1, more than 10 % (101.3) above the
    # need: Grundsicherungsgeld unlikely; Wohngeld still possible.
    pytest.param(
        household(gross_income=1850, rent=450),
        {"grundsicherungsgeld": UNLIKELY, "wohngeld": POSSIBLE},
        id="single-1850-above-need",
    ),
    # 7. As 6 with a disability: the margin widens to 20 % (202.6) > 114.1, since Mehrbedarfe
    # may add to the need: Grundsicherungsgeld possible.
    pytest.param(
        household(gross_income=1850, rent=450, disability=True),
        {"grundsicherungsgeld": POSSIBLE, "wohngeld": POSSIBLE},
        id="single-1850-disability",
    ),
    # 8. Single, 2,300 gross: net 1,817, counted 1,469 > 1,316.9 (need x 1.3): Wohngeld
    # unlikely, Grundsicherungsgeld unlikely.
    pytest.param(
        household(gross_income=2300, rent=450),
        {"grundsicherungsgeld": UNLIKELY, "wohngeld": UNLIKELY},
        id="single-2300-above-band",
    ),
    # 9. Single, 1,600 gross, lives rent-free (rent 0): need 563, counted 952.3: no
    # Grundsicherungsgeld, and Wohngeld helps only with a rent.
    pytest.param(
        household(gross_income=1600, rent=0),
        {"grundsicherungsgeld": UNLIKELY, "wohngeld": UNLIKELY},
        id="single-rent-free",
    ),
    # 10. Single parent, child 3, gross 599, rent 400: below the 600 € minimum, so
    # Kinderzuschlag is unlikely (the reason names the minimum). need 563 + 202.68 (child
    # under 7) + 357 + 400 = 1,522.7, counted 391.3, resources 650.3: Grundsicherungsgeld
    # likely, and with it Bildung und Teilhabe. Maintenance not paid, child under 12:
    # Unterhaltsvorschuss likely.
    pytest.param(
        household(1, True, [3], gross_income=599, rent=400, maintenance_paid=False),
        {
            "kinderzuschlag": UNLIKELY,
            "grundsicherungsgeld": LIKELY,
            "bildung_teilhabe": LIKELY,
            "unterhaltsvorschuss": LIKELY,
        },
        id="single-parent-599",
    ),
    # 11. The same at 600: the minimum is met, but gap 871.7 > K 297 + Wohngeld 120: still
    # unlikely, now because Grundsicherungsgeld fits better (see test below for the reasons).
    pytest.param(
        household(1, True, [3], gross_income=600, rent=400, maintenance_paid=False),
        {"kinderzuschlag": UNLIKELY, "grundsicherungsgeld": LIKELY},
        id="single-parent-600-one-child",
    ),
    # 12. Single parent with five children aged 1 to 5, gross 599, rent 500: below 600 € no
    # Kinderzuschlag; need 563 + 337.80 (60 %) + 5 x 357 + 500 = 3,185.8, resources 391.3 +
    # 1,295 = 1,686.3: Grundsicherungsgeld likely.
    pytest.param(
        household(1, True, [1, 2, 3, 4, 5], gross_income=599, rent=500),
        {"kinderzuschlag": UNLIKELY, "grundsicherungsgeld": LIKELY, "wohngeld": UNLIKELY},
        id="single-parent-five-children-599",
    ),
    # 13. The same at 600: K = 5 x 297 = 1,485 (parents' income 392 below their need), gap
    # 1,498.8 > K, but K + Wohngeld 150 covers it: Kinderzuschlag, Wohngeld and
    # Grundsicherungsgeld all "possible" (Kinderzuschlag with Wohngeld may replace it).
    pytest.param(
        household(1, True, [1, 2, 3, 4, 5], gross_income=600, rent=500),
        {"kinderzuschlag": POSSIBLE, "grundsicherungsgeld": POSSIBLE, "wohngeld": POSSIBLE},
        id="single-parent-five-children-600",
    ),
    # 14. Couple, children 4 and 8, gross 899, rent 600: below the couples' 900 € minimum.
    # need 1,012 + 357 + 390 + 600 = 2,359, counted 512.3 (net 810, allowance 297.7):
    # Grundsicherungsgeld likely, Bildung und Teilhabe likely.
    pytest.param(
        household(2, False, [4, 8], gross_income=899, rent=600),
        {"kinderzuschlag": UNLIKELY, "grundsicherungsgeld": LIKELY, "bildung_teilhabe": LIKELY},
        id="couple-899",
    ),
    # 15. Couple, children 4 and 8, gross 2,600, rent 700: net 2,054, counted 1,676,
    # resources 2,194, need 2,459: gap 265. Parents' need 1,012 + 350 = 1,362, K = 594 - 45 %
    # of 314 = 452.7 ≥ gap: Kinderzuschlag likely, Grundsicherungsgeld only possible.
    pytest.param(
        household(2, False, [4, 8], gross_income=2600, rent=700),
        {
            "kinderzuschlag": LIKELY,
            "grundsicherungsgeld": POSSIBLE,
            "bildung_teilhabe": LIKELY,
            "wohngeld": POSSIBLE,
        },
        id="couple-2600-kinderzuschlag",
    ),
    # 16. Same at 3,600: counted 2,466, gap -525; K = 594 - 45 % of 1,104 = 97.2 > 59.4
    # (10 % of the maximum): Kinderzuschlag likely, Grundsicherungsgeld unlikely (-525 is more
    # than 10 % of 2,459 below), Wohngeld possible (2,984 ≤ 3,196.7).
    pytest.param(
        household(2, False, [4, 8], gross_income=3600, rent=700),
        {"kinderzuschlag": LIKELY, "grundsicherungsgeld": UNLIKELY, "wohngeld": POSSIBLE},
        id="couple-3600-end-of-kinderzuschlag",
    ),
    # 17. Same at 3,800: K = 594 - 45 % of 1,262 = 26.1, near the end: possible; Bildung und
    # Teilhabe follows (possible).
    pytest.param(
        household(2, False, [4, 8], gross_income=3800, rent=700),
        {"kinderzuschlag": POSSIBLE, "bildung_teilhabe": POSSIBLE},
        id="couple-3800-near-the-end",
    ),
    # 18. Same at 4,100: K = 594 - 45 % of 1,499 = -80.6 < -59.4: Kinderzuschlag unlikely;
    # resources 3,379 > 3,196.7: Wohngeld unlikely; so Bildung und Teilhabe unlikely too.
    pytest.param(
        household(2, False, [4, 8], gross_income=4100, rent=700),
        {
            "kinderzuschlag": UNLIKELY,
            "wohngeld": UNLIKELY,
            "bildung_teilhabe": UNLIKELY,
            "kindergeld": LIKELY,
        },
        id="couple-4100-above",
    ),
    # 19. Couple, children 2, 7 and 19 (at school), gross 5,000, rent 900: Kindergeld for
    # three (777 € in all). counted 3,572 exceeds the parents' need 1,372 by 2,200: K = 891 -
    # 990 = -99 < -89.1: Kinderzuschlag unlikely; Grundsicherungsgeld, Wohngeld, Bildung und
    # Teilhabe unlikely.
    pytest.param(
        household(2, False, [2, 7, 19], gross_income=5000, rent=900),
        {
            "kindergeld": LIKELY,
            "kinderzuschlag": UNLIKELY,
            "grundsicherungsgeld": UNLIKELY,
            "bildung_teilhabe": UNLIKELY,
        },
        id="couple-5000-three-children",
    ),
    # 20. A child of 25 at school is no longer a Kindergeld child (under 25 only) and is left
    # out of the household's need: no Kindergeld, Kinderzuschlag or Bildung und Teilhabe.
    pytest.param(
        household(2, False, [25], gross_income=3000, rent=700),
        {"kindergeld": UNLIKELY, "kinderzuschlag": UNLIKELY, "bildung_teilhabe": UNLIKELY},
        id="child-25",
    ),
    # 21. Couple, children 16 and 20 (not at school or training), gross 3,000, rent 700:
    # Kindergeld only for the 16-year-old. The 20-year-old counts in the need (451) without
    # Kindergeld: need 2,634, resources 2,251, gap 383 > K 13.5 + 210: Grundsicherungsgeld
    # likely, Kinderzuschlag unlikely.
    pytest.param(
        household(2, False, [16, (20, False)], gross_income=3000, rent=700),
        {"kindergeld": LIKELY, "grundsicherungsgeld": LIKELY, "kinderzuschlag": UNLIKELY},
        id="adult-child-not-at-school",
    ),
    # 22. Owners (rent None), couple with a child of 4, gross 2,200: need 1,369 without rent,
    # counted 1,360 + 259 = 1,619, gap -250 (beyond 10 %): no Grundsicherungsgeld. K = 297 -
    # 45 % of 348 = 140.4: Kinderzuschlag likely; Wohngeld possible as Lastenzuschuss (1,619 ≤
    # 1,779.7).
    pytest.param(
        household(2, False, [4], gross_income=2200, rent=None),
        {"kinderzuschlag": LIKELY, "wohngeld": POSSIBLE, "grundsicherungsgeld": UNLIKELY},
        id="owners-lastenzuschuss",
    ),
    # 23. Income not known: every means-tested benefit is at most "possible"; Kindergeld
    # (not means-tested) stays likely.
    pytest.param(
        household(2, False, [6], gross_income=None, rent=600),
        {
            "kindergeld": LIKELY,
            "kinderzuschlag": POSSIBLE,
            "grundsicherungsgeld": POSSIBLE,
            "wohngeld": POSSIBLE,
            "bildung_teilhabe": POSSIBLE,
        },
        id="income-unknown",
    ),
    # 24. Single parent, child 14, gross 599, GS likely (gap 901.3): for a child of 12–17
    # Unterhaltsvorschuss needs 600 € gross or no Grundsicherungsgeld: unlikely.
    pytest.param(
        household(1, True, [14], gross_income=599, rent=450, maintenance_paid=False),
        {"unterhaltsvorschuss": UNLIKELY, "grundsicherungsgeld": LIKELY},
        id="uvg-12-17-below-600",
    ),
    # 25. The same at 600 gross: the condition is met, Unterhaltsvorschuss likely (394 €).
    pytest.param(
        household(1, True, [14], gross_income=600, rent=450, maintenance_paid=False),
        {"unterhaltsvorschuss": LIKELY},
        id="uvg-12-17-at-600",
    ),
    # 26. Single parent, children 5 and 9, the other parent pays maintenance: unlikely (the
    # amounts stay, to compare). counted 922.3, resources 1,440.3, need 2,012.7, gap 572.4 ≤
    # K 594: Kinderzuschlag likely.
    pytest.param(
        household(1, True, [5, 9], gross_income=1600, rent=500, maintenance_paid=True),
        {"unterhaltsvorschuss": UNLIKELY, "kinderzuschlag": LIKELY},
        id="uvg-maintenance-paid",
    ),
    # 27. Single parent, child 10, maintenance not known: Unterhaltsvorschuss possible.
    pytest.param(
        household(1, True, [10], gross_income=1400, rent=450),
        {"unterhaltsvorschuss": POSSIBLE},
        id="uvg-maintenance-unknown",
    ),
    # 28. Single parent, children 17 and 18: only the 17-year-old can get
    # Unterhaltsvorschuss (under 18), with 1,400 gross (≥ 600) it is likely.
    pytest.param(
        household(1, True, [17, 18], gross_income=1400, rent=500, maintenance_paid=False),
        {"unterhaltsvorschuss": LIKELY, "kindergeld": LIKELY},
        id="uvg-17-and-18",
    ),
    # 29. Couple: Unterhaltsvorschuss is for single parents.
    pytest.param(
        household(2, False, [3], gross_income=2000, rent=600, maintenance_paid=False),
        {"unterhaltsvorschuss": UNLIKELY},
        id="uvg-couple",
    ),
    # 30. Couple with a baby (age 0, at home), gross 3,000, rent 700: Elterngeld likely
    # (under 14 months for sure). need 2,069, resources 2,251, gap -182 (within 10 % =
    # 206.9): Grundsicherungsgeld possible; K = 297 - 45 % of 513.3 = 66 > 29.7: likely.
    pytest.param(
        household(2, False, [(0, False)], gross_income=3000, rent=700),
        {"elterngeld": LIKELY, "kinderzuschlag": LIKELY, "grundsicherungsgeld": POSSIBLE},
        id="baby-elterngeld",
    ),
    # 31. Youngest child 1 year old: perhaps under 14 months, Elterngeld possible; at 2 no.
    pytest.param(
        household(2, False, [1, 4], gross_income=3000, rent=700),
        {"elterngeld": POSSIBLE},
        id="elterngeld-age-1",
    ),
    pytest.param(
        household(2, False, [2], gross_income=3000, rent=700),
        {"elterngeld": UNLIKELY, "mutter_kind": UNLIKELY},
        id="elterngeld-age-2",
    ),
    # 32. Pregnant couple with 5,000 gross: counted 3,602 far above the need 1,898 (and above
    # need x 1.3 for Wohngeld): Mutter und Kind unlikely; Elterngeld possible (after the
    # birth).
    pytest.param(
        household(2, False, [], gross_income=5000, rent=800, pregnant=True),
        {"mutter_kind": UNLIKELY, "elterngeld": POSSIBLE, "wohngeld": UNLIKELY},
        id="pregnant-high-income",
    ),
    # 33. Pregnant and already on Wohngeld: low income shown by the benefit, Mutter und Kind
    # likely; Wohngeld "already".
    pytest.param(
        household(gross_income=1400, rent=450, pregnant=True, receives={"wohngeld"}),
        {"mutter_kind": LIKELY, "wohngeld": ALREADY},
        id="pregnant-on-wohngeld",
    ),
    # 34. Asylbewerberleistungen, couple with children 3 and 8: no Grundsicherungsgeld and no
    # Wohngeld (AsylbLG covers them); Kindergeld only possible (residence permit); Bildung und
    # Teilhabe likely (§ 3 AsylbLG).
    pytest.param(
        household(2, False, [3, 8], gross_income=0, rent=500, receives={"asylbewerberleistungen"}),
        {
            "grundsicherungsgeld": UNLIKELY,
            "wohngeld": UNLIKELY,
            "kindergeld": POSSIBLE,
            "bildung_teilhabe": LIKELY,
        },
        id="asylbewerberleistungen",
    ),
    # 35. Sozialhilfe, single parent with a child of 10: Grundsicherungsgeld and Wohngeld
    # unlikely (Sozialhilfe covers the need), Bildung und Teilhabe likely.
    pytest.param(
        household(1, True, [10], gross_income=0, rent=400, receives={"sozialhilfe"}),
        {"grundsicherungsgeld": UNLIKELY, "wohngeld": UNLIKELY, "bildung_teilhabe": LIKELY},
        id="sozialhilfe",
    ),
    # 36. Already on Grundsicherungsgeld with 2,600 gross (as 15): Kinderzuschlag may take its
    # place (possible), Wohngeld not alongside it, Bildung und Teilhabe likely.
    pytest.param(
        household(2, False, [3, 8], gross_income=2600, rent=700, receives={"grundsicherungsgeld"}),
        {
            "grundsicherungsgeld": ALREADY,
            "kinderzuschlag": POSSIBLE,
            "wohngeld": UNLIKELY,
            "bildung_teilhabe": LIKELY,
        },
        id="on-grundsicherungsgeld",
    ),
    # 37. Already on Kinderzuschlag: Bildung und Teilhabe likely (§ 6b BKGG).
    pytest.param(
        household(2, False, [7], gross_income=2500, rent=600, receives={"kinderzuschlag"}),
        {"kinderzuschlag": ALREADY, "bildung_teilhabe": LIKELY},
        id="on-kinderzuschlag",
    ),
    # 38. Only child 19 and not at school, household on Grundsicherungsgeld: no Kindergeld
    # (18+ needs school or training) and no Bildung und Teilhabe (18+ only at school).
    pytest.param(
        household(
            1, False, [(19, False)], gross_income=0, rent=400, receives={"grundsicherungsgeld"}
        ),
        {"kindergeld": UNLIKELY, "bildung_teilhabe": UNLIKELY},
        id="adult-child-no-school",
    ),
    # 39. Kindergeld already received: "already", with the amount per child to compare.
    pytest.param(
        household(2, False, [4, 9], gross_income=4000, rent=700, receives={"kindergeld"}),
        {"kindergeld": ALREADY},
        id="kindergeld-already",
    ),
]


@pytest.mark.parametrize(("situation", "expected"), EXAMPLES)
def test_worked_household(situation, expected):
    found = levels(situation)
    assert {code: found[code] for code in expected} == expected


def test_there_are_at_least_thirty_worked_examples():
    assert len(EXAMPLES) >= 30


def test_every_result_lists_each_benefit_once_in_order():
    result = assess(household(1, True, [3], gross_income=1000, rent=400), ON)
    assert [assessment.benefit for assessment in result] == list(BENEFITS)
    assert all(isinstance(assessment, Assessment) for assessment in result)


def test_the_kinderzuschlag_minimum_is_named_below_it_and_not_at_it():
    below = by_code(household(1, True, [3], gross_income=599, rent=400))["kinderzuschlag"]
    at = by_code(household(1, True, [3], gross_income=600, rent=400))["kinderzuschlag"]
    assert "at least 600 €" in str(below.reasons[0])
    assert "Grundsicherungsgeld fits better" in str(at.reasons[0])
    couple = by_code(household(2, False, [4, 8], gross_income=899, rent=600))["kinderzuschlag"]
    assert "at least 900 €" in str(couple.reasons[0])


def test_amounts_come_from_the_figures():
    result = by_code(household(2, False, [2, 7, 19], gross_income=3000, rent=700))
    assert str(result["kindergeld"].amount) == "259 € per child a month"
    assert "777 €" in str(result["kindergeld"].reasons[1])  # 3 x 259
    assert str(result["kinderzuschlag"].amount) == "up to 297 € per child a month"
    assert str(result["bildung_teilhabe"].amount) == (
        "130 € in August and 65 € in February for school things; "
        "15 € a month for clubs, music or sport"
    )
    assert str(result["elterngeld"].amount) == ""  # unlikely: no amount shown
    baby = by_code(household(2, False, [0], gross_income=1500, rent=700))
    assert str(baby["elterngeld"].amount) == "300 to 1,800 € a month"


@pytest.mark.parametrize(
    ("children", "regelbedarf"),
    [
        # One child of 6 (under 7): 563 + 36 % of 563 (202.68) + 390 = 1,155.68.
        ([6], "1,156"),
        # One child of 10: 36 % does not apply (not under 7, only one under 16); 12 % =
        # 67.56: 563 + 67.56 + 390 = 1,020.56.
        ([10], "1,021"),
        # Two children of 10 and 12 (two under 16): 36 % (202.68) beats 2 x 12 %:
        # 563 + 202.68 + 390 + 390 = 1,545.68.
        ([10, 12], "1,546"),
        # Four children of 8 to 15: four under 16 is not "two or three", so 4 x 12 % = 48 %
        # (270.24): 563 + 270.24 + 3 x 390 + 471 = 2,474.24.
        ([8, 9, 10, 15], "2,474"),
        # Six children: 6 x 12 % = 72 %, capped at 60 % (337.80): 563 + 337.8 + 6 x 390.
        ([6, 7, 8, 9, 10, 11], "3,241"),
        # A child of 18: no Mehrbedarf (only for minors): 563 + 451 = 1,014.
        ([18], "1,014"),
    ],
)
def test_single_parent_mehrbedarf(children, regelbedarf):
    result = by_code(household(1, True, children, gross_income=0, rent=400))
    assert str(result["grundsicherungsgeld"].amount) == (
        f"Regelbedarf and extra needs: {regelbedarf} € a month, plus rent and heating"
    )


def test_unterhaltsvorschuss_amounts_by_age():
    result = by_code(household(1, True, [3, 9, 14], gross_income=1400, maintenance_paid=False))
    assert str(result["unterhaltsvorschuss"].amount) == (
        "227 € a month for a child aged 0 to 5; 299 € a month for a child aged 6 to 11; "
        "394 € a month for a child aged 12 to 17"
    )


def test_paid_maintenance_keeps_the_amounts_to_compare():
    result = by_code(household(1, True, [5], gross_income=1600, rent=500, maintenance_paid=True))
    assert result["unterhaltsvorschuss"].level == UNLIKELY
    assert str(result["unterhaltsvorschuss"].amount) == "227 € a month for a child aged 0 to 5"


def test_wohngeld_points_to_the_official_calculator():
    result = by_code(household(gross_income=1800, rent=450))["wohngeld"]
    assert result.calculator == "wohngeld_rechner"
    assert "Wohngeld-Rechner" in str(result.reasons[1])
    owners = by_code(household(2, False, [4], gross_income=2200))["wohngeld"]
    assert "Lastenzuschuss" in str(owners.reasons[0])


def test_unknown_income_is_named_as_the_reason():
    result = by_code(household(2, False, [6], gross_income=None, rent=600))
    for code in ("kinderzuschlag", "grundsicherungsgeld", "wohngeld", "bildung_teilhabe"):
        assert "do not know your income" in str(result[code].reasons[0]), code


def test_elterngeld_says_apply_soon():
    result = by_code(household(2, False, [0], gross_income=2000, rent=600))["elterngeld"]
    assert "at most 3 months" in str(result.reasons[0])


def test_mutter_und_kind_names_the_counselling_office():
    result = by_code(household(gross_income=900, rent=400, pregnant=True))["mutter_kind"]
    assert result.level == LIKELY
    assert "pregnancy counselling office" in str(result.reasons[1])


def test_reasons_are_translated_when_shown():
    result = by_code(household(2, False, [4, 8], gross_income=899, rent=600))
    reason = result["kinderzuschlag"].reasons[0]
    with translation.override("de"):
        german = str(reason)
    # Without a German catalogue entry yet the English text shows, formatted the German way.
    assert "900 €" in german
    assert str(result["grundsicherungsgeld"].amount).startswith(
        "Regelbedarf and extra needs: 1,759"
    )
    with translation.override("de"):
        assert "1.759" in str(result["grundsicherungsgeld"].amount)


def test_checklist_combines_documents_once():
    result = assess(
        household(1, True, [3], gross_income=1000, rent=400, maintenance_paid=False), ON
    )
    documents = checklist(result)
    texts = [str(document) for document in documents]
    assert len(texts) == len(set(texts))
    assert "Identity card or passport" in texts
    assert "Birth certificates of the children" in texts
    # Nothing from benefits that are unlikely (Elterngeld: pay slips before the birth).
    assert "Pay slips of the 12 months before the birth" not in texts


def test_benefit_and_level_names():
    assert str(BENEFITS["grundsicherungsgeld"]) == "Grundsicherungsgeld (formerly Bürgergeld)"
    assert list(LEVELS) == [LIKELY, POSSIBLE, UNLIKELY, ALREADY]
    assert set(RECEIVABLE) == {*BENEFITS, "sozialhilfe", "asylbewerberleistungen"}
    result = assess(household(gross_income=0, rent=400), ON)
    assert all(assessment.legal_basis for assessment in result)


# --- The situation's checks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "answers",
    [
        {"adults": 0},
        {"adults": 3},
        {"adults": True},
        {"gross_income": -1},
        {"gross_income": 1.5},
        {"rent": -100},
        {"rent": 2_000_000},
        {"receives": frozenset({"lottogewinn"})},
        {"single_parent": "yes"},
        {"maintenance_paid": "no"},
        {"children": (3,)},
        {"children": tuple(Child(5) for _ in range(21))},
    ],
)
def test_impossible_situations_are_refused(answers):
    defaults = {"adults": 1, "single_parent": False, "children": ()}
    with pytest.raises(ValueError):  # noqa: PT011 (the messages differ per field)
        Situation(**{**defaults, **answers})


@pytest.mark.parametrize("age", [-1, 100, True, 2.5])
def test_impossible_ages_are_refused(age):
    with pytest.raises(ValueError, match="age"):
        Child(age)


def test_lists_and_sets_are_normalised():
    situation = Situation(adults=1, single_parent=True, children=[Child(3)], receives={"wohngeld"})
    assert situation.children == (Child(3),)
    assert situation.receives == frozenset({"wohngeld"})
    hash(situation)  # frozen and hashable


# --- Properties ---------------------------------------------------------------------------

children_strategy = st.lists(
    st.builds(Child, age=st.integers(0, 30), in_school=st.booleans()), max_size=6
).map(tuple)
# Rents up to 3,000 € (far above any in Tangerhütte); see the docstring of
# test_a_child_at_school_never_lowers_bildung_und_teilhabe for why there is a bound.
situations = st.builds(
    Situation,
    adults=st.sampled_from([1, 2]),
    single_parent=st.booleans(),
    children=children_strategy,
    pregnant=st.booleans(),
    disability=st.booleans(),
    gross_income=st.integers(0, 8000),
    rent=st.none() | st.integers(0, 3000),
    receives=st.frozensets(st.sampled_from(sorted(RECEIVABLE)), max_size=3),
    maintenance_paid=st.none() | st.booleans(),
)
dates = st.dates(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

#: Benefits whose level can only fall as the income rises, at any income.
CEILING_ONLY = ("grundsicherungsgeld", "bildung_teilhabe", "mutter_kind")
#: Kinderzuschlag and Wohngeld also have a floor by law (a minimum income; below the
#: household's need Grundsicherungsgeld comes first), so they rise at first. Once the income
#: and Kindergeld cover the need (gap <= 0), more income never raises them either.
WITH_FLOOR = ("kinderzuschlag", "wohngeld")


@PROPERTY_SETTINGS
@given(situation=situations, more=st.integers(1, 3000), on=dates)
def test_more_income_never_raises_a_means_tested_level(situation, more, on):
    richer = replace(situation, gross_income=situation.gross_income + more)
    before, after = levels(situation, on), levels(richer, on)
    for code in CEILING_ONLY:
        if before[code] != ALREADY:
            assert RANK[after[code]] <= RANK[before[code]], code
    if compute(situation, figures_on(on)).gap <= 0:
        for code in WITH_FLOOR:
            if before[code] != ALREADY:
                assert RANK[after[code]] <= RANK[before[code]], code


@PROPERTY_SETTINGS
@given(situation=situations, code=st.sampled_from(list(BENEFITS)), on=dates)
def test_receiving_a_benefit_makes_it_already(situation, code, on):
    receiving = replace(situation, receives=situation.receives | {code})
    assert levels(receiving, on)[code] == ALREADY


@PROPERTY_SETTINGS
@given(situation=situations, age=st.integers(0, 24), on=dates)
def test_a_child_at_school_never_lowers_bildung_und_teilhabe(situation, age, on):
    """A child adds more to the need (Regelbedarf at least 357 €) than to the resources
    (Kindergeld 259 €) and adds its own Kinderzuschlag, so the household can only come closer
    to the benefits that open Bildung und Teilhabe. (With a rent of some 4,000 € and more the
    parents' smaller per-head part of it could outweigh one child's Kinderzuschlag; hence the
    bound on rents above.)"""
    if len(situation.children) >= 20:
        return
    bigger = replace(situation, children=(*situation.children, Child(age)))
    before = levels(situation, on)["bildung_teilhabe"]
    after = levels(bigger, on)["bildung_teilhabe"]
    if before == ALREADY:
        assert after == ALREADY
    else:
        assert RANK[after] >= RANK[before]


@PROPERTY_SETTINGS
@given(situation=situations, on=dates)
def test_every_assessment_is_well_formed(situation, on):
    result = assess(situation, on)
    assert [assessment.benefit for assessment in result] == list(BENEFITS)
    for assessment in result:
        assert assessment.level in LEVELS
        assert 1 <= len(assessment.reasons) <= 2
        assert all(str(reason) for reason in assessment.reasons)
        if assessment.level == UNLIKELY:
            assert not assessment.documents
        str(assessment.amount)  # formats without error


@PROPERTY_SETTINGS
@given(situation=situations.filter(lambda situation: situation.gross_income is not None), on=dates)
def test_unknown_income_never_says_likely_for_a_means_tested_benefit(situation, on):
    unknown = replace(situation, gross_income=None, receives=frozenset())
    result = levels(unknown, on)
    for code in ("kinderzuschlag", "grundsicherungsgeld", "wohngeld", "bildung_teilhabe"):
        assert result[code] in (POSSIBLE, UNLIKELY), code


# --- The figures table --------------------------------------------------------------------


def test_value_on_picks_the_figure_valid_on_the_date():
    assert value_on("kindergeld", datetime.date(2025, 12, 31)) == 255
    assert value_on("kindergeld", datetime.date(2026, 1, 1)) == 259
    assert value_on("kindergeld", datetime.date(2030, 6, 1)) == 259  # newest stays valid
    assert value_on("minijob_limit", datetime.date(2025, 6, 1)) == 556


def test_the_check_uses_the_figures_of_its_date():
    family = household(2, False, [4], gross_income=3000, rent=700)
    assert str(by_code(family, datetime.date(2025, 6, 1))["kindergeld"].amount).startswith("255 €")
    assert str(by_code(family, datetime.date(2026, 6, 1))["kindergeld"].amount).startswith("259 €")


def test_a_date_before_the_table_is_a_clear_error():
    with pytest.raises(FiguresMissing, match=r"'kindergeld'.*2024-12-31.*starts on 2025-01-01"):
        value_on("kindergeld", datetime.date(2024, 12, 31))
    with pytest.raises(FiguresMissing):
        assess(household(gross_income=0, rent=400), datetime.date(2020, 1, 1))
    with pytest.raises(FiguresMissing, match="no figure 'nonsense'"):
        value_on("nonsense", ON)


def test_stand_der_werte():
    assert datetime.date(2026, 1, 1) == FIGURES_DATE
    assert figures_date(datetime.date(2026, 3, 1)) == datetime.date(2026, 1, 1)
    assert figures_date(datetime.date(2025, 7, 1)) == datetime.date(2025, 1, 1)


def test_years_covered_for_the_dashboard_warning():
    assert years_covered() == (2025, 2026)
    assert has_figures_for(2026)
    assert not has_figures_for(2027)
    assert set(missing_for_year(2027)) == set(KEYS)
    assert missing_for_year(2026) == ()


def test_every_figure_has_a_source_and_each_key_one_row_per_date():
    assert all(isinstance(figure, Figure) and figure.source for figure in FIGURES)
    rows = [(figure.key, figure.valid_from) for figure in FIGURES]
    assert len(rows) == len(set(rows))


def test_the_issue_figures_for_2026():
    on = datetime.date(2026, 7, 1)
    expected = {
        "kindergeld": 259,
        "kiz_max_per_child": 297,
        "kiz_min_income_couple": 900,
        "kiz_min_income_single_parent": 600,
        "kiz_withdrawal_percent": 45,
        "but_school_august": 130,
        "but_school_february": 65,
        "but_clubs_month": 15,
        "rb1_single": 563,
        "rb2_partner": 506,
        "rb3_child_18_24": 451,
        "rb4_child_14_17": 471,
        "rb5_child_6_13": 390,
        "rb6_child_0_5": 357,
        "uvg_0_5": 227,
        "uvg_6_11": 299,
        "uvg_12_17": 394,
    }
    assert {key: value_on(key, on) for key in expected} == expected


def test_the_module_imports_no_database_code():
    import subprocess
    import sys

    code = (
        "import sys, angebote.benefits; "
        "bad = [m for m in sys.modules if m.startswith(('django.db', 'wagtail'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)  # noqa: S603
    assert done.returncode == 0, done.stdout + done.stderr
