"""The apps inside another Wagtail site: migrations run, every page type renders there."""

import re
import sys

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from events.factories import (
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    EventIndexPageFactory,
)
from home.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

APPS = ("home", "angebote", "events", "opendata")


@pytest.fixture
def home():
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="offenes-buero")
    Site.objects.create(hostname="buero.localhost", root_page=home, is_default_site=False)
    return home


def test_only_the_apps_are_installed_not_the_host_project():
    assert "buero_site" not in sys.modules
    assert not apps.is_installed("buero_site")
    for label in APPS:
        assert apps.is_installed(label)


def test_migrations_ran_for_every_app():
    call_command("migrate", "--check", verbosity=0)


def make_page(page_type, home):
    """One page of each type of the three apps, below the Offenes Büro home page."""
    if page_type == "home":
        return home
    if page_type == "standard":
        return StandardPageFactory(parent=home, title="Über uns")
    if page_type in {"event_index", "consultation", "course_index", "course"}:
        events = EventIndexPageFactory(parent=home, title="Termine")
        courses = CourseIndexPageFactory(parent=home, title="Weiterbildungen")
        course = CoursePageFactory(parent=courses, title="Kinderarmut erkennen")
        CourseSessionFactory(page=course)
        return {
            "event_index": events,
            "consultation": ConsultationPageFactory(parent=events, title="Offene Sprechstunde"),
            "course_index": courses,
            "course": course,
        }[page_type]
    offers = OfferIndexPageFactory(parent=home, title="Hilfsangebote")
    partners = PartnerIndexPageFactory(parent=home, title="Netzwerk")
    partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung")
    offer = OfferPageFactory(parent=offers, title="Wohngeld", providers=[partner])
    return {"offer_index": offers, "offer": offer, "partner_index": partners, "partner": partner}[
        page_type
    ]


@pytest.mark.parametrize(
    "page_type",
    [
        "home",
        "standard",
        "offer_index",
        "offer",
        "partner_index",
        "partner",
        "event_index",
        "consultation",
        "course_index",
        "course",
    ],
)
def test_each_page_type_renders_in_the_host_base_template(client, home, page_type):
    page = make_page(page_type, home)
    response = client.get(page.get_url(), HTTP_HOST="buero.localhost")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<header id="rathaus-header">Digitales Rathaus Tangerhütte</header>' in content
    assert re.search(rf"<h1[^>]*>{re.escape(page.title)}</h1>", content)
    # The host's template names the page's schema.org data with one tag.
    assert '<script type="application/ld+json">' in content
    assert f'"url": "{page.full_url}"' in content
    if page_type == "home":
        # Office defaults come from the host's setting until an editor fills in the settings.
        assert "Offenes Büro (im Digitalen Rathaus)" in content
    assert "buero_site" not in sys.modules


def test_demo_content_leaves_the_hosts_site_alone():
    host_root = Site.objects.get(is_default_site=True).root_page
    host_root.add_child(instance=Page(title="Bürgerservice", slug="buergerservice"))
    call_command("load_demo_content", german_only=True, verbosity=0)
    assert Site.objects.get(is_default_site=True).root_page_id == host_root.id
    assert Page.objects.filter(slug="ueber-uns").exists()


@pytest.mark.parametrize(
    ("page_type", "path", "shown"),
    [
        ("home", "plakat/", 'class="sheet poster"'),
        ("consultation", "flyer/", 'class="flyer"'),
        (
            "consultation",
            "plakat/en/",
            'class="poster__part" lang="en"',
        ),  # the host ships de and en
        ("offer", "infoblatt/", 'class="sheet info-sheet"'),
        ("partner", "infoblatt/", 'class="sheet info-sheet"'),
        ("offer", "qr-code/", '<header id="rathaus-header">'),
    ],
)
def test_print_material_and_qr_codes_work_in_the_host_site(client, home, page_type, path, shown):
    page = make_page(page_type, home)
    response = client.get(f"{page.get_url()}{path}", HTTP_HOST="buero.localhost")
    content = response.content.decode()
    assert response.status_code == 200
    assert shown in content
    # The QR code opens the page on the host's own address.
    assert page.full_url.startswith("http://buero.localhost/")
    assert page.full_url in content
    assert '<svg role="img"' in content


