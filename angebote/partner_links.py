"""Pages that a network partner runs, and the permissions its editors have on them.

A page type that a partner runs mixes in ``PartnerLinkedPage`` and names the field that
links the partner; the partner's editor group, which holds its permissions on its own
``PartnerPage`` (angebote.partner_access), may then edit the page too. The page models
import this module; the groups and who belongs to them are angebote.partner_access's.
"""

from wagtail.models import PagePermissionTester
from wagtail.permissions import page_permission_policy

#: What a partner group may do on its own pages; never "publish".
PARTNER_ACTIONS = ("change",)


class PartnerPermissionTester(PagePermissionTester):
    """Page permissions plus those the user holds on the partner pages this page is run by."""

    def __init__(self, user, page):
        super().__init__(user, page)
        # The office already has these rights along the tree; only partners need the lookup
        # (which costs a query, and the explorer builds a tester for every row).
        if (
            user.is_active
            and not user.is_superuser
            and not self.permissions >= set(PARTNER_ACTIONS)
        ):
            partner_paths = [partner.path for partner in page.linked_partners()]
            for grant in page_permission_policy.get_cached_permissions_for_user(user):
                action = grant.permission.codename.rsplit("_", maxsplit=1)[0]
                if action in PARTNER_ACTIONS and grant.page.path in partner_paths:
                    self.permissions.add(action)


class PartnerLinkedPage:
    """Mixin for pages that a network partner runs and may therefore edit.

    ``partner_field`` names the field that links the partner (a foreign key or a
    many-to-many field to ``PartnerPage``).
    """

    partner_field = ""

    def linked_partners(self):
        """The partner pages whose editors may edit this page."""
        field = self._meta.get_field(self.partner_field)
        if field.many_to_many:
            return list(getattr(self, self.partner_field).all())
        partner = getattr(self, self.partner_field)
        return [partner] if partner is not None else []

    @classmethod
    def linked_to(cls, partners):
        """The pages of this type that the given partners run."""
        return cls.objects.filter(**{f"{cls.partner_field}__in": partners}).distinct()

    def permissions_for_user(self, user):
        return PartnerPermissionTester(user, self)
