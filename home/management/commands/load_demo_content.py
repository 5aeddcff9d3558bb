from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from buero.demo import office_page
from home import demo_figures


class Command(BaseCommand):
    help = (
        "The standalone site: the office page as the root of the site that `make run` serves, "
        "with the plugin's demo content and its translations (buero_load_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--german-only", action="store_true", help="Skip the shipped translations."
        )

    @transaction.atomic
    def handle(self, *args, german_only=False, **options):
        office, _created = office_page(Page.get_first_root_node())
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=office, is_default_site=True)
        elif site.root_page.specific_class is Page and not site.root_page.get_children().exists():
            # A new database: Wagtail's "Welcome" page makes way for the office.
            welcome = site.root_page
            site.root_page = office
            site.site_name = "Offenes Büro Tangerhütte"
            # Absolute links (calendar feeds, hreflang, sitemap) point where `make run` serves.
            site.hostname, site.port = "127.0.0.1", 8000
            site.save()
            welcome.delete()
        call_command("buero_load_demo", german_only=german_only, stdout=self.stdout)
        conversations, totals = demo_figures.load()
        self.stdout.write(
            f"home.demo_figures: {conversations} conversations, {totals} daily totals new"
        )
