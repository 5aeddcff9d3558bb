from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from angebote.models import PartnerPage
from angebote.partner_access import setup_partner_group


class Command(BaseCommand):
    help = (
        "Create the editor group of one network partner (by the slug or id of its German "
        "partner page). Its members edit that partner page and the offers, consultation hours "
        "and courses it runs; publishing goes through the office's workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("partner", help="Slug or id of the partner page")

    @transaction.atomic
    def handle(self, *args, partner, **options):
        pages = PartnerPage.objects.filter(locale=Locale.get_default())
        page = pages.filter(pk=partner).first() if partner.isdigit() else None
        page = page or pages.filter(slug=partner).first()
        if page is None:
            raise CommandError(f"No German partner page with slug or id {partner!r}.")
        group = setup_partner_group(page)
        self.stdout.write(
            f"Group {group.name!r}: add the partner's editors to it under Einstellungen → Benutzer."
        )
