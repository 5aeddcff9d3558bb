"""Yearly reviews: the discreet "Stand" notice, the reminder command per editor group."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.partner_access import setup_partner_group
from buero.editor_groups import EDITORS, setup_groups

from .conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture
def network(home):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    tafel = PartnerPageFactory(parent=partners, title="Tafel", last_reviewed=TODAY)
    jobcenter = PartnerPageFactory(
        parent=partners, title="Jobcenter", last_reviewed=datetime.date(2025, 3, 12)
    )
    stale = OfferPageFactory(
        parent=offers,
        title="Lebensmittel",
        last_reviewed=datetime.date(2025, 3, 1),
        providers=[tafel],
    )
    fresh = OfferPageFactory(parent=offers, title="Wohngeld", last_reviewed=TODAY)
    return {"tafel": tafel, "jobcenter": jobcenter, "stale": stale, "fresh": fresh}


def test_public_page_says_discreetly_when_it_was_last_checked(network, client, office):
    stale = client.get(network["stale"].url).content.decode()
    assert '<time datetime="2025-03">Stand: März 2025.</time>' in stale
    assert "Manche Angaben können sich seitdem geändert haben" in stale

    fresh = client.get(network["fresh"].url).content.decode()
    assert "Stand:" not in fresh
    assert "Zuletzt geprüft am" in fresh


def test_review_reminders_lists_per_group_and_mails_on_request(network, capsys):
    setup_groups()
    office = get_user_model().objects.create_user("buero", "buero@example.org", "pw")
    office.groups.add(Group.objects.get(name=EDITORS))
    tafel = get_user_model().objects.create_user("tafel", "tafel@example.org", "pw")
    tafel_group = setup_partner_group(network["tafel"])
    tafel.groups.add(tafel_group)

    call_command("buero_review_reminders")
    out = capsys.readouterr().out
    tafel_part, office_part = out.split("Redaktion (2):")
    assert f"{tafel_group.name} (1):" in tafel_part
    assert office_part.index("Lebensmittel") < office_part.index("Jobcenter")
    assert "zuletzt geprüft am 01.03.2025" in office_part
    assert f"/admin/pages/{network['stale'].pk}/edit/" in office_part
    assert "Lebensmittel" in tafel_part
    assert "Jobcenter" not in tafel_part
    assert "Wohngeld" not in out
    assert mail.outbox == []

    call_command("buero_review_reminders", "--email")
    assert sorted(message.to[0] for message in mail.outbox) == [
        "buero@example.org",
        "tafel@example.org",
    ]
    to_tafel = next(message for message in mail.outbox if message.to == ["tafel@example.org"])
    assert "Lebensmittel" in to_tafel.body
    assert "Jobcenter" not in to_tafel.body


def test_review_reminders_says_when_nothing_is_due(home, capsys):
    call_command("buero_review_reminders")
    assert "Nichts zu prüfen" in capsys.readouterr().out
