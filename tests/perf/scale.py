"""The scale benchmark's data set: the benchmark data set (tests/perf/dataset.py) at a
multiple, built in bulk (``make bench-scale``).

The office, its index pages, the topics and target groups are made as in dataset.py, with
the project's factories and translated the way wagtail-localize translates. The offers,
partners, consultation hours and courses (``multiple`` times 300, 100, 50 and 100, each also
in Arabic) are inserted in bulk instead: unsaved instances from the same factories, their
tree paths computed as treebeard computes them, then one INSERT per table and batch. No save
signal runs for them, so nothing is indexed or rebuilt per page; the content generation is
started anew once at the end. An Arabic page is a published translation as in dataset.py:
the German page's fields and links with an Arabic title, its own live revision and its own
child rows (same translation keys, Arabic locale).
"""

import datetime
import itertools

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, Revision, Site

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
from buero import content_generation
from buero.districts import District
from buero.factories import OfficeInfoPageFactory, OfficePageFactory, OfficeSettingsFactory
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

from . import dataset as base

BATCH = 500


def build(multiple):
    """The data set at ``multiple`` (1 is dataset.py's size); returns a dataset.Dataset."""
    no_auto_update = {"default": {**base._search_backend_settings(), "AUTO_UPDATE": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update), transaction.atomic():
        built = _build(multiple)
    if connection.vendor == "postgresql":
        # As after any bulk load: the planner's statistics, which autovacuum would gather
        # some time later.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    content_generation.bump()
    return built


def chunks(items, size=BATCH):
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class Tree:
    """Bulk insertion of specific pages below a parent, as treebeard and Wagtail would
    store them."""

    def __init__(self, now):
        self.now = now
        self.page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]

    def children(self, parent, pages):
        """Insert ``pages`` (unsaved, one model) as the last children of ``parent``."""
        parent = Page.objects.get(pk=parent.pk)
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = Page.numconv_obj().str2int(last[-Page.steplen :]) if last else 0
        for number, page in enumerate(pages, start=step + 1):
            page.path = Page._get_path(parent.path, parent.depth + 1, number)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = self.now
            page.draft_title = page.title
        self.insert(type(pages[0]), pages)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        return pages

    def insert(self, model, pages):
        rows = [
            Page(**{field.attname: getattr(page, field.attname) for field in self.page_fields})
            for page in pages
        ]
        Page.objects.bulk_create(rows, batch_size=BATCH)
        for page, row in zip(pages, rows, strict=True):
            page.pk = row.pk
            page.id = row.pk
            page._state.adding = False
        fields = model._meta.local_concrete_fields
        for chunk in chunks(pages):
            model._base_manager._insert(chunk, fields=fields, using=DEFAULT_DB_ALIAS)

    def publish_revisions(self, pages):
        """A live revision of each page (a published translation has one: its text is its
        own, not the source's)."""
        page_type = ContentType.objects.get_for_model(Page)
        revisions = [
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=self.now,
                object_str=page.title,
                # The fields; the child rows and links are in their tables (serializable_data
                # would read them with a query per page).
                content=get_serializable_data_for_fields(page),
            )
            for page in pages
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        for page, revision in zip(pages, revisions, strict=True):
            page.live_revision_id = page.latest_revision_id = revision.pk
        Page.objects.bulk_update(
            [
                Page(pk=page.pk, live_revision_id=revision.pk, latest_revision_id=revision.pk)
                for page, revision in zip(pages, revisions, strict=True)
            ],
            ["live_revision_id", "latest_revision_id"],
            batch_size=BATCH,
        )


def translation_of(page, locale, **fields):
    """An unsaved copy of ``page`` in ``locale``: its fields, the same translation key."""
    model = type(page)
    copy = model(
        **{
            field.attname: getattr(page, field.attname)
            for field in model._meta.concrete_fields
            if not field.primary_key
            and field.attname
            not in ("page_ptr_id", "path", "depth", "numchild", "url_path", "latest_revision_id")
        }
    )
    copy.locale_id = locale.pk
    copy.live_revision_id = None
    copy.source_pk = page.pk
    for name, value in fields.items():
        setattr(copy, name, value)
    return copy


def source_pk(page):
    """The German page's id of a page or its translation (``translation_of``)."""
    return getattr(page, "source_pk", page.pk)


def insert_rows(model, rows):
    model.objects.bulk_create(rows, batch_size=BATCH)


def translated_rows(rows, locale, page_of):
    """Copies of child rows for the translations: the same translation keys, ``locale``,
    the translated page (``page_of``: {German page id: translated page})."""
    copies = []
    for row in rows:
        copy = type(row)(
            **{
                field.attname: getattr(row, field.attname)
                for field in row._meta.concrete_fields
                if not field.primary_key
            }
        )
        copy.locale_id = locale.pk
        copy.page_id = page_of[row.page_id].pk
        copies.append(copy)
    return copies


