"""Editor panels of the events app."""

from wagtail.admin.panels import Panel


class RequestDetailsPanel(Panel):
    """An appointment request as the counsellor reads it: who, how to reach them, when and in
    which language, with German labels and Berlin time, above the field for its status."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "buero_events/admin/request_details_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["details"] = self.instance.details()
            return context
