from django.apps import AppConfig


class AngeboteConfig(AppConfig):
    """Help offers and network partners."""

    name = "angebote"
    label = "buero_angebote"
    #: buero_load_demo imports this app's demo module.
    has_demo_content = True
    #: Saving or deleting the app's objects can change public pages (buero.content_generation).
    public_content = True
    verbose_name = "Hilfsangebote und Netzwerk"
    default_auto_field = "django.db.models.BigAutoField"
