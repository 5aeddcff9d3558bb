from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from buero import editor_groups

from .forms import ConversationForm
from .models import Conversation
from .permissions import ConversationPolicy
from .reports import StatisticsPanel, StatisticsView, annual_report, sees_statistics, statistics_csv
from .views import (
    ConversationCreateView,
    ConversationDeleteView,
    ConversationEditView,
    ConversationHistoryView,
    ConversationIndexView,
)


class ConversationViewSet(ModelViewSet):
    """ "Gespräch erfassen": the counsellors tally a conversation from a phone in seconds;
    only they (and the office's administrators) see the rows, and a partner's editors those
    of the hours their partner leads."""

    model = Conversation
    name = "buero_conversations"
    url_prefix = "buero/gespraeche"
    icon = "clipboard-list"
    menu_label = "Gespräche"
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["day", "kind", "visitor", "language", "interpreter"]
    list_filter = ["kind", "visitor", "language"]
    edit_handler = ObjectList(Conversation.panels, base_form_class=ConversationForm)
    index_view_class = ConversationIndexView
    add_view_class = ConversationCreateView
    edit_view_class = ConversationEditView
    delete_view_class = ConversationDeleteView
    history_view_class = ConversationHistoryView
    inspect_view_enabled = False
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return ConversationPolicy(self.model, ("add", "view", "change", "delete"))


@hooks.register("register_admin_viewset")
def register_conversations():
    return ConversationViewSet()


@hooks.register(editor_groups.COUNSELLOR_PERMISSIONS)
def counsellors_tally_conversations():
    """The group "Beratung" records conversations and corrects them within a week."""
    return [f"buero_impact.{action}_conversation" for action in ("add", "change", "view", "delete")]


@hooks.register("register_admin_urls")
def register_statistics_urls():
    """Statistik: the report, its CSV and the yearly report, under admin/buero/statistik/."""
    return [
        path("buero/statistik/", StatisticsView.as_view(), name="buero_statistics"),
        path("buero/statistik/csv/", statistics_csv, name="buero_statistics_csv"),
        path(
            "buero/statistik/jahresbericht/",
            annual_report,
            name="buero_statistics_annual_report",
        ),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return sees_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        "Statistik",
        reverse("buero_statistics"),
        name="buero-statistik",
        icon_name="table",
        order=165,
    )


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    panels.append(StatisticsPanel())
