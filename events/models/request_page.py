"""The page with the appointment request form ("Termine nach Vereinbarung"). The form and
what follows it are in events.requests, the requests themselves in requests.py."""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from buero import page_tree
from buero.models import BasePage

from ..requests import handle_request_form, handle_thanks, handle_withdraw

PRIVACY_NOTE_TEMPLATE = (
    "VORLAGE – bitte vom Träger vervollständigen. Verantwortlich: [Träger, Anschrift, "
    "Kontakt der oder des Datenschutzbeauftragten]. Zweck: Wir melden uns bei Ihnen, um einen "
    "Beratungstermin zu vereinbaren. Rechtsgrundlage: Art. 6 Abs. 1 lit. e DSGVO in Verbindung "
    "mit dem Datenschutzgesetz Sachsen-Anhalt und dem SGB VIII. Ihre Anfrage wird nach 30 Tagen "
    "gelöscht, spätestens 7 Tage nachdem der Termin stattgefunden hat. Sie haben das Recht auf "
    "Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Widerspruch. "
    "Sie können sich beim Landesbeauftragten für den Datenschutz Sachsen-Anhalt in Magdeburg "
    "beschweren."
)


class AppointmentRequestPage(BasePage):
    """The form for "Termine nach Vereinbarung", one per language tree under the home page."""

    intro = models.TextField(
        "Einleitung",
        max_length=600,
        blank=True,
        help_text="Zwei, drei Sätze über dem Formular: Wofür die Anfrage ist, dass sie "
        "vertraulich ist und wie schnell sich das Büro meldet.",
    )
    privacy_note = models.TextField(
        "Datenschutzhinweis",
        default=PRIVACY_NOTE_TEMPLATE,
        help_text="Steht neben dem Absendeknopf. Bitte vom Träger vervollständigen: "
        "Verantwortliche Stelle, Datenschutzbeauftragte, Rechte, Aufsichtsbehörde.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("privacy_note")]
    parent_page_types = ["buero.OfficePage"]
    subpage_types = []
    max_count = 1
    # The one-time link that withdraws a request (events.requests.handle_withdraw), and the
    # encrypted one on the thank-you page (events.requests.thanks_token).
    query_parameters = ("token", "t")
    search_label = _("Appointment")

    class Meta:
        verbose_name = "Terminanfrage"
        verbose_name_plural = "Terminanfragen (Seiten)"

    @path("")
    def request_form(self, request):
        return handle_request_form(self, request)

    @path("danke/", name="thanks")
    def thanks(self, request):
        return handle_thanks(self, request)

    @path("zurueckziehen/", name="withdraw")
    def withdraw(self, request):
        return handle_withdraw(self, request)


@cache
def _content_types():
    """The content types of AppointmentRequestPage and its subclasses."""
    return frozenset(
        ContentType.objects.get_for_model(model).pk
        for model in apps.get_models()
        if issubclass(model, AppointmentRequestPage)
    )


def appointment_page(language):
    """The live appointment request page in ``language`` (a snapshot node), or None."""
    tree = page_tree.current()
    types = _content_types()

    def find():
        for node in tree.nodes.values():
            if node.content_type_id in types and node.live and node.language == language:
                return node
        return None

    def refresh(found, changed):
        """Found anew only where a changed page is (or was) an appointment request page."""
        if any(
            (node := tree.get(page_id)) is not None and node.content_type_id in types
            for page_id in changed
        ) or (found is not None and found.id in changed):
            return find()
        return found

    return tree.memo(("appointment-page", language), find, refresh=refresh)
