"""German demo consultation hours: the open hour, a partner-led monthly hour, a fortnightly one."""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from buero.demo import add_entry_point
from buero.models import VenueAccess

from .models import (
    AppointmentRequestPage,
    ConsultationCancellation,
    ConsultationExtraDate,
    ConsultationPage,
    CourseIndexPage,
    CoursePage,
    CourseSession,
    DateIndexPage,
)
from .recurrence import TIME_ZONE

#: How a fully booked course's waiting list works.
WAITING_LIST = (
    "Schreiben Sie uns eine E-Mail mit Ihrem Namen und Ihrer Einrichtung. Wird ein Platz frei, "
    "melden wir uns in der Reihenfolge der Anfragen."
)

# title, summary, professions, topics, format, weeks from today (negative: past), status,
# number of sessions, cost
COURSES = [
    (
        "Kinderarmut erkennen und ansprechen",
        "Woran erkenne ich, dass einem Kind etwas fehlt? Wie spreche ich Eltern an, ohne zu beschämen?",
        ["kita", "school"],
        ["familie-und-kinder"],
        "in_person",
        -6,
        "open",
        1,
        "kostenlos",
    ),
    (
        "Bildung und Teilhabe in der Praxis",
        "Welche Leistungen gibt es, wer beantragt sie, und wie helfen Schule und Kita dabei? Mit Beispielen aus dem Landkreis Stendal.",
        ["school", "kita", "social_work"],
        ["schule-und-bildung", "geld-und-leistungen"],
        "in_person",
        3,
        "few",
        1,
        "kostenlos",
    ),
    (
        "Traumasensible Arbeit mit geflüchteten Kindern",
        "Grundlagen der Traumapädagogik für den Alltag in Kita, Schule und Jugendhilfe.",
        ["kita", "school", "youth_welfare"],
        ["sprache-und-ankommen", "gesundheit"],
        "in_person",
        6,
        "full",
        2,
        "30 Euro",
    ),
    (
        "Elterngespräche mit Dolmetschern",
        "Wie Gespräche mit Sprachmittlern gelingen: Vorbereitung, Rollen, Vertraulichkeit.",
        ["school", "kita", "social_work", "administration"],
        ["sprache-und-ankommen"],
        "online",
        9,
        "open",
        1,
        "kostenlos",
    ),
    (
        "Schulden in Familien: erste Hilfe",
        "Was tun, wenn Strom oder Wohnung in Gefahr sind? Wege zur Schuldnerberatung.",
        ["social_work", "youth_welfare", "volunteers"],
        ["schulden", "wohnen"],
        "hybrid",
        14,
        "open",
        1,
        "kostenlos",
    ),
    (
        "Netzwerk Kinderarmut: Fallberatung",
        "Fachkräfte beraten gemeinsam anonymisierte Fälle und lernen die Angebote im Netzwerk kennen.",
        ["school", "kita", "youth_welfare", "social_work", "health"],
        ["familie-und-kinder"],
        "in_person",
        20,
        "open",
        3,
        "kostenlos",
    ),
]

JUGENDCLUB = {
    "venue_name": "Jugendclub Tangerhütte",
    "street": "Beispielstraße 1",
    "postcode": "39517",
    "town": "Tangerhütte",
    "room": "Obergeschoss, Offenes Büro",
    "venue_access": VenueAccess.STAIRS,
    "access_note": "Eine Treppe mit 14 Stufen und Handlauf. Wer die Treppe nicht schafft, "
    "ruft vorher an: Wir beraten dann im Erdgeschoss.",
}


def _next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def load(context):
    home = context["home"]
    partners = context.get("partners", {})
    today = timezone.localdate()
    index = DateIndexPage.objects.child_of(home).first()
    created = 0
    if index is None:
        index = home.add_child(
            instance=DateIndexPage(
                title="Termine",
                slug="termine",
                show_in_menus=True,
                intro="Wann Sie uns und unsere Partner treffen: offene Sprechstunden, "
                "Beratung zu Themen und Termine mit Dolmetscher.",
            )
        )
        created += 1
    series = [
        {
            "slug": "offene-sprechstunde",
            "title": "Offene Sprechstunde",
            "intro": "Jeden Mittwoch von 17 bis 19 Uhr: Kommen Sie ohne Termin mit Ihren Fragen "
            "zu Anträgen, Geld, Schule oder Ausbildung. Wir hören zu und suchen mit Ihnen die "
            "passende Hilfe.",
            "weekdays": ["2"],
            "start_time": datetime.time(17),
            "end_time": datetime.time(19),
            "valid_from": datetime.date(today.year, 1, 1),
            "interpreter_languages": ["ar", "fa", "uk", "ru"],
            "interpreter_note": "Sagen Sie uns eine Woche vorher Bescheid, dann kommt ein "
            "Dolmetscher dazu.",
            "by_arrangement": "Mittwoch passt nicht? Rufen Sie an, wir finden einen anderen Termin.",
            "contact_phone": "030 23125 101",
            "contact_email": "offenes-buero@example.org",
            "cancellations": [
                (_next_weekday(today + datetime.timedelta(days=14), 2), "Fortbildung des Teams")
            ],
            "extra_dates": [
                (
                    _next_weekday(today + datetime.timedelta(days=14), 3),
                    datetime.time(10),
                    datetime.time(12),
                    "Ersatztermin für den ausgefallenen Mittwoch",
                )
            ],
        },
        {
            "slug": "schuldnerberatung-im-jugendclub",
            "title": "Schuldnerberatung im Jugendclub",
            "intro": "Am ersten Montag im Monat berät die Schuldner- und Insolvenzberatung im "
            "Offenen Büro. Bringen Sie Ihre Briefe mit.",
            "host": partners.get("schuldnerberatung"),
            "frequency": "monthly",
            "weekdays": ["0"],
            "nth": 1,
            "start_time": datetime.time(15),
            "end_time": datetime.time(17),
            "valid_from": datetime.date(today.year, 1, 1),
            "interpreter_languages": ["ru"],
            "contact_phone": "030 23125 171",
        },
        {
            "slug": "migrationsberatung-im-jugendclub",
            "title": "Migrationsberatung mit Dolmetscher",
            "intro": "Alle zwei Wochen dienstags: Beratung für Zugewanderte, mit Dolmetscherin "
            "für Arabisch und Ukrainisch.",
            "host": partners.get("migrationsberatung"),
            "weekdays": ["1"],
            "interval": 2,
            "start_time": datetime.time(14),
            "end_time": datetime.time(16),
            "valid_from": datetime.date(today.year, 1, 6),
            "interpreter_languages": ["ar", "uk"],
            "interpreter_note": "Die Dolmetscherinnen für Arabisch und Ukrainisch sind immer dabei.",
            "contact_phone": "030 23125 201",
        },
    ]
    for spec in series:
        if ConsultationPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        cancellations = spec.pop("cancellations", [])
        extra_dates = spec.pop("extra_dates", [])
        page = ConsultationPage(**JUGENDCLUB, **spec)
        page.cancellations = [ConsultationCancellation(date=d, reason=r) for d, r in cancellations]
        page.extra_dates = [
            ConsultationExtraDate(date=d, start_time=s, end_time=e, note=n)
            for d, s, e, n in extra_dates
        ]
        index.add_child(instance=page)
        created += 1
    add_entry_point(home, index, "Wann und wo Sie uns treffen: Sprechstunden und Termine.")
    return created + _appointment_request_page(home) + _courses(home, context, today)


