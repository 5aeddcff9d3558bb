"""The plugin in a site made by ``wagtail start``, installed from its wheel (``make host-test``).

What a municipality's web team does, in order, each step one test:

1. ``wagtail start hostsite`` with the installed Wagtail;
2. migrate and serve that site as it is: its welcome page answers;
3. build this project's wheel and install it into the host's own virtual environment (the
   dependencies come from the project's .venv through a .pth file; the plugin itself only from
   the wheel, never from this checkout);
4. append the ``<!-- host-step -->`` blocks of docs/integration.md to the host's settings and
   URLs exactly as written (tests/host/apply_steps.py): docs and test cannot drift apart;
5. migrate the existing database; ``wagtail start`` made its pages in an "en" locale, the
   steps make German the default language, so the host changes that locale to German in the
   admin (Settings → Locales), as ``buero_sync_locales`` asks;
6. ``manage.py buero_sync_locales``;
7. create the office's section (OfficePage) below the host's home page through the admin's
   add-page view, as an editor does;
8. ``manage.py buero_load_demo --parent <the host's home page>``;
9. every page type of the plugin renders inside the host's base template, the host's own pages
   still answer, and the forms (help check, feedback, appointment request) work over HTTP
   with Django's CSRF protection as the host has it.

The site runs on Django's runserver, requests go over HTTP with ``requests``: a real client
that carries cookies and tokens like a browser, so CSRF is enforced as in production. With a
PostgreSQL ``DATABASE_URL`` the host gets a database of its own on that server, created here
and dropped afterwards (through wagtail start's ``settings/local.py``); otherwise its SQLite
file. A failed step skips the steps that need it, saying which.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import textwrap
import time
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from cryptography.fernet import Fernet

from tests.host import apply_steps
from tests.host.forms import find_form

REPO = Path(__file__).resolve().parents[2]
PLUGIN_APPS = ("buero", "angebote", "events", "opendata", "impact")
PLUGIN_LABELS = ("buero", "buero_angebote", "buero_events", "buero_opendata")
HOST = "hostsite"
#: From wagtail start's base.html: a page that shows it is inside the host's template.
HOST_TEMPLATE_MARK = "/static/css/hostsite.css"
#: What buero/page.html puts into that template's blocks extra_css and content.
OFFICE_MARKS = ("/static/buero/css/buero.css", '<div class="office"')
WELCOME = "Welcome to your new Wagtail site"
ADMIN_USER, ADMIN_PASSWORD = "redaktion", "host-test-Passwort-1"
#: Rich text as the admin's Draftail editor posts it.
INTRO = json.dumps(
    {
        "blocks": [
            {
                "key": "intro",
                "type": "unstyled",
                "depth": 0,
                "text": "Kostenlose, vertrauliche Beratung im Rathaus.",
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)
OFFICE_TITLE, OFFICE_SLUG = "Offenes Büro", "offenes-buero"
TIMEOUT = 300


class Host:
    """The host site's folder, environment, database, server and what the steps found."""

    def __init__(self, folder):
        self.folder = folder
        self.project = folder / HOST
        self.venv = folder / "venv"
        self.python = self.venv / "bin" / "python"
        self.env = {
            name: value
            for name, value in os.environ.items()
            if name not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DATABASE_URL", "VIRTUAL_ENV"}
        }
        self.env["FIELD_ENCRYPTION_KEYS"] = Fernet.generate_key().decode()
        self.database = None  # PostgreSQL: (settings dict, name of the admin database)
        self.server = None
        self.server_log = None
        self.base_url = None
        self.admin = None  # a logged-in requests.Session
        self.reached = set()
        self.found = {}
        self.add_views = {}  # page type -> status of its add-page view under a valid parent

    # Steps depend on earlier ones: a failed step skips what needs it.
    def needs(self, *milestones):
        missing = [name for name in milestones if name not in self.reached]
        if missing:
            pytest.skip(f"needs the step(s) {', '.join(missing)}, which failed or did not run")

    def run(self, command, *, cwd=None, input=None, env=None):
        result = subprocess.run(
            [str(part) for part in command],
            cwd=cwd or self.project,
            env={**self.env, **(env or {})},
            input=input,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if result.returncode != 0:
            pytest.fail(
                f"{' '.join(map(str, command))} exited with {result.returncode}\n"
                f"--- stdout ---\n{result.stdout[-4000:]}\n--- stderr ---\n{result.stderr[-6000:]}",
                pytrace=False,
            )
        return result

    def manage(self, *args, input=None, env=None):
        return self.run([self.python, "manage.py", *args], input=input, env=env)

    def query(self, code):
        """Run ``code`` in the host's Django and return its variable ``result`` (JSON)."""
        script = (
            "import json, django\ndjango.setup()\n"
            + textwrap.dedent(code)
            + "\nprint('HOSTJSON' + json.dumps(result))\n"
        )
        output = self.run(
            [self.python, "-c", script],
            env={"DJANGO_SETTINGS_MODULE": f"{HOST}.settings.dev"},
        ).stdout
        line = next(line for line in output.splitlines() if line.startswith("HOSTJSON"))
        return json.loads(line.removeprefix("HOSTJSON"))

    def start_server(self, name):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.server_log = self.folder / f"runserver-{name}.log"
        log = self.server_log.open("w")
        self.server = subprocess.Popen(
            [str(self.python), "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=self.project,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self.base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                pytest.fail(f"runserver stopped:\n{self.log_tail()}", pytrace=False)
            try:
                requests.get(f"{self.base_url}/admin/login/", timeout=5)
                return
            except requests.ConnectionError:
                time.sleep(0.3)
        pytest.fail(f"runserver did not answer:\n{self.log_tail()}", pytrace=False)

    def stop_server(self):
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self.server = None
            self.admin = None

    def log_tail(self, size=6000):
        if self.server_log is None or not self.server_log.exists():
            return ""
        return self.server_log.read_text(errors="replace")[-size:]

    def url(self, path):
        return urljoin(self.base_url + "/", path)

    def get(self, session, path, **kwargs):
        return session.get(self.url(path), timeout=60, **kwargs)

    def post(self, session, path, data, **kwargs):
        return session.post(self.url(path), data=data, timeout=60, **kwargs)

    def explain(self, response):
        """A failed response with the server's traceback for the report."""
        return (
            f"{response.request.method} {response.url} -> {response.status_code}\n"
            f"{response.text[:1500]}\n--- runserver log ---\n{self.log_tail(4000)}"
        )

    def login(self):
        session = requests.Session()
        page = self.get(session, "/admin/login/")
        assert page.status_code == 200, self.explain(page)
        form = find_form(page.text, field="password")
        response = self.post(
            session,
            form.action or "/admin/login/",
            form.data(username=ADMIN_USER, password=ADMIN_PASSWORD),
            allow_redirects=False,
        )
        assert response.status_code == 302, self.explain(response)
        self.admin = session
        return session


# -- the database ------------------------------------------------------------------------------


def postgres_database():
    """(settings of a new database beside DATABASE_URL's, its name), or None for SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    name = f"buero_host_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return {**config, "NAME": name}, url


def drop_postgres_database(database):
    import psycopg

    config, url = database
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    host = Host(tmp_path_factory.mktemp("host"))
    try:
        yield host
    finally:
        host.stop_server()
        if host.database is not None:
            drop_postgres_database(host.database)


# -- 1. wagtail start ---------------------------------------------------------------------------


def test_wagtail_start_makes_a_site(host):
    wagtail = Path(sys.executable).parent / "wagtail"
    host.run([wagtail, "start", HOST], cwd=host.folder)
    assert (host.project / "manage.py").is_file()
    assert (host.project / HOST / "templates" / "base.html").is_file()
    # The host's own environment: Wagtail and the plugin's dependencies from the project's
    # .venv (no download), and nothing of this checkout.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", host.venv], check=True)
    site_packages = Path(
        subprocess.run(
            [host.python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    paths = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site_packages / "project-dependencies.pth").write_text("\n".join(paths) + "\n")
    host.found["site_packages"] = str(site_packages)
    host.reached.add("start")


# -- 2. the site as wagtail start made it ------------------------------------------------------


def test_the_new_site_migrates_and_serves_its_welcome_page(host):
    host.needs("start")
    host.database = postgres_database()
    if host.database is not None:
        # wagtail start's dev settings read settings/local.py last: the place for a database.
        (host.project / HOST / "settings" / "local.py").write_text(
            f"DATABASES = {{'default': {host.database[0]!r}}}\n"
        )
    host.manage("migrate", "--no-input")
    host.reached.add("database")
    # Another page of the host's own, which the plugin must leave alone.
    host.found.update(
        host.query(
            """
            from wagtail.models import Site
            from home.models import HomePage

            home = Site.objects.get(is_default_site=True).root_page.specific
            service = home.add_child(instance=HomePage(title="Bürgerservice", slug="buergerservice"))
            service.save_revision().publish()
            result = {"home": home.pk, "service": service.pk, "home_locale": home.locale.language_code}
            """
        )
    )
    host.start_server("unchanged")
    try:
        response = host.get(requests.Session(), "/")
        assert response.status_code == 200, host.explain(response)
        assert WELCOME in response.text
        service = host.get(requests.Session(), "/buergerservice/")
        assert service.status_code == 200, host.explain(service)
        assert HOST_TEMPLATE_MARK in service.text
    finally:
        host.stop_server()


# -- 3. the wheel -------------------------------------------------------------------------------


def source_files():
    """The checkout's files as git sees them (tracked and new, not ignored), relative paths."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        skipped = {".git", ".venv", "node_modules", "build", "dist", "media", "static_collected"}
        return sorted(
            str(path.relative_to(REPO))
            for path in REPO.rglob("*")
            if path.is_file()
            and not skipped & set(path.relative_to(REPO).parts)
            and "__pycache__" not in path.parts
            and not any(part.endswith(".egg-info") for part in path.parts)
        )
    return sorted(name for name in listed.split("\0") if name and (REPO / name).is_file())


def test_the_wheel_installs_into_the_hosts_environment(host):
    host.needs("start")
    # Built from a copy: setuptools' build/ folder in the checkout could hold files that are
    # gone from the source and would end up in the wheel.
    source, dist = host.folder / "source", host.folder / "dist"
    for name in source_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    host.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"),
            *("-q", "-w", dist, source),
        ],
        cwd=host.folder,
    )
    (wheel,) = dist.glob("offenes_buero-*.whl")
    host.found["wheel"] = str(wheel)
    host.run(
        [
            *(sys.executable, "-m", "pip", "--python", host.python, "install"),
            *("--no-deps", "--no-index", "-q", wheel),
        ],
        cwd=host.folder,
    )
    imported = host.query(
        """
        import importlib.util
        result = {
            "apps": {app: __import__(app).__file__ for app in ("buero", "angebote", "events", "opendata")},
            "buero_site": importlib.util.find_spec("buero_site") is not None,
        }
        """
    )
    for app, path in imported["apps"].items():
        assert Path(path).is_relative_to(host.found["site_packages"]), (app, path)
    host.reached.add("wheel")
    assert not imported["buero_site"], "the standalone site (buero_site) came with the wheel"


def test_the_wheel_holds_the_apps_and_nothing_else(host):
    host.needs("wheel")
    with zipfile.ZipFile(host.found["wheel"]) as wheel:
        names = set(wheel.namelist())
    top_level = {name.split("/")[0] for name in names if ".dist-info/" not in name}
    assert top_level == set(PLUGIN_APPS)
    # Every file of the apps: code, migrations, templates, static files, catalogues (.po and
    # .mo), demo translations and assets, the HSDS schemas.
    missing = [
        name
        for name in source_files()
        if name.split("/")[0] in PLUGIN_APPS and not name.endswith(".pyc") and name not in names
    ]
    assert not missing, f"not in the wheel: {missing}"


# -- 4. docs/integration.md, as written ----------------------------------------------------------


def test_the_integration_steps_apply_as_written(host):
    host.needs("wheel")
    applied = apply_steps.apply(REPO / "docs" / "integration.md", host.project)
    assert {kind for kind, _path in applied} == {"settings", "urls"}
    host.reached.add("steps")
    host.manage("check")


# -- 5. the existing database ----------------------------------------------------------------


def test_the_existing_database_migrates(host):
    host.needs("steps", "database")
    host.manage("migrate", "--no-input")
    host.manage("migrate", "--check")
    host.found["locales_after_migrate"] = host.query(
        """
        from wagtail.models import Locale
        result = sorted(Locale.objects.values_list("language_code", flat=True))
        """
    )
    host.reached.add("migrated")


def test_the_host_makes_its_pages_german_in_the_admin(host):
    """wagtail start's LANGUAGE_CODE "en-us" gave the host's pages the locale "en"; German
    is the default language now and has no locale. The host's pages are German (a German
    municipality's site), so the host changes that locale's language in Settings → Locales."""
    host.needs("migrated")
    assert host.found["locales_after_migrate"] == ["en"]
    assert host.found["home_locale"] == "en"
    host.manage(
        "createsuperuser",
        "--no-input",
        f"--username={ADMIN_USER}",
        "--email=redaktion@example.org",
        env={"DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
    )
    host.start_server("plugin")
    admin = host.login()
    locale_id = host.query(
        "from wagtail.models import Locale\nresult = Locale.objects.get(language_code='en').pk"
    )
    edit = f"/admin/locales/edit/{locale_id}/"
    page = host.get(admin, edit)
    assert page.status_code == 200, host.explain(page)
    form = find_form(page.text, field="language_code")
    assert "de" in form.options["language_code"]
    response = host.post(admin, edit, form.data(language_code="de"), allow_redirects=False)
    assert response.status_code == 302, host.explain(response)
    home_locale = host.query(
        f"from wagtail.models import Page\nresult = Page.objects.get(pk={host.found['home']})"
        ".locale.language_code"
    )
    assert home_locale == "de"
    host.reached.add("german")


# -- 6. buero_sync_locales ------------------------------------------------------------------------


def test_buero_sync_locales_creates_the_locales(host):
    host.needs("german")
    # It says what it will do and asks; the host answers yes.
    host.manage("buero_sync_locales", input="y\n")
    locales = host.query(
        """
        from wagtail.models import Locale
        result = sorted(Locale.objects.values_list("language_code", flat=True))
        """
    )
    assert locales == sorted(["de", "en", "ar", "fa", "uk", "ru", "pl", "ro"])
    host.reached.add("locales")


def test_buero_sync_locales_leaves_the_hosts_pages_alone(host):
    """Before there is an office section there is nothing of the office to show in other
    languages: the host's own pages get no aliases."""
    host.needs("locales")
    copies = host.query(
        f"""
        from wagtail.models import Page
        result = sorted(
            page.locale.language_code
            for page in Page.objects.filter(translation_key__in=Page.objects.filter(
                pk__in=[{host.found["home"]}, {host.found["service"]}]
            ).values("translation_key")).exclude(locale__language_code="de")
        )
        """
    )
    assert copies == []


# -- 7. the office's section, added in the admin ---------------------------------------------------

INVENTORY = f"""
from django.apps import apps
from wagtail.models import Locale, Page

german = Locale.get_default()
parents = list(Page.objects.filter(locale=german, depth__gt=1).order_by("path").specific())
result = {{}}
for model in apps.get_models():
    if not issubclass(model, Page) or model._meta.app_label not in {PLUGIN_LABELS!r}:
        continue
    page = model.objects.live().filter(locale=german).order_by("path").first()
    parent = next(
        (
            parent for parent in parents
            if model in parent.specific_class.creatable_subpage_models()
            and model.can_create_at(parent)
        ),
        None,
    )
    result[model._meta.label_lower] = {{
        "url": page.get_url() if page else None,
        "title": page.title if page else None,
        "add": (
            f"/admin/pages/add/{{model._meta.app_label}}/{{model._meta.model_name}}/{{parent.pk}}/"
            if parent else None
        ),
    }}
"""


def check_add_views(host):
    """GET each plugin page type's add-page view where a parent takes it now."""
    for label, found in host.query(INVENTORY).items():
        if found["add"] and host.add_views.get(label, (0,))[0] != 200:
            response = host.get(host.admin, found["add"], allow_redirects=False)
            host.add_views[label] = (response.status_code, found["add"])


def test_the_office_section_is_added_in_the_admin(host):
    host.needs("locales")
    admin = host.admin or host.login()
    home = host.found["home"]
    # What an editor sees under "Add child page" of the host's home page.
    choices = host.get(admin, f"/admin/pages/{home}/add_subpage/")
    assert choices.status_code == 200, host.explain(choices)
    add = f"/admin/pages/add/buero/officepage/{home}/"
    assert add in choices.text, "Offenes Büro is not offered under the host's home page"
    page = host.get(admin, add)
    host.add_views["buero.officepage"] = (page.status_code, add)
    assert page.status_code == 200, host.explain(page)
    form = find_form(page.text, form_id="page-edit-form")
    data = form.data(
        title=OFFICE_TITLE,
        slug=OFFICE_SLUG,
        intro=INTRO,
        **{"action-publish": "action-publish"},
    )
    # What Wagtail's JavaScript adds for a StreamField without blocks.
    data.setdefault("entry_points-count", ["0"])
    response = host.post(admin, add, data, allow_redirects=False)
    assert response.status_code == 302, host.explain(response)
    office = host.query(
        f"""
        from buero.models import OfficePage
        office = OfficePage.objects.get(slug={OFFICE_SLUG!r}, alias_of__isnull=True, locale__language_code="de")
        result = {{"id": office.pk, "parent": office.get_parent().pk, "live": office.live,
                   "locale": office.locale.language_code}}
        """
    )
    assert office == {"id": office["id"], "parent": home, "live": True, "locale": "de"}
    host.found["office"] = office["id"]
    host.reached.add("office")
    # Now, before the demo fills it, each type directly below the office can be added.
    check_add_views(host)


def test_buero_sync_locales_again_shows_the_office_in_every_language(host):
    """docs/integration.md, step 6: "Run it again after step 7"."""
    host.needs("office")
    host.manage("buero_sync_locales", input="y\n")
    languages = host.query(
        f"""
        from wagtail.models import Page
        def languages(pk):
            return sorted(Page.objects.get(pk=pk).get_translations()
                          .values_list("locale__language_code", flat=True))
        result = [languages({host.found["office"]}), languages({host.found["service"]})]
        """
    )
    assert languages == [sorted(["en", "ar", "fa", "uk", "ru", "pl", "ro"]), []]


# -- 8. the demo content ---------------------------------------------------------------------------


def test_the_demo_content_loads_below_the_hosts_home_page(host):
    host.needs("locales")
    host.manage("buero_load_demo", "--parent", host.found["home"])
    offices = host.query(
        """
        from buero.models import OfficePage
        result = [[page.pk, page.get_parent().pk, page.locale.language_code]
                  for page in OfficePage.objects.order_by("path")]
        """
    )
    german = [office for office in offices if office[2] == "de"]
    assert [office[1] for office in german] == [host.found["home"]]
    if "office" in host.reached:
        assert german[0][0] == host.found["office"], "the demo made a second office section"
    host.found["pages"] = host.query(INVENTORY)
    host.reached.add("demo")


# -- 9. the result, as visitors and editors see it -------------------------------------------------


def test_every_plugin_page_type_renders_in_the_hosts_base_template(host):
    host.needs("demo")
    visitor = requests.Session()
    failures = []
    for label, found in sorted(host.found["pages"].items()):
        if not found["url"]:
            failures.append(f"{label}: the demo has no live German page of this type")
            continue
        response = host.get(visitor, found["url"])
        if response.status_code != 200:
            failures.append(f"{label}: {host.explain(response)}")
        elif HOST_TEMPLATE_MARK not in response.text:
            failures.append(f"{label}: {found['url']} is not in the host's base.html")
        elif not all(mark in response.text for mark in OFFICE_MARKS):
            failures.append(f"{label}: {found['url']} lacks the office's stylesheet or section")
        elif found["title"] not in response.text:
            failures.append(f"{label}: {found['url']} does not show its title")
    assert not failures, "\n".join(failures)


def test_the_translated_demo_pages_answer_at_their_language_prefix(host):
    """The demo's English, Arabic and Ukrainian pages, through i18n_patterns (/en/…)."""
    host.needs("demo")
    translated = host.query(
        """
        from buero.models import OfficeInfoPage
        german = OfficeInfoPage.objects.get(slug="ueber-uns", locale__language_code="de")
        result = {
            page.locale.language_code: [page.get_url(), page.title]
            for page in german.get_translations().live()
            if page.alias_of_id is None
        }
        """
    )
    assert set(translated) >= {"en", "ar", "uk"}
    visitor = requests.Session()
    for code, (url, title) in sorted(translated.items()):
        assert url.startswith(f"/{code}/"), url
        response = host.get(visitor, url)
        assert response.status_code == 200, host.explain(response)
        assert title in response.text, (code, title)
        assert HOST_TEMPLATE_MARK in response.text
        if code == "ar":
            assert 'dir="rtl"' in response.text  # the office's section, in the host's page


def test_the_hosts_own_pages_still_answer(host):
    host.needs("demo")
    visitor = requests.Session()
    home = host.get(visitor, "/")
    assert home.status_code == 200, host.explain(home)
    assert WELCOME in home.text
    service = host.get(visitor, "/buergerservice/")
    assert service.status_code == 200, host.explain(service)
    assert "Bürgerservice" in service.text


def test_the_hosts_other_pages_get_no_copies_in_other_languages(host):
    """The plugin's locale synchronisation is about the office's section: the host's other
    pages are not aliased into the plugin's languages."""
    host.needs("demo")
    copies = host.query(
        f"""
        from wagtail.models import Page
        service = Page.objects.get(pk={host.found["service"]})
        result = sorted(service.get_translations().values_list("locale__language_code", flat=True))
        """
    )
    assert copies == []


def test_the_help_check_answers_without_a_csrf_token(host):
    host.needs("demo")
    visitor = requests.Session()
    url = host.found["pages"]["buero_angebote.helpcheckpage"]["url"]
    page = host.get(visitor, url)
    assert page.status_code == 200, host.explain(page)
    form = find_form(page.text, css_class="help-check")
    assert "csrfmiddlewaretoken" not in form.names()
    response = host.post(
        visitor, urljoin(host.url(url), form.action), form.data(adults=form.options["adults"][0])
    )
    assert response.status_code == 200, host.explain(response)
    assert 'class="help-result"' in response.text
    assert HOST_TEMPLATE_MARK in response.text


def test_the_feedback_form_stores_an_answer(host):
    host.needs("demo")
    visitor = requests.Session()
    url = host.found["pages"]["buero.officeinfopage"]["url"]
    page = host.get(visitor, url)
    assert page.status_code == 200, host.explain(page)
    form = find_form(page.text, button="helpful")
    response = host.post(
        visitor,
        urljoin(host.url(url), form.action),
        form.data(helpful="yes"),
        allow_redirects=False,
    )
    assert response.status_code == 303, host.explain(response)
    assert "feedback=thanks" in response.headers["Location"]
    thanks = host.get(visitor, response.headers["Location"])
    assert thanks.status_code == 200, host.explain(thanks)
    stored = host.query(
        "from buero.models import PageFeedback\nresult = PageFeedback.objects.filter(helpful=True).count()"
    )
    assert stored == 1


def test_an_appointment_request_goes_through_with_its_token(host):
    host.needs("demo")
    visitor = requests.Session()
    url = host.found["pages"]["buero_events.appointmentrequestpage"]["url"]
    page = host.get(visitor, url)
    assert page.status_code == 200, host.explain(page)
    form = find_form(page.text, field="consent")
    assert "csrfmiddlewaretoken" in form.names()
    data = form.data(contact_method="self", consent=form.options["consent"][0], leave_empty="")
    time.sleep(3.2)  # the form refuses answers sent faster than a person types them
    response = host.post(visitor, urljoin(host.url(url), form.action), data, allow_redirects=False)
    assert response.status_code == 303, host.explain(response)
    thanks = host.get(visitor, response.headers["Location"])
    assert thanks.status_code == 200, host.explain(thanks)
    assert HOST_TEMPLATE_MARK in thanks.text
    assert "zurueckziehen/?token=" in thanks.text
    stored = host.query(
        "from events.models import AppointmentRequest\n"
        "result = AppointmentRequest.objects.filter(contact_method='self').count()"
    )
    assert stored == 1


def test_a_post_without_the_token_is_refused(host):
    """The host's CSRF protection stays on: the appointment form without its token is 403."""
    host.needs("demo")
    url = host.found["pages"]["buero_events.appointmentrequestpage"]["url"]
    response = host.post(requests.Session(), url, {"contact_method": "self", "consent": "on"})
    assert response.status_code == 403


def test_the_admin_adds_every_plugin_page_type(host):
    host.needs("demo")
    host.admin or host.login()
    check_add_views(host)
    answers = {label: host.add_views.get(label) for label in host.found["pages"]}
    failing = {label: answer for label, answer in answers.items() if not answer or answer[0] != 200}
    assert not failing, f"add-page views (status, URL; None: no parent takes it): {failing}"


def test_the_static_files_come_from_the_wheel(host):
    """runserver (DEBUG) serves the apps' static files through Django's app finder: here from
    the installed wheel, as the checkout is not on the host's path."""
    host.needs("demo")
    visitor = requests.Session()
    for path in ("buero/css/buero.css", "buero/js/buero.js", "buero/icons/favicon-32.png"):
        response = host.get(visitor, f"/static/{path}")
        assert response.status_code == 200, host.explain(response)


def test_the_plugins_own_addresses_answer(host):
    """Feeds, APIs, the dates widget, print material and offline reading (buero.urls and the
    office page's routes) in the host site."""
    host.needs("demo")
    visitor = requests.Session()
    office = urlsplit(host.found["pages"]["buero.officepage"]["url"]).path
    checks = {
        "/de/feeds/angebote/": "<feed",
        "/api/hsds/": "openapi_url",
        "/api/hsds/services": '"contents"',
        "/de/einbetten/termine/": "<a href=",
        "/api/termine.json?lang=de": '"dates"',
        f"{office}plakat/": 'class="sheet poster"',
        f"{office}service-worker/": "self.addEventListener",
        f"{office}manifest/": '"start_url"',
    }
    failures = []
    for path, shown in checks.items():
        response = host.get(visitor, path)
        if response.status_code != 200:
            failures.append(f"{path}: {response.status_code}")
        elif shown not in response.text:
            failures.append(f"{path}: without {shown!r}")
    assert not failures, "\n".join(failures) + "\n--- runserver log ---\n" + host.log_tail(3000)
