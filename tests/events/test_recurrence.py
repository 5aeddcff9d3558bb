"""The occurrence engine: rules, holidays, cancellations, extra dates, daylight saving."""

import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from buero.source_text import SourceText
from events.recurrence import (
    LAST,
    MONTHLY,
    WEEKLY,
    ExtraDate,
    Series,
    holiday_name,
    occurrences,
    upcoming,
)

BERLIN = ZoneInfo("Europe/Berlin")
WED = 2
D = datetime.date
T = datetime.time


def wednesdays(**kwargs):
    defaults = {
        "frequency": WEEKLY,
        "weekdays": (WED,),
        "start_time": T(17),
        "end_time": T(19),
        "valid_from": D(2026, 1, 1),
    }
    return Series(**{**defaults, **kwargs})


def test_weekly_series_gives_every_wednesday_in_the_window():
    found = occurrences(wednesdays(), D(2026, 12, 1), D(2026, 12, 20))
    assert [o.date for o in found] == [D(2026, 12, 2), D(2026, 12, 9), D(2026, 12, 16)]
    assert found[0].start == datetime.datetime(2026, 12, 2, 17, tzinfo=BERLIN)
    assert found[0].end == datetime.datetime(2026, 12, 2, 19, tzinfo=BERLIN)


def test_wall_clock_time_survives_daylight_saving_changes():
    # 2026-03-29 and 2026-10-25 are the change-over Sundays.
    series = wednesdays(weekdays=(6,), start_time=T(2, 30), end_time=T(3, 30))
    spring = occurrences(series, D(2026, 3, 22), D(2026, 4, 5))
    assert [(o.start.hour, o.start.utcoffset().seconds // 3600) for o in spring] == [
        (2, 1),
        (3, 2),  # 02:30 does not exist that night: the hour starts at 03:30 summer time
        (2, 2),
    ]
    autumn = occurrences(wednesdays(), D(2026, 10, 20), D(2026, 11, 1))
    assert [(o.start.hour, o.start.utcoffset().seconds // 3600) for o in autumn] == [
        (17, 2),
        (17, 1),
    ]


def test_every_second_week_counts_from_the_start_of_the_validity():
    series = wednesdays(interval=2, valid_from=D(2026, 11, 4))
    assert [o.date for o in occurrences(series, D(2026, 11, 1), D(2026, 12, 10))] == [
        D(2026, 11, 4),
        D(2026, 11, 18),
        D(2026, 12, 2),
    ]
    # The same weeks, whatever window is asked for.
    assert [o.date for o in occurrences(series, D(2026, 11, 10), D(2026, 12, 10))] == [
        D(2026, 11, 18),
        D(2026, 12, 2),
    ]


def test_several_weekdays():
    series = wednesdays(weekdays=(0, WED))
    assert [o.date.weekday() for o in occurrences(series, D(2026, 11, 30), D(2026, 12, 6))] == [
        0,
        2,
    ]


def test_monthly_on_the_first_monday_and_the_last_friday():
    first_monday = wednesdays(frequency=MONTHLY, weekdays=(0,), nth=1)
    assert [o.date for o in occurrences(first_monday, D(2026, 11, 1), D(2027, 1, 31))] == [
        D(2026, 11, 2),
        D(2026, 12, 7),
        D(2027, 1, 4),
    ]
    last_friday = wednesdays(frequency=MONTHLY, weekdays=(4,), nth=LAST)
    assert [o.date for o in occurrences(last_friday, D(2026, 11, 1), D(2026, 12, 31))] == [
        D(2026, 11, 27),
        D(2026, 12, 25),
    ]


def test_reformationstag_is_skipped_and_named_but_buss_und_bettag_is_not():
    # 31 October is a holiday in Sachsen-Anhalt; Buß- und Bettag (18 Nov 2026) only in Saxony.
    saturdays = wednesdays(weekdays=(5,))
    found = occurrences(saturdays, D(2026, 10, 31), D(2026, 10, 31))
    assert found[0].cancelled
    assert found[0].reason == "Reformationstag"
    buss_und_bettag = occurrences(wednesdays(), D(2026, 11, 18), D(2026, 11, 18))
    assert not buss_und_bettag[0].cancelled
    assert holiday_name(D(2026, 11, 18)) is None
    assert holiday_name(D(2026, 1, 6)) == "Heilige Drei Könige"  # Epiphany: yes in Sachsen-Anhalt


def test_holidays_are_kept_when_the_series_says_so():
    series = wednesdays(weekdays=(5,), skip_holidays=False)
    assert not occurrences(series, D(2026, 10, 31), D(2026, 10, 31))[0].cancelled


def test_holiday_names_follow_the_visitors_language():
    assert holiday_name(D(2026, 10, 3), "en") == "German Unity Day"
    assert holiday_name(D(2026, 10, 3), "ar") == "Tag der Deutschen Einheit"


def test_cancellations_and_extra_dates():
    series = wednesdays(
        cancellations={D(2026, 12, 9): "Fortbildung des Teams"},
        extra_dates=(ExtraDate(D(2026, 12, 10), T(10), T(12), "statt Mittwoch"),),
    )
    found = occurrences(series, D(2026, 12, 1), D(2026, 12, 16))
    assert [(o.date, o.cancelled, o.reason, o.extra) for o in found] == [
        (D(2026, 12, 2), False, "", False),
        (D(2026, 12, 9), True, "Fortbildung des Teams", False),
        (D(2026, 12, 10), False, "", True),
        (D(2026, 12, 16), False, "", False),
    ]
    assert D(2026, 12, 9) not in [
        o.date
        for o in occurrences(series, D(2026, 12, 1), D(2026, 12, 16), include_cancelled=False)
    ]


def test_validity_limits_the_series():
    series = wednesdays(valid_from=D(2026, 12, 5), valid_until=D(2026, 12, 20))
    assert [o.date for o in occurrences(series, D(2026, 11, 1), D(2027, 1, 31))] == [
        D(2026, 12, 9),
        D(2026, 12, 16),
    ]


def test_upcoming_skips_what_has_ended_and_keeps_what_is_running():
    now = datetime.datetime(2026, 12, 2, 18, 0, tzinfo=BERLIN)  # during the hour
    found = upcoming(wednesdays(), now, 2)
    assert [o.date for o in found] == [D(2026, 12, 2), D(2026, 12, 9)]
    later = datetime.datetime(2026, 12, 2, 19, 30, tzinfo=BERLIN)
    assert upcoming(wednesdays(), later, 1)[0].date == D(2026, 12, 9)


dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2030, 12, 31))
series_strategy = st.builds(
    Series,
    frequency=st.sampled_from([WEEKLY, MONTHLY]),
    weekdays=st.lists(st.integers(0, 6), min_size=1, max_size=3, unique=True).map(tuple),
    start_time=st.just(T(17)),
    end_time=st.just(T(19)),
    valid_from=dates,
    valid_until=st.one_of(st.none(), dates),
    interval=st.integers(1, 4),
    nth=st.sampled_from([1, 2, 3, 4, LAST]),
    skip_holidays=st.booleans(),
    cancellations=st.dictionaries(dates, st.just("abgesagt"), max_size=5),
    extra_dates=st.lists(
        st.builds(ExtraDate, date=dates, start_time=st.just(T(10)), end_time=st.just(T(11))),
        max_size=3,
    ).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(series=series_strategy, first=dates, length=st.integers(0, 200))
def test_engine_properties(series, first, length):
    last = first + datetime.timedelta(days=length)
    found = occurrences(series, first, last)
    starts = [o.start for o in found]
    assert starts == sorted(starts)
    assert len(starts) == len(set(starts))
    extra_days = {extra.date for extra in series.extra_dates}
    for occurrence in found:
        assert first <= occurrence.date <= last
        assert occurrence.start.tzinfo is not None
        if occurrence.extra:
            continue
        assert occurrence.date >= series.valid_from
        if series.valid_until:
            assert occurrence.date <= series.valid_until
        assert occurrence.date.weekday() in series.weekdays
    kept = occurrences(series, first, last, include_cancelled=False)
    for occurrence in kept:
        if occurrence.date in extra_days and occurrence.extra:
            continue
        assert occurrence.date not in series.cancellations
        if series.skip_holidays:
            assert holiday_name(occurrence.date) is None


def test_a_holiday_without_a_name_in_the_language_is_german_and_marked():
    day = datetime.date(2027, 1, 6)  # Heilige Drei Könige, a holiday in Sachsen-Anhalt
    english, arabic = holiday_name(day, "en"), holiday_name(day, "ar")
    assert english == "Epiphany"
    assert not isinstance(english, SourceText)
    assert arabic == "Heilige Drei Könige"
    assert isinstance(arabic, SourceText)  # templates mark it lang="de" ({{ reason|marked }})
