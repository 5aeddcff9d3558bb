"""The translators' report: which translations are missing, drafts, outdated or current."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from buero import translation_status
from buero.factories import OfficeInfoPageFactory
from buero.translation_status import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home, translate):
    """Four German pages: untranslated, translated and current, outdated, draft only."""
    untranslated = OfficeInfoPageFactory(parent=home, title="Nur deutsch")
    current = OfficeInfoPageFactory(parent=home, title="Aktuell übersetzt")
    outdated = OfficeInfoPageFactory(parent=home, title="Inzwischen geändert")
    draft = OfficeInfoPageFactory(parent=home, title="Übersetzung im Entwurf")
    translate(home, "ar")
    translate(current, "ar", title="مترجمة")
    translate(outdated, "ar", title="قديمة")
    draft.copy_for_translation(Locale.objects.get(language_code="ar")).save_revision()
    # The German page changed after its translation was last synced.
    source, _ = TranslationSource.get_or_create_from_instance(outdated)
    source.last_updated_at = timezone.now() - datetime.timedelta(days=3)
    source.save()
    outdated.save_revision().publish()
    return {"untranslated": untranslated, "current": current, "outdated": outdated, "draft": draft}


def test_overview_tells_missing_draft_outdated_and_current(pages, locales):
    rows = {
        row.source.pk: row.cell(locales["ar"]).status
        for row in translation_status.overview(locales=[locales["ar"]])
    }
    assert rows[pages["untranslated"].pk] == Status.MISSING
    assert rows[pages["current"].pk] == Status.CURRENT
    assert rows[pages["outdated"].pk] == Status.OUTDATED
    assert rows[pages["draft"].pk] == Status.DRAFT


def test_overview_queries_do_not_grow_with_the_pages(
    home, pages, locales, django_assert_num_queries
):
    # The default locale, the German pages, their translations, their sync times.
    with django_assert_num_queries(4):
        translation_status.overview(locales=list(locales.values()))
    OfficeInfoPageFactory.create_batch(5, parent=home)
    with django_assert_num_queries(4):
        translation_status.overview(locales=list(locales.values()))


def test_report_lists_what_to_do_with_links(pages, admin_client):
    response = admin_client.get("/admin/buero/reports/translations/?locale=ar&status=needs_work")
    content = response.content.decode()

    assert response.status_code == 200
    assert "Übersetzungsstand" in content
    assert "Nur deutsch" in content
    assert f"/admin/localize/submit/page/{pages['untranslated'].pk}/" in content
    assert "Inzwischen geändert" in content
    outdated_ar = pages["outdated"].get_translation(Locale.objects.get(language_code="ar"))
    assert f"/admin/pages/{outdated_ar.pk}/edit/" in content
    assert "Übersetzung im Entwurf" in content
    # Current translations need no work and are filtered out.
    assert "Aktuell übersetzt" not in content


def test_report_is_in_the_reports_menu_and_survives_bad_filters(pages, admin_client):
    assert "/admin/buero/reports/translations/" in admin_client.get("/admin/").content.decode()
    response = admin_client.get("/admin/buero/reports/translations/?locale=xx&status=<script>")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1]


def test_page_editor_shows_the_translations_of_the_page(pages, admin_client):
    content = admin_client.get(f"/admin/pages/{pages['outdated'].pk}/edit/").content.decode()
    assert "Übersetzungen" in content
    assert 'data-status="outdated"' in content
    assert 'data-status="missing"' in content  # every other language

    arabic = pages["current"].get_translation(Locale.objects.get(language_code="ar"))
    content = admin_client.get(f"/admin/pages/{arabic.pk}/edit/").content.decode()
    assert "Ausgangsseite" in content
    assert 'data-status="current"' in content
