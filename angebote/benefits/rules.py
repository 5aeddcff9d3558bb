"""One rule per benefit, each with its legal basis.

A rule reads the situation, the household's computed means (means.py) and the figures
valid on the check's date, and returns one Assessment: a level, one or two plain reasons,
the amount where the law fixes it, what to bring and the legal basis. Texts are lazily
translated (English msgids); German benefit names stay proper nouns.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .means import ADULT_AGE, CHILD_AGE_LIMIT
from .names import ALREADY, BENEFITS, LEVELS, LIKELY, POSSIBLE, RECEIVABLE, UNLIKELY
from .text import fmt, join

#: Benefits that cover the whole basic need (Kinderzuschlag and Wohngeld are not paid
#: alongside them where they cover it).
NEED_BENEFITS = ("grundsicherungsgeld", "sozialhilfe")
ASYLUM = "asylbewerberleistungen"
#: Receiving one of these opens Bildung und Teilhabe (§ 28 SGB II, § 34 SGB XII,
#: § 6b BKGG, § 3 Abs. 4 AsylbLG).
BUT_GATEWAYS = ("grundsicherungsgeld", "kinderzuschlag", "wohngeld", "sozialhilfe", ASYLUM)
RANK = {UNLIKELY: 0, POSSIBLE: 1, LIKELY: 2}


@dataclass(frozen=True)
class Assessment:
    benefit: str  # a code of BENEFITS
    level: str  # a code of LEVELS
    reasons: tuple[str, ...]  # one or two, plain words
    amount: str = ""  # where the law fixes one; empty otherwise
    documents: tuple[str, ...] = ()  # what to bring
    legal_basis: str = ""
    calculator: str = ""  # a code of CALCULATORS, or empty

    @property
    def name(self):
        return BENEFITS[self.benefit]

    @property
    def level_label(self):
        return LEVELS[self.level]


# Reasons used by several rules.
ALREADY_REASON = _("You said you already get this.")
RENEW = _("Apply again in good time before the approval ends.")
INCOME_UNKNOWN = _("We do not know your income, so we cannot say more. Let it be checked.")
RESIDENCE = _("It depends on your residence permit.")
DISABILITY = _("A disability or long illness can add extra needs.")

# What to bring.
ID = _("Identity card or passport")
RESIDENCE_PERMIT = _("Residence permit")
BIRTH = _("Birth certificates of the children")
TAX_IDS = _("Tax ID numbers of parents and children")
SCHOOL_PROOF = _("Proof of school, training or studies for children over 18")
PAY_SLIPS = _("Pay slips of the last 6 months")
PAY_SLIPS_BEFORE_BIRTH = _("Pay slips of the 12 months before the birth")
BANK = _("Bank statements of the last 3 months")
RENT = _("Rental contract and the latest heating and service charge bill")
HOME_COSTS = _("Papers on the costs of your home (loan, property tax, heating)")
DECISION = _("The latest decision letter on your benefits")
BUT_BILLS = _("Bills or confirmations from school, Kita or club")
MAINTENANCE = _("Letters or court papers about maintenance")
MATERNITY_RECORD = _("Maternity record (Mutterpass)")


def _result(code, level, reasons, amount="", documents=(), legal_basis="", calculator=""):
    if level == ALREADY:
        documents = ()
    elif level == UNLIKELY:
        amount, documents = "", ()
    return Assessment(
        benefit=code,
        level=level,
        reasons=tuple(reasons)[:2],
        amount=amount,
        documents=tuple(documents),
        legal_basis=legal_basis,
        calculator=calculator,
    )


def _already(code, amount="", legal_basis="", renew=False):
    reasons = (ALREADY_REASON, RENEW) if renew else (ALREADY_REASON,)
    return _result(code, ALREADY, reasons, amount=amount, legal_basis=legal_basis)


def _residence_cap(situation, level, reasons, documents):
    """With Asylbewerberleistungen, family benefits depend on the residence permit
    (§ 62 Abs. 2 EStG, § 1 Abs. 3 BKGG, § 1 Abs. 2a UVG, § 1 Abs. 7 BEEG)."""
    if ASYLUM not in situation.receives or level == UNLIKELY:
        return level, reasons, documents
    return POSSIBLE, (RESIDENCE, reasons[0]), (*documents, RESIDENCE_PERMIT)


def _housing_documents(situation):
    return HOME_COSTS if situation.rent is None else RENT


def kindergeld(situation, means, figures, done):
    """§§ 62 ff. EStG: for children under 18, and from 18 to 24 in school, training or
    studies (§ 32 Abs. 3, 4 EStG); the amount per child is fixed in § 66 Abs. 1 EStG."""
    code, basis = "kindergeld", "§§ 62 ff. EStG"
    amount = fmt(_("%(amount)s € per child a month"), amount=figures.kindergeld)
    if code in situation.receives:
        return _already(code, amount, basis)
    adults_not_in_school = any(
        ADULT_AGE <= child.age < CHILD_AGE_LIMIT and not child.in_school
        for child in situation.children
    )
    over_18_reason = _("From 18, Kindergeld is paid during school, training or studies, up to 25.")
    count = means.kindergeld_children
    if not count:
        if adults_not_in_school:
            reason = over_18_reason
        elif situation.pregnant:
            reason = _("After the birth, apply for Kindergeld soon.")
        else:
            reason = _("Kindergeld is paid for children.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    reasons = [
        fmt(
            ngettext_lazy(
                "You can get Kindergeld for %(n)s child.",
                "You can get Kindergeld for %(n)s children.",
                count,
            ),
            n=count,
        )
    ]
    if adults_not_in_school:
        reasons.append(over_18_reason)
    elif count > 1:
        reasons.append(
            fmt(_("That is %(amount)s € a month in all."), amount=means.kindergeld_total)
        )
    documents = [ID, BIRTH, TAX_IDS]
    if any(
        ADULT_AGE <= child.age < CHILD_AGE_LIMIT and child.in_school for child in situation.children
    ):
        documents.append(SCHOOL_PROOF)
    level, reasons, documents = _residence_cap(situation, LIKELY, reasons, documents)
    return _result(code, level, reasons, amount, documents, basis)


def kinderzuschlag(situation, means, figures, done):
    """§ 6a BKGG: for children under 25 who get Kindergeld (Abs. 1 Nr. 1); parents' gross
    income of at least 900 € (couple) or 600 € (single parent) (Abs. 1 Nr. 2, Abs. 1b); up
    to the maximum per child (Abs. 2), reduced by 45 % of the parents' income above their
    own need (Abs. 6); only where it avoids the need for Grundsicherungsgeld, together with
    Wohngeld if need be (Abs. 1 Nr. 3)."""
    code, basis = "kinderzuschlag", "§ 6a BKGG"
    amount = fmt(_("up to %(amount)s € per child a month"), amount=figures.kiz_max_per_child)
    if code in situation.receives:
        return _already(code, amount, basis, renew=True)
    if not means.kindergeld_children:
        reason = _("Kinderzuschlag is for children who get Kindergeld.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    documents = (ID, PAY_SLIPS, _housing_documents(situation), BANK)
    near = means.near * means.kiz_max
    if not means.income_known:
        level, reasons = POSSIBLE, (INCOME_UNKNOWN,)
    elif not means.kiz_minimum_met:
        minimum = (
            figures.kiz_min_income_single_parent
            if situation.adults == 1
            else figures.kiz_min_income_couple
        )
        reason = fmt(
            _("Kinderzuschlag needs a gross income of at least %(amount)s € a month."),
            amount=minimum,
        )
        level, reasons = UNLIKELY, (reason,)
    elif means.kiz <= -near:
        level, reasons = UNLIKELY, (_("Your income is too high for Kinderzuschlag."),)
    elif means.gap > means.kiz_help + means.wohngeld_share:
        reason = _("Your income is too low for Kinderzuschlag: Grundsicherungsgeld fits better.")
        level, reasons = UNLIKELY, (reason,)
    elif means.kiz > near and means.gap <= means.kiz:
        if means.gap <= 0:
            reason = _("Your income covers your own needs, but not all of your children's.")
        else:
            reason = _("With Kinderzuschlag your family can manage without Grundsicherungsgeld.")
        level, reasons = LIKELY, (reason,)
    elif means.kiz <= near:
        level, reasons = POSSIBLE, (_("Your income is close to the limit. Let it be checked."),)
    else:
        reason = _("Together with Wohngeld it may be enough to live on. Let it be checked.")
        level, reasons = POSSIBLE, (reason,)
    receiving = next((c for c in NEED_BENEFITS if c in situation.receives), None)
    if receiving and level != UNLIKELY:
        reason = fmt(
            _("Kinderzuschlag may take the place of %(benefit)s. Let it be checked."),
            benefit=RECEIVABLE[receiving],
        )
        level, reasons = POSSIBLE, (reason,)
    level, reasons, documents = _residence_cap(situation, level, reasons, documents)
    return _result(code, level, reasons, amount, documents, basis, calculator="kiz_lotse")


def bildung_teilhabe(situation, means, figures, done):
    """§ 28 SGB II, § 34 SGB XII, § 6b BKGG, § 3 Abs. 4 AsylbLG: for children and young
    people under 25 at school (Kita for lunch and trips; the monthly amount for clubs,
    music or sport under 18) in a household that gets Grundsicherungsgeld, Sozialhilfe,
    Kinderzuschlag, Wohngeld or Asylbewerberleistungen. School supplies in August and
    February (§ 28 Abs. 3 SGB II); where Kinderzuschlag or Wohngeld may be possible, this
    is at least possible."""
    code, basis = "bildung_teilhabe", "§ 28 SGB II, § 34 SGB XII, § 6b BKGG, § 3 AsylbLG"
    at_school = any(c.in_school and c.age < CHILD_AGE_LIMIT for c in situation.children)
    under_18 = any(c.age < ADULT_AGE for c in situation.children)
    parts = []
    if at_school:
        parts.append(
            fmt(
                _("%(august)s € in August and %(february)s € in February for school things"),
                august=figures.but_school_august,
                february=figures.but_school_february,
            )
        )
    if under_18:
        parts.append(
            fmt(
                _("%(amount)s € a month for clubs, music or sport"),
                amount=figures.but_clubs_month,
            )
        )
    amount = join(parts)
    if code in situation.receives:
        return _already(code, amount, basis)
    if not (at_school or under_18):
        reason = _(
            "Bildung und Teilhabe is for children under 18 and for young people at school up to 25."
        )
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    what = _("For example school things, lunch, trips, tutoring and clubs.")
    documents = (DECISION, BUT_BILLS)
    gateway = next((c for c in BUT_GATEWAYS if c in situation.receives), None)
    levels = {benefit: done[benefit].level for benefit in done}
    if gateway:
        reason = fmt(
            _("Because you get %(benefit)s, your children can get this help."),
            benefit=RECEIVABLE[gateway],
        )
        level, reasons = LIKELY, (reason, what)
    elif not means.income_known:
        level, reasons = POSSIBLE, (INCOME_UNKNOWN, what)
    elif means.gap > 0 or levels["kinderzuschlag"] == LIKELY:
        # Below the need the family gets Grundsicherungsgeld or, instead, Kinderzuschlag.
        reason = _(
            "With your income your family can probably get Grundsicherungsgeld or "
            "Kinderzuschlag, and with it this help."
        )
        level, reasons = LIKELY, (reason, what)
    elif POSSIBLE in (
        levels["grundsicherungsgeld"],
        levels["kinderzuschlag"],
        levels["wohngeld"],
    ):
        reason = _(
            "If you get Kinderzuschlag, Wohngeld or Grundsicherungsgeld, your children can get this help."
        )
        level, reasons = POSSIBLE, (reason, what)
    else:
        reason = _(
            "Bildung und Teilhabe comes with Grundsicherungsgeld, Kinderzuschlag, Wohngeld or Sozialhilfe."
        )
        level, reasons = UNLIKELY, (reason,)
    return _result(code, level, reasons, amount, documents, basis)


def grundsicherungsgeld(situation, means, figures, done):
    """SGB II (called Bürgergeld until 30 June 2026): in need where the household's income
    (§§ 11 to 11b) does not cover its need (§ 9): Regelbedarfe (§§ 20, 23), Mehrbedarfe for
    single parents and pregnancy (§ 21 Abs. 2, 3), rent and heating (§ 22). Not with
    Asylbewerberleistungen (§ 7 Abs. 1 S. 2 Nr. 3); Kinderzuschlag and Wohngeld come first
    where they cover the need (§ 12a)."""
    code, basis = "grundsicherungsgeld", "SGB II"
    amount = fmt(
        _("Regelbedarf and extra needs: %(amount)s € a month, plus rent and heating"),
        amount=round(means.regelbedarf),
    )
    if code in situation.receives:
        return _already(code, amount, basis, renew=True)
    if ASYLUM in situation.receives:
        reason = _("Asylbewerberleistungen take the place of Grundsicherungsgeld.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    if "sozialhilfe" in situation.receives:
        reason = _("Sozialhilfe already covers the same needs.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    documents = (ID, PAY_SLIPS, _housing_documents(situation), BANK)
    if not means.income_known:
        reasons = (
            INCOME_UNKNOWN,
            _("Grundsicherungsgeld covers the basic needs of your family, rent and heating."),
        )
        return _result(code, POSSIBLE, reasons, amount, documents, basis)
    if means.gap_after_kiz_and_wohngeld > 0:
        level = LIKELY
        reason = _("Your income is less than what your household needs to live on.")
    elif means.gap > -means.near * means.need:
        level = POSSIBLE
        if means.gap > 0:
            reason = _("Kinderzuschlag and Wohngeld may be enough instead. Let it be checked.")
        else:
            reason = _(
                "Your income is only a little above what your household needs. Let it be checked."
            )
    else:
        level = UNLIKELY
        reason = _("Your income is above what your household needs to live on.")
    reasons = (reason, DISABILITY) if situation.disability and level != UNLIKELY else (reason,)
    return _result(code, level, reasons, amount, documents, basis)


def wohngeld(situation, means, figures, done):
    """WoGG: for renters (owners: Lastenzuschuss, § 3 Abs. 2 WoGG) with their own income;
    not with Grundsicherungsgeld, Sozialhilfe or Asylbewerberleistungen, which pay for the
    housing costs (§ 7 Abs. 1 WoGG). The amount (§ 19 WoGG) is left to the official
    calculator: the check says "possible" where the income covers the need (with
    Kinderzuschlag and Wohngeld if need be) but stays within an estimated band above it."""
    code, basis = "wohngeld", "WoGG"
    calculator = "wohngeld_rechner"
    if code in situation.receives:
        return _already(code, legal_basis=basis, renew=True)
    covered = next((c for c in (*NEED_BENEFITS, ASYLUM) if c in situation.receives), None)
    if covered:
        reason = fmt(
            _("Rent and heating are already paid through %(benefit)s."), benefit=RECEIVABLE[covered]
        )
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    if situation.rent == 0:
        reason = _("Wohngeld helps with the rent. You said you pay none.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    owner = situation.rent is None
    documents = (ID, PAY_SLIPS, _housing_documents(situation))
    calculator_reason = _("The official Wohngeld-Rechner shows how much it could be.")
    if owner:
        fits = _("Owners can get Wohngeld as Lastenzuschuss for the costs of their home.")
    else:
        fits = _("Your income may be low for your household size and rent.")
    band = figures.check_wohngeld_band_percent / 100
    if not means.income_known:
        level, reasons = POSSIBLE, (INCOME_UNKNOWN, fits if owner else calculator_reason)
    elif means.gap_after_kiz_and_wohngeld > 0:
        reason = _(
            "With your income Grundsicherungsgeld fits better: it pays for rent and heating."
        )
        level, reasons = UNLIKELY, (reason,)
    elif means.resources > means.need * (1 + band):
        level, reasons = UNLIKELY, (_("Your income is probably too high for Wohngeld."),)
    else:
        level, reasons = POSSIBLE, (fits, calculator_reason)
    return _result(code, level, reasons, "", documents, basis, calculator)


def _uvg_band(child, figures):
    """§ 2 UVG with § 1612a BGB: the amount by age band."""
    if child.age < 6:
        return 0, 5, figures.uvg_0_5
    if child.age < 12:
        return 6, 11, figures.uvg_6_11
    return 12, 17, figures.uvg_12_17


def unterhaltsvorschuss(situation, means, figures, done):
    """UVG: a single parent, a child under 18 (§ 1 Abs. 1), the other parent pays no or
    too little maintenance; for children from 12 only if the child gets no
    Grundsicherungsgeld or the parent earns at least 600 € gross (§ 1 Abs. 1a)."""
    code, basis = "unterhaltsvorschuss", "UVG"
    minors = [child for child in situation.children if child.age < ADULT_AGE]

    def amount_for(children):
        bands = sorted({_uvg_band(child, figures) for child in children})
        return join(
            fmt(
                _("%(amount)s € a month for a child aged %(low)s to %(high)s"),
                amount=value,
                low=low,
                high=high,
            )
            for low, high, value in bands
        )

    if code in situation.receives:
        return _already(code, amount_for(minors), basis)
    if not situation.single_parent:
        reason = _("Unterhaltsvorschuss is for single parents.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    if not minors:
        reason = _("Unterhaltsvorschuss is for children under 18.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    if situation.maintenance_paid:
        reasons = (
            _("The other parent pays maintenance."),
            _("If it is less than the amount here, ask us."),
        )
        # The amount stays, so the family can compare it with what is paid.
        return replace(
            _result(code, UNLIKELY, reasons, legal_basis=basis), amount=amount_for(minors)
        )

    gross = situation.gross_income
    gs_level = done["grundsicherungsgeld"].level
    yes, maybe = [], []
    for child in minors:
        if child.age < 12 or (gross is not None and gross >= figures.uvg_min_income_12_17):
            yes.append(child)
        elif gross is None or gs_level == POSSIBLE:
            maybe.append(child)
        elif gs_level == UNLIKELY:  # the child gets no Grundsicherungsgeld
            yes.append(child)
    documents = (ID, BIRTH, MAINTENANCE)
    if not (yes or maybe):
        reason = fmt(
            _(
                "From 12 the child must not get Grundsicherungsgeld, "
                "or you need a gross income of at least %(amount)s € a month."
            ),
            amount=figures.uvg_min_income_12_17,
        )
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    if situation.maintenance_paid is None:
        level = POSSIBLE
        reasons = (_("If the other parent pays no or too little maintenance."),)
    elif yes:
        level, reasons = LIKELY, (_("The other parent pays no maintenance."),)
    else:
        level = POSSIBLE
        reasons = (
            _("The other parent pays no maintenance."),
            INCOME_UNKNOWN
            if gross is None
            else _("For children from 12 it depends on your income."),
        )
    level, reasons, documents = _residence_cap(situation, level, reasons, documents)
    return _result(code, level, reasons, amount_for(yes + maybe), documents, basis)


def elterngeld(situation, means, figures, done):
    """BEEG: for a child under 14 months (§ 4 Abs. 1); Basiselterngeld between the fixed
    minimum and maximum (§ 2); paid back at most for the 3 months before the application
    (§ 7 Abs. 1). The check knows ages in years only."""
    code, basis = "elterngeld", "BEEG"
    amount = fmt(
        _("%(low)s to %(high)s € a month"),
        low=figures.elterngeld_min,
        high=figures.elterngeld_max,
    )
    if code in situation.receives:
        return _already(code, amount, basis)
    youngest = min((child.age for child in situation.children), default=None)
    apply_soon = _("Apply soon: Elterngeld is paid back for at most 3 months.")
    documents = (BIRTH, PAY_SLIPS_BEFORE_BIRTH)
    if youngest == 0:
        level, reasons = LIKELY, (apply_soon,)
    elif youngest == 1:
        level, reasons = POSSIBLE, (_("If your youngest child is under 14 months old."), apply_soon)
    elif situation.pregnant:
        level, reasons = POSSIBLE, (_("After the birth: apply within the first 3 months."),)
    else:
        reason = _("Elterngeld is for parents of a child under 14 months.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    level, reasons, documents = _residence_cap(situation, level, reasons, documents)
    return _result(code, level, reasons, amount, documents, basis)


def mutter_kind(situation, means, figures, done):
    """Bundesstiftung Mutter und Kind (MuKStiftG § 2): for pregnant women in need, applied
    for before the birth through a pregnancy counselling office; no fixed amount."""
    code, basis = "mutter_kind", "MuKStiftG"
    if code in situation.receives:
        return _already(code, legal_basis=basis)
    if not situation.pregnant:
        reason = _("The foundation helps pregnant women.")
        return _result(code, UNLIKELY, (reason,), legal_basis=basis)
    apply = _(
        "Apply before the birth at a pregnancy counselling office (Schwangerschaftsberatungsstelle)."
    )
    documents = (MATERNITY_RECORD, ID, PAY_SLIPS)
    levels = {benefit: done[benefit].level for benefit in done}
    low_income = _("Your income is low: the foundation can help with things for the baby.")
    if any(c in situation.receives for c in BUT_GATEWAYS):
        level, reasons = LIKELY, (low_income, apply)
    elif not means.income_known:
        level, reasons = POSSIBLE, (INCOME_UNKNOWN, apply)
    elif levels["grundsicherungsgeld"] in (LIKELY, POSSIBLE):
        level, reasons = LIKELY, (low_income, apply)
    elif {levels["kinderzuschlag"], levels["wohngeld"]} & {LIKELY, POSSIBLE}:
        reason = _(
            "Your income may be low enough: the foundation can help with things for the baby."
        )
        level, reasons = POSSIBLE, (reason, apply)
    else:
        level, reasons = UNLIKELY, (_("Your income is probably too high for this help."),)
    return _result(code, level, reasons, "", documents, basis)


#: The rules in the order they are computed (later ones read earlier results).
RULES = (
    kindergeld,
    kinderzuschlag,
    grundsicherungsgeld,
    wohngeld,
    bildung_teilhabe,
    unterhaltsvorschuss,
    elterngeld,
    mutter_kind,
)
