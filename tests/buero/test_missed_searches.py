"""Searches that found nothing: counted per term, language and month once several people
searched the term, on two days at least; nothing else kept, nothing longer than 90 days."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.partner_access import setup_partner_group
from buero.editor_groups import EDITORS, setup_groups
from buero.models import MissedSearch, PendingSearch, SearchSynonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(home):
    index = OfferIndexPageFactory(parent=home)
    return OfferPageFactory(parent=index, title="Wohngeld", summary="Zuschuss zur Miete.", body=[])


NAME = "Lisa Mustermann Frauenhaus"


def search(client, query, code="de"):
    assert client.get(f"/{code}/suche/", {"q": query}).status_code == 200


def on(day):
    """Noon of ``day`` in Berlin."""
    return time_machine.travel(datetime.datetime(2026, 12, day, 11, tzinfo=datetime.UTC))


def kept(term, language="de", visits=3):
    """Searches for ``term`` as several people make them: ``visits`` on two days."""
    today = timezone.localdate()
    MissedSearch.record(term, language, today=today - datetime.timedelta(days=1))
    for _ in range(visits - 1):
        MissedSearch.record(term, language, today=today)


def stored_values():
    """Every value of every row of both tables, as text."""
    return [
        str(value)
        for model in (MissedSearch, PendingSearch)
        for row in model.objects.values_list()
        for value in row
    ]


def test_a_term_searched_by_several_on_two_days_is_counted_normalized(client, offers):
    with on(1):
        search(client, "Raumfahrt")
        search(client, "Wohngeld")  # found: not counted
    with on(2):
        search(client, "  RAUMFAHRT ")
        assert not MissedSearch.objects.exists()  # two searches are not enough
        search(client, "raumfahrt")
        [row] = MissedSearch.objects.all()
        assert (row.term, row.language, row.count) == ("raumfahrt", "de", 3)
        assert row.month == datetime.date(2026, 12, 1)
        assert not PendingSearch.objects.exists()
        search(client, "Raumfahrt")  # kept now: every further search counts
    assert MissedSearch.objects.get().count == 4


def test_a_name_searched_once_or_on_one_day_is_never_stored(client, offers, django_user_model):
    with on(1):
        search(client, NAME)
        assert not MissedSearch.objects.exists()
        for _ in range(10):
            search(client, NAME)
    assert not MissedSearch.objects.exists()
    [pending] = PendingSearch.objects.all()
    assert pending.visits == 11
    assert not any(
        word in value for value in stored_values() for word in ("lisa", "mustermann", "frauenhaus")
    )
    setup_groups()
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    office = Client()
    office.force_login(editor)
    for url in ("/admin/buero/missed-searches/", "/admin/"):
        assert "mustermann" not in office.get(url).content.decode().lower()


def test_nothing_per_visit_is_stored(client, offers):
    """Counts only: no time of day, no address, no session, no row per search."""
    assert {field.name for field in MissedSearch._meta.fields} == {
        "id",
        "term",
        "language",
        "month",
        "count",
    }
    assert {field.name for field in PendingSearch._meta.fields} == {
        "id",
        "key",
        "visits",
        "first_day",
        "last_day",
    }
    with on(1):
        for _ in range(3):
            search(client, "Raumfahrt", code="de")
            search(client, NAME)
    with on(2):
        search(client, "Raumfahrt")
    assert MissedSearch.objects.count() == 1
    assert PendingSearch.objects.count() == 1
    pending = PendingSearch.objects.values().get()
    assert pending["visits"] == 3
    assert pending["first_day"] == pending["last_day"] == datetime.date(2026, 12, 1)
    assert len(pending["key"]) == 64
    assert int(pending["key"], 16)
    for value in stored_values():
        assert "127.0.0.1" not in value
        assert "session" not in value.lower()


@pytest.mark.parametrize("query", ["0170 5550123", "mutter@example.org", "geboren 1990"])
def test_terms_with_digits_or_an_at_sign_are_never_kept(client, offers, query):
    for day in (1, 2):
        with on(day):
            for _ in range(3):
                search(client, query)
    assert not MissedSearch.objects.exists()
    assert not PendingSearch.objects.exists()


def test_months_and_languages_are_counted_apart(client, offers, translate, home):
    translate(home, "en")
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)):
        kept("Raumfahrt")
    kept("Raumfahrt")
    kept("space", "en")
    assert MissedSearch.objects.count() == 3


def test_a_database_that_refuses_the_count_does_not_break_the_search(client, offers, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("read-only")

    monkeypatch.setattr(MissedSearch, "record", refuse)
    search(client, "Raumfahrt")


def test_a_count_is_gone_90_days_after_its_month_began(db):
    with on(10):
        kept("Raumfahrt")
        kept("Kita")
        MissedSearch.record(NAME, "de")
    # The month began on 1 December: 90 days later is 1 March.
    with time_machine.travel(datetime.datetime(2027, 2, 28, 11, tzinfo=datetime.UTC)):
        call_command("buero_purge_missed_searches", stdout=None)
    assert MissedSearch.objects.count() == 2
    assert not PendingSearch.objects.exists()  # 30 days without a second day: gone
    with time_machine.travel(datetime.datetime(2027, 3, 1, 11, tzinfo=datetime.UTC)):
        call_command("buero_purge_missed_searches", stdout=None)
    assert not MissedSearch.objects.exists()


def test_a_term_not_kept_is_forgotten_after_30_days(db):
    with on(1):
        MissedSearch.record("Raumfahrt", "de")
    with time_machine.travel(datetime.datetime(2026, 12, 30, 11, tzinfo=datetime.UTC)):
        call_command("buero_purge_missed_searches", stdout=None)
        assert PendingSearch.objects.exists()
    with time_machine.travel(datetime.datetime(2026, 12, 31, 11, tzinfo=datetime.UTC)):
        call_command("buero_purge_missed_searches", stdout=None)
        assert not PendingSearch.objects.exists()
        MissedSearch.record("Raumfahrt", "de")
        MissedSearch.record("Raumfahrt", "de")
    assert not MissedSearch.objects.exists()  # starts again: one day only


def test_a_flood_of_made_up_words_is_bounded(db, monkeypatch):
    monkeypatch.setattr(PendingSearch, "MAX_NEW_PER_DAY", 5)
    with on(1):
        for number in range(20):
            MissedSearch.record(f"wort{'abcdefghijklmnopqrst'[number]}", "de")
    assert PendingSearch.objects.count() == 5


def test_the_office_sees_the_report_and_the_top_ten_partners_do_not(
    client, offers, home, django_user_model
):
    setup_groups()
    for number in range(12):
        kept(f"Suchwort{'abcdefghijkl'[number]}", visits=number + 3)
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    partner_user = django_user_model.objects.create_user("partner", password="x")
    partner_user.groups.add(setup_partner_group(partner))

    office = Client()
    office.force_login(editor)
    report = office.get("/admin/buero/missed-searches/")
    assert report.status_code == 200
    assert "suchwortl" in report.content.decode()
    dashboard = office.get("/admin/").content.decode()
    assert "Gesucht, aber nicht gefunden" in dashboard
    assert "suchwortl" in dashboard  # the most frequent
    assert "suchworta" not in dashboard  # the eleventh and twelfth are not in the top ten
    assert office.get("/admin/buero/missed-searches/new/").status_code in (302, 403, 404)

    outsider = Client()
    outsider.force_login(partner_user)
    assert outsider.get("/admin/buero/missed-searches/").status_code in (302, 403)
    assert "Gesucht, aber nicht gefunden" not in outsider.get("/admin/").content.decode()


def test_counting_does_not_purge_the_page_cache(client, office, offers):
    from buero import content_generation

    before = content_generation.current()
    search(client, "Raumfahrt")
    assert PendingSearch.objects.exists()
    kept("Raumfahrt")
    assert MissedSearch.objects.exists()
    assert content_generation.current() == before


def test_a_missed_search_becomes_a_search_term_in_its_language(
    client, offers, django_user_model, locales
):
    setup_groups()
    kept("Raumfahrt")
    kept("فضاء", "ar")
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    office = Client()
    office.force_login(editor)
    report = office.get("/admin/buero/missed-searches/").content.decode()
    assert report.count("Als Suchbegriff anlegen") == 2
    add_url = (
        "/admin/snippets/buero/searchsynonym/add/?locale=ar&amp;suchwort=%D9%81%D8%B6%D8%A7%D8%A1"
    )
    assert add_url in report
    form = office.get(add_url.replace("&amp;", "&")).content.decode()
    assert 'value="فضاء"' in form
    response = office.post(add_url.replace("&amp;", "&"), {"term": "فضاء", "means": "Raumfahrt"})
    assert response.status_code == 302
    synonym = SearchSynonym.objects.get()
    assert (synonym.term, synonym.locale.language_code) == ("فضاء", "ar")
