from django.core.management.base import BaseCommand
from django.db import transaction

from buero.editor_groups import setup_groups


class Command(BaseCommand):
    help = (
        "Create or complete the editor groups (Redaktion, Übersetzung) and the workflow "
        "'Freigabe durch das Büro'. Safe to re-run, e.g. after a language got translated pages."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        editors, translators, workflow = setup_groups()
        self.stdout.write(f"Groups: {editors.name}, {translators.name}; workflow: {workflow.name}")
