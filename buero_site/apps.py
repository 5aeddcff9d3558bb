from django.apps import AppConfig


class BueroSiteConfig(AppConfig):
    """The host project: templates, static files, the page cache, the demo administrator."""

    name = "buero_site"
    verbose_name = "Offenes Büro (Website)"

    def ready(self):
        from .page_cache import connect_signals

        connect_signals()
