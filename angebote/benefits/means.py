"""The household's need and income, computed once per check and read by every rule.

Simplifications (an orientation, not a decision; the offices compute exactly):

* Need (SGB II): the Regelbedarfe (§ 20, § 23 SGB II), the Mehrbedarf of a parent living
  alone with minor children (§ 21 Abs. 3) and in pregnancy (§ 21 Abs. 2, assumed from the
  13th week), and the rent with heating as stated, taken as appropriate (§ 22 SGB II; in
  the first year the actual costs count anyway). Children of 25 and over form their own
  household and are left out. Costs of an own home are not asked and count as zero.
* Income: only the earned gross income is asked. Net income is estimated from it: no
  contributions up to the Minijob limit, rising employee contributions in the transition
  range up to 2,000 €, the full share above; income tax is left out (small for families
  with low income). From the net, the earned-income allowance of § 11b Abs. 2 and 3 SGB II
  is deducted, computed on the gross as the law does, for the household as if one person
  earned all of it (two earners would each get one: this check counts a little too much
  income for them). Kindergeld counts as the children's income (§ 11 Abs. 1 S. 5 SGB II).
  Maintenance, Unterhaltsvorschuss and other income are not asked and not counted.
* Kinderzuschlag (§ 6a BKGG): up to the maximum per child, reduced by 45 % of the parents'
  counted income above their own need. The parents' share of the housing costs is taken
  per head (the law uses larger shares for parents, so the check estimates a little less
  Kinderzuschlag than the office would). Children's own income is not asked.
* Wohngeld is not computed: it is assumed to carry a share of the rent (an estimate in the
  figures table) only where the check asks whether Kinderzuschlag and Wohngeld together
  could replace Grundsicherungsgeld.
"""

from dataclasses import dataclass

#: "Kind unter 25" (§ 7 Abs. 3 Nr. 4 SGB II, § 32 Abs. 4 EStG, § 6a BKGG).
CHILD_AGE_LIMIT = 25
ADULT_AGE = 18


def kindergeld_child(child):
    """§ 32 Abs. 3, 4 EStG: under 18, or 18 to 24 in school, training or studies."""
    return child.age < ADULT_AGE or (child.age < CHILD_AGE_LIMIT and child.in_school)


def regelbedarf_child(child, figures):
    """§ 23 Nr. 1 SGB II (Stufen 4 to 6) and § 20 Abs. 2 S. 2 Nr. 1 (Stufe 3, 18 to 24)."""
    if child.age < 6:
        return figures.rb6_child_0_5
    if child.age < 14:
        return figures.rb5_child_6_13
    if child.age < ADULT_AGE:
        return figures.rb4_child_14_17
    return figures.rb3_child_18_24


def net_income(gross, figures):
    """Gross minus estimated employee contributions (see the module docstring)."""
    low, high = figures.minijob_limit, figures.midijob_upper
    rate = figures.employee_contribution_percent / 100
    if gross <= low:
        return float(gross)
    if gross <= high:
        # Rises from 0 at the Minijob limit to the full share at the upper limit.
        return gross - rate * high / (high - low) * (gross - low)
    return gross * (1 - rate)


def earned_income_allowance(gross, with_minor_child, figures):
    """§ 11b Abs. 2 S. 1 and Abs. 3 SGB II: 100 € basic allowance, 20 % of the gross from
    100 to 520 €, 30 % from 520 to 1,000 €, 10 % from 1,000 to 1,200 € (1,500 € with a
    minor child)."""
    basic = figures.allowance_basic
    top = (
        figures.allowance_band3_upper_with_child
        if with_minor_child
        else figures.allowance_band3_upper
    )
    bands = (
        (basic, figures.allowance_band1_upper, figures.allowance_band1_percent),
        (
            figures.allowance_band1_upper,
            figures.allowance_band2_upper,
            figures.allowance_band2_percent,
        ),
        (figures.allowance_band2_upper, top, figures.allowance_band3_percent),
    )
    allowance = float(min(gross, basic))
    for lower, upper, percent in bands:
        if gross > lower:
            allowance += percent / 100 * (min(gross, upper) - lower)
    return allowance


