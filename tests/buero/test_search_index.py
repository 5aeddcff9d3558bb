"""The search's index in the database (buero.search.documents, engine, index): every change
that can change what the search may find is found, or gone, with the next search, in every
language; the database's full-text index answers; nothing a visitor types breaks it.

Editors' actions go through the admin where it takes a plain form (unpublish, move,
delete), and through Wagtail's publish action, which the admin's publish button runs.
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from buero.search import engine
from buero.search.models import SearchDocument, SearchWord

pytestmark = pytest.mark.django_db

TRANSLATED = ("en", "ar")
ALIASED = ("ru", "pl")


@pytest.fixture
def offer(home, translate, locales):
    """A German offer, translated into English and Arabic, an alias in Russian and Polish."""
    offers = OfferIndexPageFactory(parent=home)
    offer = OfferPageFactory(parent=offers, title="Wohngeld", summary="Zuschuss zur Miete.")
    for code in TRANSLATED:
        translate(offer, code, title=f"Wohngeld ({code})")
    for code in ALIASED:
        offer.copy_for_translation(locales[code], copy_parents=True, alias=True)
    return offer


def in_language(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def found(client, code, query):
    response = client.get(f"/{code}/suche/", {"q": query})
    assert response.status_code == 200, (code, query)
    return re.findall(r'<a class="card__link" href="([^"]+)"', response.content.decode())


def test_every_language_finds_the_page_from_the_start(client, offer):
    for code in ("de", *TRANSLATED, *ALIASED):
        assert found(client, code, "Wohngeld") == [in_language(offer, code).url], code


def test_a_published_title_is_found_at_once_in_every_language(client, offer):
    offer.title = "Wohnkostenzuschuss"
    offer.save_revision().publish()
    for code in ("de", *ALIASED):  # the aliases follow their source
        assert found(client, code, "Wohnkostenzuschuss") == [in_language(offer, code).url], code
    # A translation keeps its own title: English finds only the German page ("never a dead
    # end" shows the German office's results).
    assert found(client, "en", "Wohnkostenzuschuss") == [offer.url]
    arabic = in_language(offer, "ar").specific
    arabic.title = "بدل السكن"
    arabic.save_revision().publish()
    assert found(client, "ar", "السكن") == [arabic.url]
    assert arabic.url not in found(client, "ar", "Wohngeld")


def test_an_unpublished_page_is_gone_at_once(admin_client, client, offer):
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[offer.pk]))
    assert response.status_code == 302
    for code in ("de", *ALIASED):
        assert found(client, code, "Wohngeld") == [], code
    # Its translations are pages of their own, published on their own.
    assert found(client, "en", "Wohngeld") == [in_language(offer, "en").url]
    offer.save_revision().publish()
    assert found(client, "de", "Wohngeld") == [offer.url]


def test_a_moved_page_is_found_at_its_new_address(admin_client, client, home, offer):
    other = OfferIndexPageFactory(parent=home, title="Mehr Hilfe", slug="mehr-hilfe")
    url = reverse("wagtailadmin_pages:move_confirm", args=[offer.pk, other.pk])
    assert admin_client.post(url).status_code == 302
    assert found(client, "de", "Wohngeld") == ["/de/mehr-hilfe/wohngeld/"]


def test_a_page_moved_below_a_restricted_one_is_gone_in_every_language(
    admin_client, client, home, offer
):
    closed = OfferIndexPageFactory(parent=home, title="Intern", slug="intern")
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    url = reverse("wagtailadmin_pages:move_confirm", args=[offer.pk, closed.pk])
    assert admin_client.post(url).status_code == 302
    for code in ("de", *TRANSLATED, *ALIASED):
        assert found(client, code, "Wohngeld") == [], code
    assert not SearchDocument.objects.filter(title__startswith="Wohngeld").exists()


def test_a_view_restriction_closes_and_opens_the_page_in_every_language(client, offer):
    restriction = PageViewRestriction.objects.create(
        page=offer, restriction_type=PageViewRestriction.LOGIN
    )
    for code in ("de", *TRANSLATED, *ALIASED):
        assert found(client, code, "Wohngeld") == [], code
    restriction.delete()
    for code in ("de", *TRANSLATED, *ALIASED):
        assert found(client, code, "Wohngeld") == [in_language(offer, code).url], code


def test_a_deleted_page_is_gone_at_once(admin_client, client, offer):
    english = in_language(offer, "en")
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[offer.pk]))
    assert response.status_code == 302
    for code in ("de", *ALIASED):  # its aliases go with it
        assert found(client, code, "Wohngeld") == [], code
    assert found(client, "en", "Wohngeld") == [english.url]
    german_left = SearchDocument.objects.filter(language="de", title="Wohngeld")
    assert not german_left.exists()


def test_a_deleted_restricted_page_leaves_no_document(client, offer):
    PageViewRestriction.objects.create(page=offer, restriction_type=PageViewRestriction.LOGIN)
    offer.delete()
    assert not SearchDocument.objects.filter(page_id=offer.pk).exists()
    assert found(client, "en", "Wohngeld") == [in_language(offer, "en").url]  # open now


def test_a_word_of_a_page_gone_is_not_suggested(client, home, offer):
    """The vocabulary keeps the words of deleted and closed pages until the next rebuild;
    "Meinten Sie" offers only a word that finds a public page."""
    secret = OfferPageFactory(parent=offer.get_parent(), title="Geheimberatung")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    assert SearchWord.objects.filter(language="de", word="geheimberatung").exists()
    html = client.get("/de/suche/", {"q": "Wohngelt Geheimberatunk"}).content.decode()
    assert "Geheimberatung" not in html
    assert re.search(r'class="search-suggestion">.*Wohngeld geheimberatunk</a>', html, re.S)
    call_command("buero_rebuild_search", verbosity=0)
    assert not SearchWord.objects.filter(language="de", word="geheimberatung").exists()


def test_rebuilding_is_idempotent_and_restores_a_lost_index(client, offer):
    def rows():
        return sorted(SearchDocument.objects.values_list("page_id", "language", "terms", "weights"))

    saved = rows()
    assert len(saved) == 15  # the home page, the offers' index and the offer, five languages
    call_command("buero_rebuild_search", verbosity=0)
    after_rebuild = rows()
    call_command("buero_rebuild_search", verbosity=0)
    assert rows() == after_rebuild
    assert set(saved) <= set(after_rebuild)
    SearchDocument.objects.all().delete()
    assert found(client, "de", "Wohngeld") == []
    call_command("buero_rebuild_search", verbosity=0)
    assert found(client, "de", "Wohngeld") == [offer.url]


def test_the_database_full_text_index_finds_the_candidates(client, offer):
    """SQLite: the migration's FTS5 table and its triggers; PostgreSQL: its GIN index."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT type, name FROM sqlite_master WHERE name LIKE 'buero_searchdocument_fts%'"
            )
            made = set(cursor.fetchall())
            assert ("table", "buero_searchdocument_fts") in made
            assert {name for kind, name in made if kind == "trigger"} == {
                "buero_searchdocument_fts_insert",
                "buero_searchdocument_fts_delete",
                "buero_searchdocument_fts_update",
            }
            cursor.execute(
                "SELECT count(*) FROM buero_searchdocument_fts "
                "WHERE buero_searchdocument_fts MATCH '\"wohngeld\"'"
            )
            holding = list(SearchDocument.objects.values_list("terms", flat=True))
            assert cursor.fetchone()[0] == sum("wohngeld" in terms.split() for terms in holding)
        else:
            indexes = connection.introspection.get_constraints(cursor, "buero_searchdocument")
            assert indexes["buero_searchdoc_terms_gin"]["type"] == "gin"
    with CaptureQueriesContext(connection) as queries:
        assert found(client, "de", "Wohngel") == [offer.url]
    sql = next(query["sql"] for query in queries if "buero_searchdocument" in query["sql"])
    if connection.vendor == "sqlite":
        assert "buero_searchdocument_fts MATCH" in sql
        return
    assert "@@" in sql
    # The planner may start from the path of the home page's pages where they are few (as
    # here); the match itself is served by the GIN index.
    matching = engine.matching(SearchDocument.objects.all(), [("wohngel", True)])
    sql, params = matching.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "buero_searchdoc_terms_gin" in plan, plan


