"""Fill the home app's slots with the next consultation hour."""

from django.conf import settings
from django.utils import translation
from wagtail import hooks

from home.sections import (
    EMPTY_RESULTS_SECTIONS,
    HELP_CHECK_SECTIONS,
    HOME_SECTIONS,
    OFFER_SECTIONS,
)

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


@hooks.register(HELP_CHECK_SECTIONS)
def next_consultation_after_help_check(page, request):
    """The next hour, and the next one with an interpreter in the visitor's language."""
    language = translation.get_language()
    interpreter = language if language != settings.LANGUAGE_CODE else None
    return render_next_consultation(page, request, others=2, interpreter=interpreter)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend([NextConsultationsPanel(), RegistrationDeadlinePanel()])
