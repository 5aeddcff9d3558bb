"""Offline reading: each language's service worker, offline page and web app manifest."""

import gzip
import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import RequestFactory, override_settings

from buero import offline
from events.factories import DateIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]


@pytest.fixture
def pages(home, translate):
    """The German and Arabic home and dates pages."""
    dates = DateIndexPageFactory(parent=home, title="Termine", slug="termine")
    arabic_home = translate(home, "ar", title="المكتب المفتوح")
    arabic_dates = translate(dates, "ar", title="المواعيد", slug="mawaid")
    return {"de": (home, dates), "ar": (arabic_home, arabic_dates)}


def worker_config(response):
    source = response.content.decode()
    return json.loads(re.search(r"const CONFIG = (\{.*?\});", source).group(1))


@pytest.mark.parametrize("code", ["de", "ar"])
def test_the_service_worker_stores_the_languages_essentials(client, pages, code):
    home, dates = pages[code]
    response = client.get(f"{home.url}service-worker/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == f"/{code}/"
    assert "no-cache" in response["Cache-Control"]
    config = worker_config(response)
    assert config["scope"] == f"/{code}/"
    assert config["pages"] == [f"/{code}/", dates.url]
    assert config["offline"] == f"/{code}/offline/"
    assert config["assets"] == [static("buero/css/buero.css"), static("buero/js/buero.js")]
    assert config["prefix"] == f"buero-{code}-"
    assert re.fullmatch(r"[0-9a-f]{12}", config["version"])
    assert (config["maxPages"], config["maxBytes"]) == (50, 2 * 1024 * 1024)
    assert not response.cookies


@override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "tests.buero.test_offline.HashedNames"},
    }
)
def test_the_worker_names_the_static_files_by_their_deployed_names(client, pages):
    config = worker_config(client.get("/de/service-worker/"))
    assert config["assets"] == ["/static/buero/css/buero.v1.css", "/static/buero/js/buero.v1.js"]


class HashedNames:
    """Stands in for WhiteNoise's manifest storage: a hashed name for every file."""

    def url(self, name):
        stem, _dot, extension = name.rpartition(".")
        return f"/static/{stem}.v1.{extension}"


def test_a_new_release_changes_the_version(client, pages, settings):
    first = worker_config(client.get("/de/service-worker/"))["version"]
    assert worker_config(client.get("/ar/service-worker/"))["version"] == first
    settings.BUERO_RELEASE = "2026-12-02.1"
    assert worker_config(client.get("/de/service-worker/"))["version"] != first


@pytest.mark.parametrize(
    ("code", "direction", "sentence", "home_link"),
    [
        ("de", "ltr", "Sie sind offline. Diese Seiten sind gespeichert:", "Zur Startseite"),
        ("ar", "rtl", "أنت غير متصل بالإنترنت. هذه الصفحات محفوظة:", "إلى الصفحة الرئيسية"),
    ],
)
@pytest.mark.usefixtures("pages")
def test_the_offline_page_speaks_the_visitors_language(
    client, code, direction, sentence, home_link
):
    response = client.get(f"/{code}/offline/")
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in content
    assert f"<p>{sentence}</p>" in content
    # buero.js fills the list from the worker's store; without it the home page is a link.
    assert f'data-stored-pages="/{code}/offline/stored-pages.json" hidden' in content
    assert f'href="/{code}/">{home_link}</a>' in content
    assert '<meta name="robots" content="noindex">' in content
    assert not response.cookies


@pytest.mark.parametrize(
    ("code", "notice"),
    [
        (
            "de",
            "Sie sind offline. Gespeichert am {date}: Manches kann sich seitdem geändert haben.",
        ),
        (
            "ar",
            "أنت غير متصل بالإنترنت. حُفظت هذه الصفحة في {date}: ربما تغيّرت بعض التفاصيل منذ ذلك الحين.",
        ),
    ],
)
def test_the_worker_says_when_a_stored_copy_was_saved_in_the_pages_language(
    client, pages, code, notice
):
    """The worker writes the time into the sentence and the sentence into the stored copy,
    where base.html marks the place: the page needs no script of its own for it."""
    config = worker_config(client.get(f"/{code}/service-worker/"))
    assert config["language"] == code
    assert config["savedNotice"] == notice
    assert config["marker"] == offline.NOTICE_MARKER
    assert offline.NOTICE_MARKER in client.get(pages[code][1].url).content.decode()


