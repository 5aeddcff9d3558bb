"""Factories for offers, partners and their snippets; the tests and benchmarks build data here."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import (
    ContactPerson,
    HelpCheckPage,
    OfferIndexPage,
    OfferPage,
    OpeningHours,
    PartnerIndexPage,
    PartnerPage,
    TargetGroup,
    Topic,
    YouthPage,
)
from .models.choices import Area, LegalBasis, PartnerKind, StepFreeAccess


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")
    description = "Worum es bei diesem Thema geht."

    class Meta:
        model = Topic


class TargetGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"zielgruppe-{n}")

    class Meta:
        model = TargetGroup


class OfferIndexPageFactory(wagtail_factories.PageFactory):
    title = "Hilfsangebote"
    slug = "hilfsangebote"
    intro = "<p>Hier finden Sie Hilfe für Ihre Familie.</p>"

    class Meta:
        model = OfferIndexPage


class HelpCheckPageFactory(wagtail_factories.PageFactory):
    title = "Welche Hilfe passt zu mir?"
    slug = "hilfe-check"
    intro = "Ein paar kurze Fragen zu Ihrer Familie, anonym. Nichts wird gespeichert."

    class Meta:
        model = HelpCheckPage


class YouthPageFactory(wagtail_factories.PageFactory):
    title = "Für Jugendliche"
    slug = "fuer-jugendliche"
    intro = "Was du selbst bekommen und machen kannst. Du kannst allein kommen."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Reden ohne deine Eltern", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Du hast ein Recht auf Beratung.</p>"},
        ]
    )

    class Meta:
        model = YouthPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Netzwerk"
    slug = "netzwerk"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Beratungsstelle {n}")
    kind = PartnerKind.COUNSELLING
    description = "<p>Wir beraten Familien in schwierigen Lagen.</p>"
    street = "Beispielweg 2"
    postcode = "39576"
    town = "Stendal"
    phone = "030 23125 200"
    email = "beratung@example.org"
    website = "https://beratung.example.org/"
    languages = factory.LazyFunction(lambda: ["de", "en"])
    step_free = StepFreeAccess.YES
    last_reviewed = factory.LazyFunction(lambda: datetime.date(2026, 10, 1))

    class Meta:
        model = PartnerPage


class OpeningHoursFactory(DjangoModelFactory):
    page = factory.SubFactory(PartnerPageFactory)
    weekday = 0
    opens = datetime.time(9, 0)
    closes = datetime.time(12, 0)

    class Meta:
        model = OpeningHours


class ContactPersonFactory(DjangoModelFactory):
    page = factory.SubFactory(PartnerPageFactory)
    name = factory.Sequence(lambda n: f"Frau Beispiel {n}")
    role = "Beraterin"
    phone = "030 23125 201"
    email = "beispiel@example.org"
    languages = factory.LazyFunction(lambda: ["de", "ar"])

    class Meta:
        model = ContactPerson


class OfferPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Angebot {n}")
    summary = (
        "Geld für Schulsachen, Ausflüge und Mittagessen für Kinder aus Familien mit wenig Geld."
    )
    body = factory.LazyFunction(
        lambda: [
            {"type": "paragraph", "value": "<p>So hilft das Angebot.</p>"},
            {"type": "checklist", "value": {"heading": "", "items": ["Personalausweis"]}},
            {"type": "steps", "value": {"heading": "", "steps": ["Antrag stellen"]}},
        ]
    )
    eligibility = "Familien mit wenig Einkommen."
    legal_basis = factory.LazyFunction(lambda: [LegalBasis.SGB_II])
    is_free = True
    where_to_apply = "Beim Jobcenter."
    languages = factory.LazyFunction(lambda: ["de"])
    area = Area.LANDKREIS
    last_reviewed = factory.LazyFunction(lambda: datetime.date(2026, 10, 1))

    class Meta:
        model = OfferPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.target_groups.set(extracted)
            self.save()

    @factory.post_generation
    def providers(self, create, extracted, **kwargs):
        if create and extracted:
            self.providers.set(extracted)
            self.save()
