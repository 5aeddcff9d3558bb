"""Home page, standard pages and the office's site settings."""

import html
import logging
import re

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import DatabaseError, IntegrityError, models, transaction
from django.http import HttpResponse, JsonResponse
from django.template.loader import get_template
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index

from . import conf, offline, printing
from . import structured_data as schema
from .blocks import PARAGRAPH_FEATURES, EntryPointBlock, StandardStreamBlock
from .districts import District
from .panels import FeedbackPanel, TranslationStatusPanel
from .search import text
from .sections import (
    EMPTY_RESULTS_SECTIONS,
    HOME_SECTIONS,
    PRINT_SECTIONS,
    STRUCTURED_DATA_HOURS,
    collect_items,
    collect_sections,
)

logger = logging.getLogger(__name__)

#: The search lives below every language's home page: /de/suche/, /ar/suche/ ...
SEARCH_PATH = "suche/"
SEARCH_PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
#: The query parameter of "Hat Ihnen diese Seite geholfen?" after a click (home.feedback).
FEEDBACK_PARAMETER = "feedback"


def clean_search_query(raw):
    """Words only: quotes, brackets and control characters are search syntax to the
    database backends, and a visitor never means them."""
    words = re.sub(r"[^\w\s\-]", " ", raw[: MAX_QUERY_LENGTH * 2]).split()
    return " ".join(words)[:MAX_QUERY_LENGTH]


