"""The admin views of the conversation tally: each user's own rows, fixed a week after they
were recorded."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView


class OwnRowsMixin:
    """Rows only where the policy allows them (a partner's editors: their hours' rows)."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change", "delete"]
        )


class PartnerFormMixin:
    """The form knows whether its user records for the office or for a partner's hours."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["sees_every_row"] = self.permission_policy.sees_every_row(self.request.user)
        return kwargs


class RowViewMixin:
    """A row someone may not see is not there for them (404, not a hint that it exists)."""

    row_action = "view"

    def dispatch(self, request, *args, **kwargs):
        conversation = self.get_object()
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, self.row_action, conversation
        ):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class FixedRowsMixin(RowViewMixin):
    """A fixed row opens nowhere for changes: the list says why instead."""

    def dispatch(self, request, *args, **kwargs):
        conversation = self.get_object()
        if conversation.is_fixed:
            messages.error(
                request,
                f"„{conversation}“ ist älter als eine Woche und kann nicht mehr geändert "
                "werden: Die Zahlen des Berichts sollen sich nicht im Nachhinein verschieben.",
            )
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class ConversationIndexView(OwnRowsMixin, IndexView):
    """Wagtail's listing, of the rows the user may see."""


class ConversationCreateView(PartnerFormMixin, CreateView):
    """Wagtail's create view; a partner's editor records for the partner's own hours."""


class ConversationEditView(PartnerFormMixin, FixedRowsMixin, EditView):
    """Wagtail's edit view, for rows recorded in the last week."""

    row_action = "change"


class ConversationDeleteView(FixedRowsMixin, DeleteView):
    """Wagtail's delete view, for rows recorded in the last week: a mistyped row goes, a
    counted one stays."""

    row_action = "delete"


class ConversationHistoryView(RowViewMixin, HistoryView):
    """A row's history, for those who may see the row."""
