"""A year of plausible figures for the demo's "Statistik" (the standalone site only: a host
that loads the plugin's demo gets no invented figures).

The twelve months before today: 6 to 15 conversations a week on weekdays (families mostly
German, Arabic, Ukrainian, Persian or Russian, with an interpreter for most other languages;
topics, benefits and referrals from the demo's own topics and partners) and the site's daily
totals for every figure, quieter at weekends. A fixed seed makes every load the same for
the same day. Rows are only added where there are none, and are dated so that they are
fixed (``recorded_on`` the day of the conversation).
"""

import datetime
import math
import random

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from angebote.benefits import BENEFITS, LEVELS
from angebote.models import PartnerPage, Topic
from angebote.models.choices import help_check_choices
from impact.models import Conversation, DailyTotal, Figure

SEED = 2026
DAYS = 365

LANGUAGES = {"de": 52, "ar": 14, "uk": 12, "fa": 8, "ru": 7, "pl": 3, "ro": 2, "tr": 1, "ti": 1}
KINDS = {"open_hour": 50, "appointment": 20, "phone": 16, "partner_hour": 9, "outreach": 5}
VISITORS = {"family": 72, "young": 14, "professional": 14}
#: Topic slugs of the demo (angebote.demo.TOPICS) and how often they come up.
TOPICS = {
    "geld-und-leistungen": 40,
    "familie-und-kinder": 18,
    "schule-und-bildung": 12,
    "sprache-und-ankommen": 10,
    "schulden": 9,
    "ausbildung-und-arbeit": 7,
    "behinderung-und-teilhabe": 3,
    "freizeit-und-jugend": 3,
}
#: Partner slugs of the demo (angebote.demo.PARTNERS) and how often the office refers there.
PARTNERS = {
    "jobcenter": 30,
    "familienkasse": 22,
    "wohngeldstelle": 14,
    "schuldnerberatung": 12,
    "migrationsberatung": 12,
    "jugendamt": 8,
    "familienberatung": 7,
    "tafel": 6,
    "dolmetschpool": 4,
    "schwangerschaftsberatung": 2,
}
#: Page views per page type on a weekday, and each language's share of the site's visitors.
PAGE_VIEWS = {
    "officepage": 28,
    "offerindexpage": 10,
    "offerpage": 30,
    "partnerindexpage": 5,
    "partnerpage": 9,
    "helpcheckpage": 8,
    "dateindexpage": 7,
    "consultationpage": 6,
    "coursepage": 4,
    "youthpage": 3,
    "officeinfopage": 2,
}
SITE_LANGUAGES = {"de": 55, "ar": 13, "uk": 11, "fa": 7, "ru": 6, "en": 4, "pl": 2, "ro": 2}
WEEKEND = 0.4


