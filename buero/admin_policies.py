"""Permission policies for admin views of what visitors send (requests, counts)."""

from wagtail.permission_policies import ModelPermissionPolicy


class OnlyTheseActions(ModelPermissionPolicy):
    """Django's model permissions, limited to ``actions``: what visitors send is read,
    updated or deleted in the admin, never added there."""

    def __init__(self, model, actions, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        allowed = [action for action in actions if action in self.actions]
        return super().user_has_any_permission(user, allowed)
