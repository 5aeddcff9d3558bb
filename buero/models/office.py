"""The office's entry page: its start page, and the search, offline copies and app manifest
of its language below it."""

import logging
import unicodedata

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.template.loader import get_template
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from .. import conf, figures, offline, printing
from .. import search as site_search
from .. import structured_data as schema
from ..blocks import PARAGRAPH_FEATURES, EntryPointBlock
from ..office_settings import OfficeSettings
from ..page_tree import current
from ..search.models import MissedSearch
from ..sections import (
    EMPTY_RESULTS_SECTIONS,
    HOME_SECTIONS,
    PRINT_SECTIONS,
    STRUCTURED_DATA_HOURS,
    OfficePageTypes,
    collect_items,
    collect_sections,
)
from .base import BasePage

logger = logging.getLogger(__name__)

#: The search lives below every language's home page: /de/suche/, /ar/suche/ ...
SEARCH_PATH = "suche/"
SEARCH_PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
#: The query parameter of "Hat Ihnen diese Seite geholfen?" after a click (buero.feedback).


#: Kept inside words besides letters and digits: the zero-width (non-)joiner of Persian
#: ("کمک‌هزینه") and the hyphen.
WORD_JOINERS = "\u200c\u200d-"


def clean_search_query(raw):
    """Words only: quotes, brackets and control characters are search syntax to the
    database backends, and a visitor never means them. Combining marks (Arabic and Persian
    vowel signs, "ٔ") and the zero-width joiners belong to the words they are in."""
    kept = (
        char
        if char.isalnum() or char.isspace() or char in WORD_JOINERS or unicodedata.combining(char)
        else " "
        for char in raw[: MAX_QUERY_LENGTH * 2]
    )
    return " ".join("".join(kept).split())[:MAX_QUERY_LENGTH]