@dataclass(frozen=True)
class Means:
    regelbedarf: float  # Regelbedarfe and Mehrbedarfe of the household, without housing
    need: float  # plus rent and heating
    parents_need: float  # the parents' part of it (Kinderzuschlag)
    kindergeld_children: int
    kindergeld_total: int
    minor_children: int
    counted_income: float | None  # earned income after contributions and allowance
    resources: float | None  # counted income plus Kindergeld
    gap: float | None  # need minus resources: above 0 the household is in need
    kiz_max: int
    kiz: float | None  # estimated Kinderzuschlag, negative where the income is above the end
    kiz_minimum_met: bool
    wohngeld_share: float  # the part of the rent Wohngeld might carry (estimate)
    near: float  # how close to a limit counts as "possible", as a fraction

    @property
    def income_known(self):
        return self.counted_income is not None

    @property
    def kiz_help(self):
        """The Kinderzuschlag that could close a gap (0 where there is none)."""
        if not self.income_known or not self.kiz_minimum_met or not self.kindergeld_children:
            return 0.0
        return max(self.kiz, 0.0)

    @property
    def gap_after_kiz_and_wohngeld(self):
        return self.gap - self.kiz_help - self.wohngeld_share


def compute(situation, figures):
    children = [child for child in situation.children if child.age < CHILD_AGE_LIMIT]
    minors = [child for child in children if child.age < ADULT_AGE]
    alone = situation.adults == 1

    adults_rb = figures.rb1_single if alone else 2 * figures.rb2_partner
    extra = 0.0
    if alone and minors:
        # § 21 Abs. 3 SGB II: 36 % with a child under 7 or two or three under 16; 12 % per
        # minor child where that is more; at most 60 %.
        under_7 = sum(1 for child in minors if child.age < 7)
        under_16 = sum(1 for child in minors if child.age < 16)
        percent = figures.mb_single_parent_percent if under_7 or under_16 in (2, 3) else 0
        per_child = min(
            figures.mb_single_parent_per_child_percent * len(minors),
            figures.mb_single_parent_max_percent,
        )
        extra += max(percent, per_child) / 100 * figures.rb1_single
    if situation.pregnant:
        relevant = figures.rb1_single if alone else figures.rb2_partner
        extra += figures.mb_pregnancy_percent / 100 * relevant
    children_rb = sum(regelbedarf_child(child, figures) for child in children)
    housing = situation.rent or 0
    regelbedarf = adults_rb + extra + children_rb
    need = regelbedarf + housing
    persons = situation.adults + len(children)
    parents_need = adults_rb + extra + housing * situation.adults / persons

    kindergeld_children = sum(1 for child in children if kindergeld_child(child))
    kindergeld_total = kindergeld_children * figures.kindergeld
    kiz_max = kindergeld_children * figures.kiz_max_per_child
    minimum = figures.kiz_min_income_single_parent if alone else figures.kiz_min_income_couple

    gross = situation.gross_income
    if gross is None:
        counted = resources = gap = kiz = None
        minimum_met = False
    else:
        net = net_income(gross, figures)
        counted = max(0.0, net - earned_income_allowance(gross, bool(minors), figures))
        resources = counted + kindergeld_total
        gap = need - resources
        excess = max(0.0, counted - parents_need)
        kiz = kiz_max - figures.kiz_withdrawal_percent / 100 * excess
        minimum_met = gross >= minimum

    near_percent = (
        figures.check_near_limit_disability_percent
        if situation.disability
        else figures.check_near_limit_percent
    )
    return Means(
        regelbedarf=regelbedarf,
        need=need,
        parents_need=parents_need,
        kindergeld_children=kindergeld_children,
        kindergeld_total=kindergeld_total,
        minor_children=len(minors),
        counted_income=counted,
        resources=resources,
        gap=gap,
        kiz_max=kiz_max,
        kiz=kiz,
        kiz_minimum_met=minimum_met,
        wohngeld_share=figures.check_wohngeld_rent_share_percent / 100 * housing,
        near=near_percent / 100,
    )
