from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Consultation hours and training courses for professionals."""

    name = "events"
    # Distinct from any app a host site may have (a site's own "events", for example).
    label = "buero_events"
    #: buero_load_demo imports this app's demo module.
    has_demo_content = True
    #: Saving or deleting the app's objects can change public pages (buero.content_generation),
    #: except for what visitors send, which no public page shows.
    public_content = True
    private_models = ("appointmentrequest",)
    verbose_name = "Sprechstunden und Weiterbildungen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import encryption, signals

        signals.connect()
        checks.register(encryption.check_keys)
