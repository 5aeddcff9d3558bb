"""Facts are one truth: a change the office publishes in German shows in every language at
once, in every output, without a translator's step (buero.facts)."""

import datetime
import json
import re

import pytest
from icalendar import Calendar

from angebote.factories import (
    ContactPersonFactory,
    OpeningHoursFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from angebote.models import PartnerPage
from events.factories import ConsultationCancellationFactory, ConsultationPageFactory
from events.models import ConsultationCancellation, ConsultationPage

pytestmark = pytest.mark.django_db

CANCELLED = datetime.date(2026, 12, 2)  # the next Wednesday


def text_of(content):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", content))


@pytest.fixture
def hour(event_index, translate, office):
    page = ConsultationPageFactory(
        parent=event_index, title="Offene Sprechstunde", slug="offene-sprechstunde"
    )
    for code in ("en", "ar", "uk"):
        translate(page, code, intro=f"Intro {code}")
    return page


def translation_of(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)


def cancel(page, day=CANCELLED, reason="Fortbildung des Teams"):
    ConsultationCancellationFactory(page=page, date=day, reason=reason)
    page.save_revision().publish()


def test_a_cancellation_published_in_german_shows_in_every_output_of_every_language(
    client, frozen, hour
):
    arabic = translation_of(hour, "ar")
    # Warm the page cache in Arabic first: the change must not wait for it to expire.
    assert "Fortbildung" not in client.get(arabic.url).content.decode()

    cancel(hour)

    for code in ("en", "ar", "uk"):
        translated = translation_of(hour, code)
        assert list(translated.cancellations.values_list("date", flat=True)) == [CANCELLED]
        page = client.get(translated.url).content.decode()
        # The reason is not translated yet: German, marked as such.
        assert '<span lang="de" dir="ltr">Fortbildung des Teams</span>' in page
        home = client.get(f"/{code}/").content.decode()
        assert 'lang="de" dir="ltr">Fortbildung des Teams</span>' in home

        dates = client.get(f"/api/termine.json?lang={code}").json()
        cancelled = {entry["start"][:10]: entry for entry in dates["dates"] if entry["cancelled"]}
        assert cancelled[CANCELLED.isoformat()]["reason"] == "Fortbildung des Teams"

        calendar = Calendar.from_ical(client.get(f"{translated.url}kalender/").content)
        event = next(iter(calendar.walk("VEVENT")))
        exdates = [value.dt.date() for exdate in _list(event.get("EXDATE")) for value in exdate.dts]
        assert CANCELLED in exdates

        feed = client.get(f"/{code}/feeds/ausfaelle/").content.decode()
        assert "Fortbildung des Teams" in feed

        widget = client.get(f"/{code}/einbetten/termine/").content.decode()
        assert "Fortbildung des Teams" in widget

        hsds = client.get(f"/api/hsds/services?lang={code}&full=true").content.decode()
        assert "Fortbildung des Teams" in hsds


def _list(value):
    return value if isinstance(value, list) else [value]


def test_a_translated_reason_stays_until_the_cancellation_changes(client, frozen, hour):
    cancel(hour)
    arabic = translation_of(hour, "ar")
    ConsultationCancellation.objects.filter(page=arabic).update(
        reason="تدريب الفريق", shows_source_text=False
    )
    hour.title = "Offene Sprechstunde im Jugendclub"
    hour.save_revision().publish()  # no change of the cancellation: the translation stays
    assert arabic.cancellations.get().reason == "تدريب الفريق"

    row = hour.cancellations.get()
    row.date = datetime.date(2026, 12, 16)
    row.save()
    hour.save_revision().publish()
    moved = arabic.cancellations.get()
    assert (moved.date, moved.reason, moved.shows_source_text) == (
        datetime.date(2026, 12, 16),
        "Fortbildung des Teams",
        True,
    )


def test_a_deleted_cancellation_is_deleted_everywhere(client, frozen, hour):
    cancel(hour)
    hour.cancellations.all().delete()
    hour.save_revision().publish()
    assert not ConsultationCancellation.objects.filter(page__translation_key=hour.translation_key)
    content = client.get(translation_of(hour, "ar").url).content.decode()
    assert "Fortbildung des Teams" not in content


def test_times_and_rules_follow_the_source(client, frozen, hour):
    hour.start_time, hour.end_time, hour.weekdays = datetime.time(16), datetime.time(18), ["3"]
    hour.save_revision().publish()
    english = translation_of(hour, "en")
    assert (english.start_time, english.weekdays) == (datetime.time(16), ["3"])
    assert english.intro == "Intro en"  # prose stays the translator's
    text = text_of(client.get(english.url).content.decode())
    assert "Thursday" in text
    assert "4:00" in text or "16:00" in text


def test_publishing_a_translation_never_brings_back_older_facts(frozen, hour):
    """wagtail-localize publishes a translation from its last synced copy of the source:
    the facts published in German since then win."""
    english = translation_of(hour, "en")
    cancel(hour)
    english.cancellations.all().delete()
    english.contact_phone = "0000"
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.contact_phone == hour.contact_phone
    assert list(english.cancellations.values_list("date", flat=True)) == [CANCELLED]


def test_a_partners_phone_and_hours_reach_every_language(client, home, translate, office):
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home), phone="03935 111", title="Tafel"
    )
    OpeningHoursFactory(page=partner, weekday=1, note="nur mit Termin")
    ContactPersonFactory(page=partner, name="Frau Beispiel", role="Beraterin", phone="03935 222")
    english = translate(partner, "en")
    english_hours = english.opening_hours.get()
    english_hours.note = "by appointment only"
    english_hours.save()

    partner.phone = "03935 999"
    person = partner.contact_persons.get()
    person.phone = "03935 333"
    person.save()
    partner.save_revision().publish()

    english = PartnerPage.objects.get(pk=english.pk)
    assert english.phone == "03935 999"
    assert english.contact_persons.get().phone == "03935 333"
    assert english.contact_persons.get().role == "Beraterin"  # facts changed: German role
    assert english.opening_hours.get().note == "by appointment only"  # unchanged: kept
    content = client.get(english.url).content.decode()
    assert "03935 999" in content
    assert "03935 333" in content
    assert "03935 111" not in content
    assert '<span lang="de" dir="ltr">Beraterin</span>' in content


def test_the_outputs_agree_with_the_page_cache_on(client, frozen, hour, settings):
    """The page cache keeps whole pages per language: a change must reach them all."""
    for code in ("de", "ar"):
        client.get(f"/{code}/")
        client.get(f"/api/termine.json?lang={code}")
    cancel(hour, reason="Krankheit")
    for code in ("de", "ar"):
        assert "Krankheit" in client.get(f"/{code}/").content.decode()
        assert "Krankheit" in json.dumps(client.get(f"/api/termine.json?lang={code}").json())


def test_every_page_type_with_facts_is_written_through():
    """A page type whose facts would not reach its translations shows up here."""
    from buero.facts import fact_fields

    names, relations = fact_fields(ConsultationPage)
    assert {"start_time", "weekdays", "contact_phone", "valid_until"} <= set(names)
    assert {relation.name for relation in relations} == {"cancellations", "extra_dates"}
    names, relations = fact_fields(PartnerPage)
    assert {"phone", "street", "email"} <= set(names)
    assert {relation.name for relation in relations} == {"opening_hours", "contact_persons"}
