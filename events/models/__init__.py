"""Consultation hours and training courses; split by concept."""

from .consultations import (
    ConsultationCancellation,
    ConsultationExtraDate,
    ConsultationPage,
    EventIndexPage,
)
from .courses import CourseIndexPage, CoursePage, CourseSession

__all__ = [
    "ConsultationCancellation",
    "ConsultationExtraDate",
    "ConsultationPage",
    "CourseIndexPage",
    "CoursePage",
    "CourseSession",
    "EventIndexPage",
]
