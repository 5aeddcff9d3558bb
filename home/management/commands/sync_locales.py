from django.core.management.base import BaseCommand
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization


class Command(BaseCommand):
    help = (
        "Create a Wagtail locale for every content language in WAGTAIL_CONTENT_LANGUAGES, each "
        "synchronised from the default language: a German page that is not translated yet "
        "appears in every language's tree as an alias, German text with a notice."
    )

    def handle(self, *args, **options):
        default = Locale.get_default()
        for code in get_content_languages():
            locale, created = Locale.objects.get_or_create(language_code=code)
            if created:
                self.stdout.write(f"Created locale {code}")
            if locale != default:
                LocaleSynchronization.objects.get_or_create(
                    locale=locale, defaults={"sync_from": default}
                )
