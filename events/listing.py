"""Listings of the events app: all dates of the next weeks, and the training courses."""

import datetime
from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from angebote.filters import CARD_FIELDS, Facet, any_code, related_by_translation_key
from angebote.models import Topic
from angebote.models.choices import SPOKEN_LANGUAGES
from angebote.models.taxonomy import localized
from buero import page_tree

from . import recurrence

# From the modules that define them, not the models package: its index pages import this.
from .models.consultations import RULE_FIELDS, ConsultationPage
from .models.courses import CourseFormat, CoursePage, CourseSession, CourseStatus, Profession
from .recurrence import Occurrence

WEEKS = 6
#: Dates on one page of the dates listing.
PAGE_SIZE = 50
CONSULTATION = "consultation"
TRAINING = "training"


def topic_choices(locale_id):
    return [(topic.slug, topic.name) for topic in localized(Topic, locale_id)]


class EventListing:
    """Consultation dates and course sessions of the next weeks, grouped by week, a page of
    ``PAGE_SIZE`` dates at a time.

    The dates of the window are computed once per page tree snapshot, language and day
    (``dated``), from the series that can have a date in it (``ConsultationPage.in_window``);
    a request then filters them by ids and loads only the pages of the dates it shows. So
    neither the series outside the window nor the number of dates in it make a page slower.
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

    def dated(self, first, last):
        """(occurrence, kind, page id) of every date in [first, last], sorted by start: the
        index's series and the locale's courses, unfiltered. Kept with the snapshot."""
        language = translation.get_language()

        def build():
            series = ConsultationPage.load_dates(
                ConsultationPage.in_window(self.consultations, first, last).only(*RULE_FIELDS)
            )
            found = [
                (occurrence, CONSULTATION, page.pk)
                for page in series
                for occurrence in page.occurrences(first, last, language=language)
            ]
            sessions = (
                CourseSession.objects.filter(
                    page__live=True,
                    page__locale_id=self.index_page.locale_id,
                    end__gte=recurrence.at(first, datetime.time()),
                    start__date__lte=last,
                )
                .exclude(page__status=CourseStatus.CANCELLED)
                .values_list("page_id", "start", "end", "note")
            )
            found += [
                (
                    Occurrence(
                        start.astimezone(recurrence.TIME_ZONE),
                        end.astimezone(recurrence.TIME_ZONE),
                        note=note,
                    ),
                    TRAINING,
                    page_id,
                )
                for page_id, start, end, note in sessions
            ]
            found.sort(key=lambda entry: entry[0].start)
            return found

        key = ("event-listing", self.index_page.pk, language)
        return page_tree.current().memo_latest(key, (first, last), build)

    def allowed_ids(self):
        """{kind: the ids of the pages that the chosen filters let through, or None for all}."""
        allowed = {}
        if self.wants(CONSULTATION):
            consultations = None
            if self.language.selected or self.topic.selected:
                consultations = self.consultations
                if self.language.selected:
                    consultations = consultations.filter(
                        any_code("interpreter_languages", self.language.selected)
                    )
                if self.topic.selected:
                    consultations = consultations.filter(
                        self.by_topic(ConsultationPage.topics.through, "consultationpage_id")
                    )
                consultations = set(consultations.values_list("pk", flat=True))
            allowed[CONSULTATION] = consultations
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

    def entries(self, first, last):
        """(occurrence, kind, page id) of the dates in [first, last] that have not ended and
        that the chosen filters let through."""
        now = timezone.now()
        allowed = self.allowed_ids()
        return [
            entry
            for entry in self.dated(first, last)
            if entry[1] in allowed
            and (allowed[entry[1]] is None or entry[2] in allowed[entry[1]])
            and entry[0].end > now
        ]

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
        today = timezone.localdate()
        entries = self.entries(today, today + datetime.timedelta(weeks=WEEKS))
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


class CourseListing:
    """Courses filtered by target profession, topic and format."""

    def __init__(self, index_page, request, courses):
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

    def context(self):
        courses = self.courses
        for facet in self.facets:
            if facet.selected:
                courses = courses.filter(facet.apply(facet.selected))
        courses = list(courses.only(*CARD_FIELDS, "summary", "status"))
        return {
            "facets": self.facets,
            "courses": courses,
            "active_filters": [],
            "result_count": len(courses),
        }
