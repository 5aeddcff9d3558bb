"""Consultation hours, appointment requests and training courses; split by concept."""

from .consultations import ConsultationCancellation, ConsultationExtraDate, ConsultationPage
from .courses import CoursePage, CourseSession
from .listing import CourseIndexPage, DateIndexPage
from .request_page import AppointmentRequestPage
from .requests import AppointmentRequest

__all__ = [
    "AppointmentRequest",
    "AppointmentRequestPage",
    "ConsultationCancellation",
    "ConsultationExtraDate",
    "ConsultationPage",
    "CourseIndexPage",
    "CoursePage",
    "CourseSession",
    "DateIndexPage",
]
