"""Fill the home app's slots with the next consultation hour."""

from wagtail import hooks

from home.sections import EMPTY_RESULTS_SECTIONS, HOME_SECTIONS, OFFER_SECTIONS

from .dashboard import NextConsultationsPanel, RegistrationDeadlinePanel
from .sections import render_next_consultation


@hooks.register(HOME_SECTIONS)
def next_consultation_on_home(page, request):
    return render_next_consultation(page, request, others=2)


@hooks.register(OFFER_SECTIONS)
def next_consultation_on_offers(page, request):
    return render_next_consultation(page, request)


@hooks.register(EMPTY_RESULTS_SECTIONS)
def next_consultation_when_nothing_found(page, request):
    return render_next_consultation(page, request)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend([NextConsultationsPanel(), RegistrationDeadlinePanel()])
