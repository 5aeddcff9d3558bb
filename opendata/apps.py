from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Open data for other systems: the HSDS 3.0 API, the dates as JSON and as an embeddable
    widget for the municipal portal, and Atom feeds (issue 14)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    label = "buero_opendata"
    verbose_name = "Offene Daten"
