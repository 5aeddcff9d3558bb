"""Two-factor login with wagtail-2fa on a current django-otp, for everyone who can read
personal data, set up in person by an office administrator.

django-otp 1.7.2 stopped trying every device of a user when no device is chosen (that throttled
devices the person never used); wagtail-2fa's code form has no device choice, so every code
was refused. Editors here have TOTP apps only: the form uses the person's one confirmed device,
and with several it asks them to keep one (the office removes the others under "2FA").
"""

import django_otp
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView
from django_otp import devices_for_user
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.middleware import VerifyUserMiddleware
from wagtail_2fa.utils import (
    delete_unconfirmed_devices,
    get_unconfirmed_device,
    new_unconfirmed_device,
)
from wagtail_2fa.views import LoginView

from buero import printing


class SingleDeviceTokenForm(TokenForm):
    def _chosen_device(self, user):
        chosen = super()._chosen_device(user)
        if chosen is not None:
            return chosen
        devices = list(devices_for_user(user, confirmed=True))
        return devices[0] if len(devices) == 1 else None


class TwoFactorLoginView(LoginView):
    form_class = SingleDeviceTokenForm


def needs_second_factor(user):
    """Whoever can read personal data logs in with a second factor: superusers, the group
    "Beratung" (appointment requests), and any group given "enable_2fa"."""
    return (
        user.is_superuser
        or user.has_perms(["wagtailadmin.enable_2fa"])
        or (user.has_perm("buero_events.view_appointmentrequest"))
    )


def may_enrol_others(user):
    """Office administrators set up the second factor of other people, in person."""
    return user.is_superuser or user.has_perm("auth.change_user")


class SecondFactorMiddleware(VerifyUserMiddleware):
    """wagtail-2fa's check, with two holes closed (WAGTAIL_2FA_REQUIRED on):

    - everyone who ``needs_second_factor`` must confirm one before any admin page, not only
      groups given "enable_2fa" (the group "Beratung" had none);
    - nobody adds their first device with the password alone: someone who has none is sent
      to a page that says an office administrator sets it up with them. Adding a further
      device needs the current one (wagtail-2fa asks for it as for every page).
    """

    _allowed_url_names = [*VerifyUserMiddleware._allowed_url_names, "second_factor_missing"]
    _allowed_url_names_no_device = []

    def process_request(self, request):
        response = super().process_request(request)
        # wagtail-2fa's menu item ("2FA") reads this.
        request.user.enable_2fa = needs_second_factor(request.user)
        if response is not None and response.url.startswith(reverse("wagtail_2fa_device_new")):
            return redirect("second_factor_missing")
        return response

    def _require_verified_user(self, request):
        if not super()._require_verified_user(request):
            return False
        return django_otp.user_has_device(request.user, confirmed=True) or needs_second_factor(
            request.user
        )


class SecondFactorMissingView(WagtailAdminTemplateMixin, TemplateView):
    """Where someone lands who needs a second factor and has none yet."""

    template_name = "buero_site/second_factor_missing.html"
    page_title = "Zweiter Faktor fehlt"
    header_icon = "warning"


class EnrolForm(forms.Form):
    otp_token = forms.CharField(
        label="Code aus der App",
        max_length=8,
        help_text="Die sechs Ziffern, die die App nach dem Scannen zeigt.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError("Der Code stimmt nicht. Bitte den aktuellen Code eingeben.")
        return token


class EnrolForUserView(WagtailAdminTemplateMixin, FormView):
    """An office administrator sets up a person's authenticator app with them: the QR code
    of a new device, then the code the app shows. The administrator has confirmed their own
    second factor to get here (SecondFactorMiddleware)."""

    template_name = "buero_site/second_factor_enrol.html"
    form_class = EnrolForm
    header_icon = "key"

    def dispatch(self, request, user_id):
        if not may_enrol_others(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        return super().dispatch(request, user_id)

    def get_page_title(self):
        return f"Zweiten Faktor einrichten: {self.person.get_username()}"

    @cached_property
    def device(self):
        device = None if self.request.method == "GET" else get_unconfirmed_device(self.person)
        return device or new_unconfirmed_device(self.person)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.person, qr=printing.qr_svg(self.device.config_url, ""))
        return context

    def form_valid(self, form):
        self.device.name = "Authenticator-App"
        self.device.confirmed = True
        self.device.save()
        delete_unconfirmed_devices(self.person)
        messages.success(
            self.request, f"Der zweite Faktor für {self.person.get_username()} ist eingerichtet."
        )
        return redirect("wagtailusers_users:index")
