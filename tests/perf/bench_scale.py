"""The scale benchmark: ``make bench-scale MULTIPLE=8`` (figures for docs/performance.md).

Builds the benchmark data set at a multiple in bulk (tests/perf/scale.py) into a new
PostgreSQL database (``DATABASE_URL``), with Redis as the shared cache (``REDIS_URL``), and
then measures in a new process, as a worker that starts after the data is there:

- **warm pages:** every page of ``make bench`` in German and Arabic, the median of
  ``--rounds`` requests after two warm-up requests (the page cache off: pages are rendered);
- **first request after a publish:** an editor publishes an offer, then the first request
  to a page, against the same page warm; the same for the search;
- **editors:** publishing an offer through the admin's edit form, and "translate this page"
  (wagtail-localize) into English, each the median of five, as a logged-in editor;
- **worker memory:** the process's resident memory before the first request and after every
  page above (``VmRSS``);
- **idle:** with ``--idle`` seconds (300 for the issue's five minutes), the pages once more
  after that long without a request, against the same pages warm.

Each run writes ``build/scale-<multiple>.json``; ``--table`` prints the Markdown table of
several runs, with the ratios to the first one.

    python -m tests.perf.bench_scale --multiple 8 [--rounds 20] [--idle 300]
    python -m tests.perf.bench_scale --table build/scale-1.json build/scale-8.json …
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SETTINGS = "tests.perf.scale_settings"
BUILD = Path("build")
PAGES = [
    "home",
    "offers",
    "offers, every filter",
    "offer",
    "partners",
    "partners, by language",
    "partner",
    "dates",
    "dates, calendar",
    "consultation",
    "courses",
    "course",
    "search",
    "search, Schulsachen",
    "standard page",
]
#: The pages requested first after a publish.
AFTER_PUBLISH = ["home", "offers", "offer", "dates", "partner", "standard page"]
#: The pages requested after an idle time.
AFTER_IDLE = ["home", "offers", "dates", "consultation"]
EDITOR_ROUNDS = 5
LANGUAGES = ("de", "ar")
TIMES = "\N{MULTIPLICATION SIGN}"


def rss_kib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()


def recreate_database():
    """Drop and create the database of DATABASE_URL, then migrate it."""
    import dj_database_url
    import psycopg

    config = dj_database_url.config()
    name = config["NAME"]
    with psycopg.connect(
        dbname="postgres",
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        autocommit=True,
    ) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def clear_cache():
    """Delete this benchmark's keys (its own prefix) from Redis."""
    from django.core.cache import cache

    cache.backend.delete_pattern("*")  # FailSafeCache around django-redis


def build(multiple):
    started = time.perf_counter()
    recreate_database()
    migrated = time.perf_counter()
    clear_cache()
    from . import scale

    dataset = scale.build(multiple)
    built = time.perf_counter()
    info = {
        "multiple": multiple,
        "urls": dataset.urls,
        "counts": dataset.counts,
        "seconds": {
            "database and migrations": round(migrated - started, 1),
            "data set": round(built - migrated, 1),
        },
    }
    BUILD.mkdir(exist_ok=True)
    (BUILD / f"scale-{multiple}-dataset.json").write_text(json.dumps(info, indent=2))
    print(f"Built {dataset.counts} in {built - migrated:.1f} s", flush=True)


def median_ms(samples):
    return round(statistics.median(samples) * 1000, 1)


