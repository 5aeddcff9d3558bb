"""Admin: the page "Einbetten" under Einstellungen, with the code for other sites."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .embed import EmbedCodeView, may_embed


@hooks.register("register_admin_urls")
def register_embed_url():
    return [path("einbetten/", EmbedCodeView.as_view(), name="opendata_embed_codes")]


class EmbedMenuItem(MenuItem):
    def is_shown(self, request):
        return may_embed(request.user)


@hooks.register("register_settings_menu_item")
def register_embed_menu_item():
    return EmbedMenuItem("Einbetten", reverse("opendata_embed_codes"), icon_name="code", order=900)
