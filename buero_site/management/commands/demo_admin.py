import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from angebote.models import PartnerPage
from angebote.partner_access import setup_partner_group

USERNAME = "admin"
PARTNER_USERNAME = "partner"
#: The demo partner whose editor `make run` creates: it runs an offer and a consultation hour.
PARTNER_SLUG = "schuldnerberatung"


def password_file(setting, default_name):
    return Path(getattr(settings, setting, settings.BASE_DIR / default_name))


def demo_user(username, path, create):
    """The demo user and its password, kept in ``path`` across runs.

    A password is generated (and the file written) when the user or the file is new, so a
    re-run prints the same login. ``create(username, password)`` makes a missing user.
    """
    password = path.read_text().strip() if path.exists() else ""
    user = get_user_model().objects.filter(username=username).first()
    if user is not None and password:
        return user, password
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    if user is None:
        user = create(username, password)
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
    # The editors' admin speaks German.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user, password


def create_admin(username, password):
    return get_user_model().objects.create_superuser(
        username, "admin@example.org", password, first_name="Demo", last_name="Admin"
    )


def create_partner(username, password):
    return get_user_model().objects.create_user(
        username, "partner@example.org", password, first_name="Demo", last_name="Partnerin"
    )


class Command(BaseCommand):
    help = (
        "Create the demo administrator and the editor of one demo network partner (group "
        "'Netzwerkpartner – <Name>'), with passwords generated on the first run and kept in "
        "the git-ignored files .demo-admin-password and .demo-partner-password; print how to "
        "log in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    @transaction.atomic
    def handle(self, *args, url, **options):
        path = password_file("DEMO_ADMIN_PASSWORD_FILE", ".demo-admin-password")
        _admin, password = demo_user(USERNAME, path, create_admin)
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Admin:     {url}\n  Benutzer:  {USERNAME}\n  Passwort:  {password}"
                f"   (aus {path.name})\n"
            )
        )
        self.partner_editor()

    def partner_editor(self):
        partner = PartnerPage.objects.filter(locale=Locale.get_default(), slug=PARTNER_SLUG).first()
        if partner is None:
            self.stdout.write(
                f"  Kein Demo-Netzwerkpartner: die Partnerseite {PARTNER_SLUG!r} fehlt "
                "(manage.py load_demo_content).\n"
            )
            return
        group = setup_partner_group(partner)
        path = password_file("DEMO_PARTNER_PASSWORD_FILE", ".demo-partner-password")
        user, password = demo_user(PARTNER_USERNAME, path, create_partner)
        user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"  Partner:   {partner.title}\n  Benutzer:  {PARTNER_USERNAME}"
                f"\n  Passwort:  {password}   (aus {path.name})\n"
            )
        )
