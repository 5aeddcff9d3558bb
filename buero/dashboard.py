"""Panels on the admin start page: what the office should look at today.

Every app adds its own panels in its ``wagtail_hooks.py``; they share ``DashboardPanel`` and
one template, so each panel only says which items to list and for whom.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from . import limits, translation_status
from .reviews import due_pages
from .search.models import MissedSearch

#: How many items a panel lists before it points to the full list.
PANEL_ITEMS = 10


@dataclass
class Item:
    title: str
    url: str
    detail: str = ""
    warning: str = ""


class DashboardPanel(Component):
    template_name = "buero/admin/dashboard_panel.html"
    name = ""
    heading = ""
    empty_text = ""
    more_url = None
    more_label = ""

    def is_shown(self, user):
        return True

    def get_items(self, request):
        raise NotImplementedError

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        if not self.is_shown(request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(panel=self, items=self.get_items(parent_context["request"]))
        return context


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def can_publish(user):
    return page_permission_policy.user_has_permission(user, "publish")


def editable_by(user, pages):
    """The pages among ``pages`` that ``user`` may open in the editor: a panel never links a
    page that then answers "no access" (a partner sees its own hours, not everybody's)."""
    if can_publish(user):
        return list(pages)
    return [page for page in pages if page.permissions_for_user(user).can_edit()]


def rows_editable_by(user, rows):
    """The rows of a report about pages (``row.source``) whose page ``user`` may edit: a
    partner's editors see their own pages there, not the titles of private or other
    partners' pages."""
    if can_publish(user):
        return rows
    pages = Page.objects.filter(pk__in=[row.source.pk for row in rows]).specific()
    editable = {page.pk for page in editable_by(user, pages)}
    return [row for row in rows if row.source.pk in editable]


class ReviewDuePanel(DashboardPanel):
    """Offers, partners and courses not checked for a year, oldest first."""

    name = "review_due"
    heading = "Seit über 12 Monaten nicht geprüft"
    empty_text = "Alles ist im letzten Jahr geprüft worden."
    order = 110

    def is_shown(self, user):
        return can_publish(user)

    def get_items(self, request):
        return [
            Item(
                page.title,
                edit_url(page),
                f"{page._meta.verbose_name}, zuletzt geprüft am {page.last_reviewed:%d.%m.%Y}",
            )
            for page in due_pages()[:PANEL_ITEMS]
        ]


class TranslationsPanel(DashboardPanel):
    """Per language: how many pages lack a translation or have an outdated one."""

    name = "translations"
    heading = "Übersetzungen: fehlt oder veraltet"
    empty_text = "Alle Seiten sind in allen Sprachen übersetzt und aktuell."
    more_label = "Zum Bericht Übersetzungsstand"
    order = 120

    def is_shown(self, user):
        return user.has_perm("wagtail_localize.submit_translation")

    @property
    def more_url(self):
        return reverse("buero_translation_report") + "?status=needs_work"

    def get_items(self, request):
        items = []
        report = reverse("buero_translation_report")
        for locale, counts in translation_status.summary(translation_status.overview()).items():
            outdated = counts[translation_status.Status.OUTDATED]
            missing = (
                counts[translation_status.Status.MISSING] + counts[translation_status.Status.DRAFT]
            )
            if outdated or missing:
                items.append(
                    Item(
                        locale.get_display_name(),
                        f"{report}?locale={locale.language_code}&status=needs_work",
                        f"{missing} fehlen, {outdated} veraltet",
                        "veraltet" if outdated else "",
                    )
                )
        return items


class MissedSearchesPanel(DashboardPanel):
    """The ten terms searched most often this month without a result: what pages to write."""

    name = "missed_searches"
    heading = "Gesucht, aber nicht gefunden (dieser Monat)"
    empty_text = (
        "In diesem Monat ist noch kein Suchwort ohne Ergebnis gezählt. Ein Suchwort erscheint "
        "erst, wenn es an mindestens zwei Tagen mindestens dreimal nichts gefunden hat."
    )
    more_label = "Alle Monate und Sprachen"
    order = 130

    def is_shown(self, user):
        return user.has_perm("buero.view_missedsearch")

    @property
    def more_url(self):
        return reverse("buero_missed_searches:index")

    def get_items(self, request):
        month = timezone.localdate().replace(day=1)
        rows = MissedSearch.objects.filter(month=month).order_by("-count", "term")[:PANEL_ITEMS]
        return [
            Item(
                row.term,
                f"{reverse('buero_missed_searches:index')}?month={month}",
                f"{row.count}-mal ({row.language})",
            )
            for row in rows
        ]


class CapsPanel(DashboardPanel):
    """An hourly cap for everyone together was reached (buero.limits): the office should know
    that visitors were turned away or e-mails not sent, and look at the lists themselves.
    Shown only then, for a day."""

    name = "caps_reached"
    heading = "Obergrenze pro Stunde erreicht"
    order = 90

    @staticmethod
    def notices(user):
        return [
            notice
            for notice in limits.reached()
            if can_publish(user) or (notice["permission"] and user.has_perm(notice["permission"]))
        ]

    def render_html(self, parent_context=None):
        if not self.notices(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_items(self, request):
        items = []
        for notice in self.notices(request.user):
            start = timezone.localtime(notice["since"])
            count = "" if notice["count"] is None else f"{notice['count']} {notice['refused']}. "
            try:
                url = reverse(notice["url_name"]) if notice["url_name"] else ""
            except NoReverseMatch:
                url = ""
            items.append(
                Item(
                    f"{notice['label']}: mehr als {notice['limit']} in einer Stunde",
                    url,
                    f"Am {start:%d.%m.%Y} von {start:%H} bis {start.hour + 1} Uhr: "
                    f"{count}{notice['hint']}",
                    "Obergrenze",
                )
            )
        return items