def measure(multiple, rounds, idle):
    rss_start = rss_kib()
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import get_resolver, reverse
    from wagtail.models import Locale

    from angebote.models import OfferPage
    from buero import content_generation, page_tree

    get_resolver().url_patterns  # noqa: B018 (the URLconf, imported as a worker does)
    info = json.loads((BUILD / f"scale-{multiple}-dataset.json").read_text())
    urls = info["urls"]
    result = {
        "multiple": multiple,
        "pages": info["counts"]["pages"],
        "counts": info["counts"],
        "build seconds": info["seconds"],
        "shared cache": content_generation.is_shared(),
        "memory KiB": {"start": rss_kib(), "python start": rss_start},
    }
    client = Client()

    cpu = {}  # {key: CPU time of the process, ms}: PostgreSQL and Redis not counted

    def get(url, client=client, key=None, samples=None):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        assert response.status_code == 200, (url, response.status_code)
        if samples is not None:
            samples.append(elapsed_cpu)
        return elapsed

    # The first request of this worker: the snapshot (built by the data set's process?).
    started = time.perf_counter()
    get(urls["de"]["home"])
    result["first request of the worker ms"] = round((time.perf_counter() - started) * 1000, 1)

    warm, queries = {}, {}
    searches = [name for name in PAGES if name.startswith("search")]
    order = [(language, name) for name in PAGES if name not in searches for language in LANGUAGES]
    order += [(language, name) for name in searches for language in LANGUAGES]
    for language, name in order:
        if name == searches[0] and language == LANGUAGES[0]:
            # The site's search index lives in memory (buero/search): counted apart.
            result["memory KiB"]["after every page but the search"] = rss_kib()
        url = urls[language][name]
        for _ in range(2):
            get(url)
        with CaptureQueriesContext(connection) as captured:
            get(url)
        key = f"{language} {name}"
        queries[key] = len(captured)
        samples = []
        warm[key] = median_ms([get(url, samples=samples) for _ in range(rounds)])
        cpu[key] = median_ms(samples)
        print(f"  {key}: {warm[key]} ms, CPU {cpu[key]} ms", flush=True)
    result["warm ms"] = warm
    result["warm CPU ms"] = cpu
    result["queries"] = queries
    result["memory KiB"]["after every page"] = rss_kib()

    offers = list(
        OfferPage.objects.filter(locale__language_code="de").order_by("pk")[
            10 : 10 + len(AFTER_PUBLISH) + 2 * EDITOR_ROUNDS + 10
        ]
    )

    def publish(number):
        offer = OfferPage.objects.get(pk=offers[number].pk)
        offer.title = f"{offer.title} ·"
        started = time.perf_counter()
        offer.save_revision().publish()
        return time.perf_counter() - started

    after_publish, publish_times = {}, []
    for number, name in enumerate([*AFTER_PUBLISH, "search", "search, Schulsachen"]):
        url = urls["de"][name]
        get(url)
        publish_times.append(publish(number))
        first_cpu, again_cpu = [], []
        first = get(url, samples=first_cpu)
        again = median_ms([get(url, samples=again_cpu) for _ in range(5)])
        after_publish[name] = {
            "first ms": round(first * 1000, 1),
            "warm ms": again,
            "first CPU ms": median_ms(first_cpu),
            "warm CPU ms": median_ms(again_cpu),
        }
        print(f"  after a publish, {name}: {after_publish[name]}", flush=True)
    result["after a publish"] = after_publish
    result["publish in process ms"] = median_ms(publish_times)

    # Editors, logged in: publish through the edit form, translate into English.
    editor = get_user_model().objects.create_superuser("scale-editor", "e@example.org", "x")
    admin = Client()
    admin.force_login(editor)
    english = Locale.objects.get(language_code="en")
    base = len(AFTER_PUBLISH) + 2
    admin_publish, translate = [], []
    for number in range(EDITOR_ROUNDS):
        offer = OfferPage.objects.get(pk=offers[base + number].pk)
        data = offer_form(offer, title=f"{offer.title} (neu)")
        started = time.perf_counter()
        response = admin.post(
            reverse("wagtailadmin_pages:edit", args=[offer.pk]),
            {**data, "action-publish": "publish"},
        )
        admin_publish.append(time.perf_counter() - started)
        assert response.status_code == 302, response.content.decode()[:2000]
    # The first translation also copies the untranslated parents (home, offers): not counted.
    for number in range(EDITOR_ROUNDS + 1):
        offer = offers[base + EDITOR_ROUNDS + number]
        started = time.perf_counter()
        response = admin.post(
            reverse("wagtail_localize:submit_page_translation", args=[offer.pk]),
            {"locales": [english.pk]},
        )
        if number:
            translate.append(time.perf_counter() - started)
        assert response.status_code == 302, response.content.decode()[:2000]
    result["editor publish in admin ms"] = median_ms(admin_publish)
    result["editor translate in admin ms"] = median_ms(translate)
    print(
        f"  editors: publish {result['editor publish in admin ms']} ms, "
        f"translate {result['editor translate in admin ms']} ms",
        flush=True,
    )

    # Let a visitor's request find the content as it is now, then leave the worker idle.
    for name in AFTER_IDLE:
        for _ in range(3):
            get(urls["de"][name])
    before_idle = {
        name: median_ms([get(urls["de"][name]) for _ in range(5)]) for name in AFTER_IDLE
    }
    result["memory KiB"]["at the end"] = rss_kib()
    if idle:
        print(f"  idle for {idle} s …", flush=True)
        time.sleep(idle)
        result["after idle"] = {
            "seconds": idle,
            "first ms": {name: round(get(urls["de"][name]) * 1000, 1) for name in AFTER_IDLE},
            "warm ms": before_idle,
        }
    result["snapshot"] = {"pages": len(page_tree.current().nodes)}
    (BUILD / f"scale-{multiple}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


def offer_form(offer, **changes):
    """The offer's edit form as the admin posts it (tests/angebote/test_partner_access.py)."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": offer.title,
            "slug": offer.slug,
            "summary": offer.summary,
            "body": streamfield([("paragraph", rich_text("<p>So hilft das Angebot.</p>"))]),
            "eligibility": offer.eligibility,
            "where_to_apply": offer.where_to_apply,
            "is_free": "on",
            "area": offer.area,
            "last_reviewed": offer.last_reviewed.isoformat(),
            **changes,
        }
    )
    data.update(
        legal_basis=offer.legal_basis,
        languages=offer.languages,
        providers=[partner.pk for partner in offer.providers.all()],
        topics=[topic.pk for topic in offer.topics.all()],
        target_groups=[group.pk for group in offer.target_groups.all()],
    )
    return data


def ratio(value, reference):
    return f"{value / reference:.2f}" if reference else "–"


def table(paths):
    runs = [json.loads(Path(path).read_text()) for path in paths]
    first = runs[0]
    header = " | ".join(f"{run['multiple']}{TIMES} ({run['pages']:,} pages)" for run in runs)
    lines = [f"| figure | {header} |", "| --- |" + " ---: |" * len(runs)]

    def row(label, values, reference=None):
        cells = []
        for value, run in zip(values, runs, strict=True):
            cell = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
            if reference is not None and run is not first:
                cell += f" ({ratio(value, reference)}{TIMES})"
            cells.append(cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    for key in first["warm ms"]:
        row(f"warm: {key}", [run["warm ms"][key] for run in runs], first["warm ms"][key])
    geo = [statistics.geometric_mean(run["warm ms"].values()) for run in runs]
    row("warm: geometric mean", [round(value, 1) for value in geo], geo[0])
    geo = [statistics.geometric_mean(run["warm CPU ms"].values()) for run in runs]
    row("warm: geometric mean of the CPU times", [round(value, 1) for value in geo], geo[0])
    for key in first["after a publish"]:
        values = [run["after a publish"][key]["first ms"] for run in runs]
        warm = [run["after a publish"][key]["warm ms"] for run in runs]
        lines.append(
            f"| first request after a publish: {key} ({TIMES} warm) | "
            + " | ".join(
                f"{value:,.1f} ({ratio(value, reference)})"
                for value, reference in zip(values, warm, strict=True)
            )
            + " |"
        )
    row(
        "editor: publish in the admin",
        [run["editor publish in admin ms"] for run in runs],
        first["editor publish in admin ms"],
    )
    row(
        "editor: translate in the admin",
        [run["editor translate in admin ms"] for run in runs],
        first["editor translate in admin ms"],
    )
    for point in ("after every page but the search", "after every page"):
        memory = [run["memory KiB"][point] / 1024 for run in runs]
        row(f"worker memory {point}, MiB", [round(value, 1) for value in memory])
        growth = [
            (run["memory KiB"][point] - first["memory KiB"][point])
            / (run["pages"] - first["pages"])
            for run in runs[1:]
        ]
        lines.append(
            f"| memory growth per page from 1{TIMES}, {point}, KiB | – | "
            + " | ".join(f"{value:.2f}" for value in growth)
            + " |"
        )
    idle_runs = [run for run in runs if "after idle" in run]
    if idle_runs:
        seconds = idle_runs[0]["after idle"]["seconds"]

        def after_idle(run, key):
            if "after idle" not in run:
                return "–"
            first_ms = run["after idle"]["first ms"][key]
            return f"{first_ms:,.1f} ({ratio(first_ms, run['after idle']['warm ms'][key])})"

        for key in idle_runs[0]["after idle"]["first ms"]:
            lines.append(
                f"| after {seconds} s idle: {key} ({TIMES} warm) | "
                + " | ".join(after_idle(run, key) for run in runs)
                + " |"
            )
    row(
        "build: data set, s",
        [run["build seconds"]["data set"] for run in runs],
    )
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--multiple", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--idle", type=int, default=0)
    parser.add_argument("--phase", choices=["all", "build", "measure"], default="all")
    parser.add_argument("--table", nargs="+")
    args = parser.parse_args()
    if args.table:
        table(args.table)
    elif args.phase == "build":
        build(args.multiple)
    elif args.phase == "measure":
        measure(args.multiple, args.rounds, args.idle)
    else:
        command = [sys.executable, "-m", "tests.perf.bench_scale", "--multiple", str(args.multiple)]
        # This interpreter and module, the arguments parsed as numbers.
        subprocess.run([*command, "--phase", "build"], check=True)  # noqa: S603
        subprocess.run(  # noqa: S603
            [
                *command,
                "--phase",
                "measure",
                "--rounds",
                str(args.rounds),
                "--idle",
                str(args.idle),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
