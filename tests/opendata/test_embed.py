"""The dates for other sites: the widget to frame, termine.json, and the admin page with the
code to copy; framing stays refused everywhere else."""

import datetime
import json
import re
import subprocess
import sys

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings

from angebote.factories import OfferIndexPageFactory, OfferPageFactory
from buero.editor_groups import EDITORS, TRANSLATORS, setup_groups
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    DateIndexPageFactory,
)

pytestmark = pytest.mark.django_db

# A Tuesday: the next Wednesdays are 2, 9 (cancelled) and 16 December 2026.
NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
PORTAL = "https://www.tangerhuette.de"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tree(home, office, translate):
    dates = DateIndexPageFactory(parent=home)
    hour = ConsultationPageFactory(
        parent=dates, title="Offene Sprechstunde", slug="offene-sprechstunde", room="Raum 3"
    )
    ConsultationCancellationFactory(page=hour, date=datetime.date(2026, 12, 9))
    debts = ConsultationPageFactory(
        parent=dates,
        title="Schuldnerberatung",
        slug="schuldnerberatung",
        weekdays=["3"],  # Thursdays
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        interpreter_languages=[],
    )
    ConsultationExtraDateFactory(
        page=debts, date=datetime.date(2026, 12, 5), note="Sondertermin am Samstag"
    )
    hour.save_revision().publish()
    arabic_hour = translate(hour, "ar", title="الاستشارة المفتوحة")
    return {"dates": dates, "hour": hour, "debts": debts, "arabic_hour": arabic_hour}


def test_the_widget_lists_the_next_dates_of_every_series_in_order(client, tree):
    response = client.get("/de/einbetten/termine/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in html
    assert "<h1>Nächste Termine</h1>" in html
    assert len(re.findall(r"<li[ >]", html)) == 5
    order = [
        html.index(text)
        for text in (
            "Mittwoch, <time",  # 2 December, the open hour
            "Donnerstag, <time",  # 3 December, the debt counselling
            "Sondertermin am Samstag",  # 5 December, its extra date
        )
    ]
    assert order == sorted(order)
    assert '<a href="http://localhost/de/termine/offene-sprechstunde/" target="_top">' in html
    assert "Jugendclub Tangerhütte" in html
    assert "<strong>Fällt aus</strong>: Fortbildung des Teams" in html
    assert "Dolmetscher auf Anfrage: Arabisch, Ukrainisch" in html
    assert (
        '<a href="http://localhost/de/termine/" target="_top">Alle Termine auf unserer Website</a>'
        in html
    )


def test_the_widget_is_a_small_page_without_chrome_scripts_or_cookies(client, tree):
    response = client.get("/de/einbetten/termine/", {"anzahl": 20})
    html = response.content.decode()
    assert len(re.findall(r"<li[ >]", html)) == 20
    assert len(response.content) < 10_000
    arabic = client.get("/ar/einbetten/termine/", {"anzahl": 20})
    assert len(re.findall(r"<li[ >]", arabic.content.decode())) == 20
    assert len(arabic.content) < 10_000
    for absent in ("<header", "<footer", "<script", "style="):
        assert absent not in html
    assert '<link rel="stylesheet" href="/static/buero_opendata/embed.css">' in html
    assert not response.cookies
    assert "public" in response["Cache-Control"]


def test_the_stylesheet_is_small(settings):
    css = settings.BASE_DIR / "opendata" / "static" / "buero_opendata" / "embed.css"
    assert css.stat().st_size < 2_000


def test_one_series_by_its_address_or_by_the_query(client, tree):
    for url in (
        "/de/einbetten/termine/schuldnerberatung/",
        "/de/einbetten/termine/?sprechstunde=schuldnerberatung",
        f"/de/einbetten/termine/?sprechstunde={tree['debts'].pk}",
    ):
        html = client.get(url).content.decode()
        assert "Schuldnerberatung" in html, url
        assert "Offene Sprechstunde" not in html, url
        assert "Dolmetscher auf Anfrage" not in html, url


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/de/einbetten/termine/?anzahl=0", 400),
        ("/de/einbetten/termine/?anzahl=21", 400),
        ("/de/einbetten/termine/?anzahl=zwei", 400),
        ("/de/einbetten/termine/?anzahl=99999999999999999999999", 400),
        ("/de/einbetten/termine/?sprechstunde=gibt-es-nicht", 404),
        ("/de/einbetten/termine/?sprechstunde=99999999", 404),
        ("/de/einbetten/termine/gibt-es-nicht/", 404),
    ],
)
def test_bad_parameters_get_a_short_page_in_the_frame(client, tree, url, status):
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert "<main>" in html
    assert "<header" not in html


