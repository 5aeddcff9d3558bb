"""Admin: topics and target groups as snippets, flat page listings, the partners' panel."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import page_tree
from home.sections import HOME_SECTIONS

from .dashboard import HelpCheckPanel, PartnerPagesPanel
from .models import HelpCheckPage, OfferPage, PartnerPage, TargetGroup, Topic


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


class OfferListingViewSet(PageListingViewSet):
    """All offers in one list, with the date each was last checked (sortable)."""

    model = OfferPage
    icon = "help"
    menu_label = "Alle Hilfsangebote"
    name = "offer_pages"
    columns = [*PageListingViewSet.columns, REVIEWED_COLUMN]


class PartnerListingViewSet(PageListingViewSet):
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
