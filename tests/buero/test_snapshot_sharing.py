"""The page tree snapshot is built once and shared, changes are applied page by page, and no
editor's request builds it (issue 29): buero.page_tree, buero.content_generation."""

import pickle

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TopicFactory,
)
from buero import content_generation, page_tree
from buero.factories import OfficeInfoPageFactory
from buero.overlay import over
from tests.angebote.test_partner_access import edit_url, offer_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]


@pytest.fixture
def shared(monkeypatch):
    """A cache that every worker shares (Redis in production); the tests' local-memory
    cache stands in for it, and a worker's own state is page_tree's module state."""
    monkeypatch.setattr(content_generation, "is_shared", lambda: True)
    monkeypatch.setattr(page_tree, "CHECK_EVERY", 0)


@pytest.fixture
def builds(monkeypatch):
    """Every whole build of a snapshot, counted."""
    counted = []
    build = page_tree.PageTree.build.__func__

    def counting(cls):
        counted.append(cls)
        return build(cls)

    monkeypatch.setattr(page_tree.PageTree, "build", classmethod(counting))
    return counted


@pytest.fixture
def offer(home):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    return OfferPageFactory(
        parent=OfferIndexPageFactory(parent=home), providers=[partner], title="Tafel"
    )


def new_worker():
    """A worker process that starts now: nothing in its memory, the shared cache as it is."""
    page_tree.forget()


def test_an_editors_publish_and_translation_build_no_snapshot(
    admin_client, offer, locales, shared, builds
):
    assert admin_client.get(offer.url).status_code == 200
    builds.clear()
    response = admin_client.post(
        edit_url(offer), {**offer_form(offer, title="Tafel Tangerhütte"), "action-publish": "1"}
    )
    assert response.status_code == 302
    translate = reverse("wagtail_localize:submit_page_translation", args=[offer.pk])
    response = admin_client.post(translate, {"locales": [locales["en"].pk]})
    assert response.status_code == 302
    assert not builds
    assert "Tafel Tangerhütte" in admin_client.get(offer.url).content.decode()
    assert not builds  # the visitor's request applied the changes page by page


def test_a_publish_is_applied_page_by_page(client, home, offer, shared, builds):
    tree = page_tree.current()
    builds.clear()
    offer.title = "Tafel am Markt"
    offer.save_revision().publish()
    OfficeInfoPageFactory(parent=home, title="Neu hier", slug="neu-hier", show_in_menus=True)
    updated = page_tree.current()
    assert not builds
    assert updated is not tree
    assert updated.get(offer.pk).title == "Tafel am Markt"
    assert tree.get(offer.pk).title == "Tafel"  # the old snapshot is left as it was
    assert "Neu hier" in client.get("/de/").content.decode()
    assert client.get("/de/neu-hier/").status_code == 200
    assert [node.title for node in updated.children[home.path]][-1] == "Neu hier"


def test_a_move_or_a_deletion_builds_anew(home, offer, shared, builds):
    page_tree.current()
    about = OfficeInfoPageFactory(parent=home, slug="ueber-uns")
    page_tree.current()
    builds.clear()
    offer.move(about, pos="last-child")
    assert page_tree.current().get(offer.pk).url == "/de/ueber-uns/tafel/"
    assert len(builds) == 1
    Page.objects.get(pk=about.pk).delete()
    assert page_tree.current().get(offer.pk) is None
    assert len(builds) == 2


def test_another_worker_loads_the_shared_snapshot_instead_of_building(
    client, offer, shared, builds
):
    page_tree.current()
    assert len(builds) == 1
    offer.title = "Tafel am Markt"
    offer.save_revision().publish()
    new_worker()
    tree = page_tree.current()
    assert len(builds) == 1  # the first worker's snapshot, brought up to date
    assert tree.get(offer.pk).title == "Tafel am Markt"
    assert "Tafel am Markt" in client.get(offer.url).content.decode()
    assert len(builds) == 1


def test_without_a_shared_snapshot_one_worker_builds_and_shares_it(offer, shared, builds):
    content_generation.shared_cache().delete(page_tree.SHARED_KEY)
    new_worker()
    page_tree.current()
    new_worker()
    page_tree.current()
    assert len(builds) == 1


def test_a_shared_snapshot_that_cannot_be_loaded_is_built_anew(client, offer, shared, builds):
    """After an update whose snapshot has other fields, or a damaged entry: built, not a 500."""
    generation = content_generation.current()
    cache = content_generation.shared_cache()
    cache.set(page_tree.SHARED_KEY, (generation, b"\x80\x05not a snapshot"), None)
    new_worker()
    assert client.get(offer.url).status_code == 200
    assert len(builds) == 1
    assert cache.get(page_tree.SHARED_KEY)[1] != b"\x80\x05not a snapshot"


