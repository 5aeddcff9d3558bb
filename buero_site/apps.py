from django.apps import AppConfig


class BueroSiteConfig(AppConfig):
    """The host project: its templates, static files and the demo administrator command."""

    name = "buero_site"
    verbose_name = "Offenes Büro (Website)"
