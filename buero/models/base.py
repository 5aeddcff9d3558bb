"""What every page type of the plugin shares, and the mixin of content checked yearly."""

import html
import logging
import re

from django.apps import apps
from django.db import models
from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageViewRestriction

from .. import conf, figures, printing
from .. import search as site_search
from .. import structured_data as schema
from ..page_tree import current, source_language
from ..panels import FeedbackPanel, SearchTermsPanel, TranslationStatusPanel
from ..search.index import DEFAULT_RANK
from ..search.models import SearchSynonym
from .feedback import PageFeedback

logger = logging.getLogger(__name__)

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
    view, and the routes of print material (buero.printing)."""

    #: Pages that ask "Hat Ihnen diese Seite geholfen?" (buero.feedback) set this, and read
    #: FEEDBACK_PARAMETER.
    collects_feedback = False
    #: The query parameters this page type reads, on any of its routes and in its templates
    #: (a listing's filters, the search's words, a page number). The page cache keeps one
    #: copy per value of these and hands the page no other parameter (buero_site.page_cache),
    #: so a parameter missing here is not seen while the cache is on.
    query_parameters = ()
    #: The print material a page type offers (buero.printing.KINDS), and the template of its
    #: content there.
    print_kinds = ()
    print_template = None
    #: The field a page shows as its summary under the title (its link preview's text).
    summary_field = "intro"
    #: Among equally good search results, lower ranks first: offers (0) before partners (1)
    #: before dates and courses (2) before the other pages (buero.search.index).
    search_rank = DEFAULT_RANK

    settings_panels = [
        TranslationStatusPanel(
            heading="Übersetzungen",
            help_text="Welche Übersetzungen es gibt und ob sie auf dem Stand der deutschen Seite sind.",
        ),
        SearchTermsPanel(
            heading="Gefunden über Suchbegriffe",
            help_text="Bei welchen Suchbegriffen diese Seite in der Suche ihrer Sprache "
            "erscheint, und an welcher Stelle.",
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

    def serve(self, request, view=None, args=None, kwargs=None):
        """Wagtail's serve; the page itself (not its print material, search or calendar),
        asked for with GET, is marked as a page view of its type and language
        (buero.figures), which is counted each time it reaches a reader, also from a page
        cache. Previews never come here (``serve_preview``)."""
        response = super().serve(request, view, args, kwargs)
        if request.method == "GET" and self.is_own_route(request):
            try:
                if current().is_public(self):
                    figures.mark(
                        response,
                        figures.PAGE_VIEW,
                        translation.get_language(),
                        self._meta.model_name,
                    )
            except Exception:
                logger.warning("A page view could not be marked.", exc_info=True)
        return response

    @staticmethod
    def is_own_route(request):
        """Whether the request asks for the page itself, not one of its other routes."""
        match = getattr(request, "routable_resolver_match", None)
        return match is None or match.route == ""

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
            template="buero/qr_code.html",
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
        does not know yet (created or moved since) and while content is changing (a save
        does not wait for a new snapshot)."""
        tree = current(build=False) if self.id else None
        node = tree.get(self.id) if tree is not None else None
        if node is not None and node.url_path == self.url_path:
            return node.url_parts()
        return super().get_url_parts(request)

    def get_url(self, request=None, current_site=None):
        """``Page.get_url`` from the snapshot where no request is given (a link in a template,
        ``page.url``): Wagtail would ask the cache for every site's root paths per link (a
        round trip to Redis each, hundreds on a page of dates)."""
        if request is None and current_site is None and self.id:
            tree = current(build=False)
            node = tree.get(self.id) if tree is not None else None
            if node is not None and node.url_path == self.url_path and node.url is not None:
                return node.url if len(tree.sites()) == 1 else node.full_url
        return super().get_url(request, current_site)

    url = property(get_url)

    def get_view_restrictions(self):
        """The restrictions Wagtail checks before serving this page: its own tree's, or
        where it has none, its source-language page's, so that a password on the German
        page also asks for it on the translations and aliases (page_tree.is_public). No
        query on a site without any view restriction (the snapshot knows). While content is
        changing (an editor's save, a translation) from the database, with the same rule."""
        tree = current(build=False)
        if tree is None:
            return self.view_restrictions_from_database()
        if not tree.restricted_ids:
            return PageViewRestriction.objects.none()
        node = tree.get(self.pk)
        if node is None or node.path != self.path:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(page__path__in=tree.restriction_paths(node))

    def view_restrictions_from_database(self):
        """``get_view_restrictions`` without the snapshot: the page's own tree's, or where it
        has none, its source-language page's (page_tree.PageTree.restriction_paths)."""
        own = super().get_view_restrictions()
        if own.exists():
            return own
        source = (
            Page.objects.filter(
                translation_key=self.translation_key, locale__language_code=source_language()
            )
            .exclude(pk=self.pk)
            .first()
        )
        if source is None:
            return own
        return PageViewRestriction.objects.filter(
            page__in=Page.objects.ancestor_of(source, inclusive=True)
        )

    def linked_page(self, page_id):
        """A page this one links to (a host, a provider), in this page's language where a
        live translation exists, from the page tree: no query. It has ``url`` and ``title``."""
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

    def home_page_url(self, request):
        """The full URL of the home page (OfficePage) above this page, the page itself if it
        is one, from the page tree snapshot: no query for the pages it knows. JSON-LD names
        the office and the website by it (buero.structured_data)."""
        tree = current()
        office_page = apps.get_model("buero", "OfficePage")  # a subclass, defined later
        node = tree.get(self.pk)
        while node is not None:
            if node.specific_class is not None and issubclass(node.specific_class, office_page):
                return node.full_url
            node = tree.parent(node)
        home = Page.objects.ancestor_of(self, inclusive=True).type(office_page).last()
        return home.get_full_url(request) if home is not None else None

    def office_page(self):
        """The office's entry page (OfficePage) above this page, the page itself if it is one."""
        office_page = apps.get_model("buero", "OfficePage")  # a subclass, defined later
        return Page.objects.ancestor_of(self, inclusive=True).type(office_page).last()

    def search_terms_finding(self):
        """[(Suchbegriff, place among the results)] of the Suchbegriffe whose search, in this
        page's language, finds this page: the German ones and the language's own."""
        office = self.office_page()
        if office is None:
            return []
        language = self.locale.language_code
        found = []
        for synonym in SearchSynonym.applying_in(language).order_by("term"):
            result = site_search.search(office, synonym.term, language)
            ids = [document.id for document in result.documents]
            if self.pk in ids:
                found.append((synonym, ids.index(self.pk) + 1))
        return found

    def feedback_figures(self):
        """What visitors answered on this page to "Hat Ihnen diese Seite geholfen?"
        (PageFeedback.summary), None before the first answer: the editors' FeedbackPanel."""
        return PageFeedback.summary([self]).get(self.pk)

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
        of dicts or None, rendered in the head by ``{% structured_data %}`` (buero.structured_data).

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
