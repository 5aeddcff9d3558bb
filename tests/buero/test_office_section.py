"""The office as a section of a host's tree: placed anywhere once per site, and mirrored into
the other languages without touching the host's own pages."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from buero.factories import OfficeInfoPageFactory, OfficePageFactory
from buero.models import OfficePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def host(locales):
    """A host site's tree: its home page with pages of its own, in German."""
    root = Page.get_first_root_node()
    host_home = root.add_child(instance=Page(title="Stadt", slug="stadt", locale=locales["de"]))
    Site.objects.update(root_page=host_home)
    social = host_home.add_child(instance=Page(title="Soziales", slug="soziales"))
    host_home.add_child(instance=Page(title="Rathaus", slug="rathaus"))
    return {"home": host_home, "social": social}


def test_the_office_may_go_anywhere_but_once_per_site(host):
    assert OfficePage.can_create_at(host["social"])
    office = OfficePageFactory(parent=host["social"], title="Offenes Büro", slug="offenes-buero")
    # Nowhere else in that site, and never inside its own section.
    assert not OfficePage.can_create_at(host["home"])
    assert not OfficePage.can_create_at(office)
    info = OfficeInfoPageFactory(parent=office)
    assert not OfficePage.can_create_at(info)


def test_the_admin_offers_the_office_under_a_host_page(host, admin_client):
    response = admin_client.get(f"/admin/pages/add/buero/officepage/{host['social'].pk}/")
    assert response.status_code == 200
    OfficePageFactory(parent=host["social"])
    response = admin_client.get(f"/admin/pages/add/buero/officepage/{host['home'].pk}/")
    assert response.status_code == 302  # refused: back to the dashboard with a message


def test_sync_locales_mirrors_only_the_office_section(host, locales):
    office = OfficePageFactory(parent=host["social"], title="Offenes Büro", slug="offenes-buero")
    offers = OfferIndexPageFactory(parent=office)
    OfferPageFactory(parent=offers)
    out = io.StringIO()
    call_command("buero_sync_locales", interactive=False, stdout=out)
    report = out.getvalue()
    assert "3 pages" in report
    assert "„Soziales“" in report
    assert "„Stadt“" in report
    arabic = Page.objects.filter(locale=locales["ar"])
    # The section and the way down to it, nothing else of the host's.
    # (Wagtail gives the host's home page in Arabic a slug of its own beside the German one.)
    assert set(arabic.values_list("slug", flat=True)) == {
        "stadt-ar",
        "soziales",
        "offenes-buero",
        offers.slug,
        *OfferPageFactory._meta.model.objects.filter(locale=locales["de"]).values_list(
            "slug", flat=True
        ),
    }
    assert not arabic.filter(slug="rathaus").exists()
    assert all(page.alias_of_id for page in arabic)
    # Run again: nothing left to do.
    out = io.StringIO()
    call_command("buero_sync_locales", interactive=False, stdout=out)
    assert "Nothing to do" in out.getvalue()


def test_sync_locales_asks_and_a_no_changes_nothing(host, locales, monkeypatch):
    OfficePageFactory(parent=host["social"])
    monkeypatch.setattr("builtins.input", lambda _question: "n")
    with pytest.raises(CommandError, match="Nothing changed"):
        call_command("buero_sync_locales", stdout=io.StringIO())
    assert not Page.objects.filter(locale=locales["ar"]).exists()


def test_a_new_german_page_of_the_section_appears_in_every_language(host, locales, admin_client):
    office = OfficePageFactory(parent=host["social"])
    call_command("buero_sync_locales", interactive=False, stdout=io.StringIO())
    response = admin_client.post(
        f"/admin/pages/add/buero/officeinfopage/{office.pk}/",
        {"title": "Über uns", "slug": "ueber-uns", "intro": "", "body-count": "0"},
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="ueber-uns", locale=locales["de"])
    for code in ("ar", "fa", "uk"):
        assert page.get_translations().filter(locale=locales[code], alias_of=page).exists()
    # A page the host adds to its own tree stays its own.
    admin_client.post(
        f"/admin/pages/add/wagtailcore/page/{host['home'].pk}/",
        {"title": "Presse", "slug": "presse"},
    )
    assert not Page.objects.filter(slug="presse").exclude(locale=locales["de"]).exists()


def test_the_demo_goes_into_a_section_under_a_host_page(host, locales):
    call_command(
        "buero_load_demo", parent=host["social"].pk, german_only=True, stdout=io.StringIO()
    )
    office = OfficePage.objects.get(locale=locales["de"])
    assert office.get_parent().pk == host["social"].pk
    assert Site.objects.get().root_page_id == host["home"].pk
    Page.objects.filter(pk=office.pk).delete()
    with pytest.raises(CommandError, match="--parent"):
        call_command("buero_load_demo", german_only=True, stdout=io.StringIO())
