"""The page tree snapshot answers menus, language links, URLs and routing as Wagtail would,
and follows every content change at once (buero.page_tree)."""

import pytest
from wagtail.models import Page

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from buero import content_generation, page_tree
from buero.factories import OfficeInfoPageFactory
from events.factories import DateIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]


def menu_of(client, url="/de/"):
    html = client.get(url).content.decode()
    return html.split('class="main-nav"')[1].split("</nav>")[0] if "main-nav" in html else ""


def test_a_published_page_is_in_the_menu_with_the_next_request(home, client):
    OfficeInfoPageFactory(parent=home, title="Über uns", show_in_menus=True)
    assert "Über uns" in menu_of(client)
    later = OfficeInfoPageFactory(parent=home, title="Kontakt", show_in_menus=True)
    assert "Kontakt" in menu_of(client)
    later.unpublish()
    assert "Kontakt" not in menu_of(client)


def test_a_moved_page_is_found_at_its_new_address(home, client):
    offers = OfferIndexPageFactory(parent=home, slug="hilfsangebote")
    about = OfficeInfoPageFactory(parent=home, slug="ueber-uns")
    offer = OfferPageFactory(parent=offers, slug="tafel", title="Tafel")
    assert client.get("/de/hilfsangebote/tafel/").status_code == 200
    offer.move(about, pos="last-child")
    assert client.get("/de/ueber-uns/tafel/").status_code == 200
    old = client.get("/de/hilfsangebote/tafel/")  # Wagtail's automatic redirect
    assert (old.status_code, old["Location"]) == (301, "/de/ueber-uns/tafel/")
    assert Page.objects.get(pk=offer.pk).specific.url == "/de/ueber-uns/tafel/"


def test_routing_matches_wagtail(home, client):
    dates = DateIndexPageFactory(parent=home, slug="termine")
    draft = OfficeInfoPageFactory(parent=home, slug="entwurf", live=False)
    assert client.get("/de/termine/").status_code == 200
    # Routes of a routable page come before its children, as in Wagtail.
    assert client.get("/de/termine/kalender/").status_code == 200
    assert client.get("/de/suche/?q=Tafel").status_code == 200
    assert client.get("/de/gibt-es-nicht/").status_code == 404
    assert client.get("/de/termine/gibt-es-nicht/").status_code == 404
    assert client.get(f"/de/{draft.slug}/").status_code == 404
    assert dates.url == "/de/termine/"


def test_a_page_created_after_the_snapshot_still_has_its_url(home):
    tree = page_tree.current()
    page = OfficeInfoPageFactory.build(title="Neu", slug="neu")
    home.add_child(instance=page)
    assert tree.get(page.id) is None  # created after this snapshot
    assert page.url == "/de/neu/"


def test_without_a_readable_generation_the_snapshot_is_kept_for_a_while(home, monkeypatch):
    tree = page_tree.current()
    monkeypatch.setattr(content_generation, "current", lambda: None)
    assert page_tree.current() is tree
    monkeypatch.setattr(page_tree, "MAX_AGE", 0)
    assert page_tree.current() is not tree


def test_language_links_lead_to_live_translations_only(home, translate, client):
    about = OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    translate(home, "ar")
    translate(about, "ar", title="من نحن")
    html = client.get("/de/ueber-uns/").content.decode()
    assert 'hreflang="ar" href="http://localhost/ar/ueber-uns/"' in html
    assert 'hreflang="en"' not in html.split("</head>")[0]


def test_a_change_in_another_process_is_seen_within_a_second(home, monkeypatch):
    tree = page_tree.current()
    # Another worker published: the shared generation moves on, this process did nothing.
    content_generation.shared_cache().incr(content_generation.GENERATION_KEY)
    assert page_tree.current() is tree  # read at most once per CHECK_EVERY
    monkeypatch.setattr(page_tree, "CHECK_EVERY", 0)
    assert page_tree.current() is not tree


def test_a_page_the_snapshot_does_not_know_is_routed_by_wagtail(home, client, monkeypatch):
    old = page_tree.current()
    OfficeInfoPageFactory(parent=home, title="Ganz neu", slug="ganz-neu")
    monkeypatch.setattr(page_tree, "current", lambda: old)  # as in a worker not yet updated
    response = client.get("/de/ganz-neu/")
    assert response.status_code == 200
    assert "Ganz neu" in response.content.decode()


def test_with_a_shared_cache_an_unchanged_snapshot_is_never_rebuilt(home, monkeypatch):
    """Redis: no rebuild a minute later without a change; the next change rebuilds."""
    monkeypatch.setattr(content_generation, "is_shared", lambda: True)
    monkeypatch.setattr(page_tree, "CHECK_EVERY", 0)
    tree = page_tree.current()
    monkeypatch.setattr(page_tree, "MAX_AGE", 0)  # as if an idle minute had passed
    assert page_tree.current() is tree
    content_generation.shared_cache().incr(content_generation.GENERATION_KEY)
    assert page_tree.current() is not tree
    # Without a readable generation, the age limit applies again.
    tree = page_tree.current()
    monkeypatch.setattr(content_generation, "current", lambda: None)
    assert page_tree.current() is not tree


def test_a_cache_of_each_process_is_not_shared(settings):
    assert not content_generation.is_shared()  # the tests' local-memory cache
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/9",
        }
    }
    assert content_generation.is_shared()
