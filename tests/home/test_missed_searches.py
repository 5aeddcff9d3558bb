"""Searches that found nothing: counted per term, language and month; nothing else kept."""

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
from home.editor_groups import EDITORS, setup_groups
from home.models import MissedSearch, SearchSynonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(home):
    index = OfferIndexPageFactory(parent=home)
    return OfferPageFactory(parent=index, title="Wohngeld", summary="Zuschuss zur Miete.", body=[])


def search(client, query, code="de"):
    assert client.get(f"/{code}/suche/", {"q": query}).status_code == 200


def test_a_search_without_results_is_counted_normalized(client, offers):
    search(client, "Raumfahrt")
    search(client, "  RAUMFAHRT ")
    search(client, "Wohngeld")  # found: not counted
    [row] = MissedSearch.objects.all()
    assert (row.term, row.language, row.count) == ("raumfahrt", "de", 2)
    assert row.month.day == 1


@pytest.mark.parametrize("query", ["0170 5550123", "mutter@example.org", "geboren 1990"])
def test_terms_with_digits_or_an_at_sign_are_never_kept(client, offers, query):
    search(client, query)
    assert not MissedSearch.objects.exists()


def test_months_and_languages_are_counted_apart(client, offers, translate, home):
    translate(home, "en")
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)):
        search(client, "Raumfahrt")
    search(client, "Raumfahrt")
    search(client, "space", "en")
    assert MissedSearch.objects.count() == 3


def test_a_database_that_refuses_the_count_does_not_break_the_search(client, offers, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("read-only")

    monkeypatch.setattr(MissedSearch, "record", refuse)
    search(client, "Raumfahrt")


def test_counts_older_than_twelve_months_are_deleted(db):
    today = timezone.localdate().replace(day=1)
    old = today.replace(year=today.year - 1)  # 12 months ago: one month too old
    recent = (today - datetime.timedelta(days=300)).replace(day=1)
    MissedSearch.objects.create(term="alt", language="de", month=old, count=3)
    MissedSearch.objects.create(term="neu", language="de", month=recent, count=1)
    call_command("purge_missed_searches", stdout=None)
    assert list(MissedSearch.objects.values_list("term", flat=True)) == ["neu"]


def test_the_office_sees_the_report_and_the_top_ten_partners_do_not(
    client, offers, home, django_user_model
):
    setup_groups()
    for number in range(12):
        for _ in range(number + 1):
            search(client, f"Suchwort{'abcdefghijkl'[number]}")
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    partner_user = django_user_model.objects.create_user("partner", password="x")
    partner_user.groups.add(setup_partner_group(partner))

    office = Client()
    office.force_login(editor)
    report = office.get("/admin/missed_searches/")
    assert report.status_code == 200
    assert "suchwortl" in report.content.decode()
    dashboard = office.get("/admin/").content.decode()
    assert "Gesucht, aber nicht gefunden" in dashboard
    assert "suchwortl" in dashboard  # the most frequent
    assert "suchworta" not in dashboard  # the eleventh and twelfth are not in the top ten
    assert office.get("/admin/missed_searches/new/").status_code in (302, 403, 404)

    outsider = Client()
    outsider.force_login(partner_user)
    assert outsider.get("/admin/missed_searches/").status_code in (302, 403)
    assert "Gesucht, aber nicht gefunden" not in outsider.get("/admin/").content.decode()


def test_counting_does_not_purge_the_page_cache(client, office, offers):
    from home import content_generation

    before = content_generation.current()
    search(client, "Raumfahrt")
    assert MissedSearch.objects.exists()
    assert content_generation.current() == before


def test_a_missed_search_becomes_a_search_term_in_its_language(
    client, offers, django_user_model, locales
):
    setup_groups()
    search(client, "Raumfahrt")
    MissedSearch.record("فضاء", "ar")
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    office = Client()
    office.force_login(editor)
    report = office.get("/admin/missed_searches/").content.decode()
    assert report.count("Als Suchbegriff anlegen") == 2
    add_url = (
        "/admin/snippets/home/searchsynonym/add/?locale=ar&amp;suchwort=%D9%81%D8%B6%D8%A7%D8%A1"
    )
    assert add_url in report
    form = office.get(add_url.replace("&amp;", "&")).content.decode()
    assert 'value="فضاء"' in form
    response = office.post(add_url.replace("&amp;", "&"), {"term": "فضاء", "means": "Raumfahrt"})
    assert response.status_code == 302
    synonym = SearchSynonym.objects.get()
    assert (synonym.term, synonym.locale.language_code) == ("فضاء", "ar")
