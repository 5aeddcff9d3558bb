"""Site-level admin hooks: the two-factor code form that works with current django-otp."""

from django.urls import path
from wagtail import hooks

from .two_factor import TwoFactorLoginView


@hooks.register("register_admin_urls")
def register_two_factor_login():
    # Same path as wagtail-2fa's own view; this app's hooks run first, so this one answers.
    return [path("2fa/auth", TwoFactorLoginView.as_view(), name="wagtail_2fa_auth")]
