from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Consultation hours and training courses for professionals."""

    name = "events"
    #: load_demo_content imports this app's demo module.
    has_demo_content = True
    verbose_name = "Sprechstunden und Weiterbildungen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from . import encryption, signals

        signals.connect()
        checks.register(encryption.check_keys)
