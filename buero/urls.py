"""The plugin's own addresses, for a host site's URLconf: ``path("", include("buero.urls"))``.

Outside Wagtail's page tree: the endpoint for the forms that send no CSRF token, and what the
apps register through hooks (the opendata app's APIs, feeds and dates widget). Addresses that
belong to a language (``/de/feeds/angebote/``) always start with it, whether or not the host's
own pages carry a language prefix.
"""

from django.urls import URLResolver, path
from wagtail import hooks

from . import form_posts
from .languages import LanguagePrefix
from .sections import LANGUAGE_URLS, URLS


def registered(hook_name):
    return [pattern for hook in hooks.get_hooks(hook_name) for pattern in hook()]


urlpatterns = [
    path("buero/formular/<int:page_id>/", form_posts.receive, name="buero_form_post"),
    *registered(URLS),
    URLResolver(LanguagePrefix(), registered(LANGUAGE_URLS)),
]
