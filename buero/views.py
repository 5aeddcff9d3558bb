"""Admin views of the home app."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail import views as wagtail_views
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, get_page_models

from . import feedback, page_tree, printing, translation_status
from .dashboard import rows_editable_by
from .editor_groups import managed_pages
from .models import PageFeedback
from .translation_status import Status


class TranslationReportFilter(forms.Form):
    locale = forms.ChoiceField(label="Sprache", required=False)
    status = forms.ChoiceField(
        label="Stand",
        required=False,
        choices=[("", "Alle"), ("needs_work", "Zu erledigen"), *Status.choices],
    )

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].choices = [("", "Alle Sprachen")] + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per German page and language: missing, draft, outdated or current, with what to do."""

    template_name = "buero/admin/translation_report.html"
    page_title = "Übersetzungsstand"
    header_icon = "globe"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": "", "label": "Übersetzungsstand"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = translation_status.target_locales()
        form = TranslationReportFilter(self.request.GET or None, locales=locales)
        chosen, wanted = locales, None
        if form.is_valid():
            code = form.cleaned_data["locale"]
            chosen = [locale for locale in locales if locale.language_code == code] or locales
            wanted = form.cleaned_data["status"] or None
        rows = rows_editable_by(self.request.user, translation_status.overview(locales=chosen))
        if wanted:
            statuses = translation_status.NEEDS_WORK if wanted == "needs_work" else (wanted,)
            rows = [row for row in rows if any(cell.status in statuses for cell in row.cells)]
        for row in rows:
            row.edit_url = reverse("wagtailadmin_pages:edit", args=[row.source.pk])
            row.translate_url = reverse(
                "wagtail_localize:submit_page_translation", args=[row.source.pk]
            )
            for cell in row.cells:
                cell.edit_url = (
                    reverse("wagtailadmin_pages:edit", args=[cell.translation.pk])
                    if cell.translation is not None and not cell.translation.alias_of_id
                    else None
                )
        context.update(form=form, locales=chosen, rows=rows, Status=Status)
        return context


def serve(request, path):
    """Wagtail's page view, routed through the page tree snapshot: an optional speed-up.

    Wagtail walks a URL one page at a time, two queries per level; the snapshot finds the
    page at once and loads only that one (buero.page_tree). Wagtail's view does the rest
    (view restrictions, hooks, serving) unchanged; it keeps the route it finds on the
    request, as its docs for ``Page.route_for_request`` describe. Where the snapshot finds
    nothing (a 404, a page created a moment ago), Wagtail routes as it always does. CSRF is
    the middleware's, as for Wagtail's own view; the forms without a token post to
    ``buero.form_posts``.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        route = page_tree.current().route(request, path)
        if route is not None:
            request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


def feedback_pages(user):
    """The pages whose feedback ``user`` may read: all (None) for the office (permission
    "view Rückmeldungen"), else the pages the user looks after, a partner organisation's
    own pages for its editors (editor_groups.managed_pages), which may be none."""
    if user.has_perm("buero.view_pagefeedback"):
        return None
    return managed_pages(user)


class FeedbackReportView(WagtailAdminTemplateMixin, TemplateView):
    """Rückmeldungen: per page the share of "Ja", the reasons for "Nein", the newest notes."""

    template_name = "buero/admin/feedback_report.html"
    page_title = "Rückmeldungen"
    header_icon = "help"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": "", "label": "Rückmeldungen"},
    ]

    def dispatch(self, request, *args, **kwargs):
        visible = feedback_pages(request.user)
        if visible is not None and not visible:
            raise PermissionDenied
        self.visible = visible
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ids = (
            [page.pk for page in self.visible]
            if self.visible is not None
            else PageFeedback.objects.values("page_id")
        )
        pages = Page.objects.filter(pk__in=ids).select_related("locale")
        figures = feedback.summary(pages)
        rows = [(page, figures[page.pk]) for page in pages.order_by("title") if page.pk in figures]
        rows.sort(key=lambda row: (row[1]["share"], -row[1]["no"]))
        context["rows"] = rows
        return context


def printable_page_types():
    """The page types that offer print material (buero.printing)."""
    return [model for model in get_page_models() if getattr(model, "print_kinds", ())]


class PrintMaterialReportView(WagtailAdminTemplateMixin, TemplateView):
    """Druckmaterial: every poster, flyer and take-away sheet, per language, ready to print.

    A language without a translation of the page prints the German text with the same
    notice the page shows; the report says so, so that the office can translate first.
    """

    template_name = "buero/admin/print_material_report.html"
    page_title = "Druckmaterial"
    header_icon = "doc-full"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": "", "label": "Druckmaterial"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        models = printable_page_types()
        pages = (
            page_tree.current()
            .public(Page.objects.type(*models))
            .filter(locale=Locale.get_default(), alias_of__isnull=True)
            .order_by("path")
        )
        chosen = self.request.GET.get("seite", "")
        if chosen.isdigit():
            source = Page.objects.filter(pk=chosen).first()
            pages = pages.filter(translation_key=source.translation_key if source else None)
        rows = rows_editable_by(self.request.user, translation_status.overview(pages=pages))
        for row in rows:
            kinds = row.source.specific_class.print_kinds
            row.edit_url = reverse("wagtailadmin_pages:edit", args=[row.source.pk])
            row.german = [
                (printing.KINDS[kind][0], f"{row.source.url}{printing.route(kind)}")
                for kind in kinds
            ]
            for cell in row.cells:
                page = (
                    cell.translation
                    if cell.translation is not None and cell.translation.live
                    else None
                )
                base = (page or row.source).url
                cell.translated = cell.status != Status.MISSING
                cell.links = [
                    (printing.KINDS[kind][0], f"{base}{printing.route(kind)}") for kind in kinds
                ]
                if printing.POSTER in kinds:
                    cell.bilingual = f"{row.source.url}{printing.route(printing.POSTER, cell.locale.language_code)}"
        context.update(rows=rows, locales=translation_status.target_locales(), Status=Status)
        return context