#: What the engines' query languages would read as syntax, typed into the search.
BAD_QUERIES = [
    '"',
    '"Wohngeld',
    "*",
    "Wohn*",
    "NEAR",
    "Wohngeld NEAR Miete",
    "NEAR(Wohngeld Miete)",
    "AND OR NOT",
    "title:Wohngeld",
    "terms:wohngeld",
    ":*",
    "Wohngeld & Miete",
    "Wohngeld | Miete",
    "!Wohngeld",
    "Wohngeld <-> Miete",
    "'",
    "it's",
    "\\",
    "(",
    ")",
    "{Wohngeld}",
    "^Wohngeld",
    "-Wohngeld",
    "+",
    "Wohn_geld",
    "_",
]


def test_no_query_breaks_the_search(client, offer):
    for code in ("de", "ar"):
        for query in BAD_QUERIES:
            response = client.get(f"/{code}/suche/", {"q": query})
            assert response.status_code == 200, (code, query)
    assert found(client, "de", "Wohngeld NEAR Miete") == [offer.url]
    assert found(client, "de", '"Wohngeld"') == [offer.url]


def test_the_engine_quotes_any_term(offer):
    terms = [('a"b', True), ("it's", False), ("x\\y", True), ("NEAR", False), ("a:b", True)]
    assert list(engine.matching(SearchDocument.objects.all(), terms)) == []


def test_the_written_out_query_and_the_orm_find_the_same_candidates(home, offer):
    """The candidates' SQL for SQLite and PostgreSQL, and the ORM's query for any other
    database: the same rows, with the number of documents below the home page."""
    for clauses in ([("wohngel", True)], [("wohngeld", False), ("miete", False)], [("zz", True)]):
        written = sorted(engine.candidates(home.path, clauses))
        assert written == sorted(engine._candidates_by_orm(home.path, clauses))
    assert written == []
    rows = engine.candidates(home.path, [("wohngel", True)])
    assert rows
    below = SearchDocument.objects.filter(path__startswith=home.path).exclude(path=home.path)
    assert {row[-1] for row in rows} == {below.count()}
    assert engine.candidates(home.path, []) == []
