"""Fill the home app's slots with the next consultation hour and the office's hours."""

from django.conf import settings
from django.utils import translation
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from home import page_tree
from home.admin_policies import OnlyTheseActions
from home.models import HomePage
from home.sections import (
    EMPTY_RESULTS_SECTIONS,
    HELP_CHECK_SECTIONS,
    HOME_SECTIONS,
    OFFER_SECTIONS,
    OFFLINE_PAGES,
    PARTNER_SECTIONS,
    PRINT_SECTIONS,
    STRUCTURED_DATA_HOURS,
    YOUTH_SECTIONS,
)

from .dashboard import AppointmentRequestsPanel, NextConsultationsPanel, RegistrationDeadlinePanel
from .models import AppointmentRequest, EventIndexPage
from .sections import (
    office_opening_hours,
    render_hosted_hours,
    render_next_consultation,
    render_office_hours,
)


@hooks.register(HOME_SECTIONS)
def next_consultation_on_home(page, request):
    return render_next_consultation(page, request, week=True)


@hooks.register(OFFER_SECTIONS)
def next_consultation_on_offers(page, request):
    return render_next_consultation(page, request)


@hooks.register(OFFER_SECTIONS)
def hours_of_the_offers_providers(page, request):
    return render_hosted_hours(
        page, request, list(page.providers.values_list("translation_key", flat=True))
    )


@hooks.register(PARTNER_SECTIONS)
def hours_of_the_partner(page, request):
    return render_hosted_hours(page, request, [page.translation_key])


@hooks.register(EMPTY_RESULTS_SECTIONS)
def next_consultation_when_nothing_found(page, request):
    return render_next_consultation(page, request)


@hooks.register(HELP_CHECK_SECTIONS)
def next_consultation_after_help_check(page, request):
    """The next hour, and the next one with an interpreter in the visitor's language; no
    further dates, so that the result's summary stays short on a phone (the box links them)."""
    language = translation.get_language()
    interpreter = language if language != settings.LANGUAGE_CODE else None
    return render_next_consultation(page, request, interpreter=interpreter)


@hooks.register(YOUTH_SECTIONS)
def next_consultation_for_young_people(page, request):
    """When a young person can just come by; with an interpreter in their language if one
    is offered soon."""
    language = translation.get_language()
    interpreter = language if language != settings.LANGUAGE_CODE else None
    return render_next_consultation(page, request, interpreter=interpreter)


@hooks.register(PRINT_SECTIONS)
def consultation_hours_in_print(page, request):
    """The office's poster names its hours and next dates; a take-away sheet the next hour."""
    if isinstance(page, HomePage):
        return render_office_hours(page, request)
    return render_next_consultation(
        page, request, template="events/print/includes/next_consultation.html"
    )


@hooks.register(STRUCTURED_DATA_HOURS)
def office_hours_in_structured_data(page, request):
    """The home page's GovernmentOffice is open in the office's consultation hours."""
    return office_opening_hours(page)


@hooks.register(OFFLINE_PAGES)
def dates_page_offline(page, request):
    """The dates page of the home page's language is stored for offline reading."""
    node = page_tree.current().child_of_type(page, EventIndexPage)
    return [node.url] if node is not None and node.url else []


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(
        [AppointmentRequestsPanel(), NextConsultationsPanel(), RegistrationDeadlinePanel()]
    )


class AppointmentRequestViewSet(ModelViewSet):
    """Terminanfragen for the group "Beratung": the list without contact details; a request's
    page shows all it says (German labels, Berlin time) above the field for its status."""

    model = AppointmentRequest
    name = "appointment_requests"
    icon = "date"
    menu_label = "Terminanfragen"
    menu_order = 150
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "status",
        "topic",
        "conversation_language",
        "interpreter_language",
    ]
    list_filter = ["status"]
    form_fields = ["status"]
    inspect_view_enabled = False
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return OnlyTheseActions(self.model, ("view", "change", "delete"))


@hooks.register("register_admin_viewset")
def register_appointment_requests():
    return AppointmentRequestViewSet()
