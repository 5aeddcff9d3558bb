"""Content whose yearly review is due, and which editor group should do it."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, get_page_models

from .models import ReviewedMixin


def reviewed_models():
    return [
        model
        for model in get_page_models()
        if issubclass(model, ReviewedMixin) and not model._meta.abstract
    ]


def due_pages(today=None):
    """German pages not reviewed for a year, oldest first."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=ReviewedMixin.REVIEW_INTERVAL_DAYS)
    pages, locale = [], Locale.get_default()
    for model in reviewed_models():
        pages += model.objects.filter(locale=locale, last_reviewed__lt=limit)
    return sorted(pages, key=lambda page: (page.last_reviewed, page.title))


def responsible(page, granted_pages):
    """Does a group with "change" on ``granted_pages`` edit ``page``? Along the tree, or as
    the partner that runs it (see angebote.partner_access)."""
    linked = {partner.pk for partner in getattr(page, "linked_partners", list)()}
    return any(
        page.path.startswith(granted.path) or granted.pk in linked for granted in granted_pages
    )


def due_pages_by_group(today=None):
    """{group: [pages]} for every group with members who may edit some of the due pages."""
    pages = due_pages(today)
    grants = {}
    for grant in (
        GroupPagePermission.objects.filter(
            permission__codename="change_page", group__user__is_active=True
        )
        .distinct()
        .select_related("group", "page")
    ):
        grants.setdefault(grant.group, []).append(grant.page)
    result = {}
    for group in sorted(grants, key=lambda group: group.name):
        mine = [page for page in pages if responsible(page, grants[group])]
        if mine:
            result[group] = mine
    return result


def recipients(group: Group):
    return [user.email for user in group.user_set.filter(is_active=True).exclude(email="")]
