"""Editor groups through the admin: the office, a partner organisation, the translators."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.models import OfferPage
from angebote.partner_access import GROUP_PREFIX, setup_partner_group
from buero.editor_groups import EDITORS, TRANSLATORS, WORKFLOW, setup_groups
from buero_site.management.commands.demo_admin import PARTNER_SLUG, PARTNER_USERNAME
from events.factories import ConsultationPageFactory, DateIndexPageFactory

pytestmark = pytest.mark.django_db


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(*groups)
    return user


@pytest.fixture
def network(home, translate):
    partners = PartnerIndexPageFactory(parent=home)
    offers = OfferIndexPageFactory(parent=home)
    dates = DateIndexPageFactory(parent=home)
    schulden = PartnerPageFactory(parent=partners, title="Schuldnerberatung")
    tafel = PartnerPageFactory(parent=partners, title="Tafel")
    translate(home, "ar")
    setup_groups()
    return {
        "schulden": schulden,
        "tafel": tafel,
        "schulden_offer": OfferPageFactory(
            parent=offers, title="Schuldnerberatung für Familien", providers=[schulden]
        ),
        "tafel_offer": OfferPageFactory(parent=offers, title="Lebensmittel", providers=[tafel]),
        "schulden_hour": ConsultationPageFactory(
            parent=dates, title="Schuldnerberatung im Jugendclub", host=schulden
        ),
        "office_hour": ConsultationPageFactory(parent=dates, title="Offene Sprechstunde"),
    }


@pytest.fixture
def partner_client(client, network):
    group = setup_partner_group(network["schulden"])
    client.force_login(make_user("beraterin", group))
    return client


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def offer_form(offer, **changes):
    data = nested_form_data(
        {
            "title": offer.title,
            "slug": offer.slug,
            "summary": offer.summary,
            "body": streamfield([("paragraph", rich_text("<p>So hilft das Angebot.</p>"))]),
            "eligibility": offer.eligibility,
            "where_to_apply": offer.where_to_apply,
            "is_free": "on",
            "area": offer.area,
            "last_reviewed": offer.last_reviewed.isoformat(),
            **changes,
        }
    )
    data.update(
        legal_basis=offer.legal_basis,
        languages=offer.languages,
        providers=[partner.pk for partner in offer.providers.all()],
    )
    return data


def test_setup_groups_is_idempotent(network):
    setup_groups()
    call_command("buero_setup_groups", verbosity=0)
    assert Group.objects.filter(name__in=[EDITORS, TRANSLATORS]).count() == 2
    assert Page.get_first_root_node().get_workflow().name == WORKFLOW


def test_partner_edits_its_own_pages(partner_client, network):
    for page in ("schulden", "schulden_offer", "schulden_hour"):
        response = partner_client.get(edit_url(network[page]))
        assert response.status_code == 200, page


def test_partner_cannot_see_or_change_another_partners_pages(partner_client, network):
    for page in ("tafel", "tafel_offer", "office_hour"):
        response = partner_client.get(edit_url(network[page]))
        assert response.status_code in {302, 403}, page
        assert network[page].title not in response.content.decode()
    # The page explorer starts at the partner's own page and never lists the others.
    explorer = partner_client.get(reverse("wagtailadmin_explore_root"), follow=True)
    content = explorer.content.decode()
    assert "Schuldnerberatung" in content
    assert "Tafel" not in content
    assert "Lebensmittel" not in content
    post = partner_client.post(edit_url(network["tafel_offer"]), offer_form(network["tafel_offer"]))
    assert post.status_code in {302, 403}
    assert OfferPage.objects.get(pk=network["tafel_offer"].pk).title == "Lebensmittel"


def test_partner_changes_wait_for_the_office(partner_client, client, network):
    offer = network["schulden_offer"]
    data = offer_form(offer, title="Schuldnerberatung – neue Zeiten")

    # Publishing directly is not allowed: the page stays as it was.
    partner_client.post(edit_url(offer), {**data, "action-publish": "publish"})
    assert OfferPage.objects.get(pk=offer.pk).title == "Schuldnerberatung für Familien"

    response = partner_client.post(edit_url(offer), {**data, "action-submit": "submit"})
    # Back on the dashboard that lists the partner's pages, not on a listing it may not see.
    assert response.url == reverse("wagtailadmin_home")
    assert "wartet auf Freigabe" in partner_client.get(response.url).content.decode()
    state = WorkflowState.objects.filter(object_id=str(offer.pk)).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert OfferPage.objects.get(pk=offer.pk).title == "Schuldnerberatung für Familien"

    office = make_user("buero", Group.objects.get(name=EDITORS))
    client.force_login(office)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[offer.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve, {"comment": "Danke!"}).status_code in {200, 302}
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert OfferPage.objects.get(pk=offer.pk).title == "Schuldnerberatung – neue Zeiten"


def test_office_edits_and_publishes_everything(client, network):
    client.force_login(make_user("buero", Group.objects.get(name=EDITORS)))
    offer = network["tafel_offer"]
    data = offer_form(offer, title="Lebensmittel von der Tafel")
    response = client.post(edit_url(offer), {**data, "action-publish": "publish"})
    assert response.status_code == 302
    assert OfferPage.objects.get(pk=offer.pk).title == "Lebensmittel von der Tafel"
    assert client.get(reverse("wagtailsnippets_buero_angebote_topic:list")).status_code == 200


def test_translators_edit_translations_but_not_the_german_source(client, network, home):
    client.force_login(make_user("uebersetzerin", Group.objects.get(name=TRANSLATORS)))
    arabic_home = home.get_translation(Locale.objects.get(language_code="ar"))
    assert client.get(edit_url(arabic_home)).status_code == 200
    assert client.get(edit_url(home)).status_code in {302, 403}
    assert client.get(edit_url(network["tafel_offer"])).status_code in {302, 403}
    submit = reverse("wagtail_localize:submit_page_translation", args=[network["tafel"].pk])
    assert client.get(submit).status_code == 200


def test_topics_list_filters_by_language_and_searches(admin_client, locales):
    from angebote.factories import TopicFactory

    german = TopicFactory(name="Schulden", locale=locales["de"])
    TopicFactory(
        name="الديون",
        slug=german.slug,
        locale=locales["ar"],
        translation_key=german.translation_key,
    )
    url = reverse("wagtailsnippets_buero_angebote_topic:list")

    arabic = admin_client.get(url, {"locale": "ar"})
    assert arabic.status_code == 200
    assert "الديون" in arabic.content.decode()
    assert "Schulden" not in arabic.content.decode().split("<main", 1)[1]
    found = admin_client.get(url, {"locale": "de", "q": "Schul"}).content.decode()
    assert "Schulden" in found


@pytest.fixture
def demo_passwords(tmp_path, settings):
    settings.DEMO_ADMIN_PASSWORD_FILE = tmp_path / ".demo-admin-password"
    settings.DEMO_PARTNER_PASSWORD_FILE = tmp_path / ".demo-partner-password"
    return settings.DEMO_PARTNER_PASSWORD_FILE


def test_demo_admin_creates_the_demo_partner_editor_once(network, demo_passwords, capsys):
    assert network["schulden"].slug == PARTNER_SLUG
    call_command("demo_admin")
    password = demo_passwords.read_text().strip()
    out = capsys.readouterr().out
    assert f"Partner:   Schuldnerberatung\n  Benutzer:  {PARTNER_USERNAME}" in out
    assert f"Passwort:  {password}   (aus .demo-partner-password)" in out
    user = get_user_model().objects.get(username=PARTNER_USERNAME)
    assert user.check_password(password)
    assert not user.is_superuser
    assert [group.name for group in user.groups.all()] == ["Netzwerkpartner – Schuldnerberatung"]
    assert UserProfile.get_for_user(user).preferred_language == "de"

    # A second run keeps the password and adds no user or group.
    call_command("demo_admin")
    assert demo_passwords.read_text().strip() == password
    assert password in capsys.readouterr().out
    user.refresh_from_db()
    assert user.check_password(password)
    assert get_user_model().objects.filter(username=PARTNER_USERNAME).count() == 1
    assert Group.objects.filter(name__startswith=GROUP_PREFIX).count() == 1
    assert user.groups.count() == 1


def test_demo_partner_logs_in_and_edits_its_own_pages_only(client, network, demo_passwords):
    call_command("demo_admin", stdout=io.StringIO())
    password = demo_passwords.read_text().strip()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": PARTNER_USERNAME, "password": password}
    )
    assert response.status_code == 302

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ihre Seiten" in dashboard
    assert "Schuldnerberatung für Familien" in dashboard
    assert "Lebensmittel" not in dashboard
    for page in ("schulden", "schulden_offer", "schulden_hour"):
        assert client.get(edit_url(network[page])).status_code == 200, page
    for page in ("tafel", "tafel_offer", "office_hour"):
        assert client.get(edit_url(network[page])).status_code in {302, 403}, page

    offer = network["schulden_offer"]
    data = offer_form(offer, title="Schuldnerberatung – neue Zeiten")
    assert client.post(edit_url(offer), {**data, "action-submit": "submit"}).status_code == 302
    state = WorkflowState.objects.get(object_id=str(offer.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    other = network["tafel_offer"]
    client.post(edit_url(other), {**offer_form(other, title="Geändert"), "action-submit": "1"})
    assert OfferPage.objects.get(pk=other.pk).title == "Lebensmittel"


def test_a_partner_sees_and_opens_only_its_own_pages(partner_client, network):
    """Every link on the partner's dashboard opens; the flat listings show its pages."""
    import re

    dashboard = partner_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Offene Sprechstunde" not in dashboard  # the office's, not the partner's
    assert "Schuldnerberatung im Jugendclub" in dashboard
    for url in set(re.findall(r'href="(/admin/pages/\d+/edit/)"', dashboard)):
        assert partner_client.get(url).status_code == 200, url
    offers = partner_client.get("/admin/buero/offers/").content.decode()
    assert "Schuldnerberatung für Familien" in offers
    assert "Lebensmittel" not in offers
    partners = partner_client.get("/admin/buero/partners/").content.decode()
    assert "Schuldnerberatung" in partners
    assert "Tafel" not in partners


def test_reports_and_the_chooser_show_a_partner_no_private_or_foreign_pages(
    partner_client, network, home
):
    from buero.factories import OfficeInfoPageFactory

    private = OfficeInfoPageFactory(parent=home, title="Interne Notizen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = OfferPageFactory(
        parent=network["tafel_offer"].get_parent(), title="Tafel Entwurf", live=False
    )
    for url in ("/admin/buero/reports/translations/", "/admin/buero/reports/print-material/"):
        content = partner_client.get(url).content.decode()
        assert "Schuldnerberatung" in content, url
        for title in ("Tafel", "Lebensmittel", "Interne Notizen", "Offene Sprechstunde"):
            assert title not in content, (url, title)
    chooser = partner_client.get("/admin/choose-page/", {"q": "e"}).content.decode()
    chooser += partner_client.get(f"/admin/choose-page/{home.pk}/").content.decode()
    assert "Interne Notizen" not in chooser
    assert draft.title not in chooser