def test_the_arabic_widget_is_right_to_left_and_marks_german_titles(client, tree):
    call_command(
        "buero_sync_locales", interactive=False, verbosity=0
    )  # the untranslated series as German aliases
    html = client.get("/ar/einbetten/termine/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الاستشارة المفتوحة" in html
    assert 'lang="de" dir="ltr">Schuldnerberatung</a>' in html
    assert 'href="http://localhost/ar/termine/offene-sprechstunde/"' in html
    # The Arabic widget finds the series by its German slug, too.
    html = client.get("/ar/einbetten/termine/offene-sprechstunde/").content.decode()
    assert "Schuldnerberatung" not in html


def test_a_language_without_pages_shows_the_german_series(client, tree):
    html = client.get("/pl/einbetten/termine/").content.decode()
    assert '<html lang="pl" dir="ltr">' in html
    assert "Offene Sprechstunde" in html


def test_dates_further_ahead_than_six_weeks_are_found_too(client, home, office):
    dates = DateIndexPageFactory(parent=home)
    ConsultationPageFactory(
        parent=dates, title="Ab März", frequency="monthly", valid_from=datetime.date(2027, 3, 1)
    )
    _response, data = get_json(client, "?anzahl=3")
    assert [date["start"][:10] for date in data["dates"]] == [
        "2027-03-03",
        "2027-04-07",
        "2027-05-05",
    ]


@pytest.mark.parametrize(
    "url", ["/de/einbetten/termine/", "/ar/einbetten/termine/", "/api/termine.json"]
)
def test_hostile_parameters_get_a_page_or_a_4xx(client, tree, url):
    marker = "<script>alert(1)</script>"
    for value in (
        marker,
        "' OR 1=1 --",
        "x" * 10_000,
        "-1",
        "99999999999999999999999",
        "\x00",
        "٣",
    ):
        for name in ("anzahl", "sprechstunde", "lang"):
            response = client.get(url, {name: value})
            assert response.status_code < 500, (name, value)
            assert marker not in response.content.decode(), (name, value)


# Framing -----------------------------------------------------------------------------------


@override_settings(BUERO_EMBED_ALLOWED_ORIGINS=[PORTAL], X_FRAME_OPTIONS="DENY")
def test_only_the_allowed_origins_may_frame_the_widget(client, tree):
    response = client.get("/de/einbetten/termine/")
    assert f"frame-ancestors 'self' {PORTAL}" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    response = client.get("/de/einbetten/termine/gibt-es-nicht/")
    assert f"frame-ancestors 'self' {PORTAL}" in response["Content-Security-Policy"]


@override_settings(BUERO_EMBED_ALLOWED_ORIGINS=[])
def test_without_allowed_origins_only_the_site_itself_may_frame_the_widget(client, tree):
    response = client.get("/de/einbetten/termine/")
    assert response.status_code == 200
    assert "frame-ancestors 'self';" in response["Content-Security-Policy"] + ";"


@override_settings(
    BUERO_EMBED_ALLOWED_ORIGINS=[
        "http://unsafe.example.org",
        "https://x.org/path",
        "https://y.org\n",
    ]
)
def test_origins_that_are_not_https_hosts_are_never_allowed(client, tree):
    csp = client.get("/de/einbetten/termine/")["Content-Security-Policy"]
    assert "unsafe.example.org" not in csp
    assert "x.org" not in csp
    assert "y.org" not in csp


@override_settings(BUERO_EMBED_ALLOWED_ORIGINS=[PORTAL], X_FRAME_OPTIONS="DENY")
def test_every_other_page_refuses_to_be_framed(client, home, tree):
    offers = OfferIndexPageFactory(parent=home)
    offer = OfferPageFactory(parent=offers)
    for url in ("/de/", offer.url, tree["hour"].url, "/de/feeds/ausfaelle/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url
        assert PORTAL not in response["Content-Security-Policy"], url
        assert response["X-Frame-Options"] == "DENY", url


def test_the_settings_refuse_origins_that_are_not_https_hosts(settings):
    for value in ("http://portal.example.org", "https://portal.example.org/seite", "*"):
        result = subprocess.run(
            [sys.executable, "-c", "import buero_site.settings.base"],
            cwd=settings.BASE_DIR,
            env={"EMBED_ALLOWED_ORIGINS": value, "PATH": ""},
            capture_output=True,
            text=True,
            check=False,
        )
        assert "EMBED_ALLOWED_ORIGINS" in result.stderr, value


def test_the_page_cache_keeps_the_widget_with_its_frame_policy(client, tree, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.BUERO_EMBED_ALLOWED_ORIGINS = [PORTAL]
    first = client.get("/de/einbetten/termine/")
    second = client.get("/de/einbetten/termine/")
    assert second.content == first.content
    assert PORTAL in second["Content-Security-Policy"]
    assert "X-Frame-Options" not in second


# termine.json ------------------------------------------------------------------------------


def get_json(client, query="", **headers):
    response = client.get(f"/api/termine.json{query}", **headers)
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response, json.loads(response.content)


def test_the_json_lists_the_upcoming_dates_with_place_and_interpreters(client, tree):
    response, data = get_json(client)
    assert response.status_code == 200
    assert not response.cookies
    assert data["language"] == "de"
    assert data["generated"].startswith("2026-12-01T10:00:00+01:00")
    first = data["dates"][0]
    assert first == {
        "series": "Offene Sprechstunde",
        "text_language": "",
        "url": "http://localhost/de/termine/offene-sprechstunde/",
        "start": "2026-12-02T17:00:00+01:00",
        "end": "2026-12-02T19:00:00+01:00",
        "cancelled": False,
        "note": "",
        "place": {
            "name": "Jugendclub Tangerhütte",
            "street": "Beispielstraße 1",
            "postcode": "39517",
            "town": "Tangerhütte",
            "room": "Raum 3",
        },
        "interpreter_languages": [
            {"code": "ar", "name": "Arabisch"},
            {"code": "uk", "name": "Ukrainisch"},
        ],
        "ical": "http://localhost/de/termine/offene-sprechstunde/termin/2026-12-02/",
    }
    cancelled = next(date for date in data["dates"] if date["cancelled"])
    assert cancelled["start"] == "2026-12-09T17:00:00+01:00"
    assert cancelled["reason"] == "Fortbildung des Teams"
    assert cancelled["ical"] is None
    assert len(data["dates"]) == 20
    starts = [date["start"] for date in data["dates"]]
    assert starts == sorted(starts)


def test_the_calendar_link_of_a_date_is_its_calendar_file(client, tree):
    _response, data = get_json(client, "?anzahl=1")
    response = client.get(data["dates"][0]["ical"].removeprefix("http://localhost"))
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.content


def test_the_json_in_another_language_and_of_one_series(client, tree):
    _response, data = get_json(client, "?lang=ar&anzahl=3&sprechstunde=offene-sprechstunde")
    assert data["language"] == "ar"
    assert len(data["dates"]) == 3
    assert {date["series"] for date in data["dates"]} == {"الاستشارة المفتوحة"}
    assert data["dates"][0]["interpreter_languages"][0]["name"] == "العربية"


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?lang=xx", 400),
        ("?lang=de&anzahl=101", 400),
        ("?anzahl=-1", 400),
        ("?sprechstunde=unbekannt", 404),
    ],
)
def test_bad_json_parameters_get_a_json_error(client, tree, query, status):
    response, data = get_json(client, query)
    assert response.status_code == status
    assert data["error"]


def test_the_json_answers_a_preflight_for_get_only(client, tree):
    response = client.options(
        "/api/termine.json",
        HTTP_ORIGIN=PORTAL,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert client.post("/api/termine.json").status_code in {403, 405}


def test_an_unknown_series_in_the_json_is_a_json_404_not_a_redirect(client, tree):
    response = client.get("/api/termine.json", {"sprechstunde": "gibt-es-nicht"})
    assert response.status_code == 404
    assert "error" in response.json()


# Query budgets -----------------------------------------------------------------------------


@pytest.fixture
def many_series(home, office):
    def build(count):
        dates = DateIndexPageFactory(parent=home)
        for number in range(count):
            page = ConsultationPageFactory(parent=dates, title=f"Sprechstunde {number:02}")
            ConsultationCancellationFactory(page=page, date=datetime.date(2026, 12, 9))
            ConsultationExtraDateFactory(page=page, date=datetime.date(2026, 12, 10))

    return build


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize(
    ("url", "budget"),
    [("/api/termine.json?anzahl=100", 5), ("/de/einbetten/termine/?anzahl=20", 5)],
)
def test_the_dates_need_a_fixed_number_of_queries(
    client, many_series, count, url, budget, django_assert_max_num_queries
):
    many_series(count)
    client.get(url)  # the page tree snapshot, the site root paths
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200


# The admin page "Einbetten" ----------------------------------------------------------------


def editor(django_user_model, group_name):
    setup_groups()
    user = django_user_model.objects.create_user(username=group_name, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@override_settings(BUERO_EMBED_ALLOWED_ORIGINS=[PORTAL])
def test_the_office_copies_the_code_per_language_and_series(
    client, tree, django_user_model, locales
):
    call_command("buero_sync_locales", interactive=False, verbosity=0)
    client.force_login(editor(django_user_model, EDITORS))
    response = client.get("/admin/buero/einbetten/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "&lt;iframe src=&quot;http://localhost/de/einbetten/termine/&quot; "
        "title=&quot;Nächste Termine – Offenes Büro im Jugendclub Tangerhütte&quot;"
    ) in html
    assert "http://localhost/ar/einbetten/termine/offene-sprechstunde/" in html
    assert "http://localhost/de/einbetten/termine/schuldnerberatung/" in html
    assert "loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;" in html
    assert "readonly" in html
    assert "http://localhost/api/termine.json?lang=ar" in html
    assert PORTAL in html
    assert "BUERO_EMBED_ALLOWED_ORIGINS" in html
    menu = client.get("/admin/").content.decode()
    assert "Einbetten" in menu


def test_editors_without_the_settings_permission_may_not_see_it(client, tree, django_user_model):
    client.force_login(editor(django_user_model, TRANSLATORS))
    assert client.get("/admin/buero/einbetten/").status_code in {302, 403}