def test_the_feeds_work_in_the_host_site(client, home):
    offers = OfferIndexPageFactory(parent=home, title="Hilfsangebote")
    offer = OfferPageFactory(parent=offers, title="Wohngeld")
    offer.save_revision().publish()
    response = client.get("/feeds/angebote/", HTTP_HOST="buero.localhost")
    assert response.status_code == 200
    assert "<title>Wohngeld</title>" in response.content.decode()


def test_the_hsds_api_works_in_the_host_site(client, home):
    offers = OfferIndexPageFactory(parent=home, title="Hilfsangebote")
    OfferPageFactory(parent=offers, title="Wohngeld").save_revision().publish()
    entry = client.get("/api/hsds/", HTTP_HOST="buero.localhost").json()
    assert entry["openapi_url"] == "http://buero.localhost/api/hsds/openapi.json"
    services = client.get("/api/hsds/services", HTTP_HOST="buero.localhost")
    assert services["Access-Control-Allow-Origin"] == "*"
    (service,) = services.json()["contents"]
    assert service["name"] == "Wohngeld"
    assert service["url"].startswith("http://buero.localhost/")
    detail = client.get(f"/api/hsds/services/{service['id']}", HTTP_HOST="buero.localhost")
    assert detail.json()["id"] == service["id"]
    assert (
        client.get("/api/hsds/organizations", HTTP_HOST="buero.localhost").json()["total_items"]
        == 1
    )


def test_the_dates_widget_and_termine_json_work_in_the_host_site(client, home):
    events = EventIndexPageFactory(parent=home, title="Termine", slug="termine")
    ConsultationPageFactory(parent=events, title="Offene Sprechstunde", slug="offene-sprechstunde")
    response = client.get("/einbetten/termine/", HTTP_HOST="buero.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<header" not in html  # the widget has no chrome, the host's neither
    assert (
        '<a href="http://buero.localhost/termine/offene-sprechstunde/" target="_top">'
        "Offene Sprechstunde</a>"
    ) in html
    assert "Dolmetscher auf Anfrage: Arabisch, Ukrainisch" in html
    response = client.get("/einbetten/termine/offene-sprechstunde/", HTTP_HOST="buero.localhost")
    assert response.status_code == 200
    response = client.get("/api/termine.json", {"anzahl": 2}, HTTP_HOST="buero.localhost")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["language"] == "de"
    assert [date["series"] for date in data["dates"]] == ["Offene Sprechstunde"] * 2
    assert data["dates"][0]["url"] == "http://buero.localhost/termine/offene-sprechstunde/"


def test_offline_reading_works_in_the_host_site(client, home):
    """The service worker, the offline page and the manifest are routes of the home page."""
    events = EventIndexPageFactory(parent=home, title="Termine", slug="termine")
    worker = client.get(f"{home.get_url()}service-worker/", HTTP_HOST="buero.localhost")
    source = worker.content.decode()
    assert worker.status_code == 200
    assert worker["Content-Type"] == "text/javascript; charset=utf-8"
    assert worker["Service-Worker-Allowed"] == "/"
    assert events.get_url() == "http://buero.localhost/termine/"  # two sites: full URLs
    assert '"pages":["/","/termine/"]' in source
    assert '"assets":["/static/home/css/buero.css","/static/home/js/buero.js"]' in source
    offline = client.get(f"{home.get_url()}offline/", HTTP_HOST="buero.localhost")
    assert offline.status_code == 200
    assert '<header id="rathaus-header">' in offline.content.decode()
    assert "Sie sind offline. Diese Seiten sind gespeichert:" in offline.content.decode()
    manifest = client.get(f"{home.get_url()}manifest/", HTTP_HOST="buero.localhost").json()
    assert manifest["name"] == "Offenes Büro (im Digitalen Rathaus)"
    assert (manifest["start_url"], manifest["lang"], manifest["dir"]) == ("/", "de", "ltr")
