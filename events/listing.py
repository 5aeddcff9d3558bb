"""Listings of the events app: all dates of the next weeks, and the training courses."""

import bisect
import datetime
import heapq
from itertools import chain, groupby

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angebote.filters import CARD_FIELDS, Facet, any_code, related_by_translation_key
from angebote.models import Topic
from angebote.models.choices import SPOKEN_LANGUAGES
from angebote.models.taxonomy import localized
from buero import page_tree

from . import dated, recurrence

# From the modules that define them, not the models package: its index pages import this.
from .models.consultations import ConsultationPage
from .models.courses import CourseFormat, CoursePage, Profession

#: The weeks the dates page shows (the window of events.dated).
WEEKS = dated.WINDOW_DAYS // 7
#: Dates on one page of the dates listing.
PAGE_SIZE = 50
#: Courses on one page of the course listing.
COURSE_PAGE_SIZE = 24
CONSULTATION = "consultation"
TRAINING = "training"


def topic_choices(locale_id):
    return [(topic.slug, topic.name) for topic in localized(Topic, locale_id)]


class EventListing:
    """Consultation dates and course sessions of the next weeks, grouped by week, a page of
    ``PAGE_SIZE`` dates at a time.

    The dates of the window come from events.dated (computed once per language and day, and
    after a publication only for the changed pages); a request filters them by ids and loads
    only the pages of the dates it shows. So neither the series outside the window nor the
    number of dates in it make a page slower.
    """

    def __init__(self, index_page, request, consultations):
        self.index_page = index_page
        self.request = request
        self.consultations = consultations
        self.topic_choices = topic_choices(index_page.locale_id)
        self.kind, self.topic, self.language = (
            Facet(
                "kind",
                _("Kind"),
                [(CONSULTATION, _("Consultation hours")), (TRAINING, _("Training courses"))],
                None,
            ),
            Facet("topic", _("Topic"), self.topic_choices, None),
            Facet("language", _("Interpreter"), SPOKEN_LANGUAGES, None),
        )
        self.facets = [facet.bind(request.GET) for facet in (self.kind, self.topic, self.language)]

    def wants(self, kind):
        return not self.kind.selected or kind in self.kind.selected

    def by_topic(self, through, column):
        """Pages linked to a chosen topic, matched across locales on the translation key."""
        return related_by_translation_key(through, column, Topic, self.topic.selected)

    def allowed_ids(self):
        """{kind: the ids of the pages that the chosen filters let through, or None for all
        (courses: every public course of the language)}."""
        allowed = {}
        if self.wants(CONSULTATION):
            # This dates page's own hours (the kept dates are the whole language's, which
            # may hold other offices' too).
            consultations = self.consultations
            if self.language.selected:
                consultations = consultations.filter(
                    any_code("interpreter_languages", self.language.selected)
                )
            if self.topic.selected:
                consultations = consultations.filter(
                    self.by_topic(ConsultationPage.topics.through, "consultationpage_id")
                )
            allowed[CONSULTATION] = set(consultations.values_list("pk", flat=True))
        if self.wants(TRAINING) and not self.language.selected:
            courses = None
            if self.topic.selected:
                courses = set(
                    CoursePage.objects.filter(
                        self.by_topic(CoursePage.topics.through, "coursepage_id")
                    ).values_list("pk", flat=True)
                )
            allowed[TRAINING] = courses
        return allowed

    def entries(self):
        """(occurrence, kind, page id) of the dates of the window (events.dated) that have
        not ended and that the chosen filters let through, sorted by start."""
        # In the dates' own time zone: aware times of one tzinfo compare without offsets.
        now = timezone.now().astimezone(recurrence.TIME_ZONE)
        allowed = self.allowed_ids()
        locale_id = self.index_page.locale_id
        found = []
        for kind, entries in (
            (CONSULTATION, lambda: dated.consultation_dates(locale_id).entries),
            (TRAINING, lambda: dated.course_dates(locale_id)),
        ):
            if kind not in allowed:
                continue
            ids = allowed[kind]
            found.append(
                [
                    (occurrence, kind, page_id)
                    for occurrence, page_id in not_ended(entries(), now)
                    if ids is None or page_id in ids
                ]
            )
        return list(heapq.merge(*found, key=lambda entry: entry[0].start))

    def load(self, entries):
        """(occurrence, page) of ``entries``: only their pages are loaded, one query a kind."""
        pages = {}
        for kind, model in ((CONSULTATION, ConsultationPage), (TRAINING, CoursePage)):
            ids = {page_id for _occurrence, entry_kind, page_id in entries if entry_kind == kind}
            if ids:
                for page in model.objects.filter(pk__in=ids).defer_streamfields():
                    pages[kind, page.pk] = page
        return [
            (occurrence, pages[kind, page_id])
            for occurrence, kind, page_id in entries
            if (kind, page_id) in pages
        ]

    def context(self):
        entries = self.entries()
        paginator = Paginator(entries, PAGE_SIZE)
        results = paginator.get_page(self.request.GET.get("page"))
        shown = self.load(results.object_list)
        weeks = [
            {"monday": monday, "entries": list(group)}
            for monday, group in groupby(
                shown, key=lambda e: e[0].date - datetime.timedelta(days=e[0].date.weekday())
            )
        ]
        return {
            "facets": self.facets,
            "weeks": weeks,
            "results": results,
            "active_filters": [],
            "result_count": paginator.count,
        }


