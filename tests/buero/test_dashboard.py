"""The admin start page tells the office what to look at: dates, reviews, translations, deadlines."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.partner_access import setup_partner_group
from buero.editor_groups import EDITORS, setup_groups
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    DateIndexPageFactory,
)

from .conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture
def content(home, translate):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    dates = DateIndexPageFactory(parent=home)
    courses = CourseIndexPageFactory(parent=home)
    tafel = PartnerPageFactory(
        parent=partners, title="Tafel", last_reviewed=TODAY - datetime.timedelta(days=500)
    )
    schulden = PartnerPageFactory(parent=partners, title="Schuldnerberatung", last_reviewed=TODAY)
    old_offer = OfferPageFactory(
        parent=offers,
        title="Kleiderkammer",
        last_reviewed=TODAY - datetime.timedelta(days=400),
        providers=[tafel],
    )
    OfferPageFactory(parent=offers, title="Wohngeld", last_reviewed=TODAY, providers=[schulden])
    hour = ConsultationPageFactory(parent=dates, title="Offene Sprechstunde")
    ConsultationCancellationFactory(
        page=hour, date=datetime.date(2026, 12, 2), reason="Fortbildung des Teams"
    )
    CoursePageFactory(
        parent=courses,
        title="Kinderarmut erkennen",
        registration_deadline=TODAY + datetime.timedelta(days=5),
    )
    CoursePageFactory(
        parent=courses,
        title="Ausgebucht",
        registration_deadline=TODAY + datetime.timedelta(days=3),
        status="full",
    )
    translate(home, "ar")
    setup_groups()
    return {"tafel": tafel, "schulden": schulden, "old_offer": old_offer, "hour": hour}


def test_office_dashboard_lists_what_needs_attention(content, admin_client):
    page = admin_client.get("/admin/").content.decode()

    # Next consultation dates, the cancelled one with its reason.
    assert "Nächste Sprechstunden" in page
    assert "Mi, 02.12.2026 17:00 – entfällt: Fortbildung des Teams" in page
    assert "Mi, 09.12.2026 17:00" in page
    assert f"/admin/pages/{content['hour'].pk}/edit/" in page

    # Not reviewed for a year, oldest first, each linked to its edit view.
    assert "Seit über 12 Monaten nicht geprüft" in page
    review = page.split('id="review_due', 1)[1]
    assert review.index("Tafel") < review.index("Kleiderkammer")
    assert f"/admin/pages/{content['old_offer'].pk}/edit/" in review
    assert "Wohngeld" not in review.split("</section>", 1)[0]

    # Translations: Arabic has pages missing; the report link is filtered.
    assert "Übersetzungen: fehlt oder veraltet" in page
    assert "/admin/buero/reports/translations/?locale=ar&amp;status=needs_work" in page

    # Registration closing soon, unless the course is full.
    assert "Anmeldeschluss 30.11.2026" in page
    assert "Ausgebucht" not in page


def test_dashboard_queries_do_not_grow_with_the_content(
    content, admin_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin_client.get("/admin/")
    with CaptureQueriesContext(connection) as before:
        admin_client.get("/admin/")
    dates = content["hour"].get_parent()
    offers = content["old_offer"].get_parent()
    for number in range(5):
        ConsultationPageFactory(parent=dates, weekdays=[str(number)])
        OfferPageFactory(parent=offers, last_reviewed=TODAY - datetime.timedelta(days=600))
    with django_assert_max_num_queries(len(before.captured_queries)):
        admin_client.get("/admin/")
    assert len(before.captured_queries) <= 40


def test_partner_editor_sees_own_pages_not_the_office_panels(content, client):
    user = get_user_model().objects.create_user("tafel", "tafel@example.org", "pw")
    user.groups.add(setup_partner_group(content["tafel"]))
    client.force_login(user)

    page = client.get("/admin/").content.decode()
    assert "Ihre Seiten" in page
    own = page.split('id="partner_pages', 1)[1].split("</section>", 1)[0]
    assert "Tafel" in own
    assert "Kleiderkammer" in own
    assert "bitte prüfen" in own
    assert "Wohngeld" not in page
    assert "Seit über 12 Monaten nicht geprüft" not in page


def test_office_sees_no_partner_panel(content, client):
    user = get_user_model().objects.create_user("buero", "buero@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    page = client.get("/admin/").content.decode()
    assert "Ihre Seiten" not in page
    assert "Seit über 12 Monaten nicht geprüft" in page