def _weighted(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _poisson(rng, mean):
    """A count around ``mean`` (Knuth's method; the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _days(today):
    return [today - datetime.timedelta(days=offset) for offset in range(DAYS, 0, -1)]


def _conversations(rng, days, topics, partners):
    benefits = [code for code, _label in help_check_choices()]
    rows, topic_links, partner_links = [], [], []
    for day in days:
        if day.weekday() >= 5:
            continue
        for _ in range(rng.randint(1, 3)):  # 5 to 15 a week
            language = _weighted(rng, LANGUAGES)
            row = Conversation(
                day=day,
                kind=_weighted(rng, KINDS),
                visitor=_weighted(rng, VISITORS),
                language=language,
                interpreter=language != "de" and rng.random() < 0.65,
                benefits=sorted(set(rng.sample(benefits, rng.choice((0, 1, 1, 2))))),
            )
            chosen = (
                {_weighted(rng, topics) for _ in range(rng.choice((1, 1, 2)))} if topics else set()
            )
            referred = {_weighted(rng, partners)} if partners and rng.random() < 0.4 else set()
            rows.append((row, chosen, referred))
    created = Conversation.objects.bulk_create([row for row, _t, _p in rows], batch_size=500)
    for row, (_row, chosen, referred) in zip(created, rows, strict=True):
        topic_links += [
            Conversation.topics.through(conversation_id=row.pk, topic_id=pk) for pk in chosen
        ]
        partner_links += [
            Conversation.referred_to.through(conversation_id=row.pk, partnerpage_id=pk)
            for pk in referred
        ]
    Conversation.topics.through.objects.bulk_create(topic_links, batch_size=1000)
    Conversation.referred_to.through.objects.bulk_create(partner_links, batch_size=1000)
    # Recorded the day they happened: a week later they are fixed, as real rows would be.
    Conversation.objects.filter(pk__in=[row.pk for row in created]).update(recorded_on=F("day"))
    return len(created)


def _daily_totals(rng, days):
    counts = {}

    def add(day, figure, language, detail, count):
        if count:
            key = (day, figure, language, detail)
            counts[key] = counts.get(key, 0) + count

    languages = [code for code, _name in settings.LANGUAGES if code in SITE_LANGUAGES]
    share = {code: SITE_LANGUAGES[code] / 100 for code in languages}
    for day in days:
        factor = WEEKEND if day.weekday() >= 5 else 1.0
        for page_type, mean in PAGE_VIEWS.items():
            for language in languages:
                add(
                    day,
                    Figure.PAGE_VIEW,
                    language,
                    page_type,
                    _poisson(rng, mean * factor * share[language]),
                )
        for language in languages:
            checks = _poisson(rng, 3.0 * factor * share[language])
            add(day, Figure.HELP_CHECK, language, "", checks)
            for _ in range(checks):
                for benefit in BENEFITS:
                    level = rng.choices(list(LEVELS), weights=(2, 3, 6, 1))[0]
                    add(day, Figure.HELP_CHECK_RESULT, language, f"{benefit}:{level}", 1)
            add(day, Figure.SEARCH, language, "", _poisson(rng, 9 * factor * share[language]))
            add(
                day,
                Figure.MISSED_SEARCH,
                language,
                "",
                _poisson(rng, 1.2 * factor * share[language]),
            )
            add(
                day,
                Figure.FEEDBACK,
                language,
                "helpful",
                _poisson(rng, 1.0 * factor * share[language]),
            )
            add(
                day,
                Figure.FEEDBACK,
                language,
                "not_helpful",
                _poisson(rng, 0.3 * factor * share[language]),
            )
        add(day, Figure.APPOINTMENT_REQUEST, "de", "", _poisson(rng, 0.6 * factor))
        for kind, mean in (("poster", 0.3), ("flyer", 0.5), ("sheet", 0.8), ("calendar", 0.6)):
            add(day, Figure.DOWNLOAD, "de", kind, _poisson(rng, mean * factor))
    rows = [
        DailyTotal(day=day, figure=figure, language=language, detail=detail, count=count)
        for (day, figure, language, detail), count in counts.items()
    ]
    DailyTotal.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def load(today=None):
    """Add a year of conversations and daily totals where there are none: (conversations,
    daily totals) added."""
    today = today or timezone.localdate()
    days = _days(today)
    rng = random.Random(SEED)  # noqa: S311 - invented demo figures, not secrets
    conversations = totals = 0
    if not Conversation.objects.exists():
        german = {"locale__language_code": settings.LANGUAGE_CODE}
        topic_ids = dict(Topic.objects.filter(slug__in=TOPICS, **german).values_list("slug", "pk"))
        partner_ids = dict(
            PartnerPage.objects.filter(
                slug__in=PARTNERS, alias_of__isnull=True, **german
            ).values_list("slug", "pk")
        )
        conversations = _conversations(
            rng,
            days,
            {topic_ids[slug]: weight for slug, weight in TOPICS.items() if slug in topic_ids},
            {partner_ids[slug]: weight for slug, weight in PARTNERS.items() if slug in partner_ids},
        )
    if not DailyTotal.objects.exists():
        totals = _daily_totals(rng, days)
    return conversations, totals
