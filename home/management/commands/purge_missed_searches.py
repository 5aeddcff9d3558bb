from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.utils import timezone

from home.models import MissedSearch


class Command(BaseCommand):
    help = (
        f"Delete the counts of searches without results older than {MissedSearch.KEEP_MONTHS} "
        "months (run monthly, see docs/betrieb.md)."
    )

    def handle(self, *args, **options):
        first_kept = timezone.localdate().replace(day=1) - relativedelta(
            months=MissedSearch.KEEP_MONTHS - 1
        )
        deleted, _ = MissedSearch.objects.filter(month__lt=first_kept).delete()
        self.stdout.write(f"{deleted} count(s) of searches without results deleted")
