from django.core.management.base import BaseCommand
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale


class Command(BaseCommand):
    help = "Create a Wagtail locale for every content language in WAGTAIL_CONTENT_LANGUAGES."

    def handle(self, *args, **options):
        for code in get_content_languages():
            _locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.stdout.write(f"Created locale {code}")
