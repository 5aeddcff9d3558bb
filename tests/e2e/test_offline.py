"""Offline: what a family opened stays readable without a connection, in its language.

Each language's service worker (buero.offline) stores the home page, the dates page and the
offline page on the first visit, and every public page opened since; offline, the stored
copy comes back, and a page never opened gets the offline page with the stored titles.
"""

import re
from urllib.parse import urlsplit
from urllib.request import urlopen

from .conftest import LANGUAGES

SENTENCES = {
    "de": "Sie sind offline. Diese Seiten sind gespeichert:",
    "ar": "أنت غير متصل بالإنترنت. هذه الصفحات محفوظة:",
}
#: What a stored copy read offline says, before and after the time it was saved.
SAVED = {
    "de": ("Sie sind offline. Gespeichert am ", ": Manches kann sich seitdem geändert haben."),
    "ar": (
        "أنت غير متصل بالإنترنت. حُفظت هذه الصفحة في ",
        ": ربما تغيّرت بعض التفاصيل منذ ذلك الحين.",
    ),
}
#: What the offline page adds when it answers a search.
SEARCH_SENTENCES = {
    "de": "Für die Suche und die Filter brauchen Sie eine Internetverbindung.",
    "ar": "البحث والتصفية يحتاجان إلى اتصال بالإنترنت.",
}

#: The worker's store of the page's language: its list of pages and the cache's entries.
STORE = """async (prefix) => {
    const name = (await caches.keys()).find((key) => key.startsWith(prefix));
    const cache = await caches.open(name);
    const index = await cache.match(location.pathname.split("/").slice(0, 2).join("/")
        + "/offline/stored-pages.json");
    return {entries: index ? await index.json() : [],
            urls: (await cache.keys()).map((request) => new URL(request.url).pathname)};
}"""


