"""Print material from the live pages: posters, bilingual posters, flyers, take-away sheets,
the QR code view, and the editors' buttons and report (buero.printing)."""

import datetime
import re

import pytest
import time_machine
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from angebote.factories import (
    ContactPersonFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    OpeningHoursFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from events import rules
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationPageFactory,
    DateIndexPageFactory,
)
from events.recurrence import LAST, MONTHLY, WEEKLY, Series
from tests.page_rules import SiteRootTestCase

pytestmark = pytest.mark.django_db

#: A Tuesday: the next Wednesdays are 2, 9 (cancelled in the tree below) and 16 December.
NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tree(home, office, translate, frozen):
    """An office hour with a cancellation, a partner with contacts and opening hours, an
    offer it provides; German, and the hour and the offer in Arabic."""
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung Stendal")
    ContactPersonFactory(page=partner, name="Frau Beispiel", phone="030 23125 222")
    OpeningHoursFactory(page=partner, weekday=1, note="ohne Termin")
    partner.save_revision().publish()
    offers = OfferIndexPageFactory(parent=home)
    offer = OfferPageFactory(parent=offers, title="Kinderzuschlag", providers=[partner])
    dates = DateIndexPageFactory(parent=home)
    hour = ConsultationPageFactory(
        parent=dates,
        title="Offene Sprechstunde",
        access_note="14 Stufen mit Handlauf.",
        interpreter_note="Bitte eine Woche vorher anrufen.",
    )
    ConsultationCancellationFactory(page=hour, date=datetime.date(2026, 12, 9))
    hour.save_revision().publish()
    return {
        "home": home,
        "partner": partner,
        "offer": offer,
        "hour": hour,
        "hour_ar": translate(hour, "ar", title="الاستشارة المفتوحة"),
        "offer_ar": translate(offer, "ar", title="علاوة الأطفال"),
    }


def text(response):
    """The response's text without tags, whitespace collapsed (none before punctuation)."""
    words = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    return re.sub(r" ([:.,;)])", r"\1", words)


def test_the_rule_in_words_in_german_and_english():
    def series(**values):
        base = {
            "frequency": WEEKLY,
            "weekdays": (2,),
            "start_time": datetime.time(17),
            "end_time": datetime.time(19),
            "valid_from": datetime.date(2026, 1, 1),
        }
        return Series(**{**base, **values})

    with translation.override("de"):
        assert rules.describe(series()) == "jeden Mittwoch, 17–19 Uhr"
        assert rules.describe(series(weekdays=(1, 3), end_time=datetime.time(18, 30))) == (
            "jeden Dienstag und jeden Donnerstag, 17–18:30 Uhr"
        )
        assert (
            rules.describe(series(interval=2, weekdays=(0,)))
            == "alle 2 Wochen am Montag, 17–19 Uhr"
        )
        assert rules.describe(series(frequency=MONTHLY, nth=1, weekdays=(0,))) == (
            "am ersten Montag im Monat, 17–19 Uhr"
        )
        assert rules.describe(series(frequency=MONTHLY, nth=LAST, weekdays=(4,))) == (
            "am letzten Freitag im Monat, 17–19 Uhr"
        )
    with translation.override("en"):
        assert rules.describe(series()) == "every Wednesday, 17:00–19:00"
        assert rules.describe(series(weekdays=(0, 2, 4))) == (
            "every Monday, every Wednesday and every Friday, 17:00–19:00"
        )


def test_a_consultation_poster_says_when_where_and_whom_to_call(client, tree):
    hour = tree["hour"]
    response = client.get(f"{hour.url}plakat/")
    assert response.status_code == 200
    page = text(response)
    assert "Offene Sprechstunde" in page
    assert "jeden Mittwoch, 17–19 Uhr" in page
    # The next three dates, the cancelled one struck through with its reason.
    assert "2. Dezember 2026" in page
    assert "16. Dezember 2026" in page
    assert re.search(r"<del>.*9\. Dezember 2026.*</del>", response.content.decode())
    assert "Fällt aus: Fortbildung des Teams" in page
    assert "23. Dezember 2026" not in page
    assert "Kostenlos" in page
    assert "Vertraulich" in page
    assert "Beispielstraße 1" in page
    assert "Zugang nur über eine Treppe" in page
    assert "14 Stufen mit Handlauf." in page
    assert "Dolmetscher auf Anfrage" in page
    assert "Arabisch" in page
    assert "030 23125 101" in page
    # The QR code of the German page, with its address in words under it.
    html = response.content.decode()
    assert '<svg role="img" viewBox=' in html
    assert "http://localhost/de/termine/offene-sprechstunde/" in page
    # A document of its own: no site header, menus or footer; its own stylesheet.
    assert 'class="site-header"' not in html
    assert "/static/buero/css/print.css" in html


