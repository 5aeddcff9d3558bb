"""Fill the home app's slots with the next consultation hour and the office's hours."""

from django.conf import settings
from django.utils import translation
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from buero import editor_groups, page_tree
from buero.admin_policies import OnlyTheseActions
from buero.models import OfficePage
from buero.sections import (
    EMPTY_RESULTS_SECTIONS,
    HELP_CHECK_SECTIONS,
    HOME_SECTIONS,
    INTERPRETER_SECTIONS,
    OFFER_SECTIONS,
    OFFICE_PAGE_TYPES,
    OFFLINE_PAGES,
    PARTNER_SECTIONS,
    PRINT_SECTIONS,
    STRUCTURED_DATA_HOURS,
    YOUTH_SECTIONS,
)

from .dashboard import AppointmentRequestsPanel, NextConsultationsPanel, RegistrationDeadlinePanel
from .models import AppointmentRequest, DateIndexPage
from .sections import (
    office_opening_hours,
    render_hosted_hours,
    render_next_consultation,
    render_office_hours,
)


@hooks.register(OFFICE_PAGE_TYPES)
def office_page_types():
    """What the office's section holds of this app: dates, courses, appointment requests."""
    return [
        "buero_events.DateIndexPage",
        "buero_events.CourseIndexPage",
        "buero_events.AppointmentRequestPage",
    ]


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
    """Nothing found: the next hour, and the next one with an interpreter in the visitor's
    language where one is offered."""
    return render_next_consultation(page, request, interpreter=visitor_language())


@hooks.register(INTERPRETER_SECTIONS)
def next_interpreted_hour(page, request):
    """Under the notice of a page shown in German: the next hour with an interpreter for the
    visitor's language, where one is offered."""
    language = visitor_language()
    if language is None:
        return ""
    return render_next_consultation(
        page,
        request,
        interpreter=language,
        template="buero_events/includes/next_interpreted_hour.html",
    )


def visitor_language():
    """The visitor's language where it is not German: an interpreter may be needed."""
    language = translation.get_language()
    return language if language != settings.LANGUAGE_CODE else None


@hooks.register(HELP_CHECK_SECTIONS)
def next_consultation_after_help_check(page, request):
    """The next hour, and the next one with an interpreter in the visitor's language; no
    further dates, so that the result's summary stays short on a phone (the box links them)."""
    return render_next_consultation(page, request, interpreter=visitor_language())


@hooks.register(YOUTH_SECTIONS)
def next_consultation_for_young_people(page, request):
    """When a young person can just come by; with an interpreter in their language if one
    is offered soon."""
    return render_next_consultation(page, request, interpreter=visitor_language())


@hooks.register(PRINT_SECTIONS)
def consultation_hours_in_print(page, request):
    """The office's poster names its hours and next dates; a take-away sheet the next hour."""
    if isinstance(page, OfficePage):
        return render_office_hours(page, request)
    return render_next_consultation(
        page, request, template="buero_events/print/includes/next_consultation.html"
    )


@hooks.register(STRUCTURED_DATA_HOURS)
def office_hours_in_structured_data(page, request):
    """The home page's GovernmentOffice is open in the office's consultation hours."""
    return office_opening_hours(page)


@hooks.register(OFFLINE_PAGES)
def dates_page_offline(page, request):
    """The dates page of the home page's language is stored for offline reading."""
    node = page_tree.current().child_of_type(page, DateIndexPage)
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
    name = "buero_appointment_requests"
    url_prefix = "buero/appointment-requests"
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


@hooks.register(editor_groups.COUNSELLOR_PERMISSIONS)
def counsellors_answer_appointment_requests():
    """The group "Beratung" reads the appointment requests, sets their status and deletes
    them (buero_setup_groups); no other group sees them."""
    return [
        "buero_events.view_appointmentrequest",
        "buero_events.change_appointmentrequest",
        "buero_events.delete_appointmentrequest",
    ]
