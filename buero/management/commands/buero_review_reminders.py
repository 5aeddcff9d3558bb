from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from buero.reviews import due_pages_by_group, recipients


class Command(BaseCommand):
    help = (
        "List the offers, partners and courses not reviewed for 12 months, per editor group "
        "(Redaktion: everything; each Netzwerkpartner group: its own pages). With --email, "
        "each group's members get their list by e-mail. Meant as a monthly cron job."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", action="store_true", help="E-mail each group its list.")

    def handle(self, *args, email=False, **options):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        by_group = due_pages_by_group()
        if not by_group:
            self.stdout.write("Nichts zu prüfen: alles wurde im letzten Jahr geprüft.")
        for group, pages in by_group.items():
            lines = [
                f"- {page.title} ({page._meta.verbose_name}), zuletzt geprüft am "
                f"{page.last_reviewed:%d.%m.%Y}: "
                f"{base}{reverse('wagtailadmin_pages:edit', args=[page.pk])}"
                for page in pages
            ]
            text = "\n".join(lines)
            self.stdout.write(f"{group.name} ({len(pages)}):\n{text}\n")
            if email and (to := recipients(group)):
                send_mail(
                    f"Bitte prüfen: {len(pages)} Seiten im Offenen Büro",
                    "Diese Seiten wurden seit über einem Jahr nicht geprüft. Bitte prüfen Sie, "
                    "ob alles noch stimmt, und setzen Sie dann „Zuletzt geprüft am“ auf heute.\n\n"
                    + text,
                    None,
                    to,
                )