def controlled(page):
    """Wait until the language's worker is active and controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def heading(page):
    return page.locator("h1").first.inner_text()


def test_visited_pages_are_read_from_the_store_offline(site, new_context):
    base_url, pages = site
    context = new_context()
    page = context.new_page()
    headings = {}
    for language in LANGUAGES:
        for name in ("home", "offer"):
            page.goto(base_url + pages[language][name])
            controlled(page)
            # Opened once more under the worker's control: now it keeps a copy.
            page.reload()
            headings[language, name] = heading(page)

    context.set_offline(True)
    for language in LANGUAGES:
        for name in ("home", "offer"):
            page.goto(base_url + pages[language][name])
            assert heading(page) == headings[language, name]
            page.reload()
            assert heading(page) == headings[language, name]

        # Never opened: the offline page in the visitor's language, with what is stored.
        page.goto(base_url + pages[language]["partners"])
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_text(SENTENCES[language]).is_visible()
        stored = page.locator("[data-stored-pages] a")
        stored.first.wait_for()
        titles = stored.all_inner_texts()
        links = [urlsplit(link).path for link in stored.evaluate_all("l => l.map(a => a.href)")]
        assert pages[language]["offer"] in links
        assert pages[language]["home"] in links
        assert pages[language]["events"] in links  # stored on the first visit
        # Newest first: the offer was opened after the home page.
        assert links.index(pages[language]["offer"]) < links.index(pages[language]["home"])
        assert any(headings[language, "offer"] in title for title in titles)


def test_stored_copies_say_when_they_were_saved(site, new_context):
    base_url, pages = site
    context = new_context()
    page = context.new_page()
    for language in LANGUAGES:
        page.goto(base_url + pages[language]["offer"])
        controlled(page)
        page.reload()
        # Online, the page is the server's: no notice.
        assert page.locator(".notice--stale").count() == 0
    page.wait_for_timeout(500)  # the last copy is written after the response

    context.set_offline(True)
    for language in LANGUAGES:
        page.goto(base_url + pages[language]["offer"])
        notice = page.locator("main .notice--stale")
        assert notice.is_visible()
        before, after = SAVED[language]
        text = notice.inner_text()
        assert text.startswith(before), text
        assert text.endswith(after), text
        # The time as a machine-readable <time>, in the page's language and digits 0-9.
        saved = notice.locator("time")
        assert saved.get_attribute("datetime").endswith("Z")
        assert any(character.isdigit() for character in saved.inner_text())
        assert all(not "\u0660" <= character <= "\u0669" for character in saved.inner_text())
        # Inside the page's own content, after the header: where base.html marks the place.
        assert page.evaluate(
            "document.querySelector('main').contains(document.querySelector('.notice--stale'))"
        )

        # The offline page names each stored page's time too.
        page.goto(base_url + pages[language]["partners"])
        stored = page.locator("[data-stored-pages] li").first
        stored.wait_for()
        assert stored.locator("time").count() == 1


def test_a_search_offline_shows_the_offline_page_in_the_visitors_language(site, new_context):
    base_url, pages = site
    context = new_context()
    page = context.new_page()
    for language in LANGUAGES:
        page.goto(base_url + pages[language]["home"])
        controlled(page)
        page.reload()
    page.wait_for_timeout(500)

    context.set_offline(True)
    for language in LANGUAGES:
        # As a visitor does it: the stored home page's search field, offline.
        page.goto(base_url + pages[language]["home"])
        page.fill("#header-search", "Kinderzuschlag")
        page.press("#header-search", "Enter")
        page.wait_for_url("**/suche/?q=Kinderzuschlag")
        assert page.locator("html").get_attribute("lang") == language
        assert page.get_by_text(SEARCH_SENTENCES[language]).is_visible()
        assert page.get_by_text(SENTENCES[language]).is_visible()
        stored = page.locator("[data-stored-pages] a")
        stored.first.wait_for()
        links = [urlsplit(link).path for link in stored.evaluate_all("l => l.map(a => a.href)")]
        assert pages[language]["home"] in links

        # A page never opened is the plain offline page: no sentence about searching.
        page.goto(base_url + pages[language]["partners"])
        assert page.get_by_text(SENTENCES[language]).is_visible()
        assert not page.get_by_text(SEARCH_SENTENCES[language]).is_visible()

    # Searches are never stored: back online, the server answers them.
    context.set_offline(False)
    response = page.goto(base_url + pages["de"]["search"])
    assert response.status == 200
    assert page.locator("[data-offline-query]").count() == 0


def test_the_store_stays_under_the_cap(site, new_context):
    base_url, pages = site
    with urlopen(f"{base_url}/sitemap.xml") as response:  # noqa: S310 (the live server)
        sitemap = response.read().decode()
    addresses = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    german = sorted(path for path in addresses if path.startswith("/de/"))
    # More addresses than pages where needed: every page's QR code view is a page too.
    visits = (german + [f"{path}qr-code/" for path in german])[:60]
    assert len(visits) == 60

    context = new_context()
    page = context.new_page()
    page.goto(base_url + pages["de"]["home"])
    controlled(page)
    for path in visits:
        response = page.goto(base_url + path)
        assert response.status == 200, path
    page.wait_for_timeout(500)  # the last copy is written after the response
    store = page.evaluate(STORE, "buero-de-")
    entries = store["entries"]
    size = sum(entry["size"] for entry in entries)
    print(f"\nstored after 60 visits: {len(entries)} pages, {size / 1024:.0f} KB")
    assert len(entries) <= 50
    assert size <= 2 * 1024 * 1024
    stored_pages = [url for url in store["urls"] if not url.startswith("/static/")]
    # The pages in the list, the offline page and the list itself; nothing else.
    assert sorted(stored_pages) == sorted(
        [entry["url"] for entry in entries] + ["/de/offline/", "/de/offline/stored-pages.json"]
    )
    # The oldest visits went first; the home page and the dates page stay.
    kept = {pages["de"]["home"], pages["de"]["events"]}
    urls = {entry["url"] for entry in entries}
    assert next(path for path in visits if path not in kept) not in urls
    assert visits[-1] in urls
    assert kept <= urls
    assert all(url.startswith("/de/") for url in urls)
