"""Admin: topics and target groups as snippets, flat page listings, the partners' panel."""

from django.shortcuts import redirect
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import page_tree
from home.dashboard import can_publish
from home.sections import HOME_SECTIONS

from .dashboard import HelpCheckPanel, PartnerPagesPanel
from .models import HelpCheckPage, OfferPage, PartnerPage, TargetGroup, Topic
from .partner_access import pages_managed_by, partner_pages_of


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Themen"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = "Zielgruppen"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (TopicViewSet, TargetGroupViewSet)
    menu_icon = "tag"
    menu_label = "Themen und Zielgruppen"
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


REVIEWED_COLUMN = Column("last_reviewed", label="Zuletzt geprüft", sort_key="last_reviewed")


class ManagedPagesIndexView(IndexView):
    """Wagtail lists the pages a user may explore along the tree; a partner's editors may
    also edit the pages their organisation runs elsewhere in the tree, and find them here."""

    def get_base_queryset(self):
        pages = super().get_base_queryset()
        managed = [page.pk for page in pages_managed_by(self.request.user)]
        if not managed:
            return pages
        return pages | self.annotate_queryset(self.model.objects.filter(pk__in=managed))


class OfferListingViewSet(PageListingViewSet):
    """All offers in one list, with the date each was last checked (sortable)."""

    index_view_class = ManagedPagesIndexView
    model = OfferPage
    icon = "help"
    menu_label = "Alle Hilfsangebote"
    name = "offer_pages"
    columns = [*PageListingViewSet.columns, REVIEWED_COLUMN]


class PartnerListingViewSet(PageListingViewSet):
    index_view_class = ManagedPagesIndexView
    model = PartnerPage
    icon = "group"
    menu_label = "Alle Netzwerkpartner"
    name = "partner_pages"
    columns = [*PageListingViewSet.columns, REVIEWED_COLUMN]


class NetworkListingGroup(ViewSetGroup):
    items = (OfferListingViewSet, PartnerListingViewSet)
    menu_icon = "list-ul"
    menu_label = "Angebote und Netzwerk"
    menu_name = "network"


@hooks.register("register_admin_viewset")
def register_network_listings():
    return NetworkListingGroup()


@hooks.register("construct_homepage_panels")
def add_partner_pages_panel(request, panels):
    panels.extend([PartnerPagesPanel(), HelpCheckPanel()])


@hooks.register(HOME_SECTIONS, order=-10)
def help_check_on_home(page, request):
    """ "Welche Hilfe passt zu mir?" as the home page's first action, above the next hour."""
    node = page_tree.current().child_of_type(page, HelpCheckPage)
    if node is None:
        return ""
    return render_to_string("angebote/includes/help_check_teaser.html", {"help_check": node})


#: Actions of the page editor after which Wagtail leaves for the parent page's listing.
LEAVING_ACTIONS = ("action-submit", "action-restart-workflow", "action-publish")


@hooks.register("after_edit_page")
def return_partners_to_their_pages(request, page):
    """After "Zur Freigabe einreichen", Wagtail shows the parent page's listing, which a
    partner's editors may not see (an empty list, or one of the office's pages). Whoever
    cannot publish the page returns to the dashboard instead: it lists their pages with
    "wartet auf Freigabe"."""
    if not any(action in request.POST for action in LEAVING_ACTIONS) or request.GET.get("next"):
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    return redirect("wagtailadmin_home")


@hooks.register("construct_page_chooser_queryset")
def partners_choose_among_their_own_and_public_pages(pages, request):
    """A partner's editors link their own pages and what every visitor sees anyway; the
    chooser does not show them private pages or other partners' drafts."""
    user = request.user
    if can_publish(user) or not partner_pages_of(user).exists():
        return pages
    own = [page.pk for page in pages_managed_by(user)]
    return pages.filter(pk__in=own) | page_tree.current().public(pages)
