from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from buero import locales


class Command(BaseCommand):
    help = (
        "Create a Wagtail locale for every language in WAGTAIL_CONTENT_LANGUAGES and show each "
        "German page of the office's section in every other language as an alias (German text "
        "with a notice) until it is translated. Touches nothing outside the office's section "
        "but the section's parents, which each language needs; says what it will do and asks."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask."
        )

    def handle(self, *args, interactive=True, **options):
        try:
            Locale.get_default()
        except Locale.DoesNotExist as error:
            raise CommandError(
                "The site's default language (LANGUAGE_CODE) has no Wagtail locale. If the "
                "site's pages were made in another language (wagtail start uses en-us), change "
                "that locale's language to German in the admin under Einstellungen → "
                "Gebietsschemata (docs/integration.md, step 6)."
            ) from error
        plan = locales.plan()
        if not plan:
            self.stdout.write("Nothing to do: every language has its locale and every page.")
            return
        if plan.new_languages:
            self.stdout.write(f"Locales to create: {', '.join(plan.new_languages)}")
        if plan.aliases:
            pages = {page.pk for page, _code in plan.aliases}
            self.stdout.write(
                f"Pages of the office's section to show in other languages (as aliases): "
                f"{len(pages)} pages, {len(plan.aliases)} aliases"
            )
        if plan.parents:
            titles = ", ".join(sorted(f"„{page.title}“" for page in plan.parents))
            self.stdout.write(f"Pages above the section that get aliases as well: {titles}")
        if interactive and input("Continue? [y/N] ").strip().lower() not in {"y", "j", "yes", "ja"}:
            raise CommandError("Nothing changed.")
        count = locales.apply(plan)
        self.stdout.write(f"Created {len(plan.new_languages)} locales and {count} aliases.")
