"""Fixtures shared by the suite: locales, a page tree built in the test, translations."""

import os

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connections
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Locale, Page, Site

# The benchmarks run only with `make bench`; the browser tests and the host test only when
# named, `pytest tests/e2e` (their demo site stays committed for the whole session) and
# `pytest tests/host` (a site made by `wagtail start`, in subprocesses; see Makefile).
collect_ignore = ["e2e", "host"]
if not os.environ.get("BUERO_BENCH"):
    collect_ignore.append("perf")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test with ``serialized_rollback`` leaves an empty database behind: Django's flush
    removes everything, and only the next such test's setup restores it. pytest-django runs
    those tests after the others, but xdist's work stealing may hand a worker ordinary tests
    after them (their content types and permissions gone, its cache of content types
    stale). So the contents are restored at once."""
    try:
        return (yield)
    finally:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("serialized_rollback"):
            with item.config.stash[blocking_manager_key].unblock():
                for connection in connections.all(initialized_only=True):
                    contents = getattr(connection, "_test_serialized_contents", None)
                    if contents:
                        connection.creation.deserialize_db_from_string(contents)
            ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths, the page tree its snapshot; a rolled-back test must
    not leak them."""
    from buero import page_tree

    cache.clear()
    page_tree.forget()
    yield
    cache.clear()
    page_tree.forget()


@pytest.fixture
def locales(db):
    """Every configured content locale, keyed by language code."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


@pytest.fixture
def home(locales):
    """A German home page as the default site's root."""
    from buero.factories import OfficePageFactory

    home = OfficePageFactory(parent=Page.get_first_root_node(), locale=locales["de"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.save()
    return home


@pytest.fixture
def site(home):
    return Site.objects.get(root_page=home)


@pytest.fixture
def translate(locales):
    """Translate a page (and its untranslated parents) into a locale and publish it."""

    def _translate(page, code, **fields):
        translated = page.copy_for_translation(locales[code], copy_parents=True)
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        translated.refresh_from_db()
        return translated

    return _translate


@pytest.fixture
def office(site):
    """The office's settings of the default site."""
    from buero.factories import OfficeSettingsFactory

    return OfficeSettingsFactory(site=site)


@pytest.fixture
def without_search_index(settings):
    """Skip search indexing while a test builds hundreds of pages.

    On PostgreSQL every insert refreshes the title norms of similar entries, which makes bulk
    creation quadratic; tests of the search itself keep the index on.
    """
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }


@pytest.fixture
def public_pages(home, translate, office):
    """Every public page type, German and Arabic, with what makes pages expensive: entry
    points, partners leading consultation hours and courses, cancellations, extra dates."""
    import datetime

    from angebote.factories import (
        OfferIndexPageFactory,
        OfferPageFactory,
        PartnerIndexPageFactory,
        PartnerPageFactory,
        TargetGroupFactory,
        TopicFactory,
        YouthPageFactory,
    )
    from buero.factories import OfficeInfoPageFactory
    from events.factories import (
        ConsultationCancellationFactory,
        ConsultationExtraDateFactory,
        ConsultationPageFactory,
        CourseIndexPageFactory,
        CoursePageFactory,
        CourseSessionFactory,
        DateIndexPageFactory,
    )

    topic = TopicFactory(slug="schulden")
    young = TargetGroupFactory(slug="jugendliche")
    offers = OfferIndexPageFactory(parent=home, show_in_menus=True)
    partners = PartnerIndexPageFactory(parent=home, show_in_menus=True)
    dates = DateIndexPageFactory(parent=home, show_in_menus=True)
    courses = CourseIndexPageFactory(parent=home, show_in_menus=True)
    about = OfficeInfoPageFactory(parent=home, show_in_menus=True)
    partner = PartnerPageFactory(parent=partners, topics=[topic])
    offer = OfferPageFactory(
        parent=offers,
        topics=[topic],
        providers=[partner],
        target_groups=[young],
        youth_text="Das bekommst du.",
    )
    hour = ConsultationPageFactory(parent=dates, host=partner, topics=[topic])
    ConsultationCancellationFactory(page=hour, date=datetime.date(2026, 12, 9))
    ConsultationExtraDateFactory(page=hour, date=datetime.date(2026, 12, 10))
    course = CoursePageFactory(parent=courses, provider=partner)
    for day in range(3):
        CourseSessionFactory(
            page=course, start=datetime.datetime(2027, 1, 10 + day, 9, tzinfo=datetime.UTC)
        )
    youth = YouthPageFactory(parent=home, target_group=young)
    for page in (offers, partners, dates, courses, about, youth):
        home.entry_points.append(
            ("entry_point", {"page": page, "title": "", "text": "Mehr", "on_top": page is youth})
        )
    home.save_revision().publish()
    german = [home, offers, offer, partners, partner, dates, hour, courses, course, about]
    arabic = [translate(page, "ar") for page in german]
    # Added later, at the end: tests pick pages by their index.
    return german + arabic + [youth, translate(youth, "ar")]
