"""Atom feeds per language, for the municipal portal, partners' sites and feed readers.

Three feeds a reader subscribes to without checking the site: new and changed help offers,
upcoming courses, and cancelled consultation dates. Each lists the live, public pages of the
visitor's language tree, which holds the German page (an alias) where no translation exists
yet, as the site itself shows it.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from angebote.models import OfferPage
from buero import page_tree
from buero.models import OfficeSettings
from events.models import ConsultationCancellation, ConsultationPage, CoursePage, CourseSession
from events.models.courses import CourseStatus
from events.recurrence import RULE_FIELDS, holiday_name

#: The feeds, as (URL name, title), that every page links in its <head> (FEED_LINKS hook).
FEEDS = (
    ("opendata_feed_offers", gettext_lazy("New and changed help offers")),
    ("opendata_feed_courses", gettext_lazy("Upcoming courses")),
    ("opendata_feed_cancellations", gettext_lazy("Cancelled consultation hours")),
)
#: Entries a feed holds, and how far ahead the cancellations feed looks.
FEED_ITEMS = 30
CANCELLATION_DAYS = 120
COURSE_HORIZON = datetime.timedelta(days=365)


class LanguageFeed(Feed):
    """A feed of the active language's tree; its pages' addresses are absolute."""

    feed_type = Atom1Feed
    #: A feed reads no query parameter (buero_site.page_cache).
    query_parameters = ()

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.locale = Locale.objects.filter(language_code=translation.get_language()).first()
        self.office = OfficeSettings.for_request(request).name
        return None

    def link(self):
        return self.request.build_absolute_uri(f"/{translation.get_language()}/")

    def author_name(self):
        return self.office

    def live_pages(self, model):
        """The live, public pages of ``model`` in this language."""
        pages = model.objects.live().filter(locale=self.locale)
        return page_tree.current().public(pages)


class OfferFeed(LanguageFeed):
    def title(self):
        return _("New and changed help offers – %(office)s") % {"office": self.office}

    def subtitle(self):
        return _("Help offers for families, newest change first.")

    def items(self):
        newest = F("last_published_at").desc(nulls_last=True)
        return self.live_pages(OfferPage).order_by(newest, "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class CourseFeed(LanguageFeed):
    def title(self):
        return _("Upcoming courses – %(office)s") % {"office": self.office}

    def subtitle(self):
        return _("Further training on child poverty for professionals.")

    def items(self):
        """The next ``FEED_ITEMS`` courses by their next session: the sessions of the coming
        year are read as plain rows, and only the courses shown are loaded."""
        now = timezone.now()
        courses = self.live_pages(CoursePage).exclude(status=CourseStatus.CANCELLED)
        first_session = {}
        for page_id, start in (
            CourseSession.objects.filter(
                page_id__in=courses.values("pk"), end__gte=now, start__lte=now + COURSE_HORIZON
            )
            .order_by("start")
            .values_list("page_id", "start")
        ):
            first_session.setdefault(page_id, start)
            if len(first_session) == FEED_ITEMS:
                break
        loaded = courses.filter(pk__in=first_session).defer_streamfields().in_bulk()
        items = []
        for page_id, start in first_session.items():
            if (course := loaded.get(page_id)) is not None:
                course.next_start = start
                items.append(course)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = date_format(timezone.localtime(item.next_start), "DATETIME_FORMAT")
        return _("Next date: %(when)s. %(summary)s") % {"when": when, "summary": item.summary}

    def item_link(self, item):
        return item.url

    def item_updateddate(self, item):
        return item.last_published_at


class Cancellation:
    """One cancelled date of a series, as a feed entry."""

    def __init__(self, page, occurrence):
        self.page, self.occurrence = page, occurrence


class CancellationFeed(LanguageFeed):
    def title(self):
        return _("Cancelled consultation hours – %(office)s") % {"office": self.office}

    def subtitle(self):
        return _("Dates of the consultation hours that do not take place.")

    def items(self):
        """The next ``FEED_ITEMS`` cancelled dates: the rules of the series that can have a
        date in the window are read, and only the series shown are loaded."""
        today = timezone.localdate()
        last = today + datetime.timedelta(days=CANCELLATION_DAYS)
        pages = ConsultationPage.in_window(self.live_pages(ConsultationPage), today, last)
        holidays = (today + datetime.timedelta(days=n) for n in range(CANCELLATION_DAYS + 1))
        if not any(holiday_name(day) for day in holidays):
            # Without a holiday in the window only an editor's cancellation cancels a date.
            cancelled = ConsultationCancellation.objects.filter(date__gte=today, date__lte=last)
            pages = pages.filter(pk__in=cancelled.values("page_id"))
        series = ConsultationPage.load_dates(pages.only(*RULE_FIELDS).order_by("title"))
        found = [
            (occurrence, page.pk)
            for page in series
            for occurrence in page.occurrences(today, last)
            if occurrence.cancelled
        ]
        found.sort(key=lambda entry: entry[0].start)
        found = found[:FEED_ITEMS]
        loaded = ConsultationPage.objects.filter(pk__in={pk for _o, pk in found}).in_bulk()
        return [Cancellation(loaded[pk], occurrence) for occurrence, pk in found if pk in loaded]

    def item_title(self, item):
        day = date_format(item.occurrence.date, "DATE_FORMAT")
        return _("The consultation hour on %(date)s is cancelled") % {"date": day} + (
            f": {item.page.title}"
        )

    def item_description(self, item):
        return item.occurrence.reason or item.page.title

    def item_link(self, item):
        return item.page.url

    def item_guid(self, item):
        return f"{item.page.full_url}#{item.occurrence.date.isoformat()}"

    def item_updateddate(self, item):
        return item.page.last_published_at
