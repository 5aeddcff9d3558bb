"""Admin: the translators' report and its dashboard panel, the search's synonyms."""

from urllib.parse import urlencode

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import locales, printing
from .admin_policies import OnlyTheseActions
from .dashboard import CapsPanel, MissedSearchesPanel, ReviewDuePanel, TranslationsPanel
from .models import MissedSearch, SearchSynonym
from .views import (
    FeedbackReportView,
    PrintMaterialReportView,
    TranslationReportView,
    feedback_pages,
)


@hooks.register("after_create_page")
def show_new_pages_in_every_language(request, page):
    """A new German page of the office appears in the other languages at once (as an alias)."""
    locales.alias_new_page(page)


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path(
            "buero/reports/translations/",
            TranslationReportView.as_view(),
            name="buero_translation_report",
        ),
        path("buero/reports/feedback/", FeedbackReportView.as_view(), name="buero_feedback_report"),
        path(
            "buero/reports/print-material/",
            PrintMaterialReportView.as_view(),
            name="buero_print_material_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        "Übersetzungsstand", reverse("buero_translation_report"), icon_name="globe", order=700
    )


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend([CapsPanel(), ReviewDuePanel(), TranslationsPanel(), MissedSearchesPanel()])


class SearchSynonymCreateView(CreateView):
    """Starts with the word from "Gesucht, aber nicht gefunden" (``?suchwort=``)."""

    def get_initial(self):
        return {**super().get_initial(), "term": self.request.GET.get("suchwort", "")[:80]}


class SearchSynonymViewSet(SnippetViewSet):
    """Suchbegriffe: the words people type, and what the search looks for instead."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Suchbegriffe"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "means"]
    search_fields = ["term", "means"]
    add_view_class = SearchSynonymCreateView


synonyms = SearchSynonymViewSet()
register_snippet(synonyms)


class MissedSearchIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm("buero.add_searchsynonym"):
            query = urlencode({"locale": instance.language, "suchwort": instance.term})
            buttons.insert(
                0,
                ListingButton(
                    "Als Suchbegriff anlegen",
                    f"{reverse(synonyms.get_url_name('add'))}?{query}",
                    icon_name="search",
                    priority=5,
                ),
            )
        return buttons


class MissedSearchViewSet(ModelViewSet):
    """Gesucht, aber nicht gefunden: what visitors looked for in vain, per month and language."""

    model = MissedSearch
    name = "buero_missed_searches"
    url_prefix = "buero/missed-searches"
    icon = "search"
    menu_label = "Gesucht, aber nicht gefunden"
    add_to_admin_menu = False
    list_display = ["term", "language", "month", "count"]
    list_filter = ["language", "month"]
    search_fields = ["term"]
    form_fields = []  # nothing to edit: the counts come from the search
    index_view_class = MissedSearchIndexView
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def permission_policy(self):
        return OnlyTheseActions(self.model, ("view", "delete"))


missed_searches = MissedSearchViewSet()


@hooks.register("register_admin_viewset")
def register_missed_searches():
    return missed_searches


@hooks.register("register_reports_menu_item")
def register_missed_searches_menu_item():
    return MissedSearchesMenuItem(
        "Gesucht, aber nicht gefunden",
        reverse("buero_missed_searches:index"),
        icon_name="search",
        order=710,
    )


class MissedSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("buero.view_missedsearch")


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return feedback_pages(request.user) != []


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackMenuItem(
        "Rückmeldungen", reverse("buero_feedback_report"), icon_name="help", order=720
    )


@hooks.register("register_reports_menu_item")
def register_print_material_menu_item():
    return MenuItem(
        "Druckmaterial", reverse("buero_print_material_report"), icon_name="doc-full", order=730
    )


#: The buttons' labels in the page's action menu, per kind of print material.
PRINT_BUTTON_LABELS = {
    printing.POSTER: "Plakat drucken",
    printing.FLYER: "Flyer drucken",
    printing.SHEET: "Infoblatt drucken",
}


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def print_material_buttons(page, user, view_name=None, next_url=None):
    """ "Plakat drucken", "Flyer drucken", "Infoblatt drucken" in the page's language, and
    the report with every language and the posters in two languages."""
    kinds = getattr(page.specific_class, "print_kinds", ())
    if not kinds or not page.live or page.url is None:
        return
    attrs = {"target": "_blank", "rel": "noopener"}
    for position, kind in enumerate(kinds):
        yield Button(
            PRINT_BUTTON_LABELS[kind],
            f"{page.url}{printing.route(kind)}",
            icon_name="doc-full",
            attrs=attrs,
            priority=80 + position,
        )
    label = (
        "Plakat in zwei Sprachen …" if printing.POSTER in kinds else "In anderen Sprachen drucken …"
    )
    yield Button(
        label,
        f"{reverse('buero_print_material_report')}?seite={page.pk}",
        icon_name="globe",
        priority=80 + len(kinds),
    )


@hooks.register("construct_page_action_menu")
def one_unpublish_button(menu_items, request, context):
    """ "Veröffentlichung aufheben" stands in the page's "…" menu at the top; a second one
    beside "Veröffentlichen" at the bottom is one click away from taking a page offline."""
    menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]
