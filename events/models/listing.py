"""The index pages of the events app: the dates of the next weeks, and the training courses,
each a filtered listing (events.listing) of the pages below it."""

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from buero import page_tree
from buero import structured_data as schema
from buero.models import BasePage

from .. import feeds
from ..listing import CourseListing, EventListing
from .consultations import ConsultationPage
from .courses import CoursePage, CourseSession, CourseStatus


class DateIndexPage(BasePage):
    """Termine: every upcoming consultation date of the next weeks, grouped by week."""

    intro = models.TextField(
        "Einleitung",
        blank=True,
        help_text="Ein, zwei Sätze: Was findet man hier? Die Termine erscheinen automatisch.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["buero.OfficePage"]
    subpage_types = ["buero_events.ConsultationPage"]
    max_count = 1
    # The facets of events.listing.EventListing, and its page number.
    query_parameters = ("kind", "topic", "language", "page")
    search_label = _("Dates")

    class Meta:
        verbose_name = "Termine"

    def consultations(self):
        return (
            page_tree.current()
            .public(ConsultationPage.objects.child_of(self))
            .filter(locale_id=self.locale_id)
            .order_by("title")
        )

    @path("")
    def index(self, request):
        listing = EventListing(self, request, self.consultations())
        return self.render(request, context_overrides=listing.context())

    def structured_data(self, request, context):
        """A CollectionPage of the consultation hours and courses whose dates it lists."""
        pages = [page for week in context["weeks"] for _occurrence, page in week["entries"]]
        return schema.web_page(
            self, request, "CollectionPage", mainEntity=schema.item_list(pages, request)
        )

    @path("kalender/", name="feed")
    def feed(self, request):
        """All consultation hours of this language as one calendar to subscribe to: those
        with dates in the feed's window, at most ``feeds.MAX_EVENTS`` events.

        Calendar apps fetch it every few hours, and it takes a year of dates of up to a
        hundred series to make: it is kept with the page tree snapshot for the day, and made
        anew only when a consultation hour (or this page) changes."""
        first, last = feeds.window()
        language = translation.get_language()

        def build():
            series = ConsultationPage.in_window(self.consultations(), first, last)
            pages = ConsultationPage.load_dates(series[: feeds.MAX_EVENTS])
            return feeds.series_calendar(request, pages, self.title).to_ical()

        tree = page_tree.current()

        def refresh(content, changed):
            return build() if tree.changed_within(changed, self) else content

        content = tree.memo_latest(("calendar", self.pk, language), first, build, refresh)
        return feeds.ical_response(content, "sprechstunden.ics")


class CourseIndexPage(BasePage):
    """Weiterbildungen: upcoming courses first; past ones on the archive page."""

    intro = models.TextField(
        "Einleitung",
        blank=True,
        help_text="Ein, zwei Sätze für Fachkräfte: Welche Weiterbildungen finden sie hier?",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["buero.OfficePage"]
    subpage_types = ["buero_events.CoursePage"]
    max_count = 1
    # The facets of events.listing.CourseListing, and its page number.
    query_parameters = ("profession", "topic", "format", "page")
    search_label = _("Training courses")

    class Meta:
        verbose_name = "Weiterbildungen"

    def courses(self):
        return (
            page_tree.current()
            .public(CoursePage.objects.child_of(self))
            .filter(locale_id=self.locale_id)
            .with_dates()
            .defer_streamfields()
        )

    def _listing(self, request, past):
        listing = CourseListing(self, request, self.courses(), past=past)
        return self.render(request, context_overrides={**listing.context(), "archive": past})

    def structured_data(self, request, context):
        """A CollectionPage of the courses it lists."""
        return schema.web_page(
            self,
            request,
            "CollectionPage",
            mainEntity=schema.item_list(context["courses"], request),
        )

    @path("")
    def upcoming(self, request):
        return self._listing(request, past=False)

    @path("archiv/", name="archive")
    def archive(self, request):
        return self._listing(request, past=True)

    @path("kalender/", name="feed")
    def feed(self, request):
        """Every upcoming session of every course, to subscribe to."""
        now = timezone.now()
        sessions = (
            CourseSession.objects.filter(
                page__in=self.courses().values("pk"), end__gte=now, start__lte=now + feeds.HORIZON
            )
            .exclude(page__status=CourseStatus.CANCELLED)
            .select_related("page")
            .order_by("start")[: feeds.MAX_EVENTS]
        )
        entries = [(session.page, session.occurrence) for session in sessions]
        return feeds.calendar_response(request, entries, self.title, "weiterbildungen.ics")
