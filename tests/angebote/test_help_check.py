"""The help check "Welche Hilfe passt zu mir?" as a family uses it, and what it never keeps."""

import datetime
import gzip
import logging
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.views.debug import SafeExceptionReporterFilter
from wagtail.test.utils.form_data import nested_form_data

from angebote.factories import (
    HelpCheckPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerPageFactory,
)
from angebote.models import HelpCheckPage, OfferIndexPage
from buero.factories import OfficeInfoPageFactory
from buero.models import OfficePage
from events.factories import ConsultationPageFactory, DateIndexPageFactory
from tests.form_posts import action_in, form_action
from tests.page_rules import SiteRootTestCase

pytestmark = pytest.mark.django_db

#: A single mother of two, 1,400 € gross, 650 € rent, Kindergeld only: the family the
#: concept is about (Grundsicherungsgeld and Bildung und Teilhabe are likely, unclaimed).
FAMILY = {
    "adults": "1",
    "single_parent": "on",
    "child_1_age": "7",
    "child_1_care": "school",
    "child_2_age": "3",
    "child_2_care": "kita",
    "income": "1400",
    "rent": "650",
    "receives": ["kindergeld"],
    "topics": ["schule"],
}
#: Values that would identify the family if they showed up anywhere they should not.
ANSWERS = ["1400", "650"]


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def check(home):
    return HelpCheckPageFactory(parent=home)


@pytest.fixture
def explained(home, partner_index, topics):
    """Offer pages that explain benefits, each with a partner and a phone number."""
    offers = OfferIndexPageFactory(parent=home)
    jobcenter = PartnerPageFactory(
        parent=partner_index, title="Jobcenter Stendal", phone="030 23125 110"
    )
    found = {}
    for code, title in [
        ("grundsicherungsgeld", "Grundsicherungsgeld beantragen"),
        ("bildung_teilhabe", "Geld für Schulsachen"),
        ("schuldnerberatung", "Schuldnerberatung"),
    ]:
        offer = OfferPageFactory(parent=offers, title=title, help_check_benefit=code)
        offer.providers.set([jobcenter])
        offer.topics.set([topics["schule"]] if code == "bildung_teilhabe" else [])
        offer.save_revision().publish()
        found[code] = offer
    return found


@pytest.fixture
def open_hour(home):
    index = DateIndexPageFactory(parent=home)
    return ConsultationPageFactory(parent=index, title="Offene Sprechstunde")


def submit(client, page, data=FAMILY):
    return client.post(form_action(page), data)


