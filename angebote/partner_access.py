"""What a partner organisation's editors may do: their partner page and the pages it runs.

Wagtail grants page permissions along the page tree, but a partner's offers live under the
offer index and its consultation hours under the dates page, next to everybody else's. So a
partner group holds its permissions on its own ``PartnerPage`` only, and pages linked to that
partner (an offer's providers, a consultation hour's host, a course's provider) let the same
group edit them too. Publishing is never granted: partners submit to the office's workflow.
"""

from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, get_page_models

from buero.editor_groups import admin_access, grant_page_actions

from .models import PartnerPage

# The pages' side, which the page models import (the migrations name PartnerLinkedPage here).
from .partner_links import (  # noqa: F401
    PARTNER_ACTIONS,
    PartnerLinkedPage,
    PartnerPermissionTester,
)

GROUP_PREFIX = "Netzwerkpartner – "


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
    if not user.is_active:
        return PartnerPage.objects.none()
    return PartnerPage.objects.filter(
        pk__in=GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page"
        ).values("page_id")
    )


def pages_managed_by(user):
    """The partner pages of the user's partner groups and every page linked to them."""
    partners = list(partner_pages_of(user))
    pages = list(partners)
    for model in get_page_models():
        if issubclass(model, PartnerLinkedPage) and not model._meta.abstract:
            pages += model.linked_to(partners).filter(
                locale_id__in=[partner.locale_id for partner in partners]
            )
    return pages
