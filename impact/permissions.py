"""Who records and sees tallied conversations.

The group "Beratung" and the office's administrators by Django's model permissions, every
row. A network partner's editors only for the consultation hours their partner leads
(``ConsultationPage.host``), and only those hours' rows: a partner counts its own hours in the
youth club, and sees nothing of the office's other conversations.
"""

from django.conf import settings

from angebote.partner_access import partner_pages_of
from buero.admin_policies import OnlyTheseActions
from events.models import ConsultationPage


def partner_hours(user):
    """The (German) consultation hours led by a partner whose editor ``user`` is."""
    return ConsultationPage.objects.filter(
        host__in=partner_pages_of(user), locale__language_code=settings.LANGUAGE_CODE
    )


class ConversationPolicy(OnlyTheseActions):
    """Model permissions for the office; a partner's own hours for its editors."""

    def _office_may(self, user, actions):
        """Django's model permissions (the group "Beratung", administrators)."""
        return any(
            action in self.actions and user.has_perm(self._get_permission_name(action))
            for action in actions
        )

    def _partner_may(self, user, actions):
        return bool(self.actions.intersection(actions)) and partner_hours(user).exists()

    def sees_every_row(self, user):
        return self._office_may(user, self.actions)

    def user_has_permission(self, user, action):
        return self._office_may(user, [action]) or self._partner_may(user, {action})

    def user_has_any_permission(self, user, actions):
        return self._office_may(user, actions) or self._partner_may(user, set(actions))

    def user_has_permission_for_instance(self, user, action, instance):
        if self._office_may(user, [action]):
            return True
        return self._partner_may(user, {action}) and (
            partner_hours(user).filter(pk=instance.hour_id).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        rows = self.model._default_manager.all()
        if self._office_may(user, actions):
            return rows
        if not self._partner_may(user, set(actions)):
            return rows.none()
        return rows.filter(hour__in=partner_hours(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
