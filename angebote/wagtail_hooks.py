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

from buero import editor_groups, page_tree
from buero.dashboard import can_publish
from buero.sections import EMPTY_RESULTS_SECTIONS, HOME_SECTIONS, OFFICE_PAGE_TYPES

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
    menu_name = "buero_taxonomy"


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
    name = "buero_offer_pages"
    url_prefix = "buero/offers"
    columns = [*PageListingViewSet.columns, REVIEWED_COLUMN]


class PartnerListingViewSet(PageListingViewSet):
    index_view_class = ManagedPagesIndexView
    model = PartnerPage
    icon = "group"
    menu_label = "Alle Netzwerkpartner"
    name = "buero_partner_pages"
    url_prefix = "buero/partners"
    columns = [*PageListingViewSet.columns, REVIEWED_COLUMN]


class NetworkListingGroup(ViewSetGroup):
    items = (OfferListingViewSet, PartnerListingViewSet)
    menu_icon = "list-ul"
    menu_label = "Angebote und Netzwerk"
    menu_name = "buero_network"


@hooks.register(OFFICE_PAGE_TYPES)
def office_page_types():
    """What the office's section holds of this app: offers, network, help check, youth page."""
    return [
        "buero_angebote.OfferIndexPage",
        "buero_angebote.PartnerIndexPage",
        "buero_angebote.HelpCheckPage",
        "buero_angebote.YouthPage",
    ]


@hooks.register("register_admin_viewset")
def register_network_listings():
    return NetworkListingGroup()


@hooks.register("construct_homepage_panels")
def add_partner_pages_panel(request, panels):
    panels.extend([PartnerPagesPanel(), HelpCheckPanel()])


@hooks.register(EMPTY_RESULTS_SECTIONS, order=-10)
def help_check_when_nothing_found(page, request):
    """A search or a filter that found nothing: the help check asks instead, in a few
    questions (the office's help check, the nearest one above the page)."""
    tree = page_tree.current()
    node = tree.get(page.pk)
    while node is not None:
        help_check = tree.child_of_type(node, HelpCheckPage)
        if help_check is not None:
            return render_to_string(
                "buero_angebote/includes/help_check_teaser.html", {"help_check": help_check}
            )
        node = tree.parent(node)
    return ""


@hooks.register(HOME_SECTIONS, order=-10)
def help_check_on_home(page, request):
    """ "Welche Hilfe passt zu mir?" as the home page's first action, above the next hour."""
    node = page_tree.current().child_of_type(page, HelpCheckPage)
    if node is None:
        return ""
    return render_to_string("buero_angebote/includes/help_check_teaser.html", {"help_check": node})


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


@hooks.register(editor_groups.MANAGED_PAGES)
def partner_pages_and_the_pages_they_run(user):
    """A partner organisation's editors look after its partner page and the pages it runs:
    they read the feedback on them (buero.views.feedback_pages)."""
    return pages_managed_by(user)


@hooks.register(editor_groups.EDITOR_MODELS_HOOK)
def taxonomy_for_the_office():
    """The office maintains the topics and target groups (buero_setup_groups)."""
    return ["buero_angebote.topic", "buero_angebote.targetgroup"]
