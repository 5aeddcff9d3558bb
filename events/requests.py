"""The appointment request form and what happens around it: abuse limits, the withdrawal link,
the note to the counsellors. Nothing here writes a log line or keeps an address.
"""

import unicodedata

from cryptography.fernet import InvalidToken
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from angebote.models import Topic
from angebote.models.choices import SPOKEN_LANGUAGES
from angebote.models.taxonomy import localized
from buero import figures
from buero.editor_groups import COUNSELLORS
from buero.limits import NOTIFICATION_EMAILS, Cap
from buero.visitors import over_limit

from .encryption import fernet
from .models.requests import WEEKDAY_CODES, AppointmentRequest, ContactMethod, TimeOfDay

#: Requests one client may send per hour; the count is kept under a keyed hash of the
#: address, never the address.
RATE_LIMIT = 5
RATE_WINDOW = 3600
#: Requests from everyone together per hour (setting BUERO_APPOINTMENT_REQUESTS_PER_HOUR): many
#: addresses at once must not fill the list and the counsellors' inboxes.
APPOINTMENT_REQUESTS = Cap(
    "appointment-requests",
    "BUERO_APPOINTMENT_REQUESTS_PER_HOUR",
    20,
    "Terminanfragen",
    hint="Wer danach eine Anfrage schickte, bekam „Bitte versuchen Sie es später noch einmal“.",
    url_name="buero_appointment_requests:index",
    permission="buero_events.view_appointmentrequest",
)
#: A person needs a few seconds for the form; a script does not. Older than this, the form
#: asks to be sent again (its time stamp is signed).
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 2 * 3600
SIGNING_SALT = "events.appointment-request"
#: How long the thank-you page still shows the withdrawal link (reload, Back and Forward
#: within this time); later it only says thank you.
THANKS_SECONDS = 30 * 60
#: Inside the encrypted thank-you token, so that no other Fernet token of the site (an
#: encrypted contact in the database) is ever taken for one.
THANKS_PREFIX = "thanks:"


