from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Home page, standard pages, the office's site settings and shared presentation pieces."""

    name = "home"
    verbose_name = "Startseite und Seiten"
    default_auto_field = "django.db.models.BigAutoField"
    #: load_demo_content imports this app's demo module.
    has_demo_content = True

    def ready(self):
        from . import content_generation, date_input, facts, signals  # noqa: F401

        content_generation.connect_signals()
        date_input.register()
        facts.connect_signals()
