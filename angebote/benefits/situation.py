"""A household's situation as the help check asks for it: plain values, checked on creation.

Impossible values raise ``ValueError`` (the form shows its own messages before this).
"""

from dataclasses import dataclass

from .names import RECEIVABLE

#: More children than this are not a household the form can ask about.
MAX_CHILDREN = 20
MAX_AGE = 99
#: Money beyond this is not a plausible monthly figure (and keeps the arithmetic in floats).
MAX_AMOUNT = 1_000_000


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _check_bool(name, value):
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, not {value!r}")


def _check_amount(name, value):
    if value is None:
        return
    if not _is_int(value):
        raise ValueError(f"{name} must be whole euros or None, not {value!r}")
    if not 0 <= value <= MAX_AMOUNT:
        raise ValueError(f"{name} must lie between 0 and {MAX_AMOUNT} € a month, not {value}")


@dataclass(frozen=True)
class Child:
    age: int  # in completed years
    in_school: bool = True  # goes to school, Kita, training or studies

    def __post_init__(self):
        if not _is_int(self.age) or not 0 <= self.age <= MAX_AGE:
            raise ValueError(f"a child's age must be a whole number from 0 to {MAX_AGE}")
        _check_bool("in_school", self.in_school)


@dataclass(frozen=True)
class Situation:
    adults: int  # 1 or 2 (the parent or the couple)
    single_parent: bool
    children: tuple[Child, ...]
    pregnant: bool = False
    disability: bool = False  # a disability or long illness in the family
    gross_income: int | None = None  # earned gross household income, € a month; None: unknown
    rent: int | None = None  # € a month including heating; None: no rent (own home)
    receives: frozenset[str] = frozenset()
    maintenance_paid: bool | None = None  # does the other parent pay maintenance? None: unknown

    def __post_init__(self):
        # Frozen: normalise through object.__setattr__ (a list of children, a set of codes).
        object.__setattr__(self, "children", tuple(self.children))
        object.__setattr__(self, "receives", frozenset(self.receives))
        if not _is_int(self.adults) or self.adults not in (1, 2):
            raise ValueError(f"adults must be 1 or 2, not {self.adults!r}")
        for name in ("single_parent", "pregnant", "disability"):
            _check_bool(name, getattr(self, name))
        if len(self.children) > MAX_CHILDREN:
            raise ValueError(f"at most {MAX_CHILDREN} children")
        if not all(isinstance(child, Child) for child in self.children):
            raise ValueError("children must be Child values")
        _check_amount("gross_income", self.gross_income)
        _check_amount("rent", self.rent)
        unknown = sorted(repr(code) for code in self.receives if code not in RECEIVABLE)
        if unknown:
            raise ValueError(f"unknown benefit codes in receives: {', '.join(unknown)}")
        if self.maintenance_paid is not None:
            _check_bool("maintenance_paid", self.maintenance_paid)
