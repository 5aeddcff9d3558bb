"""Admin start page panel for a partner organisation's editors: their own pages."""

from wagtail.models import get_page_models

from home.dashboard import DashboardPanel, Item, edit_url

from .partner_access import PartnerLinkedPage, partner_pages_of


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
        partners = list(partner_pages_of(request.user))
        pages = list(partners)
        for model in get_page_models():
            if issubclass(model, PartnerLinkedPage) and not model._meta.abstract:
                pages += model.linked_to(partners).filter(
                    locale_id__in=[p.locale_id for p in partners]
                )
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