def test_a_bilingual_poster_has_german_above_and_arabic_right_to_left(client, tree):
    hour = tree["hour"]
    response = client.get(f"{hour.url}plakat/ar/")
    assert response.status_code == 200
    html = response.content.decode()
    parts = re.findall(r'<div class="poster__part" lang="(\w+)" dir="(\w+)">', html)
    assert parts == [("de", "ltr"), ("ar", "rtl")]
    german, arabic = html.split('<div class="poster__part"')[1:]
    assert "Offene Sprechstunde" in german
    assert "jeden Mittwoch" in german
    assert "الاستشارة المفتوحة" in arabic
    # Each half has the QR code and address of its own language's page.
    assert "http://localhost/de/termine/offene-sprechstunde/" in german
    assert "http://localhost/ar/" in arabic
    assert german.count("<svg") == arabic.count("<svg") == 1


def test_a_bilingual_poster_without_the_translation_prints_german_with_the_notice(client, tree):
    response = client.get(f"{tree['hour'].url}plakat/uk/")
    assert response.status_code == 200
    ukrainian = response.content.decode().split('<div class="poster__part"')[2]
    assert 'lang="uk" dir="ltr"' in ukrainian
    assert "Offene Sprechstunde" in ukrainian
    # The page's text is marked German; the print's own words are Ukrainian.
    assert 'class="print-title" lang="de" dir="ltr">Offene Sprechstunde' in ukrainian
    assert 'class="print-content" lang=' not in ukrainian
    assert 'class="print-notice"' in ukrainian


@pytest.mark.parametrize(
    ("which", "path"),
    [
        ("hour", "plakat/xx/"),  # no such language
        ("hour", "plakat/de/"),  # the page's own language
        ("hour", "flyer/ar/"),  # only posters have a second language
        ("hour", "infoblatt/"),  # a consultation hour has no take-away sheet
        ("offer", "plakat/"),  # an offer has no poster
        ("offer", "plakat/ar/"),
    ],
)
def test_print_material_a_page_does_not_offer_is_not_found(client, tree, which, path):
    assert client.get(f"{tree[which].url}{path}").status_code == 404


