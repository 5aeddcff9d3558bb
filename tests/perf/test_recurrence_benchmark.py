"""How long a year of occurrences takes for 50 series (`make bench`)."""

import datetime

from events.recurrence import MONTHLY, WEEKLY, ExtraDate, Series, occurrences


def fifty_series():
    start = datetime.date(2026, 1, 1)
    return [
        Series(
            frequency=MONTHLY if number % 5 == 0 else WEEKLY,
            weekdays=(number % 5, (number + 2) % 7) if number % 3 == 0 else (number % 5,),
            start_time=datetime.time(9 + number % 8),
            end_time=datetime.time(11 + number % 8),
            valid_from=start,
            interval=1 + number % 2,
            nth=1 + number % 4,
            cancellations={
                start + datetime.timedelta(days=7 * week + number % 7): "Ausfall"
                for week in range(4)
            },
            extra_dates=(
                ExtraDate(
                    start + datetime.timedelta(days=number), datetime.time(10), datetime.time(12)
                ),
            ),
        )
        for number in range(50)
    ]


def test_a_year_of_occurrences_for_fifty_series(benchmark):
    series = fifty_series()
    first, last = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)

    def compute():
        return sum(len(occurrences(entry, first, last)) for entry in series)

    total = benchmark.pedantic(compute, rounds=20, warmup_rounds=1)
    assert total > 1000
