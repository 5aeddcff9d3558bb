"""Site-level admin hooks: two-factor login, and its set-up by an office administrator."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from .two_factor import (
    EnrolForUserView,
    SecondFactorMissingView,
    TwoFactorLoginView,
    may_enrol_others,
)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        # Same path as wagtail-2fa's own view; this app's hooks run first, so this one answers.
        path("2fa/auth", TwoFactorLoginView.as_view(), name="wagtail_2fa_auth"),
        path(
            "zweiter-faktor/fehlt/",
            SecondFactorMissingView.as_view(),
            name="second_factor_missing",
        ),
        path(
            "zweiter-faktor/<int:user_id>/",
            EnrolForUserView.as_view(),
            name="second_factor_enrol",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def second_factor_button(user, request_user):
    if may_enrol_others(request_user):
        yield Button(
            "Zweiten Faktor einrichten",
            reverse("second_factor_enrol", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
