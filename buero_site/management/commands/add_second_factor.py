"""Set up the second factor of the first office administrator, on the server.

Everyone else gets theirs from an office administrator in the admin ("Benutzer" → "Zweiten
Faktor einrichten"); the first one has nobody to ask, so the operator runs this with them.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail_2fa.utils import delete_unconfirmed_devices, new_unconfirmed_device


class Command(BaseCommand):
    help = (
        "Show the QR code of a new authenticator device for USERNAME, ask for the code the "
        "app shows, and confirm the device."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            person = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"Kein Benutzer „{username}“.") from error
        device = new_unconfirmed_device(person)
        self.stdout.write("In der Authenticator-App scannen oder die Adresse eingeben:")
        self.stdout.write(device.config_url)
        token = input("Code aus der App: ").strip()
        if not device.verify_token(token):
            delete_unconfirmed_devices(person)
            raise CommandError("Der Code stimmt nicht; nichts wurde eingerichtet.")
        device.name = "Authenticator-App"
        device.confirmed = True
        device.save()
        self.stdout.write(self.style.SUCCESS(f"Zweiter Faktor für {username} eingerichtet."))
