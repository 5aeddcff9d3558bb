"""The HSDS 3.0 API: every endpoint validates against the official schemas, strictly, in
German and Arabic, on the first and the last page; ids are stable; filters, paging, errors,
CORS and the query budget."""

import datetime
import json
import uuid

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from angebote.factories import (
    ContactPersonFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    OpeningHoursFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    TopicFactory,
)
from angebote.models.choices import LegalBasis
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    DateIndexPageFactory,
)
from events.models.consultations import Frequency

from .hsds_schema import errors, page_validator

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
API = "/api/hsds"
LISTS = {
    "services": "service.json",
    "organizations": "organization.json",
    "service_at_locations": "service_at_location.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def directory(home, office, translate):
    debts = TopicFactory(
        name="Schulden", slug="schulden", description="Wenn das Geld nicht reicht."
    )
    families = TargetGroupFactory(name="Familien", slug="familien")
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners, title="Schuldnerberatung Stendal", topics=[debts])
    OpeningHoursFactory(page=partner, weekday=0)
    OpeningHoursFactory(page=partner, weekday=2)
    OpeningHoursFactory(
        page=partner,
        weekday=3,
        opens=datetime.time(14),
        closes=datetime.time(18),
        note="nur mit Termin",
    )
    ContactPersonFactory(page=partner, name="Frau Beispiel")
    PartnerPageFactory(
        parent=partners, title="Verein ohne Anlaufstelle", street="", postcode="", town=""
    )
    offers = OfferIndexPageFactory(parent=home)
    offer = OfferPageFactory(
        parent=offers,
        title="Schuldnerberatung",
        topics=[debts],
        target_groups=[families],
        providers=[partner],
        legal_basis=[LegalBasis.SGB_II, LegalBasis.SGB_XII],
        languages=["de", "ar", "gsg", "easy"],
    )
    food = OfferPageFactory(
        parent=offers, title="Tafel", is_free=False, cost_note="2 Euro pro Einkauf"
    )
    dates = DateIndexPageFactory(parent=home)
    open_hour = ConsultationPageFactory(parent=dates, title="Offene Sprechstunde", topics=[debts])
    ConsultationCancellationFactory(
        page=open_hour, date=datetime.date(2026, 12, 23), reason="Weihnachtsferien"
    )
    ConsultationExtraDateFactory(page=open_hour, date=datetime.date(2026, 12, 28))
    monthly = ConsultationPageFactory(
        parent=dates,
        title="Schuldnersprechstunde",
        host=partner,
        frequency=Frequency.MONTHLY,
        nth=-1,
        weekdays=["3"],
        valid_until=datetime.date(2027, 6, 30),
    )
    for page in (offer, food, open_hour, monthly):
        page.save_revision().publish()
    translated = {
        "offer_ar": translate(offer, "ar", title="استشارة الديون", summary="مساعدة عند الديون."),
        "open_hour_ar": translate(open_hour, "ar", title="الاستشارة المفتوحة"),
        "partner_ar": translate(partner, "ar", title="استشارة الديون في شتيندال"),
    }
    return {
        "offer": offer,
        "partner": partner,
        "open_hour": open_hour,
        "monthly": monthly,
        **translated,
    }


