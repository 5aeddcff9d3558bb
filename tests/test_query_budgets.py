"""Every public page, German and translated, stays within 15 queries (DESIGN.md budgets).

The tree has what makes pages expensive: entry points on the home page, partners that lead
consultation hours and courses, cancellations and extra dates, several sessions, and an
Arabic translation of everything, whose links must be localised.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TopicFactory,
)
from events.factories import (
    ConsultationCancellationFactory,
    ConsultationExtraDateFactory,
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    EventIndexPageFactory,
)
from home.factories import StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("office")]

BUDGET = 15


@pytest.fixture
def pages(home, translate):
    topic = TopicFactory(slug="schulden")
    offers = OfferIndexPageFactory(parent=home, show_in_menus=True)
    partners = PartnerIndexPageFactory(parent=home, show_in_menus=True)
    dates = EventIndexPageFactory(parent=home, show_in_menus=True)
    courses = CourseIndexPageFactory(parent=home, show_in_menus=True)
    about = StandardPageFactory(parent=home, show_in_menus=True)
    partner = PartnerPageFactory(parent=partners, topics=[topic])
    offer = OfferPageFactory(parent=offers, topics=[topic], providers=[partner])
    hour = ConsultationPageFactory(parent=dates, host=partner, topics=[topic])
    ConsultationCancellationFactory(page=hour, date=datetime.date(2026, 12, 9))
    ConsultationExtraDateFactory(page=hour, date=datetime.date(2026, 12, 10))
    course = CoursePageFactory(parent=courses, provider=partner)
    for day in range(3):
        CourseSessionFactory(
            page=course, start=datetime.datetime(2027, 1, 10 + day, 9, tzinfo=datetime.UTC)
        )
    for page in (offers, partners, dates, courses, about):
        home.entry_points.append(("entry_point", {"page": page, "title": "", "text": "Mehr"}))
    home.save_revision().publish()
    german = [home, offers, offer, partners, partner, dates, hour, courses, course, about]
    arabic = [translate(page, "ar") for page in german]
    return german + arabic


def test_every_public_page_stays_within_the_query_budget(client, pages):
    counts = {}
    for url in [page.url for page in pages] + ["/sitemap.xml"]:
        assert client.get(url).status_code == 200, url  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[url] = len(queries)
    over = {url: count for url, count in counts.items() if count > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"
