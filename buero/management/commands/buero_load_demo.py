from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page

from buero.demo import office_page, search_synonyms
from buero.demo_translation import translate_demo_objects
from buero.search import documents


def demo_modules():
    """(app label, demo module) of every installed app that ships demo content, buero first."""
    configs = sorted(apps.get_app_configs(), key=lambda config: config.name != "buero")
    return [
        (config.label, import_module(f"{config.name}.demo"))
        for config in configs
        if getattr(config, "has_demo_content", False)
    ]


class Command(BaseCommand):
    help = (
        "Build the office's demo section (German pages, site settings, Suchbegriffe) and its "
        "translations into every language, below the office page there is, or below a new one under "
        "--parent. Idempotent: what exists is kept, what is missing is added. Each installed "
        "app contributes through its demo module."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            type=int,
            help="The id of the page under which to create the office page, if there is none.",
        )
        parser.add_argument(
            "--german-only", action="store_true", help="Skip the shipped translations."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        # Hundreds of pages: the search indexes them all at once at the end.
        with documents.paused():
            self.load(**options)
        call_command("buero_rebuild_search", stdout=self.stdout)

    def load(self, parent=None, german_only=False, **options):
        parent_page = Page.objects.filter(pk=parent).first() if parent else None
        if parent and parent_page is None:
            raise CommandError(f"There is no page with the id {parent}.")
        if office_page()[0] is None and parent_page is None:
            raise CommandError(
                "There is no office page yet: name the page to put it under with --parent "
                "(its id is in the admin's address when you edit that page)."
            )
        context = {"parent": parent_page}
        modules = demo_modules()
        for _label, module in modules:
            created = module.load(context)
            self.stdout.write(f"{module.__name__}: {created} new")
        if german_only:
            return
        # Every language shows the section (aliases), then translations replace the aliases
        # of the pages that have one.
        call_command("buero_sync_locales", interactive=False, verbosity=0)
        translated = 0
        for label, module in modules:
            translated += translate_demo_objects(label, module.translatable_objects(), self.stdout)
        self.stdout.write(f"Translations: {translated} new")
        self.stdout.write(f"Suchbegriffe in the other languages: {search_synonyms()} new")