def _appointment_request_page(home):
    """ "Termine nach Vereinbarung"; its privacy note stays the template the operator completes."""
    if AppointmentRequestPage.objects.child_of(home).exists():
        return 0
    home.add_child(
        instance=AppointmentRequestPage(
            title="Termin vereinbaren",
            slug="termin-vereinbaren",
            intro="Sie möchten in Ruhe mit uns sprechen, auch außerhalb der offenen "
            "Sprechstunde? Sagen Sie uns, wie wir Sie erreichen und wann es Ihnen passt. Wir "
            "melden uns innerhalb von drei Werktagen. Die Beratung ist kostenlos und vertraulich.",
        )
    )
    return 1


def _at(day, hour):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=TIME_ZONE)


def _courses(home, context, today):
    index = CourseIndexPage.objects.child_of(home).first()
    created = 0
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(
                title="Weiterbildungen",
                slug="weiterbildungen",
                show_in_menus=True,
                intro="Weiterbildungen zum Thema Kinderarmut für Fachkräfte aus Kita, Schule, "
                "Jugendhilfe, Verwaltung und Ehrenamt.",
            )
        )
        created += 1
    topics = {topic.slug: topic for topic in context.get("topics", [])}
    for (
        title,
        summary,
        professions,
        topic_slugs,
        course_format,
        weeks,
        status,
        sessions,
        cost,
    ) in COURSES:
        slug = slugify(title)[:80]
        if CoursePage.objects.child_of(index).filter(slug=slug).exists():
            continue
        first = today + datetime.timedelta(weeks=weeks)
        online = course_format == "online"
        page = CoursePage(
            title=title,
            slug=slug,
            summary=summary,
            target_professions=professions,
            course_format=course_format,
            status=status,
            cost=cost,
            places=16,
            venue_name="" if online else "Jugendclub Tangerhütte",
            town="" if online else "Tangerhütte",
            how_to_join=""
            if course_format == "in_person"
            else "Den Link zur Videokonferenz erhalten Sie nach der Anmeldung per E-Mail.",
            registration_deadline=first - datetime.timedelta(days=7),
            registration_email="weiterbildung@example.org",
            waiting_list=WAITING_LIST if status == "full" else "",
            certificate="Teilnahmebescheinigung",
            last_reviewed=today - datetime.timedelta(days=45),
        )
        page.topics = [topics[topic] for topic in topic_slugs if topic in topics]
        page.sessions = [
            CourseSession(
                start=_at(first + datetime.timedelta(weeks=part), 9),
                end=_at(first + datetime.timedelta(weeks=part), 13),
                note=f"Teil {part + 1}" if sessions > 1 else "",
            )
            for part in range(sessions)
        ]
        index.add_child(instance=page)
        created += 1
    add_entry_point(home, index, "Für Fachkräfte: Weiterbildungen zum Thema Kinderarmut.")
    return created


#: Courses that ship with hand-written translations (see buero.demo_translation).
TRANSLATED_COURSES = [slugify(course[0])[:80] for course in COURSES[:2]]


def translatable_objects():
    """The German demo pages that ship with hand-written translations, parents first."""
    locale = Locale.get_default()
    event_index = DateIndexPage.objects.filter(locale=locale).first()
    course_index = CourseIndexPage.objects.filter(locale=locale).first()
    if event_index is None or course_index is None:
        return []
    return [
        event_index,
        *ConsultationPage.objects.child_of(event_index),
        *AppointmentRequestPage.objects.filter(locale=locale),
        course_index,
        *CoursePage.objects.child_of(course_index).filter(slug__in=TRANSLATED_COURSES),
    ]
