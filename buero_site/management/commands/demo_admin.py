import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile

USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Create the demo administrator with a password generated on the first run and kept "
        "in the git-ignored file .demo-admin-password; print how to log in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url, **options):
        user_model = get_user_model()
        password_file = Path(
            getattr(
                settings, "DEMO_ADMIN_PASSWORD_FILE", settings.BASE_DIR / ".demo-admin-password"
            )
        )
        password = password_file.read_text().strip() if password_file.exists() else ""
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None or not password:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
            if user is None:
                user = user_model.objects.create_superuser(
                    USERNAME, "admin@example.org", password, first_name="Demo", last_name="Admin"
                )
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            # The editors' admin speaks German.
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "de"
            profile.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"\n  Admin:     {url}\n  Benutzer:  {USERNAME}\n  Passwort:  {password}"
                f"   (aus {password_file.name})\n"
            )
        )