def link(through, column, pages, targets, target_column):
    """Rows of a many-to-many table: each page (by id) to its targets."""
    rows = [
        through(**{f"{column}_id": page.pk, f"{target_column}_id": target.pk})
        for page in pages
        for target in dict.fromkeys(targets(page))
    ]
    through.objects.bulk_create(rows, batch_size=BATCH)


def _build(multiple):
    from django.conf import settings

    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }
    de, ar = locales["de"], locales["ar"]
    today = timezone.localdate()
    now = timezone.now()
    tree = Tree(now)

    home = OfficePageFactory(parent=Page.get_first_root_node(), locale=de, slug="start")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.save()
    OfficeSettingsFactory(site=site)

    topics, groups = [], []
    for number, (slug, name, arabic, icon) in enumerate(base.TOPICS):
        topic = TopicFactory(name=name, slug=slug, icon=icon, sort_order=number, locale=de)
        base._translate_snippet(topic, ar, name=arabic)
        topics.append(topic)
    for number, (slug, name, arabic) in enumerate(base.GROUPS):
        group = TargetGroupFactory(name=name, slug=slug, sort_order=number, locale=de)
        base._translate_snippet(group, ar, name=arabic)
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
    skeleton = [home, about, offer_index, partner_index, event_index, course_index]
    arabic = {
        page.pk: base._translate_page(page, ar, title=f"{page.title} (عربي)") for page in skeleton
    }

    districts = [value for value, _label in District.choices]
    kinds = [value for value, _label in PartnerKind.choices]
    partners = tree.children(
        partner_index,
        [
            PartnerPageFactory.build(
                title=f"Beratungsstelle {number}",
                slug=f"beratungsstelle-{number}",
                kind=kinds[number % len(kinds)],
                district=districts[number % len(districts)] if number % 3 == 0 else "",
                languages=["de", "ar", "uk", "en"][: 1 + number % 4],
                step_free=StepFreeAccess.YES if number % 2 else StepFreeAccess.NO,
            )
            for number in range(base.PARTNERS * multiple)
        ],
    )
    partner_topics = {
        page.pk: [topics[number % 10], topics[(number + 3) % 10]]
        for number, page in enumerate(partners)
    }
    contacts = [ContactPersonFactory.build(page=page, locale_id=de.pk) for page in partners]
    hours = [
        OpeningHoursFactory.build(page=page, weekday=weekday, locale_id=de.pk, sort_order=order)
        for number, page in enumerate(partners)
        for order, weekday in enumerate((number % 5, (number + 2) % 5))
    ]

    laws = [LegalBasis.SGB_II, LegalBasis.SGB_VIII, LegalBasis.SGB_XII, LegalBasis.VOLUNTARY]
    offers = tree.children(
        offer_index,
        [
            OfferPageFactory.build(
                title=f"{base.OFFER_NAMES[number % len(base.OFFER_NAMES)][0]} {number}",
                slug=f"angebot-{number}",
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
            for number in range(base.OFFERS * multiple)
        ],
    )
    offer_links = {
        page.pk: (
            [topics[number % 10], topics[(number * 3) % 10]],
            [groups[number % 7]],
            [partners[number % len(partners)]],
        )
        for number, page in enumerate(offers)
    }

    consultations = tree.children(
        event_index,
        [
            ConsultationPageFactory.build(
                title=f"Sprechstunde {number}",
                slug=f"sprechstunde-{number}",
                host_id=None if number % 10 == 0 else partners[number % len(partners)].pk,
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
            for number in range(base.CONSULTATIONS * multiple)
        ],
    )
    consultation_topics = {
        page.pk: [topics[number % 10]] for number, page in enumerate(consultations)
    }
    cancellations = [
        ConsultationCancellationFactory.build(
            page=page,
            date=today + datetime.timedelta(days=7 * week + number % 7),
            locale_id=de.pk,
            sort_order=week,
        )
        for number, page in enumerate(consultations)
        for week in range(4)
    ]
    extra_dates = [
        ConsultationExtraDateFactory.build(
            page=page, date=today + datetime.timedelta(days=10 + number % 20), locale_id=de.pk
        )
        for number, page in enumerate(consultations)
    ]

    professions = ["kita", "school", "youth_welfare", "social_work", "administration"]
    courses = tree.children(
        course_index,
        [
            CoursePageFactory.build(
                title=f"Weiterbildung {number}",
                slug=f"weiterbildung-{number}",
                provider_id=partners[number % len(partners)].pk,
                target_professions=[professions[number % 5], professions[(number + 2) % 5]],
                course_format=["in_person", "online", "hybrid"][number % 3],
                status=["open", "few", "full"][number % 3],
            )
            for number in range(base.COURSES * multiple)
        ],
    )
    course_topics = {page.pk: [topics[number % 10]] for number, page in enumerate(courses)}
    sessions = []
    for number, course in enumerate(courses):
        offset = -30 - number % 100 if number % 5 == 0 else 3 + (number * 3) % 300
        for session in range(1 + number % 3):
            start = now + datetime.timedelta(days=offset + 7 * session)
            sessions.append(
                CourseSessionFactory.build(
                    page=course,
                    start=start,
                    end=start + datetime.timedelta(hours=3),
                    locale_id=de.pk,
                    sort_order=session,
                )
            )

    # Arabic: every page a published translation below the Arabic index pages.
    translated = {}
    for number, page in enumerate(offers):
        name, arabic_name = base.OFFER_NAMES[number % len(base.OFFER_NAMES)]
        translated[page.pk] = translation_of(
            page,
            ar,
            title=f"{arabic_name} ({name}) {number}",
            summary="مال للوازم المدرسية والرحلات.",
        )
    for number, page in enumerate(partners):
        translated[page.pk] = translation_of(page, ar, title=f"مركز استشارة {number}")
    for page in consultations:
        translated[page.pk] = translation_of(page, ar, intro="تعالوا بدون موعد.")
    for page in courses:
        translated[page.pk] = translation_of(page, ar, summary="التعرف على فقر الأطفال.")
    for index, pages in (
        (partner_index, partners),
        (offer_index, offers),
        (event_index, consultations),
        (course_index, courses),
    ):
        copies = tree.children(arabic[index.pk], [translated[page.pk] for page in pages])
        tree.publish_revisions(copies)

    # Child rows and links, German and Arabic (links to the German snippets and partners,
    # as wagtail-localize leaves them).
    for rows in (contacts, hours, cancellations, extra_dates, sessions):
        insert_rows(type(rows[0]), rows)
        insert_rows(type(rows[0]), translated_rows(rows, ar, translated))
    for model, pages, targets in (
        (type(partners[0]), partners, partner_topics),
        (type(consultations[0]), consultations, consultation_topics),
        (type(courses[0]), courses, course_topics),
    ):
        column = model._meta.model_name
        for group in (pages, [translated[page.pk] for page in pages]):
            link(
                model.topics.through,
                column,
                group,
                lambda page, targets=targets: targets[source_pk(page)],
                "topic",
            )
    offer_model = type(offers[0])
    for group in (offers, [translated[page.pk] for page in offers]):
        for field, position, target in (
            (offer_model.topics, 0, "topic"),
            (offer_model.target_groups, 1, "targetgroup"),
            (offer_model.providers, 2, "partnerpage"),
        ):
            link(
                field.through,
                "offerpage",
                group,
                lambda page, position=position: offer_links[source_pk(page)][position],
                target,
            )

    def urls(pages):
        home, about, offer_index, partner_index, event_index, course_index = pages[:6]
        offer, partner, consultation, course = pages[6:]
        search = f"{home.url}suche/"
        return {
            "home": home.url,
            "offers": offer_index.url,
            "offers, every filter": f"{offer_index.url}{base.OFFER_FILTERS}",
            "offer": offer.url,
            "partners": partner_index.url,
            "partners, by language": f"{partner_index.url}{base.PARTNER_FILTERS}",
            "partner": partner.url,
            "dates": event_index.url,
            "dates, calendar": f"{event_index.url}kalender/",
            "consultation": consultation.url,
            "courses": course_index.url,
            "course": course.url,
            "search": f"{search}?q={base.SEARCH_TERM}",
            "search, Schulsachen": f"{search}?q={base.BROAD_SEARCH_TERM}",
            "standard page": about.url,
        }

    german = [*skeleton, offers[0], partners[0], consultations[1], courses[1]]
    german = [Page.objects.get(pk=page.pk).specific for page in german]
    arabic_pages = [
        arabic[page.pk] if page.pk in arabic else Page.objects.get(pk=translated[page.pk].pk)
        for page in german
    ]
    return base.Dataset(
        urls={
            "de": urls(german),
            "ar": urls([Page.objects.get(pk=page.pk).specific for page in arabic_pages]),
        },
        counts={
            "offers": len(offers),
            "partners": len(partners),
            "consultations": len(consultations),
            "courses": len(courses),
            "pages": Page.objects.live().count() - 1,
        },
    )
