"""Statistik: the report page, its CSV, the yearly report ("Jahresbericht") and the dashboard
panel. Who sees what:

- the office's administrators (superusers) see exact figures on the report page;
- the counsellors (group "Beratung", who tally the conversations) see it with small numbers
  hidden (impact.suppression);
- every other editor (the office's editors, translators, partners' editors) sees nothing:
  no menu item, no panel, 403.

The CSV and the yearly report leave the office: small numbers are always hidden there.
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from buero import conf
from buero.models import OfficeSettings

from . import aggregates, charts, exports, periods
from .suppression import THRESHOLD

REFERRALS = "vermittlungen"


def sees_statistics(user):
    """The office's administrators and the counsellors who tally the conversations."""
    return user.is_active and (user.is_superuser or user.has_perm("buero_impact.view_conversation"))


def sees_exact_figures(user):
    """Only the office's administrators see numbers below 3."""
    return user.is_active and user.is_superuser


def office_name(request):
    site = Site.find_for_request(request)
    settings = OfficeSettings.objects.filter(site=site).first() if site else None
    settings = settings or OfficeSettings.objects.order_by("pk").first()
    return settings.name if settings else conf.office_name()


def with_charts(shown_tables):
    """Each shown table with its chart (inline SVG) where it has one."""
    for shown in shown_tables:
        shown.svg = (
            charts.bar_chart(
                shown.bars(),
                labelled_by=f"diagramm-{shown.key}",
            )
            if shown.chart
            else ""
        )
    return shown_tables


def shown_report(report, *, exact):
    tally = with_charts([aggregates.present(t, exact=exact) for t in report.tally])
    return {
        "tally": tally,
        "tally_without_referrals": [shown for shown in tally if shown.key != REFERRALS],
        "referrals": next((shown for shown in tally if shown.key == REFERRALS), None),
        "site": with_charts([aggregates.present(t, exact=exact) for t in report.site]),
        "conversations": (
            aggregates.german_number(report.conversations)
            if exact or report.conversations >= THRESHOLD
            else "< 3"
        ),
    }


class StatisticsAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not sees_statistics(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StatisticsView(StatisticsAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Statistik: the period's tally and site figures as tables and charts."""

    template_name = "buero_impact/statistics.html"
    page_title = "Statistik"
    header_icon = "table"
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": "", "label": "Statistik"},
    ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = periods.PeriodForm(self.request.GET)
        exact = sees_exact_figures(self.request.user)
        context.update(
            form=form,
            exact=exact,
            shortcuts=[
                (label, f"?{urlencode(period.query())}") for label, period in periods.shortcuts()
            ],
        )
        if form.is_valid():
            period = form.period
            report = aggregates.report(period)
            query = urlencode(period.query())
            context.update(
                period=period,
                report=report,
                csv_url=f"{reverse('buero_statistics_csv')}?{query}",
                annual_report_url=f"{reverse('buero_statistics_annual_report')}?{query}",
                **shown_report(report, exact=exact),
            )
        return context


def period_or_error(request):
    """(period, None) or (None, a 400 answer in German)."""
    form = periods.PeriodForm(request.GET)
    if form.is_valid():
        return form.period, None
    text = "Der Zeitraum stimmt nicht:\n" + "\n".join(periods.errors_in_words(form))
    return None, HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


def statistics_csv(request):
    """The report as CSV, small numbers hidden."""
    if not sees_statistics(request.user):
        raise PermissionDenied
    period, error = period_or_error(request)
    if error:
        return error
    report = aggregates.report(period)
    response = HttpResponse(
        exports.csv_bytes(report, office_name(request), timezone.localdate()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.csv_filename(report)}"'
    return response


def annual_report(request):
    """Jahresbericht: the period's figures for the funder, printable on A4, small numbers
    hidden (it leaves the office)."""
    if not sees_statistics(request.user):
        raise PermissionDenied
    form = periods.PeriodForm(request.GET)
    context = {"office_name": office_name(request), "created": timezone.localdate()}
    if not form.is_valid():
        context["errors"] = periods.errors_in_words(form)
        return render(request, "buero_impact/annual_report.html", context, status=400)
    report = aggregates.report(form.period)
    context.update(
        period=form.period,
        report=report,
        back_url=f"{reverse('buero_statistics')}?{urlencode(form.period.query())}",
        **shown_report(report, exact=False),
    )
    return render(request, "buero_impact/annual_report.html", context)


class StatisticsPanel(Component):
    """The dashboard: this month so far against last month."""

    name = "buero_statistics"
    order = 90
    template_name = "buero_impact/statistics_panel.html"

    def render_html(self, parent_context=None):
        if not sees_statistics(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        exact = sees_exact_figures(user)
        current = periods.this_month()
        previous = periods.previous_month(current)
        now, before = aggregates.key_figures(current, previous)

        def text(value):
            return aggregates.german_number(value) if exact or value >= THRESHOLD else "< 3"

        return {
            "current": current,
            "previous": previous,
            "rows": [(label, text(now[label]), text(before[label])) for label in now],
            "exact": exact,
            "url": reverse("buero_statistics"),
            "month_url": f"{reverse('buero_statistics')}?{urlencode(current.query())}",
        }
