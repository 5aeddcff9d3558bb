from django.core.management.base import BaseCommand

from events.models import AppointmentRequest
from events.models.requests import KEEP_DAYS, KEEP_DAYS_AFTER_DONE


class Command(BaseCommand):
    help = (
        f"Delete appointment requests {KEEP_DAYS} days after they came in, or "
        f"{KEEP_DAYS_AFTER_DONE} days after they were marked done (run daily, see docs/betrieb.md)."
    )

    def handle(self, *args, **options):
        deleted, _ = AppointmentRequest.objects.expired().delete()
        self.stdout.write(f"{deleted} appointment request(s) deleted")
