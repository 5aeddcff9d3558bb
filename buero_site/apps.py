from django.apps import AppConfig


class BueroSiteConfig(AppConfig):
    """The host project: templates, static files, the page cache, the demo administrator."""

    name = "buero_site"
    verbose_name = "Offenes Büro (Website)"