class OfficePage(BasePage):
    """The start page: welcome, what is next, where to go, whom to call; and the site search."""

    intro = RichTextField(
        "Begrüßung",
        features=PARAGRAPH_FEATURES,
        help_text="Zwei, drei kurze Sätze: Wer wir sind und dass Beratung kostenlos und vertraulich ist.",
    )
    entry_points = StreamField(
        [("entry_point", EntryPointBlock())],
        verbose_name="Einstiege",
        blank=True,
        help_text="Die wichtigsten Wege weiter, z. B. zu Hilfsangeboten, Terminen und Netzwerkpartnern.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("entry_points")]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]

    # No parent_page_types: a host site places the office anywhere in its tree (one per site,
    # see can_create_at); the standalone site has it as its root.
    subpage_types = OfficePageTypes("buero.OfficeInfoPage")
    # The search below it (/de/suche/): its words and the page of results.
    query_parameters = ("q", "page")
    # The office's poster and flyer for the youth club's door and the partners' notice boards.
    print_kinds = (printing.POSTER, printing.FLYER)
    print_template = "buero/print/office_page.html"

    class Meta:
        verbose_name = "Offenes Büro (Startseite)"
        verbose_name_plural = "Offenes Büro (Startseiten)"

    @classmethod
    def can_create_at(cls, parent):
        """One office per site and language, never inside another office's section; its
        translations are made by wagtail-localize, not by "add page"."""
        if not super().can_create_at(parent):
            return False
        site = parent.get_site()
        scope = site.root_page if site is not None else parent
        offices = OfficePage.objects.filter(locale_id=parent.locale_id)
        return not (
            offices.descendant_of(scope, inclusive=True).exists()
            or offices.ancestor_of(parent, inclusive=True).exists()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = collect_sections(HOME_SECTIONS, self, request)
        if getattr(request, "is_preview", False):
            context["entry_points"] = self.entry_points_with_targets()
        else:
            # Published entry points change only with content: kept with the page tree.
            key = ("entry_points", self.pk, self.locale_id)
            context["entry_points"] = current().memo(
                key, self.entry_points_with_targets, refresh=self.refresh_entry_points
            )
        context["top_entry_points"] = [
            (block, target)
            for block, target in context["entry_points"]
            if block.value.get("on_top")
        ]
        return context

    def print_context(self, request):
        return {"print_sections": collect_sections(PRINT_SECTIONS, self, request)}

    def structured_data(self, request, context):
        """The office as a GovernmentOffice, and the website of this language it publishes.

        Its opening hours are the office's own consultation hours, which the events app
        contributes through the ``STRUCTURED_DATA_HOURS`` hook (buero.sections).
        """
        office = OfficeSettings.for_request(request)
        url = self.get_full_url(request)
        name = schema.office_name(request) or self.title
        return [
            {
                "@type": "GovernmentOffice",
                "@id": schema.office_id(url),
                "name": name,
                "description": self.link_preview_description(),
                "url": url,
                "address": schema.postal_address(office.street, office.postcode, office.town),
                "telephone": office.phone,
                "email": office.email,
                # Counselling in the open office costs nothing (concept: "kostenfrei").
                "isAccessibleForFree": True,
                "openingHoursSpecification": collect_items(STRUCTURED_DATA_HOURS, self, request),
            },
            {
                "@type": "WebSite",
                "@id": schema.website_id(url),
                "name": name,
                "url": url,
                "publisher": {"@type": "GovernmentOffice", "@id": schema.office_id(url)},
            },
        ]

    def refresh_entry_points(self, entries, changed):
        """The entry points found anew where this page, a linked page or a translation of
        one changed (its title or address shows)."""
        tree = current()
        keys = {self.translation_key}
        for block, target in entries:
            keys.update(
                getattr(page, "translation_key", None) for page in (block.value["page"], target)
            )
        for page_id in changed:
            node = tree.get(page_id)
            if node is None or node.translation_key in keys:
                return self.entry_points_with_targets()
        return entries

    def entry_points_with_targets(self):
        """(block, the linked page in this page's language) for every entry point."""
        blocks = [block for block in self.entry_points if block.value["page"]]
        targets = self.in_same_language([block.value["page"] for block in blocks])
        return list(zip(blocks, targets, strict=True))

    @path(SEARCH_PATH, name="search")
    def search(self, request):
        """Search the pages of this home page's language, grouped by page type (buero.search)."""
        query = clean_search_query(request.GET.get("q", ""))
        node = current().get(self.pk)  # the language without a query for the locale
        language = node.language if node is not None else self.locale.language_code
        found = site_search.search(self, query, language) if query else None
        in_german = []
        if found is not None and not found.documents:
            self.count_missed_search(request.GET.get("q", ""), language)
            in_german = self.search_in_german(query)
        paginator = Paginator(found.documents if found else [], SEARCH_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        groups = {}
        for result in page_obj:
            groups.setdefault(result.label, []).append(result)
        response = self.render(
            request,
            context_overrides={
                "search_query": query,
                "search_groups": groups,
                "search_suggestion": found.suggestion if found else "",
                "results": page_obj,
                "result_count": paginator.count if query else 0,
                "german_results": in_german,
                "empty_sections": (
                    collect_sections(EMPTY_RESULTS_SECTIONS, self, request)
                    if query and not paginator.count
                    else []
                ),
            },
            template="buero/search_results.html",
        )
        if query and request.GET.get("page", "1") in ("", "1"):
            # A search, not the next page of one; counted on each serve, also from the cache.
            figures.mark(response, figures.SEARCH, language)
            if not paginator.count:
                figures.mark(response, figures.MISSED_SEARCH, language)
        return response

    def search_in_german(self, query):
        """Where this language's pages found nothing, the German office's results (the first
        page of them): a German word typed on another language's site still leads on."""
        if self.locale_id == Locale.get_default().pk:
            return []
        german = self.get_translation_or_none(Locale.get_default())
        if german is None or not german.live:
            return []
        language = german.locale.language_code
        return site_search.search(german, query, language).documents[:SEARCH_PAGE_SIZE]

    @path(offline.SERVICE_WORKER_PATH, name="service_worker")
    def service_worker(self, request):
        """The service worker of this language's pages (buero.offline); ``buero.js``
        registers it with this page's URL as its scope.

        ``no-cache``: browsers ask for it on every visit, and the page cache keeps it only
        while content is unchanged, never as a stale copy for days.
        """
        template = get_template(offline.TEMPLATE)
        config = offline.worker_config(self, request, template.template.source)
        response = HttpResponse(
            template.render({"config": offline.worker_config_json(config)}, request),
            content_type="text/javascript; charset=utf-8",
        )
        response["Service-Worker-Allowed"] = config["scope"]
        patch_cache_control(response, no_cache=True)
        return response

    @path(offline.OFFLINE_PATH, name="offline")
    def offline_page(self, request):
        """What the service worker shows for a page it has not stored while offline."""
        return self.render(
            request,
            context_overrides={
                "stored_pages": offline.addresses(offline.home_path(self, request))["index"]
            },
            template="buero/offline.html",
        )

    @path(offline.MANIFEST_PATH, name="manifest")
    def manifest(self, request):
        """The web app manifest: "add to home screen" opens this language's home page."""
        name = schema.office_name(request) or conf.office_name()
        return JsonResponse(
            offline.manifest(self, request, name, self.link_preview_description()),
            content_type="application/manifest+json",
            json_dumps_params={"ensure_ascii": False},
        )

    def count_missed_search(self, query, language):
        """Count a search that found nothing; a database that refuses is no reason to fail."""
        try:
            MissedSearch.record(query[: MAX_QUERY_LENGTH * 2], language)
        except DatabaseError:
            logger.warning("A search without results could not be counted.")
