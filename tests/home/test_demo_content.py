"""The demo loader builds a German site once and leaves it alone on a second run."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

from home.models import HomePage, OfficeSettings, StandardPage

pytestmark = pytest.mark.django_db


def test_load_demo_content_builds_the_site_and_is_idempotent(client):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)

    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        "de",
        "en",
        "ar",
        "fa",
        "uk",
        "ru",
        "pl",
        "ro",
    }
    assert HomePage.objects.count() == 1
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.id
    slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert slugs == {"ueber-uns", "leichte-sprache", "barrierefreiheit", "impressum", "datenschutz"}
    assert len(home.entry_points) >= 2

    office = OfficeSettings.objects.get()
    assert office.venue_access == "stairs"
    assert office.imprint_page.slug == "impressum"

    content = client.get("/de/").content.decode()
    assert "kostenlos und vertraulich" in content
    assert "Zugang nur über eine Treppe, es gibt keinen Aufzug." in content
    for title in ("Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit"):
        assert title in content

    imprint = client.get("/de/impressum/").content.decode()
    assert "Muster der Demo-Installation" in imprint


def test_demo_admin_password_is_generated_once_and_printed(tmp_path, settings, capsys):
    from django.contrib.auth import get_user_model

    settings.DEMO_ADMIN_PASSWORD_FILE = tmp_path / ".demo-admin-password"
    call_command("demo_admin")
    password = settings.DEMO_ADMIN_PASSWORD_FILE.read_text().strip()
    assert len(password) >= 16
    assert password in capsys.readouterr().out
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password(password)

    call_command("demo_admin")
    assert settings.DEMO_ADMIN_PASSWORD_FILE.read_text().strip() == password
    assert password in capsys.readouterr().out
