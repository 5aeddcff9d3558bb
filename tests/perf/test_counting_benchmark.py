"""What counting costs a page (`make bench`): the same pages with counting and without, in
one sitting, in alternating rounds, so that both see the same machine load.

"Without" is the site before counting as near as one client can ask it: pages that mark
nothing (buero.figures.mark switched off) and counting switched off, so that
impact.middleware.CountingMiddleware only passes the response on (a function call; two
clients with different middleware differed by more than that on rendered pages, either way,
for reasons of their own). "With" is the site as configured, a phone's browser as the
visitor. Each round asks each page once each way and once more with counting (the
"control": its difference to "with" is the noise), the order changing every round; the
medians, the difference and the noise are printed after the benchmark table and go into
docs/performance.md ("Zählen ohne Tracking"). The writing of the counts
(impact.counting.flush) is timed apart: it happens once a minute per worker, outside any
request.
"""

import statistics
import time
from unittest import mock

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from impact import counting

from .conftest import COUNTING_FIGURES

pytestmark = pytest.mark.django_db

PHONE = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)
#: (name, page of the data set, page cache on, rounds)
PAGES = [
    ("offer", "offer", False, 60),
    ("search", "search", False, 60),
    ("offer from the page cache", "offer", True, 1000),
    ("home from the page cache", "home", True, 1000),
]


def unmarked(response, *args):
    return response


def switched_off():
    return False


def timed(client, url):
    started = time.perf_counter_ns()
    response = client.get(url)
    elapsed = time.perf_counter_ns() - started
    assert response.status_code == 200, url
    return elapsed / 1000  # µs


def compare(url, cached, rounds):
    """Median µs per request without and with counting, and the median of each round's
    difference (with minus without, asked a few milliseconds apart, so that the machine's
    swings cancel out). The same client asks once more with counting in each round: that
    difference is the noise ("control", which should be 0)."""
    client = Client(HTTP_USER_AGENT=PHONE)
    times = {way: [] for way in ("without", "with", "control")}
    ways = list(times)
    with override_settings(PAGE_CACHE_SECONDS=300 if cached else 0):
        client.get(url)  # warm: caches, the page cache's copy
        for round_ in range(rounds):
            for way in ways[round_ % 3 :] + ways[: round_ % 3]:
                if way == "without":
                    with (
                        mock.patch("buero.figures.mark", unmarked),
                        mock.patch("impact.counting.enabled", switched_off),
                    ):
                        times[way].append(timed(client, url))
                else:
                    times[way].append(timed(client, url))

    def difference(a, b):
        return statistics.median(y - x for x, y in zip(times[a], times[b], strict=True))

    return {
        **{way: statistics.median(values) for way, values in times.items()},
        "difference": difference("without", "with"),
        "noise": difference("with", "control"),
    }


def test_counting(benchmark, dataset):
    """Not a timing of its own (pytest-benchmark needs one): the comparison runs once."""
    benchmark.group = "counting"
    counting.discard()

    def run():
        for name, page, cached, rounds in PAGES:
            url = dataset.urls["de"][page]
            COUNTING_FIGURES[name] = compare(url, cached, rounds)
        COUNTING_FIGURES["writing 100 keys (once a minute)"] = write_time(100)

    benchmark.pedantic(run, rounds=1, iterations=1)
    assert counting.pending(), "nothing was counted"
    counting.discard()


def write_time(keys, rounds=20):
    """Median µs of one write of ``keys`` totals (each a new row, then each added to)."""
    day = timezone.localdate()
    totals = {(day, "page_view", "de", f"page{number}"): 1 for number in range(keys)}
    times = []
    for _ in range(rounds):
        started = time.perf_counter_ns()
        counting.add_totals(totals)
        times.append((time.perf_counter_ns() - started) / 1000)
    return {"write": statistics.median(times)}
