from django.core.management.base import BaseCommand

from buero_site.page_cache import purge


class Command(BaseCommand):
    help = "Make every cached public page stale, e.g. after an update changed templates."

    def handle(self, *args, **options):
        purge()
        self.stdout.write("Seiten-Cache geleert.")
