from django.apps import AppConfig


class AngeboteConfig(AppConfig):
    """Help offers and network partners."""

    name = "angebote"
    verbose_name = "Hilfsangebote und Netzwerk"
    default_auto_field = "django.db.models.BigAutoField"