def get(client, path, **params):
    response = client.get(f"{API}{path}", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def assert_valid(schema, record):
    assert errors(schema, record, strict=False) == []
    assert errors(schema, record, strict=True) == []


def assert_valid_page(page, schema):
    assert list(page_validator().iter_errors(page)) == []
    for record in page["contents"]:
        assert_valid(schema, record)


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize("endpoint", LISTS)
def test_every_list_and_every_record_validates_strictly(client, directory, endpoint, lang):
    for full in ("", "true"):
        page = get(client, f"/{endpoint}", lang=lang, full=full)
        assert page["total_items"] >= 1
        assert_valid_page(page, LISTS[endpoint])
        # The first and the last of pages of two.
        first = get(client, f"/{endpoint}", lang=lang, full=full, per_page=2)
        last = get(
            client, f"/{endpoint}", lang=lang, full=full, per_page=2, page=first["total_pages"]
        )
        assert first["total_pages"] > 1
        assert (first["first_page"], last["last_page"]) == (True, True)
        assert_valid_page(first, LISTS[endpoint])
        assert_valid_page(last, LISTS[endpoint])
    for record in page["contents"]:
        detail = get(client, f"/{endpoint}/{record['id']}", lang=lang)
        assert_valid(LISTS[endpoint], detail)
        assert detail["id"] == record["id"]


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_first_and_last_page_of_many_services_validate(client, home, office, lang, translate):
    offers = OfferIndexPageFactory(parent=home)
    for number in range(60):
        OfferPageFactory(parent=offers, title=f"Angebot {number:02d}")
    first = get(client, "/services", lang=lang)
    assert (first["total_items"], first["total_pages"], first["size"]) == (60, 2, 50)
    assert (first["first_page"], first["last_page"], first["empty"]) == (True, False, False)
    assert_valid_page(first, "service.json")
    last = get(client, "/services", lang=lang, page=2)
    assert (last["page_number"], last["size"], last["last_page"]) == (2, 10, True)
    assert_valid_page(last, "service.json")
    assert {record["name"] for record in first["contents"] + last["contents"]} == {
        f"Angebot {number:02d}" for number in range(60)
    }


def test_the_strict_check_catches_a_misspelt_field_and_a_bad_format():
    record = {"id": str(uuid.uuid4()), "name": "Tafel", "status": "active"}
    assert errors("service.json", record) == []
    assert errors("service.json", {**record, "eligibilty_description": "x"}, strict=False) == []
    assert errors("service.json", {**record, "eligibilty_description": "x"})
    assert errors("service.json", {**record, "id": "tafel"})
    assert errors("service.json", {**record, "url": "not a uri"})
    nested = {**record, "phones": [{"id": str(uuid.uuid4()), "number": "1", "numbr": "2"}]}
    assert errors("service.json", nested)
    assert errors("service.json", {**record, "description": None})


def test_the_entry_point_and_the_openapi_description(client, directory):
    entry = get(client, "/")
    assert entry["version"] == "3.0"
    assert entry["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    description = get(client, "/openapi.json")
    assert description["openapi"].startswith("3.1")
    assert description["servers"] == [{"url": "http://testserver/api/hsds"}]
    assert "REQUIRED" not in json.dumps(description["info"])
    for path in ("/services", "/services/{id}", "/organizations", "/taxonomy_terms"):
        assert path in description["paths"]
        resolved = description["paths"][path].get("get", {})
        assert resolved, path


def test_an_offer_as_a_service_in_german_and_arabic(client, directory):
    service_id = str(
        uuid.uuid5(
            uuid.UUID("8a3c2f4e-5b0d-4c1e-9f7a-2d6b1e0c9a54"),
            f"service:{directory['offer'].translation_key}",
        )
    )
    german = get(client, f"/services/{service_id}")
    arabic = get(client, f"/services/{service_id}", lang="ar")
    assert german["id"] == arabic["id"] == service_id
    assert german["name"] == "Schuldnerberatung"
    assert arabic["name"] == "استشارة الديون"
    assert arabic["description"] == "مساعدة عند الديون."
    assert german["url"] == directory["offer"].full_url
    assert arabic["url"] == directory["offer_ar"].full_url
    assert german["eligibility_description"] == "Familien mit wenig Einkommen."
    assert german["fees_description"] == "Kostenlos"
    assert german["cost_options"][0]["amount"] == 0
    assert german["assured_date"] == "2026-10-01"
    assert [document["document"] for document in german["required_documents"]] == [
        "Personalausweis"
    ]
    assert "1. Antrag stellen" in german["application_process"]
    assert {language["code"] for language in german["languages"]} == {"de", "ar", "gsg"}
    assert "Deutsche Gebärdensprache" in {language["name"] for language in german["languages"]}
    assert german["service_areas"][0]["name"] == "Ganzer Landkreis Stendal"
    assert german["organization"]["name"] == "Schuldnerberatung Stendal"
    assert arabic["organization"]["name"] == "استشارة الديون في شتيندال"
    assert german["organization_id"] == german["organization"]["id"] == arabic["organization_id"]
    terms = {attribute["taxonomy_term"]["name"] for attribute in german["attributes"]}
    assert {"Schulden", "Familien"} <= terms
    assert any(term.startswith("SGB II") for term in terms)
    location = german["service_at_locations"][0]["location"]
    assert location["addresses"][0]["city"] == "Stendal"
    assert location["addresses"][0]["state_province"] == "Sachsen-Anhalt"
    schedule = location["schedules"][0]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "WEEKLY",
        "MO,WE",
        "09:00",
        "12:00",
    )
    assert location["schedules"][1]["byday"] == "TH"
    assert "nur mit Termin" in location["schedules"][1]["description"]


def test_a_consultation_hour_at_its_venue_with_its_cancellations(client, directory):
    page = get(client, "/service_at_locations", full="true")
    by_name = {record["description"]: record for record in page["contents"]}
    weekly = next(
        record
        for record in page["contents"]
        if record.get("location", {}).get("name") == "Jugendclub Tangerhütte"
        and record["schedules"][0]["freq"] == "WEEKLY"
    )
    rule, extra = weekly["schedules"]
    assert (rule["byday"], rule["interval"], rule["opens_at"], rule["closes_at"]) == (
        "WE",
        1,
        "17:00",
        "19:00",
    )
    assert rule["valid_from"] == "2026-01-07"
    assert "Feiertagen in Sachsen-Anhalt" in rule["notes"]
    assert "entfällt am 23.12.2026: Weihnachtsferien" in rule["notes"]
    assert "Europe/Berlin" in rule["notes"]
    assert (extra["dtstart"], extra["count"], extra["byday"]) == ("2026-12-28", 1, "MO")
    assert by_name
    monthly = next(
        record
        for record in page["contents"]
        if record.get("schedules") and record["schedules"][0]["freq"] == "MONTHLY"
    )
    assert monthly["schedules"][0]["byday"] == "-1TH"
    assert monthly["schedules"][0]["valid_to"] == "2027-06-30"
    arabic = get(client, f"/service_at_locations/{weekly['id']}", lang="ar")
    assert arabic["schedules"][0]["notes"] != rule["notes"]
    assert "لا تُعقد في أيام العطل الرسمية" in arabic["schedules"][0]["notes"]
    assert "23\u200f/12\u200f/2026: Weihnachtsferien" in arabic["schedules"][0]["notes"]


def test_consultation_hours_as_services_with_their_organization(client, directory, office):
    services = {record["name"]: record for record in get(client, "/services")["contents"]}
    hour = services["Offene Sprechstunde"]
    assert "Dolmetscher auf Anfrage" in hour["interpretation_services"]
    organizations = {record["id"]: record for record in get(client, "/organizations")["contents"]}
    assert organizations[hour["organization_id"]]["name"] == office.name
    assert (
        organizations[services["Schuldnersprechstunde"]["organization_id"]]["name"]
        == "Schuldnerberatung Stendal"
    )


def test_filters(client, directory):
    terms = {term["name"]: term["id"] for term in get(client, "/taxonomy_terms")["contents"]}
    debts = get(client, "/services", taxonomy_term_id=terms["Schulden"])
    assert {record["name"] for record in debts["contents"]} == {
        "Schuldnerberatung",
        "Offene Sprechstunde",
    }
    taxonomies = {
        taxonomy["name"]: taxonomy["id"] for taxonomy in get(client, "/taxonomies")["contents"]
    }
    by_law = get(client, "/services", taxonomy_id=taxonomies["Rechtsgrundlage"])
    assert {record["name"] for record in by_law["contents"]} == {"Schuldnerberatung", "Tafel"}
    found = get(client, "/services", search="Tafel")
    assert [record["name"] for record in found["contents"]] == ["Tafel"]
    assert get(client, "/services", modified_after="2027-01-01")["empty"] is True
    assert get(client, "/services", modified_after="2026-11-30T00:00:00+01:00")["total_items"] == 4
    partner = next(
        record
        for record in get(client, "/organizations")["contents"]
        if record["name"] == "Schuldnerberatung Stendal"
    )
    provided = get(client, "/services", organization_id=partner["id"])
    assert {record["name"] for record in provided["contents"]} == {
        "Schuldnerberatung",
        "Schuldnersprechstunde",
    }
    legal = get(client, "/taxonomy_terms", taxonomy_id=taxonomies["Rechtsgrundlage"])
    assert legal["total_items"] == len(LegalBasis.values)


def test_ids_are_stable_across_requests_and_languages(client, directory):
    def ids(lang):
        return {
            endpoint: [
                record["id"]
                for record in get(client, f"/{endpoint}", lang=lang, full="true")["contents"]
            ]
            for endpoint in LISTS
        }

    assert ids("de") == ids("de")
    assert sorted(map(sorted, ids("de").values())) == sorted(map(sorted, ids("ar").values()))


@pytest.mark.parametrize(
    "query",
    [
        "lang=xx",
        "page=0",
        "page=abc",
        "per_page=1000",
        "page=9",
        "modified_after=gestern",
        "format=ndjson",
    ],
)
def test_bad_parameters_get_a_json_error(client, directory, query):
    response = client.get(f"{API}/services?{query}")
    assert response.status_code in (400, 404)
    assert "error" in json.loads(response.content)
    assert response["Access-Control-Allow-Origin"] == "*"


def test_unknown_ids_get_a_json_404(client, directory):
    for endpoint in LISTS:
        response = client.get(f"{API}/{endpoint}/{uuid.uuid4()}")
        assert response.status_code == 404
        assert "error" in json.loads(response.content)
    assert client.get(f"{API}/services/<script>").status_code == 404


def test_cross_origin_reading_only(client, directory):
    preflight = client.options(f"{API}/services", HTTP_ORIGIN="https://www.tangerhuette.de")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert client.post(f"{API}/services").status_code == 405
    assert "Access-Control-Allow-Origin" not in client.get("/de/")


def test_no_cookies_and_the_page_cache_keeps_answers(
    client, directory, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(f"{API}/services?lang=ar")
    assert not first.cookies
    with django_assert_num_queries(0):
        second = client.get(f"{API}/services?lang=ar")
    assert second.content == first.content
    OfferPageFactory(parent=directory["offer"].get_parent(), title="Neues Angebot")
    assert b"Neues Angebot" in client.get(f"{API}/services?lang=ar").content


def services_with(home, count):
    offers = OfferIndexPageFactory(parent=home, slug=f"hilfsangebote-{count}")
    partners = PartnerIndexPageFactory(parent=home, slug=f"netzwerk-{count}")
    dates = DateIndexPageFactory(parent=home, slug=f"termine-{count}")
    topic = TopicFactory()
    for _number in range(count):
        partner = PartnerPageFactory(parent=partners)
        OpeningHoursFactory(page=partner)
        ContactPersonFactory(page=partner)
        OfferPageFactory(parent=offers, topics=[topic], providers=[partner])
        hour = ConsultationPageFactory(parent=dates, host=partner)
        ConsultationCancellationFactory(page=hour)


def test_a_page_of_fifty_takes_at_most_ten_queries_whatever_the_data_size(client, home, office):
    def counts():
        client.get(f"{API}/services")  # the page tree snapshot and the site, once
        found = {}
        for endpoint in ("services", "organizations", "service_at_locations", "taxonomy_terms"):
            for full in ("", "true"):
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(f"{API}/{endpoint}", {"lang": "ar", "full": full})
                assert response.status_code == 200
                found[endpoint, full] = len(queries)
        return found

    services_with(home, 5)
    few = counts()
    services_with(home, 40)
    many = counts()
    print("queries per list (few, many):", {key: (few[key], many[key]) for key in few})
    assert all(many[key] <= few[key] for key in few)
    assert max(count for (endpoint, full), count in many.items() if not full) <= 10
