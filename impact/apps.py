from django.apps import AppConfig


class ImpactConfig(AppConfig):
    """The conversation tally for the office's yearly report to its funder, and the site's
    figures as daily totals (impact.counting)."""

    name = "impact"
    label = "buero_impact"
    verbose_name = "Statistik"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from buero import figures

        from . import counting, middleware

        # What the plugin's apps count where it happens (a help check, a request) comes here.
        figures.counted.connect(counting.receive, dispatch_uid="buero_impact_counting")
        checks.register(middleware.check_middleware)
