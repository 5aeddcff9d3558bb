"""Admin: the translators' report and its dashboard panel, the search's synonyms."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import ReviewDuePanel, TranslationsPanel
from .models import SearchSynonym
from .views import TranslationReportView


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path(
            "reports/translations/",
            TranslationReportView.as_view(),
            name="translation_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        "Übersetzungsstand", reverse("translation_report"), icon_name="globe", order=700
    )


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend([ReviewDuePanel(), TranslationsPanel()])


class SearchSynonymViewSet(SnippetViewSet):
    """Suchbegriffe: the words people type, and what the search looks for instead."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Suchbegriffe"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "means"]
    search_fields = ["term", "means"]


register_snippet(SearchSynonymViewSet)
