"""'Hat Ihnen diese Seite geholfen?': one click, what was missing, and no trace of who."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.partner_access import setup_partner_group
from buero import content_generation
from buero.editor_groups import EDITORS, setup_groups
from buero.factories import OfficeInfoPageFactory
from buero.feedback import RATE_LIMIT, scrub
from buero.models import PageFeedback
from tests.form_posts import form_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(home, office):
    return OfferPageFactory(parent=OfferIndexPageFactory(parent=home), title="Wohngeld")


def test_every_answering_page_type_asks_and_sets_no_cookie(client, offer, home):
    about = OfficeInfoPageFactory(parent=home)
    for page in (offer, about):
        response = client.get(page.url)
        html = response.content.decode()
        assert 'name="helpful" value="yes"' in html
        assert "csrfmiddlewaretoken" not in html
        assert not response.cookies


def test_yes_is_one_click_and_stores_only_what_it_says(office, offer):
    client = Client(enforce_csrf_checks=True)
    before = content_generation.current()
    response = client.post(form_action(offer), {"helpful": "yes"})
    assert response.status_code == 303
    assert response["Location"] == f"{offer.url}?feedback=thanks#feedback"
    assert not response.cookies
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.language, feedback.helpful) == (offer.pk, "de", True)
    assert content_generation.current() == before  # no purge of the page cache
    thanks = client.get(response["Location"].split("#")[0]).content.decode()
    assert "feedback-heading" in thanks
    assert 'name="helpful" value="yes"' not in thanks


def test_no_asks_what_was_missing_then_stores_it_without_contact_details(client, offer):
    first = client.post(form_action(offer), {"helpful": "no"})
    assert first["Location"] == f"{offer.url}?feedback=why#feedback"
    assert not PageFeedback.objects.exists()
    assert 'name="reason"' in client.get(f"{offer.url}?feedback=why").content.decode()
    client.post(
        form_action(offer),
        {
            "helpful": "no",
            "reason": "outdated",
            "text": "Die Nummer 0170 555 0123 stimmt nicht, schreiben Sie an a.b@example.org",
        },
    )
    feedback = PageFeedback.objects.get()
    assert feedback.reason == "outdated"
    assert "0170" not in feedback.text
    assert "example.org" not in feedback.text
    assert "stimmt nicht" in feedback.text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ruf mich an: +49 (0)3935 123456", "Ruf mich an: […]"),
        ("mail: x@y.de danke", "mail: […] danke"),
        ("Seit 2024 veraltet", "Seit 2024 veraltet"),  # a year is no phone number
    ],
)
def test_scrub(text, kept):
    assert scrub(text) == kept


@pytest.mark.parametrize(
    "data",
    [
        {"helpful": "vielleicht"},
        {"helpful": "no", "reason": "x"},
        {"helpful": "no", "text": "x" * 301},
    ],
)
def test_bad_feedback_gets_a_400_and_nothing_is_stored(client, offer, data):
    assert client.post(form_action(offer), data).status_code == 400
    assert not PageFeedback.objects.exists()


def test_feedback_is_rate_limited(client, offer):
    for _ in range(20):
        assert client.post(form_action(offer), {"helpful": "yes"}).status_code == 303
    assert client.post(form_action(offer), {"helpful": "yes"}).status_code == 429
    assert PageFeedback.objects.count() == 20


def test_behind_the_proxy_a_forged_forwarded_for_prefix_does_not_rotate_the_limit(
    client, offer, settings
):
    settings.BUERO_REVERSE_PROXY_COUNT = 1
    statuses = [
        client.post(
            form_action(offer),
            {"helpful": "yes"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7",
        ).status_code
        for n in range(RATE_LIMIT + 5)
    ]
    assert statuses == [303] * RATE_LIMIT + [429] * 5
    assert PageFeedback.objects.count() == RATE_LIMIT
    # Another visitor behind the same proxy still counts on their own.
    other = client.post(
        form_action(offer),
        {"helpful": "yes"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.9",
    )
    assert other.status_code == 303


def test_the_office_sees_all_feedback_a_partner_only_its_own(offer, home, django_user_model):
    setup_groups()
    partners = PartnerIndexPageFactory(parent=home)
    own = PartnerPageFactory(parent=partners, title="Eigene Beratungsstelle")
    other = PartnerPageFactory(parent=partners, title="Andere Stelle")
    for page, helpful in ((own, False), (other, True), (offer, True)):
        PageFeedback.objects.create(
            page=page, language="de", helpful=helpful, reason="" if helpful else "hard"
        )
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    partner_user = django_user_model.objects.create_user("partner", password="x")
    partner_user.groups.add(setup_partner_group(own))
    stranger = django_user_model.objects.create_user("fremd", password="x")
    stranger.groups.add(Group.objects.get(name="Übersetzung"))

    office = Client()
    office.force_login(editor)
    report = office.get("/admin/buero/reports/feedback/").content.decode()
    for title in ("Eigene Beratungsstelle", "Andere Stelle", "Wohngeld"):
        assert title in report

    partner = Client()
    partner.force_login(partner_user)
    report = partner.get("/admin/buero/reports/feedback/").content.decode()
    assert "Eigene Beratungsstelle" in report
    assert "Andere Stelle" not in report
    # The page editor shows the page's own figures.
    assert "„Nein“" in partner.get(f"/admin/pages/{own.pk}/edit/").content.decode()

    outsider = Client()
    outsider.force_login(stranger)
    assert outsider.get("/admin/buero/reports/feedback/").status_code in (302, 403)


def test_feedback_from_another_site_or_for_a_private_page_is_refused(client, offer):
    from wagtail.models import PageViewRestriction

    assert (
        client.post(form_action(offer), {"helpful": "yes"}, HTTP_ORIGIN="https://elsewhere.example")
    ).status_code == 403
    PageViewRestriction.objects.create(page=offer, restriction_type="login")
    assert client.post(form_action(offer), {"helpful": "yes"}).status_code == 404
    assert not PageFeedback.objects.exists()
