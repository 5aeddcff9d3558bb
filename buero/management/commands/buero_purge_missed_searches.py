import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from buero.models import MissedSearch, PendingSearch


class Command(BaseCommand):
    help = (
        f"Delete the counts of searches without results after {MissedSearch.KEEP_DAYS} days, "
        f"and those of terms not kept yet after {PendingSearch.KEEP_DAYS} days (run daily, see "
        "docs/betrieb.md)."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        kept_since = today - datetime.timedelta(days=MissedSearch.KEEP_DAYS)
        deleted, _ = MissedSearch.objects.filter(month__lte=kept_since).delete()
        pending_since = today - datetime.timedelta(days=PendingSearch.KEEP_DAYS)
        pending, _ = PendingSearch.objects.filter(first_day__lte=pending_since).delete()
        self.stdout.write(
            f"{deleted} count(s) of searches without results deleted, "
            f"{pending} of terms not kept yet"
        )