def test_a_flyer_sheet_has_four_flyers_read_once_by_screen_readers(client, tree):
    response = client.get(f"{tree['hour'].url}flyer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<article class="flyer"') == 4
    assert html.count('aria-hidden="true">') >= 3
    assert html.count('class="cut-mark') == 5
    # The hours isolated left to right, as in a right-to-left print.
    assert html.count('jeden Mittwoch, <bdi dir="ltr">17–19 Uhr</bdi>') == 4


@pytest.mark.parametrize("which", ["hour", "home"])
def test_a_flyer_gives_the_rule_and_points_to_the_current_dates_instead_of_listing_them(
    client, tree, which
):
    """A flyer is kept for weeks: its dates would be stale, and a cancellation's reason
    could push its text out of the A6 cell (print.css hides print-extra on flyers)."""
    flyer = client.get(f"{tree[which].url}flyer/").content.decode()
    hidden_dates = r'<section class="print-block print-extra">\s*<h2>Nächste Termine'
    assert len(re.findall(hidden_dates, flyer)) == 4
    assert flyer.count("Aktuelle Termine und Ausfälle: Scannen Sie den Code") == 4
    poster = client.get(f"{tree[which].url}plakat/").content.decode()
    assert "Aktuelle Termine und Ausfälle" not in poster
    assert "Scannen Sie den Code mit der Handykamera" in poster


def test_an_offer_sheet_has_what_to_bring_how_to_apply_whom_to_call(client, tree):
    response = client.get(f"{tree['offer'].url}infoblatt/")
    assert response.status_code == 200
    page = text(response)
    assert "Kinderzuschlag" in page
    assert "Geld für Schulsachen" in page
    assert "Wer kann es bekommen?" in page
    assert "Familien mit wenig Einkommen." in page
    assert "Das brauchen Sie" in page
    assert "Personalausweis" in page
    assert "So beantragen Sie es" in page
    assert "Antrag stellen" in page
    assert "Beim Jobcenter." in page
    assert "Schuldnerberatung Stendal" in page
    assert "030 23125 222" in page
    # The office's next open hour, the cancelled 9 December skipped.
    assert "2. Dezember 2026" in page
    assert "die nächste offene Sprechstunde" in page
    assert "http://localhost/de/hilfsangebote/" in page


def test_an_arabic_offer_sheet_is_right_to_left_in_arabic(client, tree):
    response = client.get(f"{tree['offer_ar'].url}infoblatt/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<article class="sheet info-sheet" lang="ar" dir="rtl">' in html
    assert "علاوة الأطفال" in html
    assert "http://localhost/ar/" in text(response)


def test_a_partner_sheet_has_contacts_opening_hours_and_offers(client, tree):
    response = client.get(f"{tree['partner'].url}infoblatt/")
    assert response.status_code == 200
    page = text(response)
    assert "Schuldnerberatung Stendal" in page
    assert "030 23125 200" in page
    assert "Frau Beispiel" in page
    assert "09:00–12:00" in page
    assert "ohne Termin" in page
    assert "Kinderzuschlag" in page
    assert "https://beratung.example.org/" in page


def test_the_office_poster_names_its_hours_dates_and_contact(client, tree):
    response = client.get("/de/plakat/")
    assert response.status_code == 200
    page = text(response)
    assert "Offenes Büro im Jugendclub Tangerhütte" in page
    assert "jeden Mittwoch, 17–19 Uhr" in page
    assert "2. Dezember 2026" in page
    assert "Fällt aus" in page
    assert "Beispielstraße 1" in page
    assert "030 23125 100" in page
    assert "offenes-buero@example.org" in page
    assert "Arabisch" in page
    assert "http://localhost/de/" in page


def test_every_page_has_a_qr_code_view(client, public_pages):
    for page in public_pages:
        response = client.get(f"{page.url}qr-code/")
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert '<svg role="img" viewBox=' in html, page.url
        assert f"http://localhost{page.url}" in html, page.url
        assert 'class="site-header"' in html  # a page of the site, with its navigation


def test_print_material_loads_nothing_from_another_host(client, tree):
    for url in (f"{tree['hour'].url}plakat/ar/", f"{tree['offer'].url}infoblatt/", "/de/flyer/"):
        html = client.get(url).content.decode()
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html.split("<main>")[0]), url
        assert "<img" not in html


def test_print_material_sets_no_cookie_and_may_be_cached(client, tree):
    response = client.get(f"{tree['hour'].url}plakat/")
    assert not response.cookies
    assert "no-store" not in response.get("Cache-Control", "")


class TestEditorsPrintFromTheAdmin(SiteRootTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Locale.objects.get_or_create(language_code="ar")
        offers = OfferIndexPageFactory(parent=cls.home)
        cls.offer = OfferPageFactory(parent=offers, title="Wohngeld")
        dates = DateIndexPageFactory(parent=cls.home)
        cls.hour = ConsultationPageFactory(parent=dates, title="Offene Sprechstunde")

    @override_settings(ROOT_URLCONF="tests.urls_unprefixed")
    def test_print_routes_are_routable(self):
        self.assertPageIsRoutable(self.hour, "plakat/")
        self.assertPageIsRoutable(self.hour, "plakat/ar/")
        self.assertPageIsRoutable(self.hour, "flyer/")
        self.assertPageIsRoutable(self.offer, "infoblatt/")
        self.assertPageIsRoutable(self.offer, "qr-code/")

    def test_the_action_menu_prints_the_page(self):
        response = self.client.get(f"/admin/pages/{self.offer.pk}/edit/")
        html = response.content.decode()
        assert "Infoblatt drucken" in html
        assert f'href="{self.offer.url}infoblatt/"' in html
        assert "Plakat drucken" not in html
        response = self.client.get(f"/admin/pages/{self.hour.pk}/edit/")
        html = response.content.decode()
        assert "Plakat drucken" in html
        assert "Flyer drucken" in html
        assert f"/admin/buero/reports/print-material/?seite={self.hour.pk}" in html

    def test_the_report_lists_every_language_and_names_missing_translations(self):
        response = self.client.get("/admin/buero/reports/print-material/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Wohngeld" in html
        assert "Offene Sprechstunde" in html
        assert f'href="{self.hour.url}plakat/ar/"' in html
        assert f'href="{self.offer.url}infoblatt/"' in html
        assert "Keine Übersetzung: gedruckt wird der deutsche Text mit Hinweis." in html
        only = self.client.get(f"/admin/buero/reports/print-material/?seite={self.offer.pk}")
        assert "Wohngeld" in only.content.decode()
        assert "Offene Sprechstunde" not in only.content.decode()
        assert (
            self.client.get("/admin/buero/reports/print-material/?seite=999999").status_code == 200
        )


def test_a_counsellor_finds_the_sheet_under_the_page_in_its_language(client, tree):
    html = client.get(tree["offer_ar"].url).content.decode()
    assert f'<a href="{tree["offer_ar"].url}infoblatt/">ورقة معلومات</a>' in html
    html = client.get(tree["hour"].url).content.decode()
    assert f'<a href="{tree["hour"].url}plakat/">Plakat</a>' in html
    assert f'<a href="{tree["hour"].url}flyer/">Flyer</a>' in html
