"""The admin's "Passwort vergessen?" with limits: each request sends an e-mail, so without
them anyone could fill an editor's inbox, or the mail server's quota, from a script.

Wagtail's view, mounted in its place (buero_site/urls.py), answers every request with the
same neutral page, whether a link was sent, the account is unknown or a limit was reached:
the page never tells whether an address has an account or is being limited.
"""

from django.http import HttpResponseRedirect
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from buero.limits import NOTIFICATION_EMAILS
from buero.visitors import over_limit

#: Reset requests per hour from one address, and for one e-mail address from anywhere.
RATE_LIMIT = 3
RATE_WINDOW = 3600
SCOPE = "admin:password-reset"


class CappedPasswordResetForm(PasswordResetForm):
    """Sends a link only while the hourly cap of e-mails that visitors cause allows it."""

    def send_mail(self, *args, **kwargs):
        if NOTIFICATION_EMAILS.take():
            super().send_mail(*args, **kwargs)


class RateLimitedPasswordResetView(PasswordResetView):
    def get_form_class(self):
        return CappedPasswordResetForm

    def form_valid(self, form):
        by_address = over_limit(self.request, SCOPE, RATE_LIMIT, RATE_WINDOW)
        by_account = over_limit(
            self.request, SCOPE, RATE_LIMIT, RATE_WINDOW, account=form.cleaned_data["email"]
        )
        if by_address or by_account:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