class AppointmentRequestForm(forms.Form):
    """The fields of a request, nothing more: no free text (health and debts belong in the
    conversation, not in a form)."""

    topic = forms.ChoiceField(label=_("What is it about?"), required=False)
    contact_method = forms.ChoiceField(
        label=_("How can we reach you?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
    )
    contact = forms.CharField(
        label=_("Your phone number or e-mail address"),
        max_length=120,
        required=False,
        help_text=_("Only if we should call or write to you."),
    )
    name = forms.CharField(
        label=_("Your name or initials (optional)"),
        max_length=60,
        required=False,
        help_text=_("So that we know whom to ask for on the phone."),
    )
    preferred_days = forms.MultipleChoiceField(
        label=_("Which days suit you?"),
        choices=WEEKDAY_CODES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    preferred_times = forms.MultipleChoiceField(
        label=_("Which times of day suit you?"),
        choices=TimeOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    conversation_language = forms.ChoiceField(
        label=_("In which language shall we talk?"), choices=SPOKEN_LANGUAGES
    )
    interpreter_language = forms.ChoiceField(
        label=_("Do you need an interpreter?"),
        choices=[("", pgettext_lazy("interpreter", "No")), *SPOKEN_LANGUAGES],
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy note. The office may use my details to arrange an appointment."
        ),
    )
    # A field people never see: a script that fills in everything gives itself away.
    leave_empty = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, locale_id, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.topics = localized(Topic, locale_id)
        self.fields["topic"].choices = [
            ("", _("I would rather say it in person")),
            *[(topic.slug, topic.name) for topic in self.topics],
        ]
        self.fields["conversation_language"].initial = translation.get_language()
        if not self.is_bound:
            self.initial["started"] = signing.TimestampSigner(salt=SIGNING_SALT).sign(
                str(int(timezone.now().timestamp()))
            )

    def restart_clock(self):
        """A form shown again gets a new time stamp: one left open too long can be sent."""
        self.data = self.data.copy()
        self.data["started"] = signing.TimestampSigner(salt=SIGNING_SALT).sign(
            str(int(timezone.now().timestamp()))
        )

    @property
    def is_spam(self):
        return bool(self.data.get("leave_empty"))

    def clean_started(self):
        signer = signing.TimestampSigner(salt=SIGNING_SALT)
        try:
            started = int(signer.unsign(self.cleaned_data["started"], max_age=MAX_FILL_SECONDS))
        except (signing.BadSignature, ValueError) as error:
            raise forms.ValidationError(
                _("The form was open for a long time. Please check your answers and send it again.")
            ) from error
        if timezone.now().timestamp() - started < MIN_FILL_SECONDS:
            raise forms.ValidationError(_("Please check your answers and send the form again."))
        return started

    def clean(self):
        data = super().clean()
        method, contact = data.get("contact_method"), (data.get("contact") or "").strip()
        if method == ContactMethod.PHONE:
            # Persian and Arabic keyboards type their own digits: store the number in 0–9.
            contact = "".join(
                str(unicodedata.digit(character)) if character.isdigit() else character
                for character in contact
            )
            digits = [character for character in contact if character.isdigit()]
            if not 6 <= len(digits) <= 20 or any(c not in "0123456789+ /-()" for c in contact):
                self.add_error(
                    "contact", _("Please enter a phone number, for example 0170 1234567.")
                )
        elif method == ContactMethod.EMAIL:
            try:
                validate_email(contact)
            except forms.ValidationError:
                self.add_error(
                    "contact",
                    _("Please enter an e-mail address, for example name@example.org."),
                )
        # "I will call you myself": no number is kept, even if one was typed.
        data["contact"] = "" if method == ContactMethod.CALL_SELF else contact
        return data

    def create_request(self, language):
        data = self.cleaned_data
        topic = next((topic for topic in self.topics if topic.slug == data["topic"]), None)
        appointment = AppointmentRequest(
            language=language,
            topic=topic,
            contact_method=data["contact_method"],
            contact=data["contact"],
            name=data["name"].strip(),
            preferred_days=data["preferred_days"],
            preferred_times=data["preferred_times"],
            conversation_language=data["conversation_language"],
            interpreter_language=data["interpreter_language"],
        )
        token = appointment.new_withdraw_token()
        appointment.save()
        # A mail server that fails must not cost the visitor the confirmation page.
        transaction.on_commit(notify_counsellors, robust=True)
        return token


def notify_counsellors():
    """One e-mail to the group "Beratung": that a request came in, and where; nothing else."""
    recipients = list(
        Group.objects.filter(name=COUNSELLORS)
        .values_list("user__email", flat=True)
        .exclude(user__email="")
        .exclude(user__email__isnull=True)
    )
    if not recipients:
        return
    if not NOTIFICATION_EMAILS.take():
        return  # the request is in the list all the same; the start page says so
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("buero_appointment_requests:index")
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(
            "Neue Terminanfrage",
            f"Eine neue Terminanfrage ist eingegangen:\n{url}\n",
            None,
            recipients,
        )


def _private(response):
    """Never in the page cache, a proxy or the browser's history cache."""
    add_never_cache_headers(response)
    return response


def _limited(request, context):
    """ "Please try again later", for one visitor's limit or everyone's (``busy``)."""
    response = TemplateResponse(
        request, "buero_events/appointment_request_limited.html", context, status=429
    )
    response["Retry-After"] = str(RATE_WINDOW)
    return _private(response)


def handle_request_form(page, request):
    context = page.get_context(request)
    if request.method == "POST":
        form = AppointmentRequestForm(page.locale_id, request.POST)
        if form.is_spam:
            # Looks like success to a script; nothing is stored.
            return _see_thanks(page)
        if form.is_valid():
            # Only complete requests count: a family correcting a typo is never locked out.
            if over_limit(request, "events:appointment-requests", RATE_LIMIT, RATE_WINDOW):
                return _limited(request, context)
            if not APPOINTMENT_REQUESTS.take():
                return _limited(request, {**context, "busy": True})
            language = page.locale.language_code
            withdraw_token = form.create_request(language)
            figures.count(figures.APPOINTMENT_REQUEST, language)
            return _see_thanks(page, withdraw_token)
        form.restart_clock()
    else:
        form = AppointmentRequestForm(page.locale_id)
    context["form"] = form
    return _private(TemplateResponse(request, page.get_template(request), context))


class HttpResponseSeeOther(HttpResponseRedirect):
    """303: the browser follows with a GET and keeps no POST in its history."""

    status_code = 303


def thanks_token(withdraw_token):
    """The thank-you URL's only parameter: the withdrawal token, encrypted and time-stamped.

    Why this way: after the POST the browser must GET a page of its own (Post/Redirect/Get),
    and that page must still show the one-time withdrawal link. A session or a cookie would
    give every visitor a cookie; the bare token in the URL would stay readable in the
    browser's history for as long as the request exists. The Fernet token (the site's
    BUERO_FIELD_ENCRYPTION_KEYS) says nothing to whoever reads it and is refused after
    THANKS_SECONDS, so an old history entry on a shared phone opens a plain "thank you".
    Neither the access log (paths only) nor the page cache (the page is private and
    no-store) keeps it, and the URL holds no name, contact or id.
    """
    return fernet().encrypt((THANKS_PREFIX + withdraw_token).encode()).decode()


def withdraw_token_from(thanks):
    """The withdrawal token inside a thank-you token, or "" if it is forged or too old."""
    try:
        text = fernet().decrypt(thanks[:400].encode(), ttl=THANKS_SECONDS).decode()
    except (InvalidToken, UnicodeError):
        return ""
    return text.removeprefix(THANKS_PREFIX) if text.startswith(THANKS_PREFIX) else ""


def _see_thanks(page, withdraw_token=""):
    url = page.url + page.reverse_subpage("thanks")
    if withdraw_token:
        url += "?" + urlencode({"t": thanks_token(withdraw_token)})
    return _private(HttpResponseSeeOther(url))


def handle_thanks(page, request):
    """The answer to a sent request, reached by a GET: reloading it stores nothing."""
    context = page.get_context(request)
    token = withdraw_token_from(request.GET.get("t", ""))
    if token:
        withdraw = page.url + page.reverse_subpage("withdraw")
        context["withdraw_url"] = f"{withdraw}?{urlencode({'token': token})}"
    return _private(
        TemplateResponse(request, "buero_events/appointment_request_done.html", context)
    )


def handle_withdraw(page, request):
    """The one-time link: its token comes in the query string (access logs keep paths, not
    queries) and in the confirming POST."""
    context = page.get_context(request)
    token = (request.POST.get("token") or request.GET.get("token") or "")[:100]
    found = AppointmentRequest.objects.filter(
        withdraw_token_hash=AppointmentRequest.hash_token(token)
    )
    if request.method == "POST":
        context["withdrawn"] = bool(token and found.delete()[0])
    context["exists"] = context.get("withdrawn") or (bool(token) and found.exists())
    context["token"] = token
    status = 200 if context["exists"] else 404
    return _private(
        TemplateResponse(
            request, "buero_events/appointment_request_withdraw.html", context, status=status
        )
    )
