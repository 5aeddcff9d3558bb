"""Admin: topics and target groups as snippets with search and a language filter."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import TargetGroup, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Themen"
    list_display = ["name", "slug", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = "Zielgruppen"
    list_display = ["name", "slug", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (TopicViewSet, TargetGroupViewSet)
    menu_icon = "tag"
    menu_label = "Themen und Zielgruppen"
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
