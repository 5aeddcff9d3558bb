from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Build the demo site (German pages, site settings). Idempotent: what exists is kept, "
        "what is missing is added. Each installed app contributes through its demo module."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("sync_locales", verbosity=0)
        # home first: every other app hangs its pages below the home page.
        configs = sorted(apps.get_app_configs(), key=lambda config: config.name != "home")
        context = {}
        for config in configs:
            if getattr(config, "has_demo_content", False):
                module = import_module(f"{config.name}.demo")
                created = module.load(context)
                self.stdout.write(f"{config.verbose_name}: {created} new")
