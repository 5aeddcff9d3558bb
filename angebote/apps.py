from django.apps import AppConfig


class AngeboteConfig(AppConfig):
    """Help offers and network partners."""

    name = "angebote"
    #: load_demo_content imports this app's demo module.
    has_demo_content = True
    verbose_name = "Hilfsangebote und Netzwerk"
    default_auto_field = "django.db.models.BigAutoField"
