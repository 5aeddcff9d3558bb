"""Every public page, HTML plus CSS plus JS, stays under 60 KB compressed (images aside)."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from angebote.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    TargetGroupFactory,
    YouthPageFactory,
)
from events.factories import (
    ConsultationPageFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    DateIndexPageFactory,
)

pytestmark = pytest.mark.django_db
BUDGET = 60 * 1024


def compressed(data):
    return len(gzip.compress(data, compresslevel=6))


@pytest.fixture
def urls(home, office):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    partner = PartnerPageFactory(parent=partners)
    young = TargetGroupFactory(slug="jugendliche")
    for _ in range(15):
        OfferPageFactory(
            parent=offers,
            providers=[partner],
            target_groups=[young],
            youth_text="Deine Klassenfahrt wird bezahlt, wenn deine Familie wenig Geld hat.",
        )
    events = DateIndexPageFactory(parent=home)
    consultation = ConsultationPageFactory(parent=events)
    courses = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=courses)
    pages = [
        home,
        offers,
        partners,
        partner,
        offers.get_children().first(),
        events,
        consultation,
        courses,
        course,
        YouthPageFactory(parent=home, target_group=young),
    ]
    printed = [
        f"{home.url}plakat/",
        f"{consultation.url}plakat/ar/",
        f"{consultation.url}flyer/",
        f"{partner.url}infoblatt/",
        f"{offers.get_children().first().url}infoblatt/",
        f"{partner.url}qr-code/",
        f"{home.url}offline/",
    ]
    return [page.url for page in pages] + printed + ["/de/suche/?q=Angebot", "/de/gibt-es-nicht/"]


def test_every_public_page_stays_under_the_weight_budget(client, urls):
    weights = {}
    for url in urls:
        response = client.get(url)
        html = response.content
        assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
        total = compressed(html) + sum(
            compressed(Path(finders.find(asset.decode())).read_bytes()) for asset in assets
        )
        weights[url] = total
    heaviest = max(weights, key=weights.get)
    print(f"\nheaviest page: {heaviest}, {weights[heaviest] / 1024:.1f} KB compressed")
    assert weights[heaviest] < BUDGET, f"{heaviest}: {weights[heaviest]} bytes compressed"
