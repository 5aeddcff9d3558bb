"""The help check "Welche Hilfe passt zu mir?": a family's situation in, the benefits out."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from buero import figures
from buero.models import BasePage

from ..help_check import HelpCheckForm, HelpCheckResult

KIZ_LOTSE_URL = (
    "https://www.arbeitsagentur.de/familie-und-kinder/kinderzuschlag-verstehen/kiz-lotse"
)
WOHNGELD_RECHNER_URL = (
    "https://www.bmwsb.bund.de/Webs/BMWSB/DE/themen/stadt-wohnen/wohnraumfoerderung/"
    "wohngeld/wohngeldrechner-2025/wohngeldrechner-2025-node.html"
)


class HelpCheckPage(BasePage):
    """One page of short questions; the answer comes back on the same visit and is never kept.

    The answers are personal (income, pregnancy, illness): they are sent by POST, answered
    with ``Cache-Control: no-store`` and stored nowhere, not in the database, a cookie, the
    page cache or a log. Because nothing is changed or stored, the form needs no CSRF token,
    and so no CSRF cookie: the form posts to ``buero.form_posts`` (see ``accepts_post_without_csrf_token``).
    """

    intro = models.TextField(
        "Einleitung",
        max_length=400,
        blank=True,
        help_text="Zwei, drei Sätze über dem Fragebogen: Was der Check kann, dass er anonym ist "
        "und nichts gespeichert wird.",
    )
    kiz_calculator_url = models.URLField(
        "Link zum KiZ-Lotsen",
        default=KIZ_LOTSE_URL,
        help_text="Der offizielle Rechner der Familienkasse zum Kinderzuschlag. Er wird nur "
        "verlinkt, nie eingebettet.",
    )
    wohngeld_calculator_url = models.URLField(
        "Link zum Wohngeld-Rechner",
        default=WOHNGELD_RECHNER_URL,
        help_text="Der offizielle Wohngeld-Rechner des Bundes. Bitte prüfen, ob der Link jedes "
        "Jahr noch stimmt.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("kiz_calculator_url"), FieldPanel("wohngeld_calculator_url")],
            heading="Offizielle Rechner",
        ),
    ]

    parent_page_types = ["buero.OfficePage"]
    subpage_types = []
    # One per language tree; its translations are made by wagtail-localize.
    max_count = 1
    search_label = _("Help check")
    accepts_post_without_csrf_token = True

    class Meta:
        verbose_name = "Hilfe-Check"
        verbose_name_plural = "Hilfe-Checks"

    @path("")
    @method_decorator(sensitive_post_parameters())
    def help_check(self, request):
        # sensitive_post_parameters: an error report (a 500 mailed to the admins) shows no answer.
        if request.method != "POST":
            return self._respond(request, form=HelpCheckForm(self.locale_id))
        form = HelpCheckForm(self.locale_id, request.POST)
        if form.is_valid():
            result = HelpCheckResult(self, request, form)
            count_completed(result.assessments)
            response = self._respond(
                request, "buero_angebote/help_check_result.html", form=form, result=result
            )
        else:
            response = self._respond(request, form=form)
        # The answers are in this response: no cache, no proxy, no browser history copy.
        add_never_cache_headers(response)
        return response

    def _respond(self, request, template=None, **context):
        context = {**self.get_context(request), **context}
        return TemplateResponse(request, template or self.get_template(request), context)


def count_completed(assessments):
    """A completed check, and per benefit the level that came out (buero.figures): numbers
    of the day and language, never the answers or anything that links them."""
    language = get_language()
    figures.count(figures.HELP_CHECK, language)
    for assessment in assessments:
        figures.count(
            figures.HELP_CHECK_RESULT, language, f"{assessment.benefit}:{assessment.level}"
        )