#: About as much of a page's description as messengers and search engines show.
PREVIEW_LENGTH = 200
_BLOCK_ENDS = re.compile(r"</(?:p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.I)


def preview_text(text, length=PREVIEW_LENGTH):
    """Rich or plain text as one line of plain text, cut at a word boundary after at most
    ``length`` characters: messengers and search engines would cut it mid-word."""
    text = " ".join(html.unescape(strip_tags(_BLOCK_ENDS.sub(" ", str(text or "")))).split())
    if len(text) <= length:
        return text
    cut = text[:length]
    if text[length] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


class BasePage(RoutablePageMixin, Page):
    """Shared behaviour of every page of the apps: the host's base template, the QR code
    view, and the routes of print material (home.printing)."""

    #: Pages that ask "Hat Ihnen diese Seite geholfen?" (home.feedback) set this, and read
    #: FEEDBACK_PARAMETER.
    collects_feedback = False
    #: The query parameters this page type reads, on any of its routes and in its templates
    #: (a listing's filters, the search's words, a page number). The page cache keeps one
    #: copy per value of these and hands the page no other parameter (buero_site.page_cache),
    #: so a parameter missing here is not seen while the cache is on.
    query_parameters = ()
    #: The print material a page type offers (home.printing.KINDS), and the template of its
    #: content there.
    print_kinds = ()
    print_template = None
    #: The field a page shows as its summary under the title (its link preview's text).
    summary_field = "intro"

    settings_panels = [
        TranslationStatusPanel(
            heading="Übersetzungen",
            help_text="Welche Übersetzungen es gibt und ob sie auf dem Stand der deutschen Seite sind.",
        ),
        FeedbackPanel(
            heading="Rückmeldungen",
            help_text="Was Besucherinnen und Besucher auf „Hat Ihnen diese Seite geholfen?“ antworten.",
        ),
        *Page.settings_panels,
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = conf.base_template()
        return context

    @path("qr-code/", name="qr_code")
    def qr_code(self, request):
        """The page's QR code, large: a counsellor holds it up to a family's phone."""
        url = self.get_full_url(request)
        return self.render(
            request,
            context_overrides={
                "url": url,
                "qr": printing.qr_svg(url, self.title),
                "print_links": self.print_links(),
            },
            template="home/qr_code.html",
        )

    @path(printing.route(printing.POSTER), name="poster")
    def poster(self, request):
        return printing.serve(self, request, printing.POSTER)

    @path(printing.route(printing.POSTER, "<str:second>"), name="bilingual_poster")
    def bilingual_poster(self, request, second):
        return printing.serve(self, request, printing.POSTER, second)

    @path(printing.route(printing.FLYER), name="flyer")
    def flyer(self, request):
        return printing.serve(self, request, printing.FLYER)

    @path(printing.route(printing.SHEET), name="sheet")
    def sheet(self, request):
        return printing.serve(self, request, printing.SHEET)

    def print_context(self, request):
        """What this page's print material shows beyond its page context."""
        return {}

    def print_links(self):
        """(kind, name, URL) of this page's print material, in the page's language."""
        return [
            (kind, printing.KINDS[kind][0], f"{self.url}{printing.route(kind)}")
            for kind in self.print_kinds
        ]

    def get_url_parts(self, request=None):
        """The URL from the page tree snapshot; Wagtail computes it for pages the snapshot
        does not know yet (created or moved since)."""
        from .page_tree import current

        node = current().get(self.id) if self.id else None
        if node is not None and node.url_path == self.url_path:
            return node.url_parts()
        return super().get_url_parts(request)

    def get_view_restrictions(self):
        """The restrictions Wagtail checks before serving this page: its own tree's, or
        where it has none, its source-language page's, so that a password on the German
        page also asks for it on the translations and aliases (page_tree.is_public). No
        query on a site without any view restriction (the snapshot knows)."""
        from .page_tree import current

        tree = current()
        if not tree.restricted_ids:
            return PageViewRestriction.objects.none()
        node = tree.get(self.pk)
        if node is None or node.path != self.path:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(page__path__in=tree.restriction_paths(node))

    def linked_page(self, page_id):
        """A page this one links to (a host, a provider), in this page's language where a
        live translation exists, from the page tree: no query. It has ``url`` and ``title``."""
        from .page_tree import current

        tree = current()
        own, linked = tree.get(self.pk), tree.get(page_id)
        if own is None or linked is None:
            linked_page = Page.objects.filter(pk=page_id).first()
            return self.in_same_language([linked_page])[0] if linked_page else None
        translated = tree.live_translations(linked).get(own.language)
        if translated is not None:
            return translated
        return linked if tree.is_public(linked) else None

    def in_same_language(self, pages):
        """``pages`` in this page's language where a live translation exists, in one query.

        Links to other pages point at the German page (wagtail-localize keeps page links
        synchronised); ``Page.localized`` would cost two queries for each of them.
        """
        from .page_tree import current

        keys = {page.translation_key for page in pages if page.locale_id != self.locale_id}
        translated = (
            {
                page.translation_key: page
                for page in current().public(
                    Page.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
                )
            }
            if keys
            else {}
        )
        return [translated.get(page.translation_key, page) for page in pages]

    @property
    def card_text(self):
        """The sentence a card or search result shows for this page."""
        return self.search_description or strip_tags(getattr(self, "intro", "") or "")

    def link_preview_description(self):
        """The text under the title where a link to this page is shared, and the search
        engines' description: the editor's search description, else the page's summary."""
        return preview_text(self.search_description or getattr(self, self.summary_field, ""))

    def structured_data(self, request, context):
        """schema.org data about this page for search engines and assistants: a dict, a list
        of dicts or None, rendered in the head by ``{% structured_data %}`` (home.structured_data).

        ``context`` is the template context the page is rendered with: a page type describes
        what it already loaded for its visitors, so its JSON-LD costs no query of its own.
        A page that is about itself is a WebPage of its language's website.
        """
        return schema.web_page(self, request)


class ReviewedMixin(models.Model):
    """Content that the office must check regularly; visitors see when it was last checked."""

    REVIEW_INTERVAL_DAYS = 365

    last_reviewed = models.DateField(
        "Zuletzt geprüft am",
        help_text="Wann haben Sie zuletzt geprüft, ob alles noch stimmt? Wird Besuchern gezeigt.",
    )

    class Meta:
        abstract = True

    @property
    def review_due(self):
        """True when the content was not checked for a year."""
        return (timezone.localdate() - self.last_reviewed).days > self.REVIEW_INTERVAL_DAYS


class HomePage(BasePage):
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
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "angebote.OfferIndexPage",
        "angebote.PartnerIndexPage",
        "events.EventIndexPage",
        "events.CourseIndexPage",
        "angebote.HelpCheckPage",
        "events.AppointmentRequestPage",
        "angebote.YouthPage",
    ]
    # One tree per site; its translations are made by wagtail-localize, not "add page".
    max_count = 1
    # The search below it (/de/suche/): its words and the page of results.
    query_parameters = ("q", "page")
    # The office's poster and flyer for the youth club's door and the partners' notice boards.
    print_kinds = (printing.POSTER, printing.FLYER)
    print_template = "home/print/home_page.html"

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .page_tree import current

        context["sections"] = collect_sections(HOME_SECTIONS, self, request)
        if getattr(request, "is_preview", False):
            context["entry_points"] = self.entry_points_with_targets()
        else:
            # Published entry points change only with content: kept with the page tree.
            key = ("entry_points", self.pk, self.locale_id)
            context["entry_points"] = current().memo(key, self.entry_points_with_targets)
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
        contributes through the ``STRUCTURED_DATA_HOURS`` hook (home.sections).
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

    def entry_points_with_targets(self):
        """(block, the linked page in this page's language) for every entry point."""
        blocks = [block for block in self.entry_points if block.value["page"]]
        targets = self.in_same_language([block.value["page"] for block in blocks])
        return list(zip(blocks, targets, strict=True))

    @path(SEARCH_PATH, name="search")
    def search(self, request):
        """Search the pages of this home page's language, grouped by page type (home.search)."""
        from .search import search

        query = clean_search_query(request.GET.get("q", ""))
        language = self.locale.language_code
        found = search(self, query, language) if query else None
        if found is not None and not found.documents:
            self.count_missed_search(request.GET.get("q", ""), language)
        paginator = Paginator(found.documents if found else [], SEARCH_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        groups = {}
        for result in page_obj:
            groups.setdefault(result.label, []).append(result)
        return self.render(
            request,
            context_overrides={
                "search_query": query,
                "search_groups": groups,
                "search_suggestion": found.suggestion if found else "",
                "results": page_obj,
                "result_count": paginator.count if query else 0,
                "empty_sections": (
                    collect_sections(EMPTY_RESULTS_SECTIONS, self, request)
                    if query and not paginator.count
                    else []
                ),
            },
            template="home/search_results.html",
        )

    @path(offline.SERVICE_WORKER_PATH, name="service_worker")
    def service_worker(self, request):
        """The service worker of this language's pages (home.offline); ``buero.js``
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
            template="home/offline.html",
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


class StandardPage(BasePage):
    """Über uns, Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache and the like."""

    collects_feedback = True
    query_parameters = (FEEDBACK_PARAMETER,)

    intro = models.TextField(
        "Einleitung",
        blank=True,
        max_length=400,
        help_text="Ein, zwei Sätze, worum es auf der Seite geht. Erscheint groß unter dem Titel.",
    )
    body = StreamField(
        StandardStreamBlock(),
        verbose_name="Inhalt",
        blank=True,
        help_text="Überschriften, Absätze, Bilder mit Alternativtext, Handlungsaufforderungen und Kontaktboxen.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "Standardseite"
        verbose_name_plural = "Standardseiten"


class VenueAccess(models.TextChoices):
    """How the venue is reached; a fact, so the visitor reads it in their language."""

    STAIRS = "stairs", _("Access by stairs only, there is no lift.")
    STEP_FREE = "step_free", _("Step-free access.")
    LIFT = "lift", _("Access by lift.")


class SearchSynonym(TranslatableMixin, models.Model):
    """What people type, mapped to what the site calls it: the search looks for the latter.

    People search with the words they heard ("Hartz IV", "BuT", "KiZ"); the pages use the
    official names. The German entries apply in every language, each language's own in it.
    """

    term = models.CharField(
        "Suchwort",
        max_length=80,
        help_text="Was Menschen eingeben, z. B. „Hartz IV“, „BuT“ oder „Kindergeldzuschlag“.",
    )
    means = models.CharField(
        "Gemeint ist",
        max_length=120,
        help_text="Wie die Seiten es nennen, z. B. „Grundsicherungsgeld“. Die Suche sucht dann "
        "danach statt nach dem Suchwort.",
    )

    panels = [FieldPanel("term"), FieldPanel("means")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Suchbegriff"
        verbose_name_plural = "Suchbegriffe"
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.means}"


class MissedSearch(models.Model):
    """How often a term found nothing, per language and month: what the site is missing.

    A search can be personal ("Lisa Mustermann Frauenhaus"), so a term is kept only once it
    is not one person's: after KEEP_AFTER_VISITS searches on at least two different days
    (PendingSearch counts them until then, without the term). Only the count is kept: no
    time, no address, no session; terms with digits or an "@" are never kept (they may be a
    phone number, a date of birth, an e-mail address); nothing stays longer than KEEP_DAYS.
    """

    term = models.CharField("Suchwort", max_length=100, editable=False)
    language = models.CharField("Sprache", max_length=10, editable=False)
    month = models.DateField("Monat", editable=False)
    count = models.PositiveIntegerField("Anzahl", default=0, editable=False)

    #: Days a count is kept at most, from the first day of its month
    #: (manage.py purge_missed_searches, daily).
    KEEP_DAYS = 90
    #: Searches, on at least two different days, before a term is kept.
    KEEP_AFTER_VISITS = 3
    #: New terms per language and month; beyond, only known terms are counted.
    MAX_TERMS = 2000

    class Meta:
        verbose_name = "Suche ohne Ergebnis"
        verbose_name_plural = "Gesucht, aber nicht gefunden"
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language", "month"], name="unique_missed_search_per_month"
            )
        ]
        ordering = ["-month", "-count", "term"]

    def __str__(self):
        return self.term

    @classmethod
    def record(cls, query, language, today=None):
        """Count one search for ``query`` (as typed) that found nothing."""
        if any(character.isdigit() or character == "@" for character in query):
            return
        term = " ".join(text.normalize(query, language))[:100]
        if not term:
            return
        today = today or timezone.localdate()
        if cls.objects.filter(term=term, language=language).exists():
            cls._add(term, language, today, 1)  # kept already: searched by several
        elif visits := PendingSearch.count(term, language, today):
            cls._add(term, language, today, visits)

    @classmethod
    def _add(cls, term, language, today, visits):
        month = today.replace(day=1)
        rows = cls.objects.filter(term=term, language=language, month=month)
        if rows.update(count=models.F("count") + visits):
            return
        if cls.objects.filter(language=language, month=month).count() >= cls.MAX_TERMS:
            return  # a flood of made-up words: the month's list is long enough
        try:
            with transaction.atomic():
                cls.objects.create(term=term, language=language, month=month, count=visits)
        except IntegrityError:  # created by a parallel request a moment ago
            rows.update(count=models.F("count") + visits)


class PendingSearch(models.Model):
    """A term that found nothing but is not kept yet, as a keyed hash: how often and on
    which first and last day it was searched, nothing else.

    The term itself is not stored until it qualifies (MissedSearch.KEEP_AFTER_VISITS
    searches on two different days): a name that one person types, once or a few times in
    one sitting, never appears anywhere. The hash (HMAC with the secret key) cannot be read
    back; the row is deleted when the term qualifies or after KEEP_DAYS.
    """

    key = models.CharField("Schlüssel", max_length=64, unique=True, editable=False)
    visits = models.PositiveIntegerField("Suchen", default=0, editable=False)
    first_day = models.DateField("Erster Tag", db_index=True, editable=False)
    last_day = models.DateField("Letzter Tag", editable=False)

    #: Days a term has to qualify from its first search; then its count is deleted.
    KEEP_DAYS = 30
    #: New terms per day; beyond, only terms counted already are (a flood of made-up words).
    MAX_NEW_PER_DAY = 500

    class Meta:
        verbose_name = "Noch nicht gezählte Suche"
        verbose_name_plural = "Noch nicht gezählte Suchen"

    def __str__(self):
        return f"{self.key[:12]}… ({self.visits})"

    @staticmethod
    def key_for(term, language):
        return salted_hmac(
            "home.PendingSearch", f"{language}\n{term}", algorithm="sha256"
        ).hexdigest()

    @classmethod
    def count(cls, term, language, today):
        """Count one search for ``term``: its number of searches once it qualifies (its row
        is then deleted), else 0."""
        key = cls.key_for(term, language)
        with transaction.atomic():
            pending = cls.objects.select_for_update().filter(key=key).first()
            if pending is None:
                if cls.objects.filter(first_day=today).count() >= cls.MAX_NEW_PER_DAY:
                    return 0
                try:
                    with transaction.atomic():
                        cls.objects.create(key=key, visits=1, first_day=today, last_day=today)
                    return 0
                except IntegrityError:  # created by a parallel request a moment ago
                    pending = cls.objects.select_for_update().get(key=key)
            pending.visits += 1
            pending.first_day = min(pending.first_day, today)
            pending.last_day = max(pending.last_day, today)
            if (
                pending.visits >= MissedSearch.KEEP_AFTER_VISITS
                and pending.first_day != pending.last_day
            ):
                pending.delete()
                return pending.visits
            pending.save(update_fields=["visits", "first_day", "last_day"])
            return 0


class FeedbackReason(models.TextChoices):
    MISSING = "missing", _("Information is missing")
    OUTDATED = "outdated", _("It is out of date")
    HARD = "hard", _("It is hard to understand")
    LANGUAGE = "language", _("It is not in my language")
    OTHER = "other", _("Something else")


class PageFeedback(models.Model):
    """ "Hat Ihnen diese Seite geholfen?": the answer, without any trace of who gave it.

    Only the page, the language, the answer, the reason, a short text (e-mail addresses and
    phone numbers removed before it is stored) and the day, never the time.
    """

    page = models.ForeignKey(
        Page, verbose_name="Seite", on_delete=models.CASCADE, related_name="+", editable=False
    )
    language = models.CharField("Sprache", max_length=10, editable=False)
    helpful = models.BooleanField("Hat geholfen", editable=False)
    reason = models.CharField(
        "Was fehlte", max_length=20, choices=FeedbackReason.choices, blank=True, editable=False
    )
    text = models.CharField("Hinweis", max_length=300, blank=True, editable=False)
    day = models.DateField("Tag", default=timezone.localdate, editable=False)

    class Meta:
        verbose_name = "Rückmeldung"
        verbose_name_plural = "Rückmeldungen"
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.page_id}: {'ja' if self.helpful else 'nein'}"


@register_setting(icon="home")
class OfficeSettings(BaseSiteSetting):
    """The office's facts, shown in the footer and every contact block.

    Site settings cannot be translated, so they hold facts; the venue access is a choice
    that is shown translated, and prose belongs in pages.
    """

    name = models.CharField(
        "Name des Büros",
        max_length=120,
        default=conf.office_name,
        help_text="So heißt das Büro auf jeder Seite, z. B. „Offenes Büro im Jugendclub Tangerhütte“.",
    )
    street = models.CharField(
        "Straße und Hausnummer", max_length=120, blank=True, help_text="z. B. „Schulstraße 1“."
    )
    postcode = models.CharField("Postleitzahl", max_length=10, blank=True, help_text="z. B. 39517.")
    town = models.CharField("Ort", max_length=80, blank=True, help_text="z. B. „Tangerhütte“.")
    district = models.CharField(
        "Ortsteil",
        max_length=20,
        choices=District.choices,
        blank=True,
        help_text="Der Ortsteil der Einheitsgemeinde, in dem das Büro liegt.",
    )
    room = models.CharField(
        "Raum", max_length=120, blank=True, help_text="z. B. „Jugendclub, Obergeschoss“."
    )
    phone = models.CharField(
        "Telefon",
        max_length=40,
        blank=True,
        help_text="Mit Vorwahl, z. B. „03935 123456“. Wird auf dem Handy als Anruf-Link gezeigt.",
    )
    email = models.EmailField("E-Mail", blank=True, help_text="Die Adresse, die das Büro liest.")
    venue_access = models.CharField(
        "Zugang zum Raum",
        max_length=20,
        choices=VenueAccess.choices,
        blank=True,
        help_text="Wie man zum Raum kommt. Wird in jeder Sprache übersetzt angezeigt.",
    )
    venue_access_note = models.CharField(
        "Hinweis zum Zugang",
        max_length=200,
        blank=True,
        help_text="Nur Fakten, z. B. „12 Stufen, Handlauf rechts“. Dieser Text wird nicht übersetzt.",
    )
    contact_name = models.CharField(
        "Ansprechperson Sprechstunde",
        max_length=120,
        blank=True,
        help_text="Wer die offene Sprechstunde führt, z. B. „Frau Beispiel“.",
    )
    contact_phone = models.CharField(
        "Telefon für Termine",
        max_length=40,
        blank=True,
        help_text="Für Termine nach Vereinbarung. Leer lassen, wenn es die Büronummer ist.",
    )
    contact_email = models.EmailField(
        "E-Mail für Termine", blank=True, help_text="Leer lassen, wenn es die Büro-Adresse ist."
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Impressum",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Seite mit dem Impressum; sie wird in der Fußzeile verlinkt.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Datenschutz",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Datenschutzerklärung; sie wird in der Fußzeile verlinkt.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Erklärung zur Barrierefreiheit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Die Erklärung zur Barrierefreiheit; sie wird in der Fußzeile verlinkt.",
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Bild für Link-Vorschauen",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint, wenn jemand einen Link zur Website in einem Messenger oder sozialen Netzwerk teilt. Am besten 1200 mal 630 Pixel (Breite mal Höhe), ohne Gesichter von Menschen, die nicht eingewilligt haben.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("town"),
                FieldPanel("district"),
                FieldPanel("room"),
                FieldPanel("venue_access"),
                FieldPanel("venue_access_note"),
            ],
            heading="Adresse und Zugang",
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Erreichbarkeit"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading="Sprechstunde und Termine nach Vereinbarung",
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading="Pflichtseiten in der Fußzeile",
        ),
        MultiFieldPanel([FieldPanel("share_image")], heading="Link-Vorschau"),
    ]

    class Meta:
        verbose_name = "Büro und Kontakt"

    @classmethod
    def cache_key(cls, site_id):
        return f"home:office-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        """Every public page shows these facts: keep them in the cache until they change
        (home.signals drops them when the settings or a page are saved)."""
        key = cls.cache_key(site.pk)
        settings = cache.get(key)
        if settings is None:
            settings = super().for_site(site)
            cache.set(key, settings, None)
        return settings

    @classmethod
    def base_queryset(cls):
        # The footer needs the legal pages' translation keys; fetch them with the settings.
        return (
            super()
            .base_queryset()
            .select_related("imprint_page", "privacy_page", "accessibility_page")
        )

    #: Open Graph's recommended size; messengers crop other sizes to about this shape.
    SHARE_IMAGE_FILTER = "fill-1200x630"

    @classmethod
    def share_image_cache_key(cls, site_id):
        return f"home:share-image:{site_id}"

    def share_image_preview(self):
        """URL, size and alternative text of the link-preview rendition, or None.

        Every public page names it in its <head>: kept in the cache like the settings
        (home.signals drops it when the settings or an image change), so that it costs a
        page no query.
        """
        key = self.share_image_cache_key(self.site_id)
        preview = cache.get(key)
        if preview is None:
            preview = self._share_image_preview()
            cache.set(key, preview, None)
        return preview or None

    def _share_image_preview(self):
        if self.share_image_id is None:
            return {}
        try:
            image = self.share_image
        except ObjectDoesNotExist:  # deleted a moment ago; home.signals drops these settings
            return {}
        try:
            rendition = image.get_rendition(self.SHARE_IMAGE_FILTER)
        except SourceImageIOError:
            logger.warning("The file of the link-preview image %s is missing.", image.pk)
            return {}
        return {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }

    @cached_property
    def appointment_phone(self):
        return self.contact_phone or self.phone

    @cached_property
    def appointment_email(self):
        return self.contact_email or self.email

    @property
    def legal_pages(self):
        """The footer's legal pages in display order (in the language they were chosen in)."""
        pages = (self.imprint_page, self.privacy_page, self.accessibility_page)
        return [page for page in pages if page is not None]
