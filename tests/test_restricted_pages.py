"""Closed doors stay closed: a page with a view restriction is in no public output, in no
language (page_tree.is_public).

One German page per kind of restriction (a password on an offer, a login on a consultation
hour, a group on a partner) with translations into some languages and aliases in the others;
then every output of the site is walked in every shipped language as an anonymous visitor,
and none may show the restricted pages' titles, numbers or dates. A second test lists every
route the apps serve, so that a new output cannot escape the walk.
"""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import PageViewRestriction, get_page_models

from angebote.factories import (
    HelpCheckPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    YouthPageFactory,
)
from buero.factories import OfficeInfoPageFactory
from events.factories import (
    AppointmentRequestPageFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)
from opendata.hsds.records import record_id

pytestmark = pytest.mark.django_db

#: Every restricted page's title, phone number and text carry it; no public output may.
MARKER = "zyxclosed"
TRANSLATED = ("en", "ar", "fa", "uk")
ALIASED = ("ru", "pl", "ro")
NOW = datetime.datetime(2026, 12, 1, 10, tzinfo=datetime.UTC)
#: A family whose result names Grundsicherungsgeld and debt counselling, which the
#: restricted offer and the public one explain.
HELP_CHECK_ANSWERS = {
    "adults": "1",
    "single_parent": "on",
    "child_1_age": "7",
    "child_1_care": "school",
    "income": "900",
    "rent": "650",
    "receives": ["kindergeld"],
    "topics": ["schulden"],
}


