"""The benchmarks' data set, built once per session with the project's factories.

300 offers, 100 partners, 50 consultation series and 100 courses in German, each with its
Arabic translation made the way wagtail-localize makes it (``copy_for_translation``, then a
published revision); topics and target groups are translated as well. ``build()`` returns the
URLs the benchmarks request, per language.
"""

import datetime
import os
from dataclasses import dataclass, field

from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from angebote.factories import (
    ContactPersonFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    OpeningHoursFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    TopicFactory,
)
from angebote.models.choices import Area, LegalBasis, PartnerKind, StepFreeAccess
from buero.districts import District
from buero.factories import OfficeInfoPageFactory, OfficePageFactory, OfficeSettingsFactory
from buero.search import documents
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    DateIndexPageFactory,
)
from events.models.consultations import Frequency

#: ``BUERO_BENCH_SCALE=8 make bench``: eight times the pages (8,800 in two languages), for
#: what grows with the site (the search after a publish, issue 29).
SCALE = int(os.environ.get("BUERO_BENCH_SCALE", "1"))
OFFERS = 300 * SCALE
PARTNERS = 100 * SCALE
CONSULTATIONS = 50 * SCALE
COURSES = 100 * SCALE
#: The second language: every page above also exists in Arabic (right to left).
LANGUAGES = ("de", "ar")

# (slug, German name, Arabic name, icon)
TOPICS = [
    ("geld", "Geld und Leistungen", "المال والإعانات", "money"),
    ("familie", "Familie", "الأسرة", "family"),
    ("schule", "Schule und Bildung", "المدرسة والتعليم", "school"),
    ("arbeit", "Arbeit und Ausbildung", "العمل والتدريب", "work"),
    ("gesundheit", "Gesundheit", "الصحة", "health"),
    ("wohnen", "Wohnen", "السكن", "home"),
    ("schulden", "Schulden", "الديون", "debt"),
    ("teilhabe", "Freizeit und Teilhabe", "الترفيه والمشاركة", "access"),
    ("kita", "Kita und Betreuung", "الحضانة ورعاية الأطفال", "family"),
    ("sprache", "Sprache und Ankommen", "اللغة والوصول", "access"),
]
GROUPS = [
    ("kinder", "Kinder", "الأطفال"),
    ("jugendliche", "Jugendliche", "الشباب"),
    ("eltern", "Eltern", "الآباء والأمهات"),
    ("alleinerziehende", "Alleinerziehende", "الآباء والأمهات العازبون"),
    ("schwangere", "Schwangere", "الحوامل"),
    ("zugewanderte", "Zugewanderte Familien", "العائلات المهاجرة"),
    ("fachkraefte", "Fachkräfte", "المختصون"),
]
# German name of a benefit or service (kept in the Arabic title, as translators do) and Arabic.
OFFER_NAMES = [
    ("Kinderzuschlag", "علاوة الأطفال"),
    ("Bildung und Teilhabe", "التعليم والمشاركة"),
    ("Wohngeld", "إعانة السكن"),
    ("Schuldnerberatung", "استشارة الديون"),
    ("Unterhaltsvorschuss", "سلفة النفقة"),
    ("Elterngeld", "إعانة الوالدين"),
    ("Hausaufgabenhilfe", "المساعدة في الواجبات المدرسية"),
    ("Ferienfreizeit", "رحلة العطلة"),
    ("Familienberatung", "استشارة الأسرة"),
    ("Kleiderkammer", "غرفة الملابس"),
]
#: Every filter of the offer listing at once; two offers (21 and 217) match all of them.
OFFER_FILTERS = "?topic=familie&group=kinder&law=sgb8&district=uetz&language=de&free=1"
PARTNER_FILTERS = "?language=ar"
SEARCH_TERM = "Kinderzuschlag"
#: The search of the old benchmark: every German offer's summary (the factory's) has the word;
#: the Arabic summaries are translated, so in Arabic it finds nothing (the empty-results page).
BROAD_SEARCH_TERM = "Schulsachen"


@dataclass
class Dataset:
    urls: dict = field(default_factory=dict)  # {language: {page name: URL}}
    counts: dict = field(default_factory=dict)


