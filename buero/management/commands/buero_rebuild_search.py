from django.core.management.base import BaseCommand

from buero.search import documents


class Command(BaseCommand):
    help = (
        "Write the search's documents of every public page anew, in every language, and drop "
        "the words no page has any more (after a deploy that changes the text analysis or the "
        "page types' search fields, and after loading content in bulk; see docs/betrieb.md). "
        "Idempotent; changes to pages are indexed when they are saved, without this."
    )

    def handle(self, *args, **options):
        written = documents.rebuild()
        self.stdout.write(f"Search: {written} page(s) indexed")
