"""The HSDS 3.0 API: the entry point, the OpenAPI description and paged lists with filters.

Read-only JSON for other directories and the municipality's portal, open to every origin
(``opendata.api``). Answers are kept by the page cache like any public page and renewed
when content changes. Bad parameters get a 400 with a message, unknown ids a 404, in JSON.
"""

import copy
import datetime
import json
import math
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Page

from buero import search as site_search
from buero.models import MAX_QUERY_LENGTH

from .. import api
from ..api import json_response
from . import VERSION
from .records import Directory, Entry

SCHEMA_DIR = Path(__file__).parent / "schema"
PER_PAGE = 50
MAX_PER_PAGE = 100
TRUE = {"true", "1", "yes"}
#: Every query parameter the API's views read (the page cache keeps a copy per value of
#: these and hands the views no others, buero_site.page_cache).
QUERY_PARAMETERS = (
    "lang",
    "format",
    "page",
    "per_page",
    "full",
    "modified_after",
    "search",
    "organization_id",
    "taxonomy_id",
    "taxonomy_term_id",
)
#: The licence of the data, unless the setting BUERO_OPENDATA_LICENSE names another: the German
#: public sector's licence for open data, attribution only.
DEFAULT_LICENSE = {
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def api_view(view):
    """Answers in the requested language, errors as JSON, open to every origin."""

    @api.public_api
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            language = requested_language(request)
            with translation.override(language):
                return json_response(view(request, Directory(request, language), *args, **kwargs))
        except ApiError as error:
            return json_response({"error": str(error)}, status=error.status)

    wrapper.query_parameters = QUERY_PARAMETERS
    return wrapper


def requested_language(request):
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        raise ApiError(400, f"Unknown language; use one of {codes}.")
    return language


def number(request, name, default, maximum=None):
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    try:
        value = int(value)
    except ValueError:
        raise ApiError(400, f"{name} must be a whole number.") from None
    if value < 1 or (maximum is not None and value > maximum):
        limit = f" and at most {maximum}" if maximum else ""
        raise ApiError(400, f"{name} must be at least 1{limit}.")
    return value


def paged(request, items, build):
    """The HSDS page of ``items`` that ``page`` and ``per_page`` ask for; ``build`` turns
    that page's entries into records."""
    if request.GET.get("format", "json") != "json":
        raise ApiError(400, "Only format=json is offered.")
    size = number(request, "per_page", PER_PAGE, MAX_PER_PAGE)
    page_number = number(request, "page", 1)
    total_pages = max(1, math.ceil(len(items) / size))
    if page_number > total_pages:
        raise ApiError(404, f"There are {total_pages} pages.")
    shown = items[(page_number - 1) * size : page_number * size]
    return {
        "total_items": len(items),
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(shown),
        "first_page": page_number == 1,
        "last_page": page_number == total_pages,
        "empty": not items,
        "contents": build(shown) if shown else [],
    }


def full(request):
    return request.GET.get("full", "").lower() in TRUE


def modified_after(request):
    """The moment ``modified_after`` names. Django's parsers return None for text that is no
    ISO 8601 and raise ValueError for a well-formed impossible one ("2024-02-30", an offset
    of 99 hours): both are the client's mistake."""
    value = request.GET.get("modified_after")
    if not value:
        return None
    try:
        # A "+" of an offset arrives as a space where the client did not encode it.
        moment = parse_datetime(value.replace(" ", "+"))
        if moment is None and (day := parse_date(value)):
            moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        moment = None
    if moment is None:
        raise ApiError(400, "modified_after must be a date or date and time (ISO 8601).")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def search_query(request):
    """``search`` without the spaces around it, no longer than the site's own search takes:
    every unknown word costs a fuzzy comparison with the whole vocabulary of the index."""
    query = request.GET.get("search", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        raise ApiError(400, f"search must be at most {MAX_QUERY_LENGTH} characters.")
    return query


def search_matches(directory, query):
    """The ids of the pages the site's own search finds for ``query``, in the requested
    language and in German (which the language shows where a page is not translated)."""
    site = directory.tree.find_site(directory.request)
    if site is None:
        return set()
    root = directory.tree.get(site.root_page_id)
    homes = {}
    for language in directory.languages:
        if (node := directory.tree.translation(root, language)) is not None:
            homes[node.id] = language
    found = set()
    for home in Page.objects.filter(id__in=homes):
        language = homes[home.pk]
        with translation.override(language):
            result = site_search.search(home, query, language)
        found |= {document.id for document in result.documents}
    return found


def filtered(request, directory, entries, service_kind):
    """The entries that the list filters keep; ``service_kind`` maps an entry to the
    service whose terms, organization and text count."""
    if query := search_query(request):
        matches = search_matches(directory, query)
        entries = [entry for entry in entries if entry.page_id in matches]
    if moment := modified_after(request):
        entries = [entry for entry in entries if entry.modified and entry.modified >= moment]
    if organization := request.GET.get("organization_id"):
        entries = [
            entry
            for entry in entries
            if directory.organization_of(*service_kind(entry)) == organization
        ]
    term = request.GET.get("taxonomy_term_id")
    taxonomy = request.GET.get("taxonomy_id")
    if term or taxonomy:
        kept = []
        for entry in entries:
            terms = directory.terms_of(entry)
            if term and term not in {found["id"] for found in terms}:
                continue
            if taxonomy and taxonomy not in {found["taxonomy_id"] for found in terms}:
                continue
            kept.append(entry)
        entries = kept
    return entries


def _service_row(directory):
    def service_kind(entry):
        rows = directory.offers if entry.kind == "offer" else directory.consultations
        return entry.kind, rows[entry.key]

    return service_kind


def by_id(items, item_id, what):
    for item in items:
        if (item.id if isinstance(item, Entry) else item["id"]) == item_id:
            return item
    raise ApiError(404, f"No {what} with this id.")


# Views ------------------------------------------------------------------------------------


@api_view
def index(request, directory):
    return {
        "version": VERSION,
        "openapi_url": request.build_absolute_uri(reverse("opendata:hsds_openapi")),
    }


@cache
def _openapi_template():
    return json.loads((SCHEMA_DIR / "openapi.json").read_text())


@api_view
def openapi(request, directory):
    """The specification's OpenAPI description, with this server and this directory."""
    description = copy.deepcopy(_openapi_template())
    office = directory.office
    description["info"] = {
        "title": f"{office.name} – HSDS {VERSION}",
        "version": "1.0",
        "summary": "Help offers, network partners and consultation hours for families.",
        "description": (
            "The directory of the office as Open Referral HSDS 3.0, read-only. Every list "
            "takes lang (any language of the site; German where a page is not translated), "
            "page, per_page (at most 100) and full=true for nested records. Cancelled dates "
            "and public holidays are stated in each schedule's notes."
        ),
        "contact": {"name": office.name, "email": office.email}
        if office.email
        else {"name": office.name},
        "license": getattr(settings, "BUERO_OPENDATA_LICENSE", DEFAULT_LICENSE),
    }
    description["servers"] = [
        {"url": request.build_absolute_uri(reverse("opendata:hsds_index")).rstrip("/")}
    ]
    return description


@api_view
def services(request, directory):
    entries = filtered(request, directory, directory.service_entries(), _service_row(directory))
    return paged(request, entries, lambda shown: directory.services(shown, full=full(request)))


@api_view
def service(request, directory, service_id):
    entry = by_id(directory.service_entries(), service_id, "service")
    return directory.services([entry], full=True)[0]


@api_view
def service_at_locations(request, directory):
    entries = filtered(
        request, directory, directory.service_at_location_entries(), _service_row(directory)
    )
    return paged(
        request, entries, lambda shown: directory.service_at_locations(shown, full=full(request))
    )


@api_view
def service_at_location(request, directory, item_id):
    entry = by_id(directory.service_at_location_entries(), item_id, "service at location")
    return directory.service_at_locations([entry], full=True)[0]


@api_view
def organizations(request, directory):
    entries = directory.organization_entries()
    if query := search_query(request):
        matches = search_matches(directory, query)
        entries = [
            entry
            for entry in entries
            if entry.page_id in matches or query.casefold() in entry.title.casefold()
        ]
    return paged(request, entries, lambda shown: directory.organizations(shown, full=full(request)))


@api_view
def organization(request, directory, item_id):
    entry = by_id(directory.organization_entries(), item_id, "organization")
    return directory.organizations([entry], full=True)[0]


def text_search(request, records):
    if query := search_query(request).casefold():
        records = [
            record
            for record in records
            if query in record["name"].casefold() or query in record["description"].casefold()
        ]
    return records


@api_view
def taxonomies(request, directory):
    records = text_search(request, directory.taxonomies())
    return paged(request, records, lambda shown: shown)


@api_view
def taxonomy(request, directory, item_id):
    return by_id(directory.taxonomies(), item_id, "taxonomy")


@api_view
def taxonomy_terms(request, directory):
    records = text_search(request, directory.taxonomy_terms())
    if taxonomy_id := request.GET.get("taxonomy_id"):
        records = [record for record in records if record["taxonomy_id"] == taxonomy_id]
    return paged(request, records, lambda shown: shown)


@api_view
def taxonomy_term(request, directory, item_id):
    return by_id(directory.taxonomy_terms(), item_id, "taxonomy term")
