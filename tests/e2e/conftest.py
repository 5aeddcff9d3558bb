"""Browser tests: Playwright drives Debian's Chromium against a live server with the demo site.

The suite runs as its own pytest invocation (`make e2e`, and last in `make test`): the demo
site is built once per session and committed, which the rest of the suite must never see.
Without /usr/bin/chromium the tests skip, unless BUERO_E2E_REQUIRED=1 (CI) makes that an error.
"""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("BUERO_E2E_REQUIRED") == "1"
# Never a downloaded browser; without the background-networking flags Chromium tries to
# reach Google and fails.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
E2E_DIR = Path(__file__).parent
# axe-core from npm (package.json, package-lock.json); `make e2e` and `make test` run `npm ci`.
AXE_SCRIPT = E2E_DIR.parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = E2E_DIR / "screenshots"
VIEWPORTS = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 800}}
LANGUAGES = ("ar", "de")
#: Every language of the site, for the tests that walk them all (test_phone_layout): some are
#: fully translated in the demo, the others show the German pages (aliases) with a notice.
ALL_LANGUAGES = ("de", "en", "ar", "fa", "uk", "ru", "pl", "ro")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists() or REQUIRED:
        return
    skip = pytest.mark.skip(
        reason=f"no browser: {CHROMIUM} is missing (apt-get install chromium); "
        "BUERO_E2E_REQUIRED=1 turns this into an error"
    )
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the browser tests' database is a file, not memory.

    With an in-memory database the live server's thread shares the test thread's one
    connection, and two threads inside one SQLite connection can deadlock in C, where no
    timeout reaches them (the browser tests hung in CI that way). With a file, each thread has
    its own connection; a writer waits for another's lock (IMMEDIATE transactions, 30 s) and
    fails loudly if it never comes.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("e2e-database") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
        database.setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=30)


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started only once the test database exists.

    The server shares the test thread's connection when, at its start, the database's name
    says memory; started before the set-up (the autouse helper below asks for it first), it
    would see the configured ":memory:" and hand one connection to every request thread.
    """
    return live_server


@pytest.fixture(scope="session")
def chromium():
    """The browser's path; fails at once (before building the demo site) when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"BUERO_E2E_REQUIRED=1, but {CHROMIUM} is missing: apt-get install chromium")
    return CHROMIUM


@pytest.fixture(scope="session")
def axe_script(chromium):
    """The path of axe.min.js; the tests install nothing themselves."""
    if not AXE_SCRIPT.exists():
        message = f"{AXE_SCRIPT} is missing: `make e2e` installs it (npm ci --no-audit --no-fund)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def demo_pages(chromium, django_db_setup, django_db_blocker):
    """Build the demo site once (committed) and name the pages the tests visit, per language.

    Every language names the same pages: the first of each type in the German tree, and in
    the other languages its translation, or the alias in that language's tree where it is not
    translated (German text with a notice). The demo translates them into ar, en and uk.
    """
    from angebote.models import (
        HelpCheckPage,
        OfferIndexPage,
        OfferPage,
        PartnerIndexPage,
        PartnerPage,
        YouthPage,
    )
    from buero.models import OfficeInfoPage, OfficePage
    from events.models import (
        AppointmentRequestPage,
        ConsultationPage,
        CourseIndexPage,
        CoursePage,
        DateIndexPage,
    )

    types = {
        "home": (OfficePage, {}),
        "offer": (OfferPage, {}),
        "events": (DateIndexPage, {}),
        "offers": (OfferIndexPage, {}),
        "partners": (PartnerIndexPage, {}),
        "partner": (PartnerPage, {}),
        "consultation": (ConsultationPage, {}),
        "courses": (CourseIndexPage, {}),
        "course": (CoursePage, {}),
        "standard": (OfficeInfoPage, {"slug": "ueber-uns"}),
        "help_check": (HelpCheckPage, {}),
        "appointment": (AppointmentRequestPage, {}),
        "youth": (YouthPage, {}),
    }

    def first(model, **filters):
        """The first live German page of a type, in tree order."""
        page = (
            model.objects.live()
            .filter(locale__language_code="de", alias_of__isnull=True, **filters)
            .first()
        )
        assert page is not None, f"the demo site has no live {model.__name__}"
        return page

    def in_language(page, code):
        """The page in ``code``'s tree: its translation, or the alias of the German page."""
        found = (
            type(page)
            .objects.live()
            .filter(locale__language_code=code, translation_key=page.translation_key)
        )
        assert found.exists(), f"no {type(page).__name__} {page.slug!r} in {code!r}"
        return found.get()

    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        german = {name: first(model, **filters) for name, (model, filters) in types.items()}
        # A topic of the offer: filtering by it finds something (topics share their slug).
        topic = german["offer"].topics.order_by("sort_order", "pk").first().slug
        pages = {}
        for code in ALL_LANGUAGES:
            urls = {name: in_language(page, code).url for name, page in german.items()}
            home = urls["home"]
            pages[code] = {
                **urls,
                "topic": topic,
                # Search and the 404 page are views below the language's home page.
                "search": f"{home}suche/?q=Kinderzuschlag",
                "not_found": f"{home}gibt-es-nicht/",
                # What the service worker shows for a page it has not stored (buero.offline).
                "offline": f"{home}offline/",
            }
    return pages


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """Replaces pytest-django's helper, which flushes the database after every test.

    The demo site stays for the whole session; the server thread gets database access while a
    test runs.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def site(live_server, demo_pages):
    """The live server's address and the demo pages."""
    return live_server.url, demo_pages


@pytest.fixture
def new_context(browser):
    """Open browser contexts (closed after the test): `new_context(viewport=…, …)`."""
    contexts = []

    def _new_context(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield _new_context
    for context in contexts:
        context.close()
