from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The standalone site's own app, as `wagtail start` makes one: what a host site already
    has and never installs from the plugin (the office as the site's root, the demo)."""

    name = "home"
    verbose_name = "Eigenständige Website"
    default_auto_field = "django.db.models.BigAutoField"
