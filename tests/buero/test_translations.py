"""Translations made through wagtail-localize's own API render as complete pages."""

import re

import polib
import pytest
from wagtail_localize.models import Translation, TranslationSource

from angebote.factories import TopicFactory
from buero import demo_translation
from buero.factories import OfficeInfoPageFactory
from buero.management.commands.buero_load_demo import demo_modules

pytestmark = pytest.mark.django_db

ARABIC = {
    "Offenes Büro Tangerhütte": "المكتب المفتوح (Offenes Büro) في تانغرهوته",
    "Über uns": "من نحن",
    "Worum es auf dieser Seite geht.": "عمّا تتحدث هذه الصفحة.",
    "Was wir machen": "ماذا نفعل",
    "Wir beraten <b>vertraulich</b>.": "نقدّم الاستشارة <b>بسرية</b>.",
    "Rufen Sie an.": "اتصلوا بنا.",
    "Kostenlose und vertrauliche Beratung für Familien in Tangerhütte.": (
        "استشارة مجانية وسرية للعائلات في تانغرهوته."
    ),
}


def arabic_catalogue(*instances):
    """A catalogue with every string of ``instances``: slugs stay, prose is Arabic."""
    catalogue = {}
    for instance in instances:
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        for entry in source.export_po():
            text = entry.msgid if entry.msgctxt == "slug" else ARABIC[entry.msgid]
            catalogue[(None, entry.msgid)] = text
    return catalogue


def test_a_page_translated_through_wagtail_localize_renders_in_arabic(home, client, locales):
    page = OfficeInfoPageFactory(
        parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True
    )
    catalogue = arabic_catalogue(home, page)

    assert demo_translation.translate(home, locales["ar"], catalogue) == []
    assert demo_translation.translate(page, locales["ar"], catalogue) == []

    # An editor sees an ordinary, complete wagtail-localize translation.
    translation = Translation.objects.get(source__object_id=page.translation_key)
    assert translation.target_locale == locales["ar"]
    total, done = translation.get_progress()
    assert total == done > 0
    arabic = page.get_translation(locales["ar"])
    assert arabic.live
    assert arabic.title == "من نحن"

    assert arabic.url == "/ar/ueber-uns/"
    response = client.get(arabic.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in content
    assert "نقدّم الاستشارة <b>بسرية</b>." in content
    assert "Wir beraten" not in content
    assert 'lang="de"' not in content.split("<main", 1)[1]
    # The translated home page knows its translated children: the menu leads to them.
    assert 'href="/ar/ueber-uns/"' in client.get("/ar/").content.decode()


def test_an_incomplete_catalogue_creates_no_mixed_language_page(home, locales):
    page = OfficeInfoPageFactory(parent=home, title="Über uns")
    catalogue = arabic_catalogue(home)

    missing = demo_translation.translate(page, locales["ar"], catalogue)

    assert "Was wir machen" in missing
    assert not page.get_translations().filter(locale=locales["ar"]).exists()


def test_snippets_translate_through_the_same_path(locales):
    topic = TopicFactory(name="Schulden", description="Wenn Rechnungen offen sind.")
    catalogue = {
        (None, "Schulden"): "الديون",
        (None, "Wenn Rechnungen offen sind."): "عندما تكون هناك فواتير غير مدفوعة.",
    }
    assert demo_translation.translate(topic, locales["ar"], catalogue) == []
    arabic = topic.get_translation(locales["ar"])
    assert (arabic.name, arabic.slug) == ("الديون", topic.slug)


def catalogues():
    for label, _module in demo_modules():
        for language in demo_translation.DEMO_LANGUAGES:
            yield demo_translation.catalogue_path(label, language)


@pytest.mark.parametrize("path", list(catalogues()), ids=lambda path: str(path).split("/")[-3:])
def test_shipped_demo_catalogues_are_complete(path):
    tags = re.compile(r"<[^>]+>")
    po = polib.pofile(str(path))
    assert len(po) > 0
    for entry in po:
        assert entry.msgstr, f"{path}: untranslated: {entry.msgid!r}"
        assert "fuzzy" not in entry.flags, f"{path}: fuzzy: {entry.msgid!r}"
        assert sorted(tags.findall(entry.msgstr)) == sorted(tags.findall(entry.msgid)), (
            f"{path}: markup differs: {entry.msgid!r}"
        )
        if entry.comment == "slug":
            assert re.fullmatch(r"[a-z0-9-]+", entry.msgstr), entry.msgstr


def test_deleting_a_german_page_deletes_its_aliases_in_every_language(home, locales):
    """An alias left behind would stay in each language's tree as an unpublished copy."""
    from wagtail.models import Page

    from buero.factories import OfficeInfoPageFactory

    page = OfficeInfoPageFactory(parent=home, title="Alt", slug="alt")
    child = OfficeInfoPageFactory(parent=page, title="Kind", slug="kind")
    for code in ("en", "ar"):
        alias = page.copy_for_translation(locales[code], copy_parents=True, alias=True)
        child.copy_for_translation(locales[code], alias=True)
        assert alias.alias_of_id == page.pk
    assert Page.objects.filter(alias_of__in=[page, child]).count() == 4
    page.delete()
    assert not Page.objects.filter(title__in=["Alt", "Kind"]).exists()