@pytest.mark.parametrize(
    ("code", "sentence", "saved_on"),
    [
        (
            "de",
            "Für die Suche und die Filter brauchen Sie eine Internetverbindung.",
            "gespeichert am {date}",
        ),
        ("ar", "البحث والتصفية يحتاجان إلى اتصال بالإنترنت.", "حُفظت في {date}"),
    ],
)
@pytest.mark.usefixtures("pages")
def test_the_offline_page_answers_searches_and_dates_the_stored_pages(
    client, code, sentence, saved_on
):
    content = client.get(f"/{code}/offline/").content.decode()
    # Shown by the worker when it answers a search or a filter with this page.
    assert f'<p class="notice" data-offline-query hidden>{sentence}</p>' in content
    # buero.js names each stored page's time with this.
    assert f'data-saved-on="{saved_on}"' in content


def test_the_worker_answers_searches_offline_but_never_stores_them(client, pages):
    source = client.get("/de/service-worker/").content.decode()
    assert "url.search ? withQuery(event) : page(event)" in source
    body = source[source.index("async function withQuery") :]
    body = body[: body.index("\n}\n")]
    assert "store(" not in body


@pytest.mark.parametrize(("code", "direction"), [("de", "ltr"), ("ar", "rtl")])
def test_the_manifest_opens_the_languages_home_page(client, pages, office, code, direction):
    response = client.get(f"/{code}/manifest/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == office.name
    assert manifest["short_name"] == "Offenes Büro"
    assert (manifest["lang"], manifest["dir"]) == (code, direction)
    assert manifest["start_url"] == manifest["scope"] == f"/{code}/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == offline.THEME_COLOR
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        assert icon["src"].startswith("/static/buero/icons/")
        assert finders.find(icon["src"].removeprefix("/static/"))


@pytest.mark.parametrize("code", ["de", "ar"])
def test_every_page_names_its_languages_worker_and_manifest(client, pages, code):
    _home, dates = pages[code]
    content = client.get(dates.url).content.decode()
    assert (
        f'<link rel="manifest" href="/{code}/manifest/" '
        f'data-service-worker="/{code}/service-worker/" data-scope="/{code}/">'
    ) in content
    assert f'<meta name="theme-color" content="{offline.THEME_COLOR}">' in content
    assert 'rel="apple-touch-icon" href="/static/buero/icons/apple-touch-icon.png"' in content


def test_the_routes_keep_the_security_headers(client, pages):
    page_policy = client.get("/de/")["Content-Security-Policy"]
    assert "unsafe-inline" not in page_policy
    for path in ("service-worker/", "offline/", "manifest/"):
        response = client.get(f"/de/{path}")
        assert response["Content-Security-Policy"] == page_policy
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "Set-Cookie" not in response


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_keeps_the_worker_fresh_but_never_stale(
    client, pages, django_assert_num_queries
):
    from buero_site import page_cache

    first = client.get("/de/service-worker/")
    with django_assert_num_queries(0):
        second = client.get("/de/service-worker/")
    assert second.content == first.content
    assert "stale-if-error" not in first["Cache-Control"]
    client.get("/de/offline/")
    stale = {
        path: page_cache.page_cache().get(page_cache.stale_key(RequestFactory().get(path)))
        for path in ("/de/service-worker/", "/de/offline/")
    }
    assert stale["/de/service-worker/"] is None
    assert stale["/de/offline/"] is not None


def test_the_script_and_the_worker_stay_under_10_kb_compressed(client, pages):
    worker = client.get("/de/service-worker/").content
    script = Path(finders.find("buero/js/buero.js")).read_bytes()
    size = len(gzip.compress(worker, compresslevel=9)) + len(gzip.compress(script, compresslevel=9))
    print(f"\nbuero.js + service worker: {size} bytes compressed")
    assert size < 10 * 1024
