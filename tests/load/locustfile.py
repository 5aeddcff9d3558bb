"""Load test of the public pages (`make load`; see docs/performance.md).

When locust starts, the site is explored once: the German index pages of the demo
content, their Arabic counterparts (the language switcher's link), and the offers,
partners, consultation hours and courses the listings link to. Each simulated visitor then
opens pages at random, weighted roughly like a visit to the site: the home page, the offer
listing (with and without filters) and offers most often.

Think time between two pages: ``LOAD_THINK_TIME`` seconds, "min,max" (default "1,2"); "0,0"
turns the test into a throughput test.
"""

import json
import os
import random
import re
from urllib.parse import urlencode, urljoin

import requests
from locust import HttpUser, between, events, task

LANGUAGES = ("de", "ar")
#: The German index pages of the demo content (home/demo.py, angebote/demo.py, events/demo.py).
INDEXES = {
    "offers": "/de/hilfsangebote/",
    "partners": "/de/netzwerk/",
    "dates": "/de/termine/",
    "courses": "/de/weiterbildungen/",
}
SEARCH_TERMS = ["Kinderzuschlag", "Wohngeld", "Schulden", "Bildung und Teilhabe", "Sprechstunde"]
CARD_LINK = re.compile(r'<a class="card__link" href="([^"]+)"')
OCCURRENCE_LINK = re.compile(r'<p class="occurrence__title"><a href="([^"]+)"')
PAGINATION_LINK = re.compile(r'href="\?(?:[^"]*&amp;)?page=(\d+)"')
FILTER_VALUE = re.compile(r'name="(topic|group|law|district|language)" value="([^"]+)"')


def think_time():
    low, high = (float(value) for value in os.environ.get("LOAD_THINK_TIME", "1,2").split(","))
    return between(low, high)


class Site:
    """The URLs to visit, per kind of page; filled once when the test starts."""

    urls = {}
    environment = None


def switch_language(session, host, path, code):
    """The same page in another language: the language switcher's link."""
    html = fetch(session, host, path)
    match = re.search(rf'<a href="([^"]+)" lang="{code}" hreflang="{code}"', html)
    if not match:
        raise RuntimeError(f"{path} has no link to the language {code}")
    return match.group(1)


def fetch(session, host, path):
    response = session.get(urljoin(host, path), timeout=30)
    response.raise_for_status()
    return response.text


def listing_links(session, host, path, pattern=CARD_LINK):
    """Every linked page of a listing, following its pagination."""
    html = fetch(session, host, path)
    links = pattern.findall(html)
    pages = {int(number) for number in PAGINATION_LINK.findall(html)}
    for number in sorted(pages - {1}):
        links += pattern.findall(fetch(session, host, f"{path}?page={number}"))
    return list(dict.fromkeys(links))


def filter_urls(path, html):
    """One URL per topic and target group, and some combinations of every filter."""
    values = {}
    for name, value in FILTER_VALUE.findall(html):
        values.setdefault(name, []).append(value)
    urls = [f"{path}?{urlencode({'topic': value})}" for value in values.get("topic", [])]
    urls += [f"{path}?{urlencode({'group': value})}" for value in values.get("group", [])]
    chooser = random.Random(0)  # noqa: S311 the same URLs on every run
    for _ in range(10):
        query = {name: chooser.choice(choices) for name, choices in values.items()}
        query["free"] = "1"
        urls.append(f"{path}?{urlencode(query)}")
    return urls


def explore(host):
    urls = {
        kind: []
        for kind in [
            "home",
            "offers",
            "offers filtered",
            "offer",
            "partners",
            "partner",
            "dates",
            "consultation",
            "courses",
            "course",
            "search",
        ]
    }
    with requests.Session() as session:
        for code in LANGUAGES:
            indexes = {
                kind: path if code == "de" else switch_language(session, host, path, code)
                for kind, path in INDEXES.items()
            }
            urls["home"].append(f"/{code}/")
            for kind in ("offers", "partners", "dates", "courses"):
                urls[kind].append(indexes[kind])
            offers_html = fetch(session, host, indexes["offers"])
            urls["offers filtered"] += filter_urls(indexes["offers"], offers_html)
            urls["offer"] += listing_links(session, host, indexes["offers"])
            urls["partner"] += listing_links(session, host, indexes["partners"])
            urls["course"] += listing_links(session, host, indexes["courses"])
            urls["consultation"] += listing_links(session, host, indexes["dates"], OCCURRENCE_LINK)
            urls["search"] += [f"/{code}/suche/?{urlencode({'q': term})}" for term in SEARCH_TERMS]
    empty = [kind for kind, found in urls.items() if not found]
    if empty:
        raise RuntimeError(f"No URLs found for {', '.join(empty)}: is the demo content loaded?")
    return urls


@events.init.add_listener
def discover(environment, **kwargs):
    Site.environment = environment
    try:
        Site.urls = explore(environment.host)
    except (requests.RequestException, RuntimeError) as error:
        raise SystemExit(f"Cannot explore {environment.host}: {error}") from error
    counts = ", ".join(f"{kind} {len(found)}" for kind, found in Site.urls.items())
    print(f"Pages to visit: {counts}")


@events.quit.add_listener
def save_summary(exit_code, **kwargs):
    """The final figures for tests/load/summary.py (locust's CSV files can lag a second)."""
    environment = Site.environment
    prefix = environment.parsed_options.csv_prefix if environment else None
    if not prefix:
        return
    stats = environment.stats
    entries = [*sorted(stats.entries.values(), key=lambda entry: entry.name), stats.total]
    rows = [
        {
            "name": "overall" if entry is stats.total else entry.name,
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "rps": entry.total_rps,
            "median": entry.get_response_time_percentile(0.5),
            "p95": entry.get_response_time_percentile(0.95),
            "max": entry.max_response_time,
        }
        for entry in entries
    ]
    with open(f"{prefix}_summary.json", "w") as summary:
        json.dump({"rows": rows, "exit_code": exit_code}, summary, indent=1)


class Visitor(HttpUser):
    wait_time = think_time()

    def visit(self, kind):
        # One statistics row per kind of page (the exact URL would give hundreds of rows).
        self.client.get(random.choice(Site.urls[kind]), name=kind)  # noqa: S311

    @task(10)
    def home(self):
        self.visit("home")

    @task(6)
    def offers(self):
        self.visit("offers")

    @task(6)
    def offers_filtered(self):
        self.visit("offers filtered")

    @task(10)
    def offer(self):
        self.visit("offer")

    @task(3)
    def partners(self):
        self.visit("partners")

    @task(4)
    def partner(self):
        self.visit("partner")

    @task(6)
    def dates(self):
        self.visit("dates")

    @task(4)
    def consultation(self):
        self.visit("consultation")

    @task(2)
    def courses(self):
        self.visit("courses")

    @task(2)
    def course(self):
        self.visit("course")

    @task(3)
    def search(self):
        self.visit("search")
