"""Listings of the events app: all dates of the next weeks, and the training courses."""

import datetime
from itertools import groupby

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angebote.filters import CARD_FIELDS, Facet, any_code, related_by_translation_key
from angebote.models import Topic
from angebote.models.choices import SPOKEN_LANGUAGES
from angebote.models.taxonomy import localized

# From the modules that define them, not the models package: its index pages import this.
from .models.consultations import ConsultationPage
from .models.courses import CourseFormat, CoursePage, CourseSession, CourseStatus, Profession

WEEKS = 6
CONSULTATION = "consultation"
TRAINING = "training"


def topic_choices(locale_id):
    return [(topic.slug, topic.name) for topic in localized(Topic, locale_id)]


class EventListing:
    """Consultation dates and course sessions of the next weeks, grouped by week."""

    def __init__(self, index_page, request, consultations):
        self.index_page = index_page
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

    def entries(self, first, last):
        now = timezone.now()
        found = []
        if self.wants(CONSULTATION):
            consultations = self.consultations
            if self.language.selected:
                consultations = consultations.filter(
                    any_code("interpreter_languages", self.language.selected)
                )
            if self.topic.selected:
                consultations = consultations.filter(
                    self.by_topic(ConsultationPage.topics.through, "consultationpage_id")
                )
            found += [
                (occurrence, page)
                for page in ConsultationPage.load_dates(consultations)
                for occurrence in page.occurrences(first, last)
                if occurrence.end > now
            ]
        if self.wants(TRAINING) and not self.language.selected:
            sessions = (
                CourseSession.objects.filter(
                    page__live=True,
                    page__locale_id=self.index_page.locale_id,
                    end__gte=now,
                    start__date__lte=last,
                )
                .exclude(page__status=CourseStatus.CANCELLED)
                .select_related("page")
            )
            if self.topic.selected:
                courses = CoursePage.objects.filter(
                    self.by_topic(CoursePage.topics.through, "coursepage_id")
                )
                sessions = sessions.filter(page__in=courses.values("pk"))
            found += [(session.occurrence, session.page) for session in sessions]
        return sorted(found, key=lambda entry: entry[0].start)

    def context(self):
        today = timezone.localdate()
        entries = self.entries(today, today + datetime.timedelta(weeks=WEEKS))
        weeks = [
            {"monday": monday, "entries": list(group)}
            for monday, group in groupby(
                entries, key=lambda e: e[0].date - datetime.timedelta(days=e[0].date.weekday())
            )
        ]
        return {
            "facets": self.facets,
            "weeks": weeks,
            "active_filters": [],
            "result_count": len(entries),
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
