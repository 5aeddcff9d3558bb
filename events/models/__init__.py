"""Consultation hours (and, later, training courses); split by concept."""

from .consultations import (
    ConsultationCancellation,
    ConsultationExtraDate,
    ConsultationPage,
    EventIndexPage,
)

__all__ = [
    "ConsultationCancellation",
    "ConsultationExtraDate",
    "ConsultationPage",
    "EventIndexPage",
]