def not_ended(entries, now):
    """The (occurrence, page id) ``entries``, sorted by start, that have not ended by
    ``now``: only those that have begun need a look at their end."""
    begun = bisect.bisect_right(entries, now, key=lambda entry: entry[0].start)
    return chain((entry for entry in entries[:begun] if entry[0].end > now), entries[begun:])


class CourseListing:
    """Courses filtered by target profession, topic and format: the upcoming ones by their
    first date, or (``past``) the archive, latest first; ``COURSE_PAGE_SIZE`` a page.

    Each filter's matches are found once per content change and kept with the page tree
    snapshot, with their first start and last end, so which courses are upcoming is decided
    at each request; only the courses of the page shown are loaded.
    """

    def __init__(self, index_page, request, courses, past=False):
        self.index_page = index_page
        self.request = request
        self.past = past
        self.facets = [
            facet.bind(request.GET)
            for facet in (
                Facet(
                    "profession",
                    _("For professionals in"),
                    Profession.choices,
                    lambda v: any_code("target_professions", v),
                ),
                Facet(
                    "topic",
                    _("Topic"),
                    topic_choices(index_page.locale_id),
                    lambda v: related_by_translation_key(
                        CoursePage.topics.through, "coursepage_id", Topic, v
                    ),
                ),
                Facet(
                    "format", _("Format"), CourseFormat.choices, lambda v: Q(course_format__in=v)
                ),
            )
        ]
        self.courses = courses

    def matches(self):
        """(first start, last end, id) of every course the filters let through, by first
        start; read anew when a course below this page (or the page) changes."""
        selection = tuple((facet.param, tuple(sorted(facet.selected))) for facet in self.facets)
        tree = page_tree.current()

        def build():
            courses = self.courses
            for facet in self.facets:
                if facet.selected:
                    courses = courses.filter(facet.apply(facet.selected))
            rows = courses.order_by().values_list("first_start", "last_end", "pk")
            return sorted(rows, key=lambda row: (row[0] is None, row[0] or 0, row[2]))

        def refresh(rows, changed):
            return build() if tree.changed_within(changed, self.index_page) else rows

        key = ("courses", self.index_page.pk, selection)
        return tree.memo(key, build, bounded=True, refresh=refresh)

    def chosen_ids(self):
        now = timezone.now()
        rows = self.matches()
        if self.past:
            return [pk for _start, end, pk in reversed(rows) if end is not None and end < now]
        return [pk for _start, end, pk in rows if end is None or end >= now]

    def context(self):
        paginator = Paginator(self.chosen_ids(), COURSE_PAGE_SIZE)
        results = paginator.get_page(self.request.GET.get("page"))
        ids = results.object_list
        courses = self.courses.filter(pk__in=ids).only(*CARD_FIELDS, "summary", "status")
        loaded = courses.in_bulk()
        results.object_list = [loaded[pk] for pk in ids if pk in loaded]  # one may be gone
        return {
            "facets": self.facets,
            "courses": results.object_list,
            "results": results,
            "active_filters": [],
            "result_count": paginator.count,
        }
