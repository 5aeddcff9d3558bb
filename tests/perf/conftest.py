"""The benchmarks' data set (tests/perf/dataset.py), built once for the whole session.

It is committed before the first benchmark starts; each benchmark then runs in its own
rolled-back transaction, as every test does, and only reads. The query count of each page
(one request with a warm cache) is printed after pytest-benchmark's table.
"""

import time

import pytest

from . import dataset as data

#: {benchmark name: number of SQL queries of one request}, filled by test_page_render.py.
QUERY_COUNTS = {}
#: {page: {"without", "with", "control", "difference", "noise": µs}}, filled by
#: test_counting_benchmark.py.
COUNTING_FIGURES = {}


@pytest.fixture(scope="session")
def dataset(django_db_setup, django_db_blocker):
    started = time.perf_counter()
    with django_db_blocker.unblock():
        built = data.build()
    built.counts["seconds to build"] = round(time.perf_counter() - started, 1)
    return built


def pytest_terminal_summary(terminalreporter):
    if COUNTING_FIGURES:
        terminalreporter.section(
            "Counting: median µs per request without, with, difference, noise (with vs with)"
        )
        width = max(len(name) for name in COUNTING_FIGURES)
        for name, figures in COUNTING_FIGURES.items():
            if "with" in figures:
                without, difference = figures["without"], figures["difference"]
                terminalreporter.write_line(
                    f"{name:<{width}}  {without:>9.0f}  {figures['with']:>9.0f}  "
                    f"{difference:>+7.0f} µs {difference / without:>+6.1%}  "
                    f"{figures['noise']:>+7.0f} µs {figures['noise'] / without:>+6.1%}"
                )
            else:
                terminalreporter.write_line(f"{name:<{width}}  {figures['write']:>9.0f}")
    if not QUERY_COUNTS:
        return
    terminalreporter.section("SQL queries per request (warm cache)")
    width = max(len(name) for name in QUERY_COUNTS)
    for name, count in sorted(QUERY_COUNTS.items()):
        terminalreporter.write_line(f"{name:<{width}}  {count:>4}")
