"""One change, every language, as an editor makes it: in the browser, in the admin.

The office cancels the next open hour on the German page, typing the date the German way,
and publishes; a network partner changes its phone number, and the office approves it. Then
the Arabic, English and Ukrainian pages and every machine output say so, with no other step.
"""

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from icalendar import Calendar
from wagtail.users.models import UserProfile

from angebote.models import PartnerPage
from angebote.partner_access import setup_partner_group
from buero.editor_groups import setup_groups
from events.models import ConsultationPage

LANGUAGES = ("ar", "en", "uk")
PASSWORD = "ein-langes-Test-Passwort-2026"


def log_in(context, base, username):
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def publish(page):
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen", exact=True).click()


def translations(source):
    return {
        page.locale.language_code: page
        for page in type(source)
        .objects.filter(translation_key=source.translation_key, alias_of__isnull=True)
        .select_related("locale")
    }


@pytest.fixture
def office_user(site):
    """An office administrator; the demo site, and so this user, stay for the session."""
    setup_groups()
    user, _created = get_user_model().objects.get_or_create(
        username="buero-e2e", defaults={"is_superuser": True, "is_staff": True}
    )
    user.set_password(PASSWORD)
    user.save()
    # The admin's user bar creates a user's profile on first sight; created here, no request of
    # the live server writes it while this thread may hold SQLite's lock (seen as a hang).
    UserProfile.get_for_user(user)
    return user


def test_a_cancellation_typed_the_german_way_reaches_every_language(site, new_context, office_user):
    base, _pages = site
    hour = ConsultationPage.objects.live().get(
        locale__language_code="de", slug="offene-sprechstunde"
    )
    today = timezone.localdate()
    day = next(
        occurrence.date
        for occurrence in hour.upcoming(10, include_cancelled=False)
        if occurrence.date > today
    )
    typed = day.strftime("%d.%m.%Y")
    reason = "Fortbildung des Teams (Browser-Test)"

    context = new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = log_in(context, base, office_user.username)
    page.goto(f"{base}/admin/pages/{hour.pk}/edit/")
    page.get_by_role("button", name="Ausfall hinzufügen").click()
    date_input = page.locator("input[name^='cancellations-'][name$='-date']").last
    date_input.click()
    page.keyboard.type(typed)
    page.locator("input[name^='cancellations-'][name$='-reason']").last.fill(reason)
    # The picker leaves the typed date alone when the field loses focus.
    assert date_input.input_value() == typed
    publish(page)
    page.wait_for_url(lambda url: "/edit/" not in url)

    hour.refresh_from_db()
    assert day in set(hour.cancellations.values_list("date", flat=True))

    german_day = formats.date_format(day, "j. F Y")
    for code, translated in translations(hour).items():
        if code not in LANGUAGES:
            continue
        visitor = context.new_page()
        visitor.goto(f"{base}{translated.url}")
        assert reason in visitor.content()  # German until translated, marked lang="de"
        assert visitor.locator(f"span[lang='de']:has-text('{reason}')").count() >= 1
        visitor.goto(f"{base}/{code}/")
        assert reason in visitor.content(), code  # the home page's next-hour box

        dates = context.request.get(f"{base}/api/termine.json?lang={code}").json()
        assert any(
            entry["cancelled"] and entry["start"].startswith(day.isoformat())
            for entry in dates["dates"]
        ), code
        calendar = Calendar.from_ical(
            context.request.get(f"{base}{translated.url}kalender/").body()
        )
        exdates = {
            value.dt.date()
            for event in calendar.walk("VEVENT")
            for exdate in _as_list(event.get("EXDATE"))
            for value in exdate.dts
        }
        assert day in exdates, code
        assert reason in context.request.get(f"{base}/{code}/feeds/ausfaelle/").text(), code
        widget = context.request.get(f"{base}/{code}/einbetten/termine/").text()
        assert reason in widget, code
    german = context.new_page()
    german.goto(f"{base}{hour.url}")
    assert german_day in german.content()


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def test_a_partners_new_phone_number_reaches_every_language_after_approval(
    site, new_context, office_user
):
    base, _pages = site
    partner = PartnerPage.objects.live().get(
        locale__language_code="de", title__startswith="Schuldner- und Insolvenzberatung"
    )
    group = setup_partner_group(partner)
    partner_user, _created = get_user_model().objects.get_or_create(username="partner-e2e")
    partner_user.set_password(PASSWORD)
    partner_user.save()
    partner_user.groups.add(group)
    UserProfile.get_for_user(partner_user)
    new_number = "03935 987654"

    partner_context = new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = log_in(partner_context, base, partner_user.username)
    page.goto(f"{base}/admin/pages/{partner.pk}/edit/")
    page.fill("input[name='phone']", new_number)
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="In Freigabe durch das Büro einreichen").click()
    page.wait_for_url(f"{base}/admin/")
    assert "wartet auf Freigabe" in page.content()

    office_context = new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    office = log_in(office_context, base, office_user.username)
    office.goto(f"{base}/admin/pages/{partner.pk}/edit/")
    office.get_by_role("button", name="Mehr Aktionen").click()
    with office.expect_navigation():
        office.get_by_role("button", name="Freigeben und Veröffentlichen", exact=True).click()
    assert PartnerPage.objects.get(pk=partner.pk).phone == new_number

    for code, translated in translations(partner).items():
        if code not in LANGUAGES:
            continue
        visitor = office_context.new_page()
        visitor.goto(f"{base}{translated.url}")
        assert new_number in visitor.content(), code
        assert "030 23125 170" not in visitor.content(), code
