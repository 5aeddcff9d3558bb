"""Factories for consultation hours and courses; tests and benchmarks build data here."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import (
    AppointmentRequest,
    AppointmentRequestPage,
    ConsultationCancellation,
    ConsultationExtraDate,
    ConsultationPage,
    CourseIndexPage,
    CoursePage,
    CourseSession,
    DateIndexPage,
)


class DateIndexPageFactory(wagtail_factories.PageFactory):
    title = "Termine"
    slug = "termine"

    class Meta:
        model = DateIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sprechstunde {n}")
    intro = "Kommen Sie vorbei, ohne Termin."
    venue_name = "Jugendclub Tangerhütte"
    street = "Beispielstraße 1"
    postcode = "39517"
    town = "Tangerhütte"
    weekdays = factory.LazyFunction(lambda: ["2"])
    start_time = datetime.time(17)
    end_time = datetime.time(19)
    valid_from = datetime.date(2026, 1, 7)
    interpreter_languages = factory.LazyFunction(lambda: ["ar", "uk"])
    contact_phone = "030 23125 101"

    class Meta:
        model = ConsultationPage


class ConsultationCancellationFactory(DjangoModelFactory):
    page = factory.SubFactory(ConsultationPageFactory)
    date = datetime.date(2026, 12, 9)
    reason = "Fortbildung des Teams"

    class Meta:
        model = ConsultationCancellation


class ConsultationExtraDateFactory(DjangoModelFactory):
    page = factory.SubFactory(ConsultationPageFactory)
    date = datetime.date(2026, 12, 10)
    start_time = datetime.time(10)
    end_time = datetime.time(12)
    note = "statt Mittwoch"

    class Meta:
        model = ConsultationExtraDate


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Weiterbildungen"
    slug = "weiterbildungen"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Weiterbildung {n}")
    summary = "Kinderarmut erkennen und Familien gut beraten."
    target_professions = factory.LazyFunction(lambda: ["school", "kita"])
    venue_name = "Jugendclub Tangerhütte"
    town = "Tangerhütte"
    registration_email = "anmeldung@example.org"
    places = 20
    cost = "kostenlos"

    last_reviewed = factory.LazyFunction(lambda: datetime.date(2026, 10, 1))

    class Meta:
        model = CoursePage


class CourseSessionFactory(DjangoModelFactory):
    page = factory.SubFactory(CoursePageFactory)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    end = factory.LazyAttribute(lambda session: session.start + datetime.timedelta(hours=3))

    class Meta:
        model = CourseSession


class AppointmentRequestPageFactory(wagtail_factories.PageFactory):
    title = "Termin vereinbaren"
    slug = "termin-vereinbaren"
    intro = "Sagen Sie uns, wie wir Sie erreichen. Wir melden uns."

    class Meta:
        model = AppointmentRequestPage


class AppointmentRequestFactory(DjangoModelFactory):
    language = "de"
    contact_method = "phone"
    contact = "0170 1234567"
    conversation_language = "de"
    preferred_days = factory.LazyFunction(lambda: ["2"])
    preferred_times = factory.LazyFunction(lambda: ["afternoon"])
    withdraw_token_hash = factory.Sequence(lambda n: f"{n:064d}")

    class Meta:
        model = AppointmentRequest
