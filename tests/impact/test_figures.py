"""The site's figures (issue 28, item 2): counted on the server as daily totals per key,
never per visit; nothing about the visitor kept; no query and no broken page for it."""

import datetime
import logging
import time
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.db import OperationalError, connection, connections
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from angebote import benefits
from angebote.factories import (
    HelpCheckPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    TopicFactory,
)
from buero import figures
from buero.models import PageFeedback
from events.factories import AppointmentRequestPageFactory, ConsultationPageFactory
from events.models import AppointmentRequest
from impact import counting
from impact.middleware import check_middleware
from impact.models import DailyTotal, Figure
from tests.angebote.test_help_check import FAMILY
from tests.broken_cache import SwitchableCache
from tests.events.test_appointment_requests import answers
from tests.form_posts import form_action
from tests.test_resilience import BROKEN_REDIS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def empty_buffer():
    """Counts of earlier tests wait in this process's memory (nothing writes them there)."""
    counting.discard()
    yield
    counting.discard()


@pytest.fixture
def reader(client):
    """An anonymous visitor with a phone's browser."""
    client.defaults["HTTP_USER_AGENT"] = PHONE
    return client


@pytest.fixture
def offer(home):
    index = OfferIndexPageFactory(parent=home, slug="hilfsangebote")
    return OfferPageFactory(parent=index, title="Wohngeld beantragen", slug="wohngeld")


def totals():
    """{(figure, language, detail): count} of today, after writing what waits."""
    assert counting.flush()
    today = timezone.localdate()
    return {
        (row.figure, row.language, row.detail): row.count
        for row in DailyTotal.objects.filter(day=today)
    }


def test_the_plugins_figure_names_are_the_impact_apps():
    named = {
        value
        for name, value in vars(figures).items()
        if name.isupper() and isinstance(value, str) and name not in ("MARKS",)
        if value not in (*figures.DOWNLOADS, figures.HELPFUL, figures.NOT_HELPFUL)
    }
    assert named == set(Figure.values)


def test_a_page_view_is_counted_once_per_request_by_type_and_language(reader, offer, translate):
    arabic = translate(offer, "ar")
    for url in (offer.url, offer.url, arabic.url, "/de/"):
        assert reader.get(url).status_code == 200
    assert totals() == {
        ("page_view", "de", "offerpage"): 2,
        ("page_view", "ar", "offerpage"): 1,
        ("page_view", "de", "officepage"): 1,
    }
    reader.get(offer.url)
    assert totals()[("page_view", "de", "offerpage")] == 3  # added to the day's total


def test_the_page_caches_hits_are_counted(reader, offer, django_assert_num_queries):
    with override_settings(PAGE_CACHE_SECONDS=300):
        first = reader.get(offer.url)
        with django_assert_num_queries(0):
            second = reader.get(offer.url)  # from the page cache
            third = reader.get(offer.url, HTTP_USER_AGENT=FIREFOX)
    assert first.content == second.content == third.content
    assert totals() == {("page_view", "de", "offerpage"): 3}


def test_counting_adds_no_query_to_a_page(reader, offer):
    def queries(url):
        reader.get(url)  # warm
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(url).status_code == 200
        return len(captured)

    for url in (offer.url, "/de/suche/?q=Wohngeld", f"{offer.url}infoblatt/"):
        counted = queries(url)
        with override_settings(BUERO_FIGURES_ENABLED=False):
            assert queries(url) == counted, url
    assert counting.pending()


def test_counting_changes_nothing_in_the_response(reader, offer):
    without = [name for name in settings.MIDDLEWARE if not name.startswith("impact.")]
    with override_settings(MIDDLEWARE=without):
        uncounted = Client(HTTP_USER_AGENT=PHONE)
        uncounted.get("/de/")  # its middleware, without the counting
    for cached in (False, True):
        with override_settings(PAGE_CACHE_SECONDS=300 if cached else 0):
            uncounted.get(offer.url)  # the page cache's copy, where it is on
            counted, plain = reader.get(offer.url), uncounted.get(offer.url)
            assert dict(counted.items()) == dict(plain.items())
            assert counted.content == plain.content
    assert counting.pending() == {(timezone.localdate(), "page_view", "de", "offerpage"): 2}


