"""Every public page type, German and Arabic, is valid HTML: the Nu HTML Checker reports no error.

The checker is vnu.jar from npm (package.json, package-lock.json; `make test` runs `npm ci`)
on Java (Debian's default-jre-headless). It runs once over all pages, which are written to
files first: one JVM start instead of one per page. Without Java or the jar the test skips,
unless BUERO_E2E_REQUIRED=1 (CI) makes that a failure.
"""

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import wagtail_factories
from django.utils import timezone

from angebote.factories import (
    ContactPersonFactory,
    HelpCheckPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    OpeningHoursFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    TopicFactory,
    YouthPageFactory,
)
from buero.factories import OfficeInfoPageFactory
from events.factories import (
    AppointmentRequestPageFactory,
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
REQUIRED = os.environ.get("BUERO_E2E_REQUIRED") == "1"
# What the pages must show, so that the check covers it: the notice of an untranslated page,
# the pagination, a cancelled date, a search result.
SHOWN = {
    "ar-alias": 'class="notice"',
    "fa-alias": 'class="notice"',
    "de-offers": 'class="pagination"',
    "ar-offers": 'class="pagination"',
    "de-dates": "Fortbildung des Teams",
    "ar-dates": "Fortbildung des Teams",
    "de-search-results": 'href="/de/hilfsangebote/kinderzuschlag/"',
    "ar-search-results": 'href="/ar/hilfsangebote/kinderzuschlag/"',
    "ar-offers-filtered": "الديون",
    "de-home": 'class="top-entry-points"',
    "de-youth": 'class="card"',
    "de-full-course": "Warteliste",
}


@pytest.fixture
def vnu():
    """The command that runs the checker; skips (or fails in CI) when Java or the jar is missing."""
    java = shutil.which("java")
    missing = [
        *([] if java else ["java (apt-get install default-jre-headless)"]),
        *([] if VNU_JAR.exists() else [f"{VNU_JAR} (`make test` runs npm ci)"]),
    ]
    if missing:
        message = f"the Nu HTML Checker needs {' and '.join(missing)}"
        if REQUIRED:
            pytest.fail(f"BUERO_E2E_REQUIRED=1, but {message}")
        pytest.skip(message)
    return [java, "-jar", str(VNU_JAR)]


def next_weekday(weekday):
    """The next date (after today) that falls on ``weekday`` (0 is Monday)."""
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


@pytest.fixture
def urls(home, office, translate, locales):
    """One page of every public type (and filtered listings, search, 404) in German, Arabic
    and Persian."""
    topic = TopicFactory(slug="schulden")
    arabic_topic = topic.copy_for_translation(locales["ar"])
    arabic_topic.name = "الديون"
    arabic_topic.save()
    group = TargetGroupFactory(slug="eltern")
    offers = OfferIndexPageFactory(parent=home, show_in_menus=True)
    partners = PartnerIndexPageFactory(parent=home, show_in_menus=True)
    dates = DateIndexPageFactory(parent=home, show_in_menus=True)
    courses = CourseIndexPageFactory(parent=home, show_in_menus=True)
    image = wagtail_factories.ImageFactory()
    about = OfficeInfoPageFactory(
        parent=home,
        title="Über uns",
        slug="ueber-uns",
        show_in_menus=True,
        body=[
            {"type": "heading", "value": {"text": "Was wir machen", "level": "h2"}},
            {"type": "heading", "value": {"text": "Wie wir arbeiten", "level": "h3"}},
            {"type": "paragraph", "value": '<p>Wir beraten <a href="/de/">vertraulich</a>.</p>'},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Das Büro", "caption": "Im Jugendclub"},
            },
            {"type": "call_to_action", "value": {"label": "Termin", "page": dates.pk, "url": ""}},
            {
                "type": "contact_box",
                "value": {
                    "heading": "Fragen?",
                    "name": "Frau Muster",
                    "text": "Rufen Sie an.",
                    "phone": "030 23125 101",
                    "email": "muster@example.org",
                },
            },
        ],
    )
    # Never translated: the Arabic tree has an alias, German text with a notice.
    imprint = OfficeInfoPageFactory(parent=home, title="Impressum", slug="impressum")
    partner = PartnerPageFactory(parent=partners, topics=[topic])
    OpeningHoursFactory(page=partner)
    ContactPersonFactory(page=partner)
    # One more than a listing page holds, so the listings show the pagination.
    more_offers = [
        OfferPageFactory(parent=offers, topics=[topic], providers=[partner]) for _ in range(12)
    ]
    offer = OfferPageFactory(
        parent=offers,
        title="Kinderzuschlag",
        slug="kinderzuschlag",
        topics=[topic],
        target_groups=[group],
        providers=[partner],
        youth_text="Das bekommst du.",
    )
    hour = ConsultationPageFactory(parent=dates, host=partner, topics=[topic], weekdays=["2"])
    ConsultationCancellationFactory(page=hour, date=next_weekday(2))
    ConsultationExtraDateFactory(page=hour, date=next_weekday(3))
    course = CoursePageFactory(parent=courses, provider=partner)
    for day in range(3):
        CourseSessionFactory(
            page=course,
            start=timezone.now().replace(microsecond=0) + datetime.timedelta(days=7 + day),
        )
    # Fully booked: the waiting list with the registration's address and the provider.
    full_course = CoursePageFactory(
        parent=courses, provider=partner, status="full", registration_email="anmeldung@example.org"
    )
    CourseSessionFactory(
        page=full_course, start=timezone.now().replace(microsecond=0) + datetime.timedelta(days=9)
    )
    youth = YouthPageFactory(parent=home, target_group=group)
    for page in (offers, partners, dates, courses, about, youth):
        home.entry_points.append(
            ("entry_point", {"page": page, "title": "", "text": "Mehr", "on_top": page is youth})
        )
    home.save_revision().publish()

    german = {
        "home": home,
        "offers": offers,
        "offer": offer,
        "partners": partners,
        "partner": partner,
        "dates": dates,
        "consultation": hour,
        "courses": courses,
        "course": course,
        "standard": about,
        "help_check": HelpCheckPageFactory(parent=home),
        "appointment": AppointmentRequestPageFactory(parent=home),
        "youth": youth,
        "full-course": full_course,
    }
    pages = {"de": german}
    for code in ("ar", "fa"):
        pages[code] = {name: translate(page, code) for name, page in german.items()}
        pages[code]["alias"] = imprint.copy_for_translation(locales[code], alias=True)
    for page in more_offers:
        translate(page, "ar")
    pages["de"]["imprint"] = imprint

    urls = {}
    for code, by_name in pages.items():
        for name, page in by_name.items():
            urls[f"{code}-{name}"] = page.url
        home_url = by_name["home"].url
        listing = {name: by_name[name].url for name in ("offers", "partners", "dates", "courses")}
        urls |= {
            f"{code}-offers-filtered": f"{listing['offers']}?topic=schulden&group=eltern&free=1",
            f"{code}-offers-page-2": f"{listing['offers']}?page=2",
            f"{code}-offers-none": f"{listing['offers']}?language=ar",
            f"{code}-partners-filtered": f"{listing['partners']}?kind=counselling&topic=schulden",
            f"{code}-dates-filtered": f"{listing['dates']}?kind=consultation&language=ar",
            f"{code}-courses-filtered": f"{listing['courses']}?profession=school&format=online",
            f"{code}-search": f"{home_url}suche/",
            f"{code}-search-results": f"{home_url}suche/?q=Kinderzuschlag",
            f"{code}-search-no-results": f"{home_url}suche/?q=Zwischenzeitlich",
            f"{code}-not-found": f"{home_url}gibt-es-nicht/",
            # Print material and the QR code view (buero.printing).
            f"{code}-office-poster": f"{home_url}plakat/",
            f"{code}-poster-bilingual": f"{by_name['consultation'].url}plakat/"
            + ("ar/" if code == "de" else "de/"),
            f"{code}-flyer": f"{by_name['consultation'].url}flyer/",
            f"{code}-offer-sheet": f"{by_name['offer'].url}infoblatt/",
            f"{code}-partner-sheet": f"{by_name['partner'].url}infoblatt/",
            f"{code}-qr-code": f"{by_name['offer'].url}qr-code/",
            # What the service worker shows offline for a page it has not stored.
            f"{code}-offline": f"{home_url}offline/",
        }
    return urls


def test_every_public_page_type_is_valid_html(vnu, client, urls, tmp_path):
    files = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == (404 if name.endswith("not-found") else 200), url
        assert SHOWN.get(name, "") in response.content.decode(), f"{name}: {SHOWN[name]} missing"
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files[path.name] = f"{name} ({url})"
    result = subprocess.run(  # noqa: S603 (our own command line, no shell)
        [*vnu, "--format", "json", "--stdout", "--exit-zero-always", *map(str, tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    errors, warnings = [], []
    for message in json.loads(result.stdout)["messages"]:
        url = message.get("url", "")
        page = files.get(url.rsplit("/", 1)[-1], url)
        line = f"{page}, line {message.get('lastLine', '?')}: {message.get('message')}"
        extract = message.get("extract", "").strip()
        if extract:
            line += f"\n    {extract}"
        (warnings if message["type"] == "info" else errors).append(line)
    if warnings:
        print(f"\n{len(warnings)} warnings:\n" + "\n".join(warnings))
    assert not errors, f"{len(errors)} errors in {len(files)} pages:\n" + "\n".join(errors)
