"""What a partner organisation's editors may do: their partner page and the pages it runs.

Wagtail grants page permissions along the page tree, but a partner's offers live under the
offer index and its consultation hours under the dates page, next to everybody else's. So a
partner group holds its permissions on its own ``PartnerPage`` only, and pages linked to that
partner (an offer's providers, a consultation hour's host, a course's provider) let the same
group edit them too. Publishing is never granted: partners submit to the office's workflow.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PagePermissionTester
from wagtail.permissions import page_permission_policy

from home.editor_groups import admin_access, grant_page_actions

GROUP_PREFIX = "Netzwerkpartner – "
#: What a partner group may do on its own pages; never "publish".
PARTNER_ACTIONS = ("change",)


def partner_group_name(partner):
    return f"{GROUP_PREFIX}{partner.title}"[:150]


def setup_partner_group(partner):
    """Create or complete the editor group of one partner organisation."""
    group = (
        Group.objects.filter(page_permissions__page=partner, name__startswith=GROUP_PREFIX).first()
        or Group.objects.get_or_create(name=partner_group_name(partner))[0]
    )
    group.permissions.add(admin_access())
    grant_page_actions(group, partner, PARTNER_ACTIONS)
    return group


def partner_pages_of(user):
    """The partner pages whose group the user belongs to (by their page permissions)."""
    from .models import PartnerPage

    if not user.is_active:
        return PartnerPage.objects.none()
    return PartnerPage.objects.filter(
        pk__in=GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page"
        ).values("page_id")
    )


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


def pages_managed_by(user):
    """The partner pages of the user's partner groups and every page linked to them."""
    from wagtail.models import get_page_models

    partners = list(partner_pages_of(user))
    pages = list(partners)
    for model in get_page_models():
        if issubclass(model, PartnerLinkedPage) and not model._meta.abstract:
            pages += model.linked_to(partners).filter(
                locale_id__in=[partner.locale_id for partner in partners]
            )
    return pages
