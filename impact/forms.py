"""The tally's form: one screen, and for a partner's editor only the partner's own hours."""

from wagtail.admin.forms import WagtailAdminModelForm

from .models import ConversationKind
from .permissions import partner_hours


class ConversationForm(WagtailAdminModelForm):
    """Wagtail's model form; ``for_user`` decides which kinds and hours are offered."""

    def __init__(self, *args, sees_every_row=True, **kwargs):
        super().__init__(*args, **kwargs)
        if sees_every_row or self.for_user is None:
            return
        hours = partner_hours(self.for_user)
        kind = self.fields["kind"]
        kind.choices = [
            (value, label)
            for value, label in kind.choices
            if value == ConversationKind.PARTNER_HOUR
        ]
        hour = self.fields["hour"]
        hour.queryset = hours
        hour.required = True
        if not self.instance.pk:
            self.initial["kind"] = ConversationKind.PARTNER_HOUR
            if len(hours) == 1:
                self.initial["hour"] = hours[0].pk
