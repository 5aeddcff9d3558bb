"""Two-factor login with wagtail-2fa on a current django-otp.

django-otp 1.7.2 stopped trying every device of a user when no device is chosen (that throttled
devices the person never used); wagtail-2fa's code form has no device choice, so every code
was refused. Editors here have TOTP apps only: the form uses the person's one confirmed device,
and with several it asks them to keep one (the office removes the others under "2FA").
"""

from django_otp import devices_for_user
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.views import LoginView


class SingleDeviceTokenForm(TokenForm):
    def _chosen_device(self, user):
        chosen = super()._chosen_device(user)
        if chosen is not None:
            return chosen
        devices = list(devices_for_user(user, confirmed=True))
        return devices[0] if len(devices) == 1 else None


class TwoFactorLoginView(LoginView):
    form_class = SingleDeviceTokenForm