def build():
    """Build the data set (search indexes off while building, then one full update each)."""
    no_auto_update = {
        "default": {**_search_backend_settings(), "AUTO_UPDATE": False},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update), transaction.atomic():
        with documents.paused():
            dataset = _build()
        documents.rebuild()
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    return dataset


def _search_backend_settings():
    from django.conf import settings

    return settings.WAGTAILSEARCH_BACKENDS["default"]


def _build():
    from django.conf import settings

    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    de, ar = locales["de"], locales["ar"]
    today = timezone.localdate()
    now = timezone.now()

    home = OfficePageFactory(parent=Page.get_first_root_node(), locale=de, slug="start")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.save()
    OfficeSettingsFactory(site=site)

    topics, groups = [], []
    for number, (slug, name, arabic, icon) in enumerate(TOPICS):
        topic = TopicFactory(name=name, slug=slug, icon=icon, sort_order=number, locale=de)
        _translate_snippet(topic, ar, name=arabic)
        topics.append(topic)
    for number, (slug, name, arabic) in enumerate(GROUPS):
        group = TargetGroupFactory(name=name, slug=slug, sort_order=number, locale=de)
        _translate_snippet(group, ar, name=arabic)
        groups.append(group)

    about = OfficeInfoPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    offer_index = OfferIndexPageFactory(parent=home)
    partner_index = PartnerIndexPageFactory(parent=home)
    event_index = DateIndexPageFactory(parent=home, intro="Alle Sprechstunden der nächsten Wochen.")
    course_index = CourseIndexPageFactory(parent=home, intro="Weiterbildungen zu Kinderarmut.")
    for page, text in [
        (offer_index, "Hilfe für Ihre Familie, nach Lebenslage."),
        (event_index, "Wann und wo Sie uns treffen."),
        (partner_index, "Wer im Netzwerk berät."),
        (course_index, "Weiterbildungen für Fachkräfte."),
        (about, "Wer wir sind und wie wir helfen."),
    ]:
        home.entry_points.append(("entry_point", {"page": page, "title": "", "text": text}))
    home.save()

    districts = [value for value, _label in District.choices]
    kinds = [value for value, _label in PartnerKind.choices]
    partners = []
    for number in range(PARTNERS):
        partner = PartnerPageFactory(
            parent=partner_index,
            title=f"Beratungsstelle {number}",
            kind=kinds[number % len(kinds)],
            district=districts[number % len(districts)] if number % 3 == 0 else "",
            languages=["de", "ar", "uk", "en"][: 1 + number % 4],
            step_free=StepFreeAccess.YES if number % 2 else StepFreeAccess.NO,
        )
        partner.topics.set([topics[number % 10], topics[(number + 3) % 10]])
        partner.save()
        ContactPersonFactory(page=partner)
        for weekday in (number % 5, (number + 2) % 5):
            OpeningHoursFactory(page=partner, weekday=weekday)
        partners.append(partner)

    laws = [LegalBasis.SGB_II, LegalBasis.SGB_VIII, LegalBasis.SGB_XII, LegalBasis.VOLUNTARY]
    offers = []
    for number in range(OFFERS):
        name, _arabic = OFFER_NAMES[number % len(OFFER_NAMES)]
        offers.append(
            OfferPageFactory(
                parent=offer_index,
                title=f"{name} {number}",
                slug=f"angebot-{number}",
                topics=[topics[number % 10], topics[(number * 3) % 10]],
                target_groups=[groups[number % 7]],
                providers=[partners[number % PARTNERS]],
                legal_basis=[laws[number % 4]],
                languages=["de", "ar", "uk"][: 1 + number % 3],
                is_free=number % 5 != 0,
                area=(
                    Area.LANDKREIS
                    if number % 3 == 0
                    else Area.GEMEINDE
                    if number % 3 == 1
                    else districts[number % len(districts)]
                ),
            )
        )

    consultations = []
    for number in range(CONSULTATIONS):
        consultation = ConsultationPageFactory(
            parent=event_index,
            title=f"Sprechstunde {number}",
            slug=f"sprechstunde-{number}",
            host=None if number % 10 == 0 else partners[number % PARTNERS],
            frequency=Frequency.MONTHLY if number % 5 == 0 else Frequency.WEEKLY,
            weekdays=[str(number % 5), str((number + 2) % 5)]
            if number % 3 == 0
            else [str(number % 5)],
            start_time=datetime.time(9 + number % 8),
            end_time=datetime.time(11 + number % 8),
            valid_from=today - datetime.timedelta(days=90),
            interval=1 + number % 2,
            nth=1 + number % 4,
            interpreter_languages=["ar", "uk", "fa"][: 1 + number % 3],
        )
        consultation.topics.set([topics[number % 10]])
        consultation.save()
        for week in range(4):
            ConsultationCancellationFactory(
                page=consultation, date=today + datetime.timedelta(days=7 * week + number % 7)
            )
        ConsultationExtraDateFactory(
            page=consultation, date=today + datetime.timedelta(days=10 + number % 20)
        )
        consultations.append(consultation)

    professions = ["kita", "school", "youth_welfare", "social_work", "administration"]
    courses = []
    for number in range(COURSES):
        # One in five is over (the archive), the rest spread over the coming year.
        offset = -30 - number if number % 5 == 0 else 3 + number * 3
        course = CoursePageFactory(
            parent=course_index,
            title=f"Weiterbildung {number}",
            slug=f"weiterbildung-{number}",
            provider=partners[number % PARTNERS],
            target_professions=[professions[number % 5], professions[(number + 2) % 5]],
            course_format=["in_person", "online", "hybrid"][number % 3],
            status=["open", "few", "full"][number % 3],
        )
        course.topics.set([topics[number % 10]])
        course.save()
        for session in range(1 + number % 3):
            start = now + datetime.timedelta(days=offset + 7 * session)
            CourseSessionFactory(page=course, start=start, end=start + datetime.timedelta(hours=3))
        courses.append(course)

    # Arabic: parents before children, so that every copy finds its translated parent.
    translated = {}
    for page in [home, about, offer_index, partner_index, event_index, course_index]:
        translated[page.pk] = _translate_page(page, ar, title=f"{page.title} (عربي)")
    for number, offer in enumerate(offers):
        name, arabic = OFFER_NAMES[number % len(OFFER_NAMES)]
        translated[offer.pk] = _translate_page(
            offer, ar, title=f"{arabic} ({name}) {number}", summary="مال للوازم المدرسية والرحلات."
        )
    for number, page in enumerate(partners):
        translated[page.pk] = _translate_page(page, ar, title=f"مركز استشارة {number}")
    for page in consultations:
        translated[page.pk] = _translate_page(page, ar, intro="تعالوا بدون موعد.")
    for page in courses:
        translated[page.pk] = _translate_page(page, ar, summary="التعرف على فقر الأطفال.")

    def urls(pages):
        home, about, offer_index, partner_index, event_index, course_index = pages[:6]
        offer, partner, consultation, course = pages[6:]
        search = f"{home.url}suche/"
        return {
            "home": home.url,
            "offers": offer_index.url,
            "offers, every filter": f"{offer_index.url}{OFFER_FILTERS}",
            "offer": offer.url,
            "partners": partner_index.url,
            "partners, by language": f"{partner_index.url}{PARTNER_FILTERS}",
            "partner": partner.url,
            "dates": event_index.url,
            "dates, calendar": f"{event_index.url}kalender/",
            "consultation": consultation.url,
            "courses": course_index.url,
            "course": course.url,
            "search": f"{search}?q={SEARCH_TERM}",
            "search, Schulsachen": f"{search}?q={BROAD_SEARCH_TERM}",
            "standard page": about.url,
        }

    german = [
        home,
        about,
        offer_index,
        partner_index,
        event_index,
        course_index,
        offers[0],
        partners[0],
        consultations[1],  # a partner's hour (the office's own is number 0)
        courses[1],  # upcoming
    ]
    return Dataset(
        urls={
            "de": urls(german),
            "ar": urls([translated[page.pk] for page in german]),
        },
        counts={
            "offers": len(offers),
            "partners": len(partners),
            "consultations": len(consultations),
            "courses": len(courses),
            "pages": Page.objects.live().count() - 1,  # without the tree's root
        },
    )


def _translate_snippet(entry, locale, **fields):
    translated = entry.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


def _translate_page(page, locale, **fields):
    """What tests/conftest.py's ``translate`` does: copy, change the text, publish."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
