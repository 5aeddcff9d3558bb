"""The conversation tally ("Gespräch erfassen"): recorded by the counsellors in the admin
with CSRF enforced, nothing personal stored, fixed after a week, deleted after the years it
is kept; no other group sees it."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from angebote.factories import PartnerIndexPageFactory, PartnerPageFactory, TopicFactory
from angebote.partner_access import setup_partner_group
from buero.editor_groups import COUNSELLORS, EDITORS, setup_groups
from events.factories import ConsultationPageFactory, DateIndexPageFactory
from impact.factories import ConversationFactory
from impact.models import Conversation

pytestmark = pytest.mark.django_db

ADD = "/admin/buero/gespraeche/new/"
LIST = "/admin/buero/gespraeche/"


@pytest.fixture
def people(django_user_model):
    setup_groups()

    def member(name, group):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(Group.objects.get(name=group))
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        return client

    return {"counsellor": member("beraterin", COUNSELLORS), "editor": member("redakteur", EDITORS)}


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_counsellor_records_a_conversation_in_one_form(people, home):
    topic = TopicFactory(name="Schulden")
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), title="Schuldnerberatung"
    )
    client = people["counsellor"]
    form = client.get(ADD).content.decode()
    # Everything on one screen, today and the office's open hour filled in already.
    for label in ("Tag", "Art", "Wer kam", "Themen", "Sprache des Gesprächs", "Mit Dolmetscher/in",
                  "Besprochene Leistungen", "Weitervermittelt an"):  # fmt: skip
        assert label in form
    response = client.post(
        ADD,
        {
            "csrfmiddlewaretoken": csrf_token(form),
            "day": timezone.localdate().strftime("%d.%m.%Y"),
            "kind": "open_hour",
            "visitor": "family",
            "topics": [topic.pk],
            "language": "ar",
            "interpreter": "on",
            "benefits": ["wohngeld", "schuldnerberatung"],
            "referred_to": [partner.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    row = Conversation.objects.get()
    assert (row.kind, row.visitor, row.language, row.interpreter) == (
        "open_hour",
        "family",
        "ar",
        True,
    )
    assert row.benefits == ["wohngeld", "schuldnerberatung"]
    assert list(row.topics.all()) == [topic]
    assert list(row.referred_to.all()) == [partner]
    # Nothing about the person: no name, age, address, free text or time of day is stored.
    columns = {field.name for field in Conversation._meta.get_fields()}
    assert columns == {
        "id", "day", "kind", "visitor", "topics", "language", "interpreter", "benefits",
        "referred_to", "hour", "recorded_on",
    }  # fmt: skip
    # A post without the form's token is refused.
    assert people["counsellor"].post(ADD, {"kind": "phone"}).status_code == 403


def test_only_the_counsellors_see_the_tally(people, admin_client):
    ConversationFactory()
    assert people["counsellor"].get(LIST).status_code == 200
    assert people["editor"].get(LIST).status_code in (302, 403)
    assert "Gespräche" not in people["editor"].get("/admin/").content.decode()
    assert admin_client.get(LIST).status_code == 200


def test_a_row_is_fixed_a_week_after_it_was_recorded(people):
    with time_machine.travel(datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC)):
        row = ConversationFactory(language="de")
    client = people["counsellor"]
    with time_machine.travel(datetime.datetime(2026, 12, 6, 10, tzinfo=datetime.UTC)):
        assert client.get(f"{LIST}edit/{row.pk}/").status_code == 200
    with time_machine.travel(datetime.datetime(2026, 12, 9, 10, tzinfo=datetime.UTC)):
        response = client.get(f"{LIST}edit/{row.pk}/", follow=True)
        assert "kann nicht mehr geändert werden" in response.content.decode()
        form_page = client.get(ADD).content.decode()
        client.post(
            f"{LIST}edit/{row.pk}/",
            {"csrfmiddlewaretoken": csrf_token(form_page), "kind": "phone", "visitor": "young"},
        )
        client.post(f"{LIST}delete/{row.pk}/", {"csrfmiddlewaretoken": csrf_token(form_page)})
    row.refresh_from_db()
    assert (row.kind, row.visitor) == ("open_hour", "family")


def test_rows_are_deleted_after_the_years_they_are_kept(settings):
    with time_machine.travel(datetime.date(2023, 12, 6)):
        old = ConversationFactory(day=datetime.date(2023, 12, 6))
        kept = ConversationFactory(day=datetime.date(2023, 12, 8))
    with time_machine.travel(datetime.date(2026, 12, 7)):
        call_command("buero_purge_conversations", stdout=None)
        assert set(Conversation.objects.all()) == {kept}
        settings.BUERO_TALLY_KEEP_YEARS = 1
        call_command("buero_purge_conversations", stdout=None)
        assert not Conversation.objects.exists()
    assert not Conversation.objects.filter(pk=old.pk).exists()


@pytest.fixture
def partner_hours(home, django_user_model):
    """Two partners, each leading a consultation hour in the youth club; the first one's
    editor logged in with CSRF enforced."""
    partners = PartnerIndexPageFactory(parent=home)
    dates = DateIndexPageFactory(parent=home)
    debt = PartnerPageFactory(parent=partners, title="Schuldnerberatung")
    family = PartnerPageFactory(parent=partners, title="Familienberatung")
    hours = {
        partner: ConsultationPageFactory(
            parent=dates, title=f"Sprechstunde {partner.title}", host=partner
        )
        for partner in (debt, family)
    }
    setup_groups()
    user = django_user_model.objects.create_user("partnerin", password="x")
    user.groups.add(setup_partner_group(debt))
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client, hours[debt], hours[family]


def test_a_partners_editor_records_its_own_hours_only(partner_hours):
    client, own, other = partner_hours
    ConversationFactory(kind="partner_hour", hour=other)
    assert client.get(LIST).status_code == 200
    form = client.get(ADD).content.decode()
    # Only the partner's own hour is offered, chosen already, and only its kind.
    assert own.title in form
    assert other.title not in form
    assert "Offene Sprechstunde" not in form
    fields = {
        "csrfmiddlewaretoken": csrf_token(form),
        "day": timezone.localdate().strftime("%d.%m.%Y"),
        "kind": "partner_hour",
        "visitor": "family",
        "language": "de",
    }
    # Another partner's hour, or the office's own kinds, are refused with a message.
    refused = client.post(ADD, {**fields, "hour": other.pk})
    assert refused.status_code == 200
    assert Conversation.objects.count() == 1
    assert client.post(ADD, {**fields, "kind": "open_hour", "hour": own.pk}).status_code == 200
    assert client.post(ADD, {**fields, "hour": own.pk}).status_code == 302
    mine = Conversation.objects.get(hour=own)
    # The list shows the partner's rows only; another partner's row does not open.
    listing = client.get(LIST).content.decode()
    assert f"/admin/buero/gespraeche/edit/{mine.pk}/" in listing
    theirs = Conversation.objects.get(hour=other)
    assert f"/admin/buero/gespraeche/edit/{theirs.pk}/" not in listing
    for view in ("edit", "delete", "history"):
        assert client.get(f"{LIST}{view}/{theirs.pk}/", follow=True).status_code == 404, view
    assert client.get(f"{LIST}edit/{mine.pk}/").status_code == 200


def test_a_partner_hour_names_its_hour_and_only_then(people, partner_hours):
    _client, own, _other = partner_hours
    client = people["counsellor"]
    form = client.get(ADD).content.decode()
    fields = {
        "csrfmiddlewaretoken": csrf_token(form),
        "day": timezone.localdate().strftime("%d.%m.%Y"),
        "visitor": "family",
        "language": "de",
    }
    missing = client.post(ADD, {**fields, "kind": "partner_hour"}).content.decode()
    assert "Bitte die Sprechstunde des Partners auswählen." in missing
    stray = client.post(ADD, {**fields, "kind": "phone", "hour": own.pk}).content.decode()
    assert "nur bei der Art" in stray
    assert not Conversation.objects.exists()


def test_an_editor_of_a_partner_without_hours_sees_no_tally(home, django_user_model):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home))
    setup_groups()
    user = django_user_model.objects.create_user("ohne-sprechstunde", password="x")
    user.groups.add(setup_partner_group(partner))
    client = Client()
    client.force_login(user)
    assert client.get(LIST).status_code in (302, 403)
    assert "Gespräche" not in client.get("/admin/").content.decode()
