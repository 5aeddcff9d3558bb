from django.core.management.base import BaseCommand

from impact.models import Conversation


class Command(BaseCommand):
    help = (
        "Delete tallied conversations older than BUERO_TALLY_KEEP_YEARS (default 3). Run "
        "daily (docs/betrieb.md)."
    )

    def handle(self, *args, **options):
        deleted, _ = Conversation.objects.expired().delete()
        self.stdout.write(f"{deleted} conversation rows deleted.")