@pytest.mark.parametrize(
    "user_agent",
    [
        GOOGLEBOT,
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Wget/1.21.4",
        "curl/8.5.0",
        "",
    ],
    ids=["Googlebot", "bingbot", "wget", "curl", "none"],
)
def test_known_bots_and_requests_without_a_browser_are_not_counted(client, offer, user_agent):
    assert client.get(offer.url, HTTP_USER_AGENT=user_agent).status_code == 200
    assert counting.pending() == {}


def test_editors_the_admin_and_previews_are_not_counted(admin_client, offer):
    admin_client.defaults["HTTP_USER_AGENT"] = FIREFOX
    assert admin_client.get(offer.url).status_code == 200
    assert admin_client.get("/de/suche/?q=Wohngeld").status_code == 200
    assert admin_client.get(f"/admin/pages/{offer.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{offer.pk}/view_draft/").status_code == 200
    assert offer.make_preview_request().status_code == 200
    assert counting.pending() == {}


def test_only_a_successful_get_of_the_page_itself_is_a_page_view(reader, offer):
    assert reader.head(offer.url).status_code == 200
    assert reader.get(f"{offer.url}qr-code/").status_code == 200
    assert reader.get("/de/gibt-es-nicht/").status_code == 404
    assert reader.post(form_action(offer), {"helpful": "yes"}).status_code == 303
    assert set(totals()) == {("feedback", "de", "helpful")}


def test_a_restricted_page_is_not_counted(reader, offer):
    offer.view_restrictions.create(restriction_type="password", password="geheim")
    assert reader.get(offer.url).status_code == 200  # the password form
    assert counting.pending() == {}


@pytest.fixture
def check(home, locales):
    TopicFactory(name="Schule und Bildung", slug="schule", locale=locales["de"])
    return HelpCheckPageFactory(parent=home)


@pytest.fixture
def frozen():
    """A day with the help check's figures (tests/angebote/test_help_check.py)."""
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC), tick=False):
        yield


def test_a_help_check_counts_once_and_each_benefits_level(reader, check, frozen):
    assert reader.post(form_action(check), FAMILY).status_code == 200
    assert reader.post(form_action(check), {"adults": ""}).status_code == 200  # not complete
    found = totals()
    assert found.pop(("help_check", "de", "")) == 1
    levels = {detail: n for (figure, _language, detail), n in found.items()}
    assert set(levels.values()) == {1}
    assert {detail.split(":")[0] for detail in levels} == set(benefits.BENEFITS)
    assert {detail.split(":")[1] for detail in levels} <= set(benefits.LEVELS)
    assert "grundsicherungsgeld:likely" in levels  # the family the concept is about
    assert {figure for figure, _language, _detail in found} == {"help_check_result"}


def test_searches_and_missed_searches_are_counted_per_language(reader, offer, translate):
    translate(offer, "ar")
    reader.get("/de/suche/?q=Wohngeld")
    reader.get("/de/suche/?q=Wohngeld&page=2")  # the next page of the same search
    reader.get("/de/suche/?q=Zauberstab")
    reader.get("/ar/suche/?q=Zauberstab")
    reader.get("/de/suche/")  # the empty form
    assert totals() == {
        ("search", "de", ""): 2,
        ("missed_search", "de", ""): 1,
        ("search", "ar", ""): 1,
        ("missed_search", "ar", ""): 1,
    }


def test_a_cached_search_is_counted_too(reader, offer):
    with override_settings(PAGE_CACHE_SECONDS=300):
        for _ in range(3):
            reader.get("/de/suche/?q=Zauberstab")
    assert totals() == {("search", "de", ""): 3, ("missed_search", "de", ""): 3}


