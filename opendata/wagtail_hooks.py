"""The app's addresses in the plugin's URLconf, and the admin page "Einbetten" under
Einstellungen with the code for other sites."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from buero.sections import FEED_LINKS, LANGUAGE_URLS, URLS

from .embed import EmbedCodeView, may_embed
from .feeds import FEEDS


@hooks.register(URLS)
def register_api_urls():
    """The APIs, without a language in the path (/api/hsds/, /api/termine.json)."""
    return [path("", include("opendata.urls"))]


@hooks.register(LANGUAGE_URLS)
def register_language_urls():
    """The feeds and the dates widget of each language (/de/feeds/angebote/)."""
    return [path("", include("opendata.language_urls"))]


@hooks.register("register_admin_urls")
def register_embed_url():
    return [path("buero/einbetten/", EmbedCodeView.as_view(), name="buero_embed_codes")]


class EmbedMenuItem(MenuItem):
    def is_shown(self, request):
        return may_embed(request.user)


@hooks.register("register_settings_menu_item")
def register_embed_menu_item():
    return EmbedMenuItem("Einbetten", reverse("buero_embed_codes"), icon_name="code", order=900)


@hooks.register(FEED_LINKS)
def register_feed_links():
    """The Atom feeds, linked from every page's <head> (buero_tags.feed_links)."""
    return FEEDS
