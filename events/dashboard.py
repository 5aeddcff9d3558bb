"""Admin start page panels of the events app: the next consultation dates, closing registrations."""

import datetime

from django.urls import reverse
from django.utils import formats, timezone
from wagtail.models import Locale

from buero.dashboard import PANEL_ITEMS, DashboardPanel, Item, edit_url, editable_by

from .models import AppointmentRequest, ConsultationPage, CoursePage
from .models.courses import CourseStatus
from .models.requests import RequestStatus

#: Registrations closing within this many days are listed.
DEADLINE_DAYS = 14


def local(value):
    return formats.date_format(timezone.localtime(value), "D, d.m.Y H:i")


class NextConsultationsPanel(DashboardPanel):
    """The next dates of every consultation hour, cancelled ones with their reason."""

    name = "next_consultations"
    heading = "Nächste Sprechstunden"
    empty_text = "Keine Sprechstunde in den nächsten Wochen."
    order = 100

    def get_items(self, request):
        consultations = (
            ConsultationPage.objects.live()
            .filter(locale=Locale.get_default())
            .prefetch_related("cancellations", "extra_dates")
        )
        dates = [
            (occurrence, consultation)
            for consultation in editable_by(request.user, consultations)
            for occurrence in consultation.upcoming(3, language="de")
        ]
        dates.sort(key=lambda entry: entry[0].start)
        return [
            Item(
                consultation.title,
                edit_url(consultation),
                local(occurrence.start)
                + (f" – entfällt: {occurrence.reason}" if occurrence.cancelled else ""),
                "entfällt" if occurrence.cancelled else "",
            )
            for occurrence, consultation in dates[:PANEL_ITEMS]
        ]


class RegistrationDeadlinePanel(DashboardPanel):
    """Courses whose registration closes within two weeks and that still have places."""

    name = "registration_deadlines"
    heading = "Anmeldeschluss bald"
    empty_text = f"Kein Anmeldeschluss in den nächsten {DEADLINE_DAYS} Tagen."
    order = 130

    def get_items(self, request):
        today = timezone.localdate()
        courses = (
            CoursePage.objects.live()
            .filter(
                locale=Locale.get_default(),
                registration_deadline__range=(
                    today,
                    today + datetime.timedelta(days=DEADLINE_DAYS),
                ),
            )
            .exclude(status__in=[CourseStatus.FULL, CourseStatus.CANCELLED])
            .order_by("registration_deadline")
        )
        return [
            Item(
                course.title,
                edit_url(course),
                f"Anmeldeschluss {course.registration_deadline:%d.%m.%Y}, "
                f"{course.get_status_display()}",
            )
            for course in editable_by(request.user, courses[:PANEL_ITEMS])
        ]


class AppointmentRequestsPanel(DashboardPanel):
    """For the group "Beratung": how many new requests wait, never who sent them."""

    name = "appointment_requests"
    heading = "Terminanfragen"
    empty_text = "Keine neuen Terminanfragen."
    order = 50

    def is_shown(self, user):
        return user.has_perm("buero_events.view_appointmentrequest")

    def get_items(self, request):
        count = AppointmentRequest.objects.filter(status=RequestStatus.NEW).count()
        if not count:
            return []
        title = "1 neue Anfrage" if count == 1 else f"{count} neue Anfragen"
        return [
            Item(
                title, reverse("buero_appointment_requests:index"), "Bitte melden Sie sich.", "neu"
            )
        ]
