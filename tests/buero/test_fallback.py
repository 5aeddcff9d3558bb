"""Untranslated pages: every language's tree mirrors the German one with aliases, shown as
German text with a notice in the visitor's language; never a 404, never an unmarked mix."""

import pytest
from django.core.management import call_command
from wagtail_localize.operations import translate_object

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from buero import demo_translation, translation_status
from buero.factories import OfficeInfoPageFactory
from buero.translation_status import Status
from events.factories import ConsultationPageFactory, DateIndexPageFactory

from .test_translations import arabic_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home, locales):
    about = OfficeInfoPageFactory(
        parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True
    )
    offers = OfferIndexPageFactory(parent=home, slug="hilfsangebote", show_in_menus=True)
    offer = OfferPageFactory(parent=offers, title="Kleiderkammer", slug="kleiderkammer")
    call_command(
        "buero_sync_locales", interactive=False, verbosity=0
    )  # mirrors the German tree into every language
    assert demo_translation.translate(home, locales["ar"], arabic_catalogue(home)) == []
    return {"about": about, "offers": offers, "offer": offer}


def test_untranslated_page_is_reachable_in_german_with_a_notice(tree, client):
    response = client.get("/ar/ueber-uns/")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in content
    assert 'class="notice"' in content
    main = content.split("<main", 1)[1]
    assert 'lang="de"' in main.split(">", 1)[0] or 'lang="de" dir="ltr"' in main
    assert "Wir beraten <b>vertraulich</b>." in main


def test_translated_home_marks_untranslated_menu_items_and_cards(tree, client):
    home = client.get("/ar/").content.decode()
    assert "المكتب المفتوح" in home
    assert 'class="notice"' not in home
    assert 'href="/ar/ueber-uns/" lang="de" dir="ltr">Über uns</a>' in home

    listing = client.get("/ar/hilfsangebote/").content.decode()
    assert '<h3 class="card__title" lang="de" dir="ltr">' in listing
    assert "Kleiderkammer" in listing


def test_a_language_without_any_translation_mirrors_german(tree, client):
    content = client.get("/fa/hilfsangebote/kleiderkammer/").content.decode()
    assert '<html lang="fa" dir="rtl">' in content
    assert 'class="notice"' in content


def test_aliases_are_neither_alternates_nor_in_the_sitemap(tree, client):
    german = client.get("/de/ueber-uns/").content.decode()
    assert '<link rel="alternate" hreflang="ar"' not in german
    assert '<link rel="alternate" hreflang="de"' in german
    assert '<link rel="alternate" hreflang="ar"' in client.get("/de/").content.decode()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/ar/</loc>" in sitemap
    assert "/ar/ueber-uns/" not in sitemap
    assert "/fa/" not in sitemap


def test_translators_report_counts_aliases_as_missing(tree, locales):
    rows = {row.source.pk: row for row in translation_status.overview(locales=[locales["ar"]])}
    assert rows[tree["about"].pk].cell(locales["ar"]).status == Status.MISSING


def test_a_started_translation_stays_marked_german_until_published(tree, client, locales):
    # What the admin's "Übersetzen" does: the alias becomes a translation in progress.
    translate_object(tree["about"], [locales["ar"]])
    arabic = tree["about"].get_translation(locales["ar"])
    assert arabic.alias_of_id is None

    assert 'class="notice"' in client.get("/ar/ueber-uns/").content.decode()
    row = translation_status.overview(pages=[tree["about"]], locales=[locales["ar"]])[0]
    assert row.cell(locales["ar"]).status == Status.DRAFT

    arabic.get_latest_revision().publish()
    assert 'class="notice"' not in client.get("/ar/ueber-uns/").content.decode()


def test_a_page_shown_in_german_offers_an_interpreter(tree, client, home):
    """A Persian visitor on a German page reads, in Persian, that an interpreter can be
    arranged, and the next hour with an interpreter for Persian where there is one."""
    dates = DateIndexPageFactory(parent=home)
    ConsultationPageFactory(
        parent=dates, title="Sprechstunde mit Dolmetscherin", interpreter_languages=["fa"]
    )
    call_command("buero_sync_locales", interactive=False, verbosity=0)
    persian = client.get("/fa/ueber-uns/").content.decode()
    notice = persian.split('class="notice" role="note"', 1)[1].split("</div>", 1)[0]
    assert "می‌توان مترجم آورد" in notice  # "an interpreter can be arranged"
    assert 'class="interpreted-hour"' in notice
    assert "Sprechstunde mit Dolmetscherin" in notice
    # No hour with an interpreter for Russian: the sentence only.
    russian = client.get("/ru/ueber-uns/").content.decode()
    notice = russian.split('class="notice" role="note"', 1)[1].split("</div>", 1)[0]
    assert "можно пригласить переводчика" in notice
    assert 'class="interpreted-hour"' not in notice
