from django.core.management.base import BaseCommand
from django.db import transaction

from buero.demo_translation import extract

from .buero_load_demo import demo_modules


class Command(BaseCommand):
    help = (
        "Write the German texts of the translated demo objects into each app's "
        "demo_translations/<language>.po, keeping existing translations (for developers)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for label, module in demo_modules():
            count = extract(label, module.translatable_objects())
            self.stdout.write(f"{label}: {count} strings")