def test_posters_flyers_sheets_and_calendars_are_counted_as_downloads(reader, home, offer):
    hour = ConsultationPageFactory(parent=home)
    for url in (
        f"{hour.url}plakat/",
        f"{hour.url}plakat/ar/",
        f"{hour.url}flyer/",
        f"{offer.url}infoblatt/",
        f"{hour.url}kalender/",
    ):
        assert reader.get(url).status_code == 200, url
    assert totals() == {
        ("download", "de", "poster"): 2,
        ("download", "de", "flyer"): 1,
        ("download", "de", "sheet"): 1,
        ("download", "de", "calendar"): 1,
    }


def test_appointment_requests_and_feedback_answers_are_counted(reader, home, offer):
    page = AppointmentRequestPageFactory(parent=home)
    assert reader.post(page.url, answers()).status_code == 303
    assert reader.post(page.url, answers(leave_empty="spam")).status_code == 303  # not stored
    reader.post(form_action(offer), {"helpful": "yes"})
    reader.post(form_action(offer), {"helpful": "no"})  # asks why; nothing stored yet
    reader.post(form_action(offer), {"helpful": "no", "reason": "missing"})
    assert AppointmentRequest.objects.count() == 1
    assert PageFeedback.objects.count() == 2
    found = totals()
    assert found[("appointment_request", "de", "")] == 1
    assert found[("feedback", "de", "helpful")] == 1
    assert found[("feedback", "de", "not_helpful")] == 1


def test_nothing_about_the_visitor_is_stored_and_no_cookie_is_set(client, offer, check, frozen):
    visits = [
        client.get(offer.url, HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="203.0.113.7"),
        client.get(
            "/de/suche/?q=Schuldnerberatung+Mustermann",
            HTTP_USER_AGENT=PHONE,
            HTTP_REFERER="https://example.org/von-hier",
            REMOTE_ADDR="198.51.100.23",
        ),
        client.post(form_action(check), FAMILY, HTTP_USER_AGENT=PHONE),
        client.get(f"{offer.url}infoblatt/", HTTP_USER_AGENT=PHONE),
    ]
    for response in visits:
        assert not response.cookies
        assert "Set-Cookie" not in response
    found = totals()
    assert found
    # The table holds the key and the sum, nothing else.
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, DailyTotal._meta.db_table
            )
        }
        cursor.execute(f"SELECT * FROM {DailyTotal._meta.db_table}")  # noqa: S608
        raw = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert columns == {"id", "day", "figure", "language", "detail", "count"}
    for trace in (
        "203.0.113",
        "198.51.100",
        "Firefox",
        "Android",
        "Mozilla",
        "example.org",
        "Schuldnerberatung",
        "Mustermann",
        "1400",
        "650",
    ):
        assert trace not in raw
    languages = {code for code, _name in settings.LANGUAGES}
    details = {"offerpage", "sheet", ""} | {
        f"{benefit}:{level}" for benefit in benefits.BENEFITS for level in benefits.LEVELS
    }
    for row in DailyTotal.objects.all():
        assert row.day == timezone.localdate()
        assert row.figure in Figure.values
        assert row.language in languages
        assert row.detail in details


def test_totals_are_added_never_overwritten(offer):
    """Each gunicorn worker writes its own sums into the same rows."""
    day = timezone.localdate()
    counting.add_totals({(day, "page_view", "de", "offerpage"): 2})
    counting.add_totals({(day, "page_view", "de", "offerpage"): 3, (day, "search", "de", ""): 1})
    assert totals() == {("page_view", "de", "offerpage"): 5, ("search", "de", ""): 1}


def test_other_databases_add_through_the_orm(offer):
    day = timezone.localdate()
    with mock.patch.object(connections["default"], "vendor", "mysql"):
        counting.add_totals({(day, "download", "de", "poster"): 2})
        counting.add_totals({(day, "download", "de", "poster"): 1})
    assert totals() == {("download", "de", "poster"): 3}


