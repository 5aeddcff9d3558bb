from django.apps import AppConfig


class BueroConfig(AppConfig):
    """What the office's apps share: the base page, the office's entry page and info pages,
    the page tree, search, print, feedback, offline and read-aloud, the office's settings."""

    name = "buero"
    label = "buero"
    verbose_name = "Offenes Büro"
    default_auto_field = "django.db.models.BigAutoField"
    #: buero_load_demo imports this app's demo module.
    has_demo_content = True

    def ready(self):
        from . import content_generation, date_input, facts, signals  # noqa: F401
        from .search import documents

        content_generation.connect_signals()
        date_input.register()
        facts.connect_signals()
        documents.connect_signals()  # after the facts: a publish writes them through first
