"""Re-encrypt every encrypted field with the newest key (events/encryption.py).

Key rotation: put the new key first in BUERO_FIELD_ENCRYPTION_KEYS and keep the old ones after it,
restart the site, run this command, then remove the old keys. Running it again is harmless.
"""

from django.core.management.base import BaseCommand

from events.encryption import encrypted_fields, rotate


class Command(BaseCommand):
    help = (
        "Re-encrypt the values of every EncryptedTextField of all installed models with the "
        "first (newest) key in BUERO_FIELD_ENCRYPTION_KEYS, so that the older keys can be removed "
        "afterwards. Prints how many rows of each model were re-encrypted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Rows re-encrypted per transaction (default 500).",
        )

    def handle(self, *args, batch_size, **options):
        found = encrypted_fields()
        if not found:
            self.stdout.write("No installed model has an EncryptedTextField; nothing to do.")
            return
        total = 0
        for model, names in found:
            count = rotate(model._base_manager.all(), names, batch_size=batch_size)
            total += count
            self.stdout.write(
                f"{model._meta.label} ({', '.join(names)}): {count} rows re-encrypted"
            )
        self.stdout.write(self.style.SUCCESS(f"{total} rows re-encrypted with the newest key."))
