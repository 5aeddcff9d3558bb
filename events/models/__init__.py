"""Consultation hours, appointment requests and training courses; split by concept."""

from .consultations import (
    ConsultationCancellation,
    ConsultationExtraDate,
    ConsultationPage,
    EventIndexPage,
)
from .courses import CourseIndexPage, CoursePage, CourseSession
from .requests import AppointmentRequest, AppointmentRequestPage

__all__ = [
    "AppointmentRequest",
    "AppointmentRequestPage",
    "ConsultationCancellation",
    "ConsultationExtraDate",
    "ConsultationPage",
    "CourseIndexPage",
    "CoursePage",
    "CourseSession",
    "EventIndexPage",
]
