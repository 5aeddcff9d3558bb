"""Editor panels of the buero app."""

from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.models import Locale

from . import translation_status
from .search.models import SearchSynonym


class TranslationStatusPanel(Panel):
    """The page's translations and whether each is on the German page's current state."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "buero/admin/translation_status_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            default = Locale.get_default()
            source = self.instance
            if source.locale_id != default.pk:
                source = source.get_translation_or_none(default)
            rows = translation_status.overview(pages=[source]) if source and source.live else []
            cells = rows[0].cells if rows else []
            for cell in cells:
                cell.edit_url = (
                    reverse("wagtailadmin_pages:edit", args=[cell.translation.pk])
                    if cell.translation is not None and not cell.translation.alias_of_id
                    else None
                )
            context.update(
                source=source,
                cells=cells,
                is_source=source is not None and source.pk == self.instance.pk,
                translate_url=reverse("wagtail_localize:submit_page_translation", args=[source.pk])
                if source
                else None,
                report_url=reverse("buero_translation_report"),
            )
            return context


class SearchTermsPanel(Panel):
    """The Suchbegriffe a visitor finds this page by, each with the page's place among the
    results: what to add when a family's word does not lead here."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "buero/admin/search_terms_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.live and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["found_by"] = self.instance.search_terms_finding()
            context["add_url"] = reverse(SearchSynonym.snippet_viewset.get_url_name("add"))
            context["list_url"] = reverse(SearchSynonym.snippet_viewset.get_url_name("list"))
            return context


class FeedbackPanel(Panel):
    """ "Hat Ihnen diese Seite geholfen?" for this page: the share of "Ja", reasons, notes."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "buero/admin/feedback_panel.html"

        def is_shown(self):
            return (
                bool(self.instance.pk)
                and getattr(self.instance, "collects_feedback", False)
                and super().is_shown()
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["figures"] = self.instance.feedback_figures()
            context["report_url"] = reverse("buero_feedback_report")
            return context
