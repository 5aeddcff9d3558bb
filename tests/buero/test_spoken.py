"""Spoken times for "Vorlesen": what a voice says instead of "17:00–19:00" (buero.spoken)."""

import datetime

import pytest
from django.conf import settings
from django.utils import translation

from buero import spoken


def at(hour, minute=0):
    return datetime.time(hour, minute)


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("de", at(17), at(19), "17 bis 19 Uhr"),
        ("de", at(17, 30), at(19), "17 Uhr 30 bis 19 Uhr"),
        ("de", at(9), at(12, 15), "9 Uhr bis 12 Uhr 15"),
        ("en", at(17), at(19), "from 5 pm to 7 pm"),
        ("en", at(9, 30), at(12), "from 9:30 am to 12 pm"),
        ("en", at(11), at(13, 5), "from 11 am to 1:05 pm"),
        ("ar", at(17), at(19), "من الساعة 5 مساءً حتى الساعة 7 مساءً"),
        ("ar", at(9, 30), at(11), "من الساعة 9:30 صباحًا حتى الساعة 11 صباحًا"),
    ],
)
def test_a_span_of_time_in_words(language, start, end, expected):
    with translation.override(language):
        assert spoken.hours(start, end) == expected


@pytest.mark.parametrize(
    ("language", "time", "expected"),
    [
        ("de", at(17), "17 Uhr"),
        ("de", at(17, 30), "17 Uhr 30"),
        ("de", at(0, 5), "0 Uhr 5"),
        ("en", at(0), "12 am"),
        ("en", at(12), "12 pm"),
        ("en", at(17, 30), "5:30 pm"),
        ("ar", at(8, 15), "الساعة 8:15 صباحًا"),
    ],
)
def test_a_time_of_day_in_words(language, time, expected):
    with translation.override(language):
        assert spoken.clock(time) == expected


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_language_says_it_in_its_own_words(language):
    with translation.override(language):
        full, minutes = spoken.hours(at(17), at(19)), spoken.hours(at(17, 30), at(19))
    # Translated, and words rather than a dash.
    assert "from" not in full, language
    assert "o'clock" not in full, language
    assert "from" not in minutes, language
    assert "–" not in full + minutes
