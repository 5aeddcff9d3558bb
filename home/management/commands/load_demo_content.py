from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail_localize.models import LocaleSynchronization

from home.demo_translation import translate_demo_objects


def demo_modules():
    """(app label, demo module) of every installed app that ships demo content, home first."""
    configs = sorted(apps.get_app_configs(), key=lambda config: config.name != "home")
    return [
        (config.label, import_module(f"{config.name}.demo"))
        for config in configs
        if getattr(config, "has_demo_content", False)
    ]


class Command(BaseCommand):
    help = (
        "Build the demo site (German pages, site settings) and its English, Arabic and "
        "Ukrainian translations. Idempotent: what exists is kept, what is missing is added. "
        "Each installed app contributes through its demo module."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--german-only", action="store_true", help="Skip the shipped translations."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("sync_locales", verbosity=0)
        modules = demo_modules()
        context = {}
        for _label, module in modules:
            created = module.load(context)
            self.stdout.write(f"{module.__name__}: {created} new")
        if options["german_only"]:
            return
        # Every language's tree mirrors the German one (aliases), then translations replace
        # the aliases of the pages that have one.
        for synchronisation in LocaleSynchronization.objects.all():
            synchronisation.sync_trees()
        translated = 0
        for label, module in modules:
            translated += translate_demo_objects(label, module.translatable_objects(), self.stdout)
        self.stdout.write(f"Translations: {translated} new")