def text_of(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class TestHelpCheckPageRules(SiteRootTestCase):
    def test_one_help_check_under_the_home_page(self):
        self.assertAllowedParentPageTypes(HelpCheckPage, {OfficePage})
        self.assertAllowedSubpageTypes(HelpCheckPage, set())
        self.assertCanCreateAt(OfficePage, HelpCheckPage)
        self.assertCanNotCreateAt(OfferIndexPage, HelpCheckPage)
        self.assertCanCreate(
            self.home,
            HelpCheckPage,
            nested_form_data(
                {
                    "title": "Welche Hilfe passt zu mir?",
                    "slug": "hilfe-check",
                    "intro": "Ein paar Fragen.",
                    "kiz_calculator_url": "https://www.arbeitsagentur.de/",
                    "wohngeld_calculator_url": "https://www.bmwsb.bund.de/",
                }
            ),
        )
        assert not HelpCheckPage.can_create_at(self.home)  # max_count

    @override_settings(ROOT_URLCONF="tests.urls_unprefixed")
    def test_the_check_is_routable(self):
        self.assertPageIsRoutable(HelpCheckPageFactory(parent=self.home))


def test_home_page_offers_the_check_first(client, home, check, open_hour, frozen):
    text = text_of(client.get(home.url))
    assert "Which help suits me?" in text or "Welche Hilfe passt zu mir?" in text
    html = client.get(home.url).content.decode()
    assert html.index(check.url) < html.index("next-consultation")


def test_the_questions_are_one_page_of_fieldsets_without_a_token(client, check):
    response = client.get(check.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<fieldset") >= 4
    assert 'method="post"' in html
    assert "csrfmiddlewaretoken" not in html
    assert 'name="child_6_age"' in html
    assert "Set-Cookie" not in str(response.headers)
    assert not response.cookies


def test_the_result_names_benefits_levels_and_where_to_apply(
    client, check, explained, open_hour, frozen
):
    response = submit(client, check)
    assert response.status_code == 200
    text = text_of(response)
    grundsicherung = text.index("Grundsicherungsgeld")
    assert "Grundsicherungsgeld beantragen" in text[grundsicherung:]
    assert "Jobcenter Stendal" in text
    assert "030 23125 110" in text
    assert 'href="tel:03023125110"' in response.content.decode()
    # Kindergeld is ticked as received, so it is listed last as already received.
    assert text.rindex("Kindergeld") > text.index("Bildung und Teilhabe")
    # School supplies: the amounts the law fixes, from the figures table.
    assert "130" in text
    assert "65" in text
    # One combined checklist, the offers for the chosen topic, the next hour, free help.
    assert text.count("Identity card or passport") + text.count("Personalausweis") >= 1
    assert "Geld für Schulsachen" in text
    assert "Offene Sprechstunde" in text
    assert explained["schuldnerberatung"].url in response.content.decode()
    # A first orientation, with the date of the figures.
    assert "1. Januar 2026" in text


def test_the_result_is_never_stored_cached_or_set_as_a_cookie(
    client, office, check, explained, open_hour, frozen, caplog
):
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = submit(client, check)
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]
    assert writes == []
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Set-Cookie" not in str(response.headers)
    logged = " ".join(f"{record.getMessage()} {record.args}" for record in caplog.records)
    for answer in ANSWERS:
        assert answer not in logged
    # The next visitor to the same page gets the empty form, not this family's result.
    again = client.get(check.url)
    assert "1400" not in again.content.decode()
    assert again.status_code == 200


def test_the_check_works_with_csrf_checks_on_and_other_pages_stay_protected(check, home, explained):
    # As a browser sends it: to the form's own address, without a token or a cookie.
    client = Client(enforce_csrf_checks=True)
    form = client.get(check.url)
    action = action_in(form.content.decode(), "help-check")
    answer = client.post(action, FAMILY)
    assert answer.status_code == 200
    assert "Grundsicherungsgeld" in text_of(answer)
    assert not form.cookies
    assert not answer.cookies
    # The pages themselves stay protected, as under Wagtail's own view.
    assert client.post(check.url, FAMILY).status_code == 403
    other = OfficeInfoPageFactory(parent=home, title="Über uns")
    assert client.post(other.url, {"x": "1"}).status_code == 403
    # Only the forms that store nothing are answered without a token.
    assert client.post(form_action(other), {"x": "1"}).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {},  # nothing at all
        {"adults": "3"},
        {"adults": "1", "child_1_age": "-4", "income": "viel"},
        {"adults": "2", "child_1_care": "school"},  # a care answer without an age
        {"adults": "1", "rent": "500", "own_home": "on"},
        {"adults": "1", "income": "9" * 40, "receives": ["nonsense"], "topics": ["<b>"]},
    ],
)
def test_bad_answers_get_the_form_back_with_messages(client, check, data):
    response = submit(client, check, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "no-store" in response["Cache-Control"]


def test_the_result_is_small_and_within_the_query_budget(
    client, office, check, explained, open_hour, topics, frozen, django_assert_max_num_queries
):
    # Offers enough for the topic list to be full: the budget holds whatever the data size.
    offers = explained["bildung_teilhabe"].get_parent()
    for number in range(8):
        offer = OfferPageFactory(parent=offers, title=f"Schulangebot {number}")
        offer.topics.set([topics["schule"]])
        offer.save_revision().publish()
    submit(client, check)  # warm the snapshot and the consultation box
    with django_assert_max_num_queries(10):
        response = submit(client, check)
    assert len(gzip.compress(response.content)) < 30_000


def test_result_links_the_offer_in_the_visitors_language(
    client, check, explained, translate, frozen
):
    translate(check.get_parent(), "ar")
    arabic_check = translate(check, "ar", title="أي مساعدة تناسبني؟")
    arabic_offer = translate(
        explained["grundsicherungsgeld"], "ar", title="طلب Grundsicherungsgeld"
    )
    response = submit(client, arabic_check)
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert arabic_offer.url in html


def test_without_figures_for_the_date_the_result_says_so_instead_of_guessing(client, check, topics):
    with time_machine.travel(datetime.datetime(2020, 6, 1, 10, tzinfo=datetime.UTC)):
        response = submit(client, check)
    assert response.status_code == 200
    assert "help-result__item" not in response.content.decode()
    assert "help-result" in response.content.decode()


def test_dashboard_lists_benefits_no_offer_explains(admin_client, check, explained):
    response = admin_client.get("/admin/")
    text = text_of(response)
    panel = text[text.index("Hilfe-Check") :]
    assert "Kinderzuschlag" in panel
    assert "Keine veröffentlichte Seite erklärt diese Leistung" in panel


def test_dashboard_warns_when_no_figures_are_valid_this_year(admin_client, check, monkeypatch):
    monkeypatch.setattr("angebote.benefits.today", lambda: datetime.date(2031, 3, 1))
    text = text_of(admin_client.get("/admin/"))
    assert "Werte für 2031 fehlen" in text


def test_an_error_report_shows_no_answer(client, check, topics, monkeypatch, caplog):
    """A 500 is logged (and mailed to the admins) with the request; its answers stay hidden."""

    def fail(*args, **kwargs):
        raise RuntimeError("broken")

    monkeypatch.setattr("angebote.help_check.HelpCheckResult.__init__", fail)
    client.raise_request_exception = False
    response = submit(client, check)
    assert response.status_code == 500
    record = next(record for record in caplog.records if record.name == "django.request")
    shown = SafeExceptionReporterFilter().get_post_parameters(record.request)
    for answer in ANSWERS:
        assert answer not in str(dict(shown))


def test_a_private_offer_is_never_named_in_the_result(client, check, explained, frozen):
    from wagtail.models import PageViewRestriction

    private = explained["grundsicherungsgeld"]
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert private.url not in submit(client, check).content.decode()


def test_the_result_starts_with_a_short_summary_and_opens_each_benefit_by_itself(
    client, office, check, explained, open_hour, frozen
):
    """On a phone: what is likely, where to go first and the next hour come first; every
    benefit is a disclosure (no script needed); one contact box; buttons outside the sheet."""
    html = submit(client, check).content.decode()
    summary = html.index('class="help-result__summary"')
    benefits_list = html.index('class="help-result__list"')
    assert summary < benefits_list
    head = html[summary:benefits_list]
    # Likely benefits first, linked to their details; where to go first; the next hour once.
    assert 'href="#benefit-grundsicherungsgeld"' in head
    assert "Wohin zuerst" in head
    assert "Jobcenter Stendal" in head
    assert "030 23125 110" in head
    assert head.count('class="next-consultation"') == 1
    assert html.count('class="next-consultation"') == 1
    # Each benefit: its own <details>, likely ones marked to open when printed.
    items = re.findall(r'<li class="help-result__item[^"]*" id="benefit-(\w+)">\s*<details', html)
    assert len(items) == html.count('class="help-result__item ')
    assert "grundsicherungsgeld" in items
    assert re.search(r'id="benefit-grundsicherungsgeld">\s*<details data-print-open>', html)
    assert re.search(r'id="benefit-kindergeld">\s*<details>', html)  # already received
    # One contact box (the page's footer); the buttons are outside the summary and the list.
    assert html.count('class="contact-block') == 1
    actions = html.index('class="help-result__actions"')
    assert summary < actions < benefits_list
    assert "data-print " not in html[summary:actions]
    # Read aloud: the controls, and the result marked as the content to read.
    assert "data-read-aloud-controls" in html
    assert 'data-read-aloud="content"' in html


def test_the_dates_list_can_be_read_aloud(client, open_hour):
    html = client.get(open_hour.get_parent().url).content.decode()
    assert "data-read-aloud-controls" in html
    assert 'data-read-aloud="content"' in html
