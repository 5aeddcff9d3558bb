"""Statistik in the browser: an office administrator opens the demo's year, finds no axe
violation on the report or on the yearly report, downloads the CSV and prints the yearly
report on A4."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from impact.models import Conversation

from .conftest import SCREENSHOTS
from .test_accessibility import axe_failures
from .test_editor_facts import PASSWORD, log_in

REPORT = "/admin/buero/statistik/"


@pytest.fixture
def administrator(site):
    """An office administrator; the demo site, and so this user, stay for the session."""
    user, _created = get_user_model().objects.get_or_create(
        username="statistik-e2e", defaults={"is_superuser": True, "is_staff": True}
    )
    user.set_password(PASSWORD)
    user.save()
    # Created here, not by the live server's first request (SQLite's lock; test_editor_facts).
    UserProfile.get_for_user(user)
    return user


def test_the_report_and_the_yearly_report_have_no_axe_violations(
    site, new_context, axe_script, administrator, tmp_path
):
    base, _pages = site
    assert Conversation.objects.count() > 250  # the demo's year (home.demo_figures)
    context = new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = log_in(context, base, administrator.username)

    # The dashboard compares this month with the last and leads to the report.
    assert "Statistik: dieser Monat und der letzte" in page.content()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.locator(
        "#buero-statistik-section, section:has(#buero-statistik-heading)"
    ).first.screenshot(path=SCREENSHOTS / "statistik-dashboard.png")
    page.get_by_role("link", name="Statistik", exact=True).first.click()
    page.wait_for_url(f"{base}{REPORT}")
    content = page.content()
    assert "Keine Angaben" not in content
    assert page.locator("svg.buero-chart[role=img]").count() >= 5
    assert page.get_by_role("heading", name="Sprache des Gesprächs").is_visible()
    page.screenshot(path=SCREENSHOTS / "statistik.png", full_page=True)
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)

    # A period with a form error: the message, no server error, still accessible.
    response = page.goto(f"{base}{REPORT}?art=frei&von=31.02.2026&bis=01.03.2026")
    assert response.status == 200
    assert "Bitte das Datum als TT.MM.JJJJ eingeben" in page.content()
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)

    page.goto(f"{base}{REPORT}")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV herunterladen").click()
    path = tmp_path / "statistik.csv"
    download.value.save_as(path)
    assert download.value.suggested_filename.startswith("statistik-")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert ["Gespräche: Art des Gesprächs"] in rows

    page.get_by_role("link", name="Jahresbericht zum Drucken").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bericht ")
    page.goto(
        f"{base}{REPORT}jahresbericht/?art=jahr&jahr={Conversation.objects.latest('day').day.year}"
    )
    assert page.get_by_role("heading", level=1).inner_text().startswith("Jahresbericht ")
    assert page.get_by_role("heading", name="Weitervermittlungen je Netzwerkpartner").is_visible()
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)
    # Printed on A4: the tools stay on the screen.
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Drucken").is_visible()
    page.screenshot(path=SCREENSHOTS / "jahresbericht.png", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
