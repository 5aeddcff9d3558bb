"""Offline reading and "add to home screen": the service worker, its version, the manifest.

A family with no data left at the end of the month still needs the office's address, its
hours and the next dates. Each language's home page serves a service worker for its own
pages (its scope is the home page's URL), an offline page and a web app manifest, all as
routes of the page (OfficePage), so that a host site that mounts the apps gets them too.

The worker stores what the server lets it keep: public pages that come back with 200, as
HTML, without ``no-store`` or ``private`` in ``Cache-Control``. That leaves out by itself
the help check's results and the appointment request (both never cached, see
``add_never_cache_headers``), and the worker never stores POST results or addresses with a
query string (searches, filters); offline, a search or a filter gets the offline page. A
stored copy read offline says when it was saved. The cap and the rest of its rules are in the worker's
template, buero/templates/buero/service_worker.js.
"""

import hashlib
import json
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import get_language_info

from . import conf
from .sections import OFFLINE_PAGES, collect_items

#: The routes of a home page (OfficePage): no dot in them, because Wagtail's page URLs are
#: folders ("sw.js" would never reach the page). The worker's own address is below its
#: scope, so it is answered with ``Service-Worker-Allowed``.
SERVICE_WORKER_PATH = "service-worker/"
OFFLINE_PATH = "offline/"
MANIFEST_PATH = "manifest/"
#: Where the worker keeps its list of stored pages (URL, title, time, size) in its cache;
#: the offline page reads it from there. Never an address the server answers.
INDEX_PATH = "offline/stored-pages.json"

#: The stylesheet and the script every page loads: stored on the first visit.
ASSETS = ("buero/css/buero.css", "buero/js/buero.js")
TEMPLATE = "buero/service_worker.js"

#: Where base.html wants a notice that a page may be out of date (the page cache puts its
#: own there, buero_site.page_cache); the worker puts "saved on …" there on a stored copy
#: read offline, and right after <body> in a host's template without it.
NOTICE_MARKER = "<!-- stale-notice -->"

#: Most pages and bytes of pages the worker keeps; the oldest visit is dropped first.
MAX_PAGES = 50
MAX_BYTES = 2 * 1024 * 1024

#: The site's accent (buero.css --accent) and tint (--tint).
THEME_COLOR = "#8a3b00"
BACKGROUND_COLOR = "#fdf4e8"
ICONS = (
    ("buero/icons/icon-192.png", "192x192", "any"),
    ("buero/icons/icon-512.png", "512x512", "any"),
    ("buero/icons/icon-maskable-512.png", "512x512", "maskable"),
)


def home_path(home, request):
    """The home page's path on the site of the request ("/de/"): a worker's scope and its
    addresses are paths, even where several sites make Wagtail's page URLs absolute."""
    return urlsplit(home.get_url(request)).path


def addresses(home_url):
    """The offline routes of the home page at ``home_url`` ("/de/")."""
    return {
        "scope": home_url,
        "service_worker": home_url + SERVICE_WORKER_PATH,
        "offline": home_url + OFFLINE_PATH,
        "manifest": home_url + MANIFEST_PATH,
        "index": home_url + INDEX_PATH,
    }


def version(template_source):
    """Changes with every deployment: ``BUERO_RELEASE`` (the deployment sets it, e.g. to the
    commit), and without it whenever the worker, the script or the stylesheet changes.

    A new version makes browsers install the worker again and drop the old store, so that no
    page is ever shown with the stylesheet of another release.
    """
    digest = hashlib.sha256(template_source.encode())
    digest.update(conf.release().encode())
    for name in ASSETS:
        digest.update(static(name).encode())
        path = finders.find(name)
        if path:
            with open(path, "rb") as file:
                digest.update(file.read())
    return digest.hexdigest()[:12]


def worker_config(home, request, template_source):
    """What the worker template needs: its cache names, what it stores first, the cap."""
    path = home_path(home, request)
    urls = addresses(path)
    language = home.locale.language_code
    pages = [path, *(urlsplit(url).path for url in collect_items(OFFLINE_PAGES, home, request))]
    with translation.override(language):
        # "{date}" is where the worker writes the time it saved the page.
        saved_notice = translation.gettext(
            "You are offline. Saved on %(date)s: some details may have changed since."
        ) % {"date": "{date}"}
    return {
        "prefix": f"buero-{language}-",
        "version": version(template_source),
        "scope": urls["scope"],
        "offline": urls["offline"],
        "index": urls["index"],
        "pages": list(dict.fromkeys(pages)),
        "assets": [static(name) for name in ASSETS],
        "static": settings.STATIC_URL,
        "maxPages": MAX_PAGES,
        "maxBytes": MAX_BYTES,
        "language": language,
        "savedNotice": saved_notice,
        "marker": NOTICE_MARKER,
    }


def worker_config_json(config):
    """The config as a JavaScript literal; ``<`` escaped like Django's json_script."""
    return json.dumps(config, separators=(",", ":")).replace("<", "\\u003C")


def manifest(home, request, office_name, description):
    """The web app manifest of a language's home page (``Content-Type:
    application/manifest+json``)."""
    path = home_path(home, request)
    language = home.locale.language_code
    info = get_language_info(language)
    return {
        "name": office_name,
        "short_name": conf.app_short_name(),
        "description": description,
        "lang": language,
        "dir": "rtl" if info["bidi"] else "ltr",
        "start_url": path,
        "scope": path,
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": static(name), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for name, sizes, purpose in ICONS
        ],
    }