def test_a_writer_thread_writes_without_being_asked(monkeypatch):
    written = []
    monkeypatch.setattr(counting, "add_totals", written.append)
    buffer = counting._Buffer()
    monkeypatch.setattr(counting, "_buffer", buffer)
    with override_settings(BUERO_FIGURES_FLUSH_SECONDS=0.05):
        counting.count("search", "de")
        deadline = time.monotonic() + 5
        while not written and time.monotonic() < deadline:
            time.sleep(0.01)
        buffer.stop()
    assert [list(counts.values()) for counts in written] == [[1]]


@pytest.fixture
def broken_cache():
    SwitchableCache.broken, SwitchableCache.calls = True, 0
    yield SwitchableCache
    SwitchableCache.broken = False


def test_pages_are_counted_while_the_cache_fails(reader, offer, broken_cache):
    """Redis down, as in production (behind buero_site.cache.FailSafeCache): pages are built
    from the database and counted as always."""
    with override_settings(CACHES=BROKEN_REDIS, PAGE_CACHE_SECONDS=300):
        for _ in range(2):
            assert reader.get(offer.url).status_code == 200
    assert broken_cache.calls > 0
    assert totals() == {("page_view", "de", "offerpage"): 2}


def test_counting_never_asks_the_cache(reader, offer, broken_cache):
    """A cache that raises on every call, unguarded: counting and writing never call it."""
    raising = {"default": {"BACKEND": "tests.broken_cache.SwitchableCache"}}
    with override_settings(CACHES=raising):
        counting.count("search", "de")
        counting.count("download", "de", "poster")
        assert counting.flush()
    assert broken_cache.calls == 0
    assert totals() == {("search", "de", ""): 1, ("download", "de", "poster"): 1}


def _fail_every_query(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_a_database_error_while_writing_loses_the_counts_quietly(reader, offer, caplog):
    caplog.set_level(logging.WARNING, logger="impact.counting")
    assert reader.get(offer.url).status_code == 200
    with connection.execute_wrapper(_fail_every_query):
        assert counting.flush() is False  # no exception
    assert "could not be written and are lost" in caplog.text
    assert counting.pending() == {}
    assert totals() == {}
    assert reader.get(offer.url).status_code == 200
    assert totals() == {("page_view", "de", "offerpage"): 1}  # later counts are written


def test_counting_that_fails_never_breaks_a_page(reader, offer, caplog):
    caplog.set_level(logging.WARNING)
    with mock.patch("impact.middleware.is_bot", side_effect=RuntimeError("broken")):
        assert reader.get(offer.url).status_code == 200
    with mock.patch.object(counting._buffer, "add", side_effect=RuntimeError("broken")):
        assert reader.get(offer.url).status_code == 200
        counting.count("search", "de")
    assert "could not be counted" in caplog.text
    assert counting.pending() == {}


def test_figures_switched_off_count_nothing(reader, offer):
    with override_settings(BUERO_FIGURES_ENABLED=False):
        reader.get(offer.url)
        counting.count("search", "de")
    assert counting.pending() == {}


def test_a_site_without_the_middleware_is_warned(settings):
    assert check_middleware() == []
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.startswith("impact.")]
    assert [warning.id for warning in check_middleware()] == ["buero_impact.W001"]


def test_a_count_belongs_to_the_day_in_the_sites_time_zone():
    berlin = timezone.get_default_timezone()
    moments = [
        (datetime.datetime(2026, 12, 1, 23, 59, 59, tzinfo=berlin), datetime.date(2026, 12, 1)),
        (datetime.datetime(2026, 12, 2, 0, 0, 1, tzinfo=berlin), datetime.date(2026, 12, 2)),
        (datetime.datetime(2026, 12, 1, 22, 0, tzinfo=datetime.UTC), datetime.date(2026, 12, 1)),
        (datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC), datetime.date(2026, 12, 2)),
        (datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC), datetime.date(2026, 3, 29)),
    ]
    for moment, day in moments:
        with time_machine.travel(moment, tick=False):
            assert counting.today() == day, moment
            counting.count("search", "de")
    assert sorted(day for day, *_key in counting.pending()) == sorted(
        {day for _moment, day in moments}
    )
