"""How long the help check's rules take per household (`make bench`; target under 1 ms).

Fifty varied households (singles, couples, single parents, one to five children, known and
unknown income, owners and renters, some already receiving benefits), assessed with the
figures of one date. The figures of a date are cached, so this measures the rules alone;
the texts stay lazy (translated when a page shows them).
"""

import datetime

from angebote.benefits import BENEFITS, Child, Situation, assess

ON = datetime.date(2026, 3, 1)
RECEIVES = ((), ("kindergeld",), ("wohngeld",), ("grundsicherungsgeld",), ("kinderzuschlag",))


def fifty_households():
    return [
        Situation(
            adults=1 + number % 2,
            single_parent=number % 2 == 0,
            children=tuple(
                Child(age=(number * 3 + child * 5) % 24, in_school=(number + child) % 3 != 0)
                for child in range(number % 6)
            ),
            pregnant=number % 7 == 0,
            disability=number % 11 == 0,
            gross_income=None if number % 9 == 0 else 300 * (number % 15),
            rent=None if number % 8 == 0 else 350 + 25 * (number % 20),
            receives=frozenset(RECEIVES[number % len(RECEIVES)]),
            maintenance_paid=(None, True, False)[number % 3],
        )
        for number in range(50)
    ]


def test_assess_fifty_households(benchmark):
    households = fifty_households()

    def compute():
        return [assess(household, ON) for household in households]

    results = benchmark.pedantic(compute, rounds=50, warmup_rounds=2)
    assert all(len(result) == len(BENEFITS) for result in results)
    per_household_ms = benchmark.stats.stats.median / len(households) * 1000
    print(f"\nassess: {per_household_ms:.3f} ms per household (median of 50 rounds)")


def test_assess_and_render_the_texts_in_german(benchmark):
    """As a result page does: every reason, amount and document turned into German text."""
    from django.utils import translation

    households = fifty_households()

    def compute():
        with translation.override("de"):
            return sum(
                len(str(text))
                for household in households
                for assessment in assess(household, ON)
                for text in (*assessment.reasons, assessment.amount, *assessment.documents)
            )

    total = benchmark.pedantic(compute, rounds=50, warmup_rounds=2)
    assert total > 0
    per_household_ms = benchmark.stats.stats.median / len(households) * 1000
    print(f"\nassess and render: {per_household_ms:.3f} ms per household (median of 50 rounds)")
