"""Admin start page panels: a partner's own pages, and what the help check is missing."""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from buero.dashboard import DashboardPanel, Item, can_publish, edit_url

from . import benefits
from .models import HelpCheckPage, OfferIndexPage, OfferPage
from .models.choices import help_check_choices
from .partner_access import pages_managed_by, partner_pages_of


class PartnerPagesPanel(DashboardPanel):
    """Partner editors see their partner page and every page it runs, with the review date.

    Their page explorer shows only the partner page, so this list is how they find their
    offers, consultation hours and courses.
    """

    name = "partner_pages"
    heading = "Ihre Seiten"
    order = 90

    def is_shown(self, user):
        return not user.is_superuser and partner_pages_of(user).exists()

    def get_items(self, request):
        pages = pages_managed_by(request.user)
        items = []
        for page in pages:
            reviewed = getattr(page, "last_reviewed", None)
            detail = page._meta.verbose_name
            if reviewed:
                detail += f", zuletzt geprüft am {reviewed:%d.%m.%Y}"
            if page.workflow_in_progress:
                warning = "wartet auf Freigabe"
            elif getattr(page, "review_due", False):
                warning = "bitte prüfen"
            else:
                warning = "Entwurf" if page.has_unpublished_changes else ""
            items.append(Item(page.title, edit_url(page), detail, warning))
        return items


class HelpCheckPanel(DashboardPanel):
    """The help check's yearly figures and the benefits that no live offer page explains.

    Without this year's figures the check uses last year's amounts; without an offer page
    for a benefit, the result cannot say where to apply.
    """

    name = "help_check"
    heading = "Hilfe-Check „Welche Hilfe passt zu mir?“"
    empty_text = "Die Werte für dieses Jahr sind eingetragen, und jede Leistung hat eine Seite."
    order = 120

    def is_shown(self, user):
        return can_publish(user)

    def get_items(self, request):
        items = []
        locale = Locale.get_default()
        year = benefits.today().year
        if not benefits.has_figures_for(year):
            check = HelpCheckPage.objects.filter(locale=locale).first()
            items.append(
                Item(
                    f"Werte für {year} fehlen",
                    edit_url(check) if check else "",
                    "Der Check rechnet mit den Beträgen des Vorjahres. Die Entwicklung trägt "
                    "die neuen Werte in angebote/benefits/figures.py ein (README, „Hilfe-Check“).",
                    "bitte aktualisieren",
                )
            )
        explained = set(
            OfferPage.objects.live()
            .filter(locale=locale)
            .exclude(help_check_benefit="")
            .values_list("help_check_benefit", flat=True)
        )
        offer_index = OfferIndexPage.objects.filter(locale=locale).first()
        add_url = (
            reverse("wagtailadmin_pages:add_subpage", args=[offer_index.pk]) if offer_index else ""
        )
        with translation.override("de"):
            for code, name in help_check_choices():
                if code not in explained:
                    items.append(
                        Item(
                            str(name),
                            add_url,
                            "Keine veröffentlichte Seite erklärt diese Leistung. Bei einem "
                            "Hilfsangebot „Leistung im Hilfe-Check“ wählen.",
                            "fehlt",
                        )
                    )
        return items
