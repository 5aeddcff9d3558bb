"""The dates listing: every upcoming consultation date of the next weeks, grouped by week."""

import datetime
from itertools import groupby

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from angebote.filters import Facet, any_code
from angebote.models import Topic
from angebote.models.choices import SPOKEN_LANGUAGES

WEEKS = 6


class EventListing:
    def __init__(self, index_page, request, consultations):
        self.index_page = index_page
        self.request = request
        self.topics = Topic.objects.for_locale(index_page.locale_id)
        self.facets = [
            Facet("topic", _("Topic"), [(t.slug, t.name) for t in self.topics], lambda v: Q()),
            Facet(
                "language",
                _("Interpreter"),
                SPOKEN_LANGUAGES,
                lambda v: any_code("interpreter_languages", v),
            ),
        ]
        for facet in self.facets:
            facet.bind(request.GET)
        self.consultations = consultations

    def matching(self):
        queryset = self.consultations
        topic, language = self.facets
        if language.selected:
            queryset = queryset.filter(language.apply(language.selected))
        pages = list(queryset)
        if topic.selected:
            chosen = {t.translation_key for t in self.topics if t.slug in topic.selected}
            pages = [p for p in pages if {t.translation_key for t in p.topics.all()} & chosen]
        return pages

    def weeks(self, pages):
        today = timezone.localdate()
        last = today + datetime.timedelta(weeks=WEEKS)
        now = timezone.now()
        entries = sorted(
            (
                (occurrence, page)
                for page in pages
                for occurrence in page.occurrences(today, last)
                if occurrence.end > now
            ),
            key=lambda entry: entry[0].start,
        )
        return [
            {"monday": monday, "entries": list(group)}
            for monday, group in groupby(
                entries,
                key=lambda e: e[0].date - datetime.timedelta(days=e[0].date.weekday()),
            )
        ]

    def context(self):
        weeks = self.weeks(self.matching())
        return {
            "facets": self.facets,
            "weeks": weeks,
            "active_filters": [],
            "result_count": sum(len(week["entries"]) for week in weeks),
        }