def test_a_publish_in_nanosecond_generations_starts_anew_from_the_clock(offer, shared):
    """Generations once counted in nanoseconds come back rounded from django-redis."""
    cache = content_generation.shared_cache()
    cache.set(content_generation.GENERATION_KEY, 1_796_673_882_501_443_360, None)
    offer.save_revision().publish()
    assert content_generation.current() < content_generation.EXACT
    assert page_tree.current().get(offer.pk) is not None


def test_links_to_topics_follow_a_publish_page_by_page(client, home, offer, locales, shared):
    debts = TopicFactory(name="Schulden", slug="schulden", locale=locales["de"])
    listing = f"{offer.get_parent().url}?topic=schulden"
    assert "Tafel" not in client.get(listing).content.decode()
    offer.topics.set([debts])
    offer.save_revision().publish()
    assert "Tafel" in client.get(listing).content.decode()
    assert "Schulden" in client.get(offer.url).content.decode()


def test_a_snapshot_keeps_no_memo_in_the_shared_cache(offer, shared):
    tree = page_tree.current()
    tree.memo(("anything",), lambda: object())
    restored = page_tree.pickle.loads(page_tree.pickle.dumps(tree))
    assert restored.get(offer.pk) == tree.get(offer.pk)
    assert not restored._memo


def test_changes_name_the_pages(offer, locales):
    cancel = content_generation.change_of
    assert cancel(instance=offer) == ("pages", frozenset({offer.pk}))
    assert cancel(instance=Locale.objects.first()) == content_generation.FULL
    assert cancel() == content_generation.FULL
    assert cancel(pages=[1, 2]) == ("pages", frozenset({1, 2}))


def test_what_a_page_shows_of_other_pages_follows_their_publication(
    client, home, offer, shared, builds
):
    """Kept across publications and rendered anew where a changed page shows: the menu
    in the header, the home page's entry points; an offer's change leaves them be."""
    about = OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    about.show_in_menus = True
    about.save_revision().publish()
    home.entry_points = [("entry_point", {"page": about, "title": "", "text": "Wer wir sind."})]
    home.save_revision().publish()
    assert "Über uns" in client.get("/de/").content.decode()
    offer.title = "Tafel am Markt"
    offer.save_revision().publish()
    assert "Über uns" in client.get("/de/").content.decode()
    about.title = "Wer wir sind"
    about.save_revision().publish()
    html = client.get("/de/").content.decode()
    menu = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert "Wer wir sind" in menu
    assert "Über uns" not in html
    assert "Wer wir sind" in client.get(offer.url).content.decode()  # its header too


def test_pages_added_behind_a_restriction_stay_closed_page_by_page(
    client, home, translate, shared, builds
):
    """A snapshot brought up to date (buero.overlay) closes a new page below a restricted
    one, and that page's translation, without building anew."""
    internal = OfficeInfoPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    translate(internal, "en")  # with its restriction: that builds the snapshot anew
    page_tree.current()
    builds.clear()
    minutes = OfficeInfoPageFactory(parent=internal, title="Protokoll", slug="protokoll")
    english = translate(minutes, "en", title="Minutes", slug="minutes")
    tree = page_tree.current()
    assert not builds
    assert tree.get(english.pk) is not None
    assert not tree.is_public(minutes)
    assert not tree.is_public(english)
    for url in ("/sitemap.xml", "/de/suche/?q=Protokoll", "/en/search/?q=Minutes"):
        content = client.get(url).content.decode()
        assert "protokoll/" not in content
        assert "minutes/" not in content


def test_an_overlay_reads_and_pickles_as_the_dict_it_stands_for():
    base = {1: "a", 2: "b"}
    first = over(base)
    first[2], first[3] = "B", "c"
    second = over(first)
    second[4] = "d"
    assert base == {1: "a", 2: "b"}  # never written
    assert dict(first) == {1: "a", 2: "B", 3: "c"}
    assert dict(second) == {1: "a", 2: "B", 3: "c", 4: "d"}
    assert pickle.loads(pickle.dumps(second)) == dict(second)  # noqa: S301 (made here)
    assert len(second) == 4
    assert 4 in second
    assert 5 not in second
    assert second.get(5, "-") == "-"
    assert sorted(second.values()) == ["B", "a", "c", "d"]