@pytest.fixture
def tree(home, office, locales):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    events = DateIndexPageFactory(parent=home)
    courses = CourseIndexPageFactory(parent=home)
    public_partner = PartnerPageFactory(parent=partners, title="Jobcenter", phone="030 110")
    closed_partner = PartnerPageFactory(
        parent=partners,
        title=f"Tafel {MARKER}",
        slug="tafel",
        phone="0999 777",
        description=f"<p>Verborgen {MARKER}</p>",
    )
    young = TargetGroupFactory(slug="jugendliche")
    public_offer = OfferPageFactory(
        parent=offers,
        title="Schuldnerberatung",
        help_check_benefit="schuldnerberatung",
        target_groups=[young],
    )
    public_offer.providers.set([public_partner, closed_partner])
    public_offer.save_revision().publish()
    closed_offer = OfferPageFactory(
        parent=offers,
        title=f"Lebensmittel {MARKER}",
        slug="lebensmittel",
        summary=f"Essen {MARKER}",
        youth_text=f"Für dich {MARKER}",
        help_check_benefit="grundsicherungsgeld",
        target_groups=[young],
    )
    public_hour = ConsultationPageFactory(parent=events, title="Offene Sprechstunde")
    closed_hour = ConsultationPageFactory(
        parent=events,
        title=f"Migrationsberatung {MARKER}",
        slug="migrationsberatung",
        intro=f"Beratung {MARKER}",
        weekdays=["0"],
        interpreter_languages=["ar", "fa"],
    )
    course = CoursePageFactory(parent=courses, title="Kinderarmut erkennen")
    CourseSessionFactory(page=course)
    pages = [
        offers,
        partners,
        events,
        courses,
        public_partner,
        closed_partner,
        public_offer,
        closed_offer,
        public_hour,
        closed_hour,
        course,
        HelpCheckPageFactory(parent=home),
        AppointmentRequestPageFactory(parent=home),
        OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns"),
        # Lists the offers for young people, the closed one among them.
        YouthPageFactory(parent=home, target_group=young),
    ]
    for code in TRANSLATED:
        for page in pages:
            translated = page.copy_for_translation(locales[code], copy_parents=True)
            translated.save_revision().publish()
    for code in ALIASED:
        for page in pages:
            page.copy_for_translation(locales[code], copy_parents=True, alias=True)
    PageViewRestriction.objects.create(
        page=closed_offer, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    PageViewRestriction.objects.create(page=closed_hour, restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(
        page=closed_partner, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Netzwerk intern")])
    return {
        "home": home,
        "public": [home, *pages[:5], public_offer, public_hour, course, *pages[11:]],
        "closed": [closed_partner, closed_offer, closed_hour],
    }


def in_language(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)


def page_outputs(page):
    """A page's own routes (RoutablePageMixin) that any page type has."""
    url = page.url
    return {
        "page": url,
        "qr_code": f"{url}qr-code/",
        "poster": f"{url}plakat/",
        "bilingual_poster": f"{url}plakat/ar/",
        "flyer": f"{url}flyer/",
        "sheet": f"{url}infoblatt/",
    }


def outputs(tree, code):
    """(route name, URL, method) of every output in language ``code``."""
    home = in_language(tree["home"], code)
    found = []
    for page in tree["public"]:
        translated = in_language(page, code)
        found += [(name, url, "get") for name, url in page_outputs(translated).items()]
        routes = {
            "OfficePage": {
                "search": f"{translated.url}suche/?q=Tafel",
                "service_worker": f"{translated.url}service-worker/",
                "offline": f"{translated.url}offline/",
                "manifest": f"{translated.url}manifest/",
            },
            "DateIndexPage": {"index": translated.url, "feed": f"{translated.url}kalender/"},
            "ConsultationPage": {"dates": translated.url, "feed": f"{translated.url}kalender/"},
            "CourseIndexPage": {
                "upcoming": translated.url,
                "archive": f"{translated.url}archiv/",
                "feed": f"{translated.url}kalender/",
            },
            "CoursePage": {"feed": f"{translated.url}kalender/"},
            "HelpCheckPage": {"help_check": translated.url},
            "AppointmentRequestPage": {
                "request_form": translated.url,
                "thanks": f"{translated.url}danke/",
                "withdraw": f"{translated.url}zurueckziehen/",
            },
        }.get(type(page).__name__, {})
        found += [(name, url, "get") for name, url in routes.items()]
        if type(page).__name__ == "HelpCheckPage":
            found.append(("help_check", translated.url, "post"))
    for word in ("Tafel", "Lebensmittel", "Migrationsberatung", "Essen", "Beratung"):
        found.append(("search", f"{home.url}suche/?q={word}", "get"))
    for page in tree["closed"]:
        translated = in_language(page, code)
        found += [(name, url, "get") for name, url in page_outputs(translated).items()]
        if type(page).__name__ == "ConsultationPage":
            found += [
                ("feed", f"{translated.url}kalender/", "get"),
                ("date_feed", f"{translated.url}termin/2026-12-07/", "get"),
                ("opendata_embed_series", f"/{code}/einbetten/termine/{page.slug}/", "get"),
            ]
    found += [
        ("opendata_feed_offers", f"/{code}/feeds/angebote/", "get"),
        ("opendata_feed_courses", f"/{code}/feeds/weiterbildungen/", "get"),
        ("opendata_feed_cancellations", f"/{code}/feeds/ausfaelle/", "get"),
        ("opendata_embed_dates", f"/{code}/einbetten/termine/", "get"),
        ("dates_json", f"/api/termine.json?lang={code}", "get"),
        ("hsds_index", f"/api/hsds/?lang={code}", "get"),
        ("hsds_openapi", "/api/hsds/openapi.json", "get"),
        ("hsds_taxonomies", f"/api/hsds/taxonomies?lang={code}", "get"),
        ("hsds_taxonomy_terms", f"/api/hsds/taxonomy_terms?lang={code}", "get"),
    ]
    for kind in ("services", "organizations", "service_at_locations"):
        found.append((f"hsds_{kind}", f"/api/hsds/{kind}?lang={code}&full=true", "get"))
    closed_partner, closed_offer, closed_hour = tree["closed"]
    for name, kind, page in (
        ("hsds_service", "services", closed_offer),
        ("hsds_service", "services", closed_hour),
        ("hsds_organization", "organizations", closed_partner),
        ("hsds_service_at_location", "service_at_locations", closed_hour),
    ):
        item = record_id(
            {"services": "service", "organizations": "organization"}.get(
                kind, "service_at_location"
            ),
            page.translation_key,
        )
        found.append((name, f"/api/hsds/{kind}/{item}?lang={code}", "get"))
    for name, kind in (("hsds_taxonomy", "taxonomies"), ("hsds_taxonomy_term", "taxonomy_terms")):
        found.append((name, f"/api/hsds/{kind}/unknown?lang={code}", "get"))
    found.append(("sitemap", "/sitemap.xml", "get"))
    return found


def test_no_output_in_any_language_shows_a_restricted_page(client, tree):
    leaks, walked = [], 0
    with time_machine.travel(NOW, tick=False):
        for code, _name in settings.LANGUAGES:
            for name, url, method in outputs(tree, code):
                if method == "post":
                    response = client.post(url, HELP_CHECK_ANSWERS)
                else:
                    response = client.get(url)
                walked += 1
                assert response.status_code < 500, (url, response.status_code)
                body = b"".join(response) if response.streaming else response.content
                text = body.decode(errors="replace").lower()
                if MARKER in text or "0999 777" in text:
                    leaks.append(f"{code} {name} {url}")
    assert not leaks, "\n".join(leaks)
    print(f"walked {walked} outputs in {len(settings.LANGUAGES)} languages")


def test_a_restricted_german_page_closes_its_translations_and_aliases(client, tree):
    closed_partner, closed_offer, closed_hour = tree["closed"]
    for code, _name in settings.LANGUAGES:
        offer = in_language(closed_offer, code)
        response = client.get(offer.url)
        assert response.status_code == 200
        assert MARKER not in response.content.decode()
        assert 'name="password"' in response.content.decode(), code
        for page in (closed_hour, closed_partner):
            response = client.get(in_language(page, code).url)
            assert response.status_code == 302, code
            assert "/_util/login/" in response.url, code


def test_a_translation_with_its_own_restriction_follows_its_own(client, tree):
    """The Arabic translation of the password page asks for its own password."""
    _partner, closed_offer, _hour = tree["closed"]
    arabic = in_language(closed_offer, "ar")
    own = PageViewRestriction.objects.create(
        page=arabic, restriction_type=PageViewRestriction.PASSWORD, password="arabisch"
    )
    response = client.get(arabic.url)
    assert f"/{own.pk}/{arabic.pk}/" in response.content.decode()


def route_names():
    """Every output the apps serve: the site's URL names and every page type's routes."""
    names = {"page", "sitemap"}

    def collect(patterns):
        for pattern in patterns:
            if str(pattern.pattern) == "admin/":
                continue  # the editors' side, behind a login
            if hasattr(pattern, "url_patterns"):
                collect(pattern.url_patterns)
            elif pattern.name and pattern.lookup_str.startswith("opendata."):
                names.add(pattern.name)

    collect(get_resolver().url_patterns)
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin) and not model._meta.abstract:
            names |= {route.name for route in model.get_resolver().url_patterns}
    return names - {"index_route"}  # RoutablePageMixin's alias of the page itself


def test_the_walk_visits_every_output_the_apps_serve(tree):
    walked = {name for name, _url, _method in outputs(tree, "de")}
    missing = route_names() - walked
    assert not missing, f"outputs the restriction walk does not visit: {sorted(missing)}"


def test_menus_link_no_restricted_page(client, tree):
    closed_partner = tree["closed"][0]
    closed_partner.show_in_menus = True
    closed_partner.save_revision().publish()
    for code, _name in settings.LANGUAGES:
        content = client.get(f"/{code}/").content.decode().lower()
        assert MARKER not in content, code
