"""The directory in one language as HSDS 3.0 records, read in a fixed number of queries.

``Directory`` picks, for each translation key, the live public page in the requested
language, else the German one (the site shows the German page where a translation is
missing). Lists carry the one-to-one fields only, as the specification's list schemas do;
a record asked for by id, or a list with ``full``, is nested. Every id is a UUID derived
from a fixed namespace and the page's (or row's) translation key, so it is the same in
every language and on every request. Empty fields are left out: HSDS rejects ``null``.
"""

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Locale

from angebote.models import OfferPage, PartnerPage, TargetGroup, Topic
from angebote.models.choices import AREA_CHOICES, SPOKEN_LANGUAGES, LegalBasis, StepFreeAccess
from angebote.models.taxonomy import localize_all, localized
from buero import page_tree
from buero.collation import by_title
from buero.models import OfficeSettings, VenueAccess, preview_text
from buero.structured_data import compact
from events.models import ConsultationPage

from . import schedules

#: Never change it: every id of the API is derived from it.
NAMESPACE = uuid.UUID("8a3c2f4e-5b0d-4c1e-9f7a-2d6b1e0c9a54")
#: Every address of the network is in this federal state (the holidays say so, too).
STATE_PROVINCE = "Sachsen-Anhalt"
#: ISO 639 codes of the languages offers are available in; the rest have none.
LANGUAGE_CODES = {"gsg": "gsg", "easy": "de"}
FULL_TEXT = 10**6


def record_id(kind, *parts):
    """A stable UUID for a record of ``kind`` ("service", "location", …)."""
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *map(str, parts)])))


def plain(text):
    return preview_text(text, FULL_TEXT)


@dataclass
class Entry:
    """A service, organization or service-at-location candidate, before it is loaded."""

    id: str
    kind: str
    page_id: int
    key: object
    title: str
    modified: object
    #: Of an offer at a provider's place.
    partner_key: object = None


class Directory:
    """The records of one request: which pages it shows is read once, the records of the
    page of a list are built from a fixed number of further queries."""

    def __init__(self, request, language):
        self.request = request
        self.language = language
        self.languages = list(dict.fromkeys([language, settings.LANGUAGE_CODE]))
        self.tree = page_tree.current()
        self.today = timezone.localdate()

    # Choosing the pages of the language -------------------------------------------------

    def choose(self, model, *fields):
        """{translation_key: row} of the live public pages of ``model``, one per key."""
        pages = model.objects.live().filter(locale__language_code__in=self.languages)
        rows = self.tree.public(pages).values(
            "id", "translation_key", "title", "last_published_at", "locale__language_code", *fields
        )
        chosen = {}
        for row in rows:
            key = row["translation_key"]
            if row["locale__language_code"] == self.language or key not in chosen:
                chosen[key] = row
        return chosen

    def url(self, page_id):
        node = self.tree.get(page_id)
        return node.full_url if node is not None else None

    @cached_property
    def offers(self):
        return self.choose(OfferPage, "legal_basis")

    @cached_property
    def consultations(self):
        return self.choose(ConsultationPage, "host_id", "host__translation_key")

    @cached_property
    def partners(self):
        return self.choose(PartnerPage, "street", "postcode", "town")

    @cached_property
    def office(self):
        return OfficeSettings.for_request(self.request)

    @cached_property
    def home(self):
        """The home page in the language (the office's description), or None."""
        site = self.tree.find_site(self.request)
        if site is None:
            return None
        node = self.tree.translation(self.tree.get(site.root_page_id), self.language)
        node = node or self.tree.get(site.root_page_id)
        return node and node.specific_class.objects.filter(id=node.id).first()

    @cached_property
    def office_id(self):
        site = self.tree.find_site(self.request)
        return record_id("organization", "office", site.pk if site else 0)

    @cached_property
    def providers(self):
        """{offer page id: [(partner key, title)]} of the live providers, by title."""
        through = OfferPage.providers.through
        links = {}
        rows = (
            through.objects.filter(
                offerpage_id__in=[row["id"] for row in self.offers.values()],
                partnerpage__live=True,
            )
            .exclude(partnerpage_id__in=self.tree.closed_ids)
            .order_by("partnerpage__title")
            .values_list("offerpage_id", "partnerpage__translation_key", "partnerpage__title")
        )
        for offer_id, key, title in rows:
            if key not in (known for known, _title in links.get(offer_id, [])):
                links.setdefault(offer_id, []).append((key, title))
        return links

    def organization_of(self, kind, row):
        if kind == "offer":
            providers = self.providers.get(row["id"])
            return record_id("organization", providers[0][0]) if providers else None
        if row["host_id"] and self.tree.is_public(row["host_id"]):
            return record_id("organization", row["host__translation_key"])
        return self.office_id

    # Services ---------------------------------------------------------------------------

    def service_entries(self):
        entries = [
            Entry(
                record_id("service", key),
                "offer",
                row["id"],
                key,
                row["title"],
                row["last_published_at"],
            )
            for key, row in self.offers.items()
        ] + [
            Entry(
                record_id("service", key),
                "consultation",
                row["id"],
                key,
                row["title"],
                row["last_published_at"],
            )
            for key, row in self.consultations.items()
        ]
        return sorted(entries, key=lambda entry: by_title(entry.title, entry.id))

    def service_terms(self, entry):
        """The ids of the taxonomy terms a service is classified with."""
        return {term["id"] for term in self.terms_of(entry)}

    def terms_of(self, entry):
        page = self._term_pages[entry.page_id]
        terms = [self.topic_term(topic) for topic in localize_all(page, "topics")]
        if entry.kind == "offer":
            terms += [
                self.target_group_term(group) for group in localize_all(page, "target_groups")
            ]
            terms += [
                self.legal_basis_term(value) for value in self.offers[entry.key]["legal_basis"]
            ]
        return terms

    @cached_property
    def _term_pages(self):
        """Stand-ins for ``localize_all``, which reads links by page id (once per snapshot)."""
        pages = {}
        for model, chosen in ((OfferPage, self.offers), (ConsultationPage, self.consultations)):
            for row in chosen.values():
                page = model(
                    id=row["id"], page_ptr_id=row["id"], translation_key=row["translation_key"]
                )
                page.locale_id = self.locale_ids[row["locale__language_code"]]
                pages[row["id"]] = page
        return pages

    @cached_property
    def locale_ids(self):
        return dict(Locale.objects.values_list("language_code", "id"))

    def load_services(self, entries, full):
        """{page id: page} of the entries, with what their records show."""
        offers = OfferPage.objects.filter(id__in=[e.page_id for e in entries if e.kind == "offer"])
        if not full:
            offers = offers.defer_streamfields()
        consultations = ConsultationPage.objects.filter(
            id__in=[e.page_id for e in entries if e.kind == "consultation"]
        )
        pages = {page.pk: page for page in [*offers, *consultations]}
        if consultations:
            ConsultationPage.load_dates(
                [p for p in pages.values() if isinstance(p, ConsultationPage)]
            )
        return pages

    def services(self, entries, *, full=False):
        pages = self.load_services(entries, full)
        if full:
            self._load_partner_records([entry for entry in entries if entry.kind == "offer"])
        records = []
        for entry in entries:
            page = pages[entry.page_id]
            if entry.kind == "offer":
                records.append(self.offer_service(entry, page, full))
            else:
                records.append(self.consultation_service(entry, page, full))
        return [compact(record) for record in records]

    def _service_base(self, entry, page, kind_row, full):
        """What offers and consultation hours share: identity, address, costs."""
        fees_description, cost_options = self.fees(page, entry)
        return {
            "id": entry.id,
            "organization_id": self.organization_of(entry.kind, kind_row),
            "name": page.title,
            "url": self.url(page.pk),
            "status": "active",
            "last_modified": page.last_published_at.isoformat() if page.last_published_at else None,
            "fees_description": fees_description,
            "cost_options": cost_options if full else None,
        }

    def fees(self, page, entry):
        if page.is_free:
            return gettext("Free of charge"), [
                {
                    "id": record_id("cost_option", entry.key),
                    "service_id": entry.id,
                    "option": gettext("Free of charge"),
                    "amount": 0,
                    "currency": "EUR",
                }
            ]
        note = getattr(page, "cost_note", "")
        return note, (
            [
                {
                    "id": record_id("cost_option", entry.key),
                    "service_id": entry.id,
                    "option": note,
                    "currency": "EUR",
                }
            ]
            if note
            else []
        )

    def offer_service(self, entry, page, full):
        row = self.offers[entry.key]
        record = {
            **self._service_base(entry, page, row, full),
            "description": page.summary,
            "eligibility_description": page.eligibility,
            "application_process": page.where_to_apply,
            "assured_date": page.last_reviewed.isoformat() if page.last_reviewed else None,
        }
        if not full:
            return record
        steps, documents = [], []
        for block in page.body:
            if block.block_type == "steps":
                steps += block.value["steps"]
            elif block.block_type == "checklist":
                documents += block.value["items"]
        if steps:
            numbered = " ".join(f"{number}. {step}" for number, step in enumerate(steps, 1))
            record["application_process"] = " ".join(filter(None, [page.where_to_apply, numbered]))
        providers = [
            self.partner_records[key]
            for key, _title in self.providers.get(page.pk, [])
            if key in self.partner_records
        ]
        record.update(
            {
                "required_documents": [
                    {
                        "id": record_id("required_document", entry.key, number),
                        "service_id": entry.id,
                        "document": document,
                    }
                    for number, document in enumerate(documents)
                ],
                "languages": self.languages_of(
                    page.languages, service_id=entry.id, owner=entry.key
                ),
                "service_areas": [self.service_area(page, entry)],
                "phones": [
                    {
                        **phone,
                        "id": record_id("phone", entry.key, partner["id"]),
                        "service_id": entry.id,
                        "organization_id": None,
                        "description": partner["name"],
                    }
                    for partner in providers
                    for phone in partner.get("phones", [])[:1]
                ],
                "attributes": self.attributes(entry),
                "organization": self._organization_summary(providers[0]) if providers else None,
                "service_at_locations": [
                    self.provider_location(entry, partner)
                    for partner in providers
                    if partner.get("locations")
                ],
            }
        )
        return record

    def service_area(self, page, entry):
        labels = dict(AREA_CHOICES)
        return {
            "id": record_id("service_area", entry.key),
            "service_id": entry.id,
            "name": str(labels.get(page.area, page.area)),
        }

    def consultation_service(self, entry, page, full):
        row = self.consultations[entry.key]
        record = {
            **self._service_base(entry, page, row, full),
            "description": page.intro,
            "email": page.contact_email,
            "application_process": page.by_arrangement,
            "interpretation_services": self.interpretation(page),
        }
        if not full:
            return record
        record.update(
            {
                "phones": [self.phone(page.contact_phone, entry.key, service_id=entry.id)]
                if page.contact_phone
                else [],
                "attributes": self.attributes(entry),
                "service_at_locations": [self.venue_service_at_location(entry, page)],
            }
        )
        return record

    def interpretation(self, page):
        if not page.interpreter_languages:
            return ""
        languages = ", ".join(str(label) for label in page.interpreter_labels)
        text = f"{gettext('Interpreters on request')}: {languages}"
        return f"{text}. {page.interpreter_note}" if page.interpreter_note else text

    def phone(self, number, *key, **ids):
        return {"id": record_id("phone", *key), "number": number, **ids}

    def languages_of(self, codes, **ids):
        owner = ids.pop("owner")
        names = dict(SPOKEN_LANGUAGES)
        return [
            {
                "id": record_id("language", owner, code),
                "name": str(names.get(code, code)),
                "code": LANGUAGE_CODES.get(code, code),
                **ids,
            }
            for code in codes
        ]

    # Service at location ----------------------------------------------------------------

    def venue_service_at_location(self, entry, page):
        sal_id = record_id("service_at_location", entry.key)
        location_id = record_id("location", entry.key)
        series = page.series()
        return {
            "id": sal_id,
            "service_id": entry.id,
            "location_id": location_id,
            "description": page.rule_text,
            "schedules": schedules.series_schedules(
                series,
                today=self.today,
                language=self.language,
                link=self.url(page.pk),
                id=record_id("schedule", entry.key),
                extra_id=lambda day, start: record_id("schedule", entry.key, day, start),
                service_id=entry.id,
                location_id=location_id,
                service_at_location_id=sal_id,
            ),
            "phones": [
                self.phone(page.contact_phone, entry.key, "sal", service_at_location_id=sal_id)
            ]
            if page.contact_phone
            else [],
            "location": {
                "id": location_id,
                "location_type": "physical",
                "name": page.venue_name,
                "description": page.room,
                "addresses": self.address(page, entry.key, location_id),
                "accessibility": [
                    {
                        "id": record_id("accessibility", entry.key),
                        "location_id": location_id,
                        "description": str(VenueAccess(page.venue_access).label)
                        if page.venue_access
                        else None,
                        "details": page.access_note,
                    }
                ]
                if page.venue_access or page.access_note
                else [],
            },
        }

    def provider_location(self, entry, partner):
        location = partner["locations"][0]
        return {
            "id": record_id("service_at_location", entry.key, partner["id"]),
            "service_id": entry.id,
            "location_id": location["id"],
            "description": f"{entry.title} – {partner['name']}",
            "location": location,
        }

    def address(self, place, key, location_id):
        if not (place.street and place.postcode and place.town):
            return []
        return [
            {
                "id": record_id("address", key),
                "location_id": location_id,
                "address_1": place.street,
                "city": place.town,
                "state_province": STATE_PROVINCE,
                "postal_code": place.postcode,
                "country": "DE",
                "address_type": "physical",
            }
        ]

    def service_at_location_entries(self):
        """Each consultation hour at its venue, and each offer at its providers' places."""
        entries = []
        for key, row in self.consultations.items():
            entries.append(
                Entry(
                    record_id("service_at_location", key),
                    "consultation",
                    row["id"],
                    key,
                    row["title"],
                    row["last_published_at"],
                )
            )
        with_address = {
            key
            for key, row in self.choose(PartnerPage, "street", "postcode", "town").items()
            if row["street"] and row["postcode"] and row["town"]
        }
        for key, row in self.offers.items():
            for partner_key, title in self.providers.get(row["id"], []):
                if partner_key in with_address:
                    entries.append(
                        Entry(
                            record_id(
                                "service_at_location", key, record_id("organization", partner_key)
                            ),
                            "offer",
                            row["id"],
                            key,
                            f"{row['title']} – {title}",
                            row["last_published_at"],
                            partner_key,
                        )
                    )
        return sorted(entries, key=lambda entry: by_title(entry.title, entry.id))

    def service_at_locations(self, entries, *, full=False):
        consultations = [entry for entry in entries if entry.kind == "consultation"]
        pages = self.load_services(consultations, full)
        if full:
            self._load_partner_records([entry for entry in entries if entry.kind == "offer"])
        records = []
        for entry in entries:
            service = Entry(
                record_id("service", entry.key),
                entry.kind,
                entry.page_id,
                entry.key,
                entry.title,
                None,
            )
            if entry.kind == "consultation" and full:
                record = self.venue_service_at_location(service, pages[entry.page_id])
            elif entry.kind == "consultation":
                record = {
                    "id": entry.id,
                    "service_id": service.id,
                    "location_id": record_id("location", entry.key),
                    "description": pages[entry.page_id].rule_text,
                }
            elif full:
                record = self.provider_location(service, self.partner_records[entry.partner_key])
                record["description"] = entry.title
            else:
                record = {
                    "id": entry.id,
                    "service_id": service.id,
                    "location_id": record_id("location", entry.partner_key),
                    "description": entry.title,
                }
            records.append(compact(record))
        return records

    # Organizations ----------------------------------------------------------------------

    def organization_entries(self):
        entries = [
            Entry(
                record_id("organization", key),
                "partner",
                row["id"],
                key,
                row["title"],
                row["last_published_at"],
            )
            for key, row in self.partners.items()
        ]
        entries.append(Entry(self.office_id, "office", 0, "office", self.office.name, None))
        return sorted(entries, key=lambda entry: by_title(entry.title, entry.id))

    def _load_partner_records(self, offer_entries):
        keys = {
            key for entry in offer_entries for key, _title in self.providers.get(entry.page_id, [])
        }
        chosen = {key: row for key, row in self.partners.items() if key in keys}
        self.partner_records = self._partner_records(chosen, full=True) if chosen else {}

    def _partner_records(self, chosen, *, full):
        partners = list(PartnerPage.objects.filter(id__in=[row["id"] for row in chosen.values()]))
        if full:
            prefetch_related_objects(partners, "opening_hours", "contact_persons")
        return {
            partner.translation_key: compact(self.partner_organization(partner, full))
            for partner in partners
        }

    def organizations(self, entries, *, full=False):
        chosen = {entry.key: {"id": entry.page_id} for entry in entries if entry.kind == "partner"}
        partners = self._partner_records(chosen, full=full)
        return [
            self.office_organization(full) if entry.kind == "office" else partners[entry.key]
            for entry in entries
        ]

    def partner_organization(self, partner, full):
        key = partner.translation_key
        organization_id = record_id("organization", key)
        record = {
            "id": organization_id,
            "name": partner.title,
            "description": plain(partner.description) or partner.title,
            "email": partner.email,
            "website": partner.website,
            "uri": self.url(partner.pk),
        }
        if not full:
            return record
        location_id = record_id("location", key)
        phones = (
            [self.phone(partner.phone, key, organization_id=organization_id)]
            if partner.phone
            else []
        )
        contacts = []
        for person in partner.contact_persons.all():
            contact_id = record_id("contact", person.translation_key)
            contacts.append(
                {
                    "id": contact_id,
                    "organization_id": organization_id,
                    "name": person.name,
                    "title": person.role,
                    "email": person.email,
                    "phones": [
                        self.phone(person.phone, person.translation_key, contact_id=contact_id)
                    ]
                    if person.phone
                    else [],
                }
            )
        accessibility = None
        if partner.step_free != StepFreeAccess.UNKNOWN or partner.accessibility_note:
            accessibility = {
                "id": record_id("accessibility", key),
                "location_id": location_id,
                "description": str(StepFreeAccess(partner.step_free).label),
                "details": partner.accessibility_note,
            }
        addresses = self.address(partner, key, location_id)
        hours = list(partner.opening_hours.all())
        locations = []
        if addresses or hours:
            locations.append(
                {
                    "id": location_id,
                    "location_type": "physical",
                    "organization_id": organization_id,
                    "name": partner.title,
                    "url": self.url(partner.pk),
                    "addresses": addresses,
                    "phones": [
                        {
                            **phone,
                            "id": record_id("phone", key, "location"),
                            "organization_id": None,
                            "location_id": location_id,
                        }
                        for phone in phones
                    ],
                    "accessibility": [accessibility] if accessibility else [],
                    "languages": self.languages_of(
                        partner.languages, location_id=location_id, owner=key
                    ),
                    "schedules": schedules.opening_hours_schedules(
                        hours,
                        schedule_id=lambda *times: record_id("schedule", key, *times),
                        location_id=location_id,
                    ),
                }
            )
        record.update({"phones": phones, "contacts": contacts, "locations": locations})
        return record

    def office_organization(self, full):
        office = self.office
        home = self.home
        description = plain(getattr(home, "intro", "")) if home else ""
        record = {
            "id": self.office_id,
            "name": office.name,
            "description": description or office.name,
            "email": office.email,
            "uri": self.url(home.pk) if home else None,
        }
        if full:
            location_id = record_id("location", "office", self.office_id)
            record["phones"] = (
                [self.phone(office.phone, "office", self.office_id, organization_id=self.office_id)]
                if office.phone
                else []
            )
            record["locations"] = [
                {
                    "id": location_id,
                    "location_type": "physical",
                    "organization_id": self.office_id,
                    "name": office.name,
                    "description": office.room,
                    "addresses": self.address(office, f"office:{self.office_id}", location_id),
                    "accessibility": [
                        {
                            "id": record_id("accessibility", "office", self.office_id),
                            "location_id": location_id,
                            "description": str(VenueAccess(office.venue_access).label),
                            "details": office.venue_access_note,
                        }
                    ]
                    if office.venue_access
                    else [],
                }
            ]
        return compact(record)

    def _organization_summary(self, organization):
        return {key: value for key, value in organization.items() if not isinstance(value, list)}

    # Taxonomies -------------------------------------------------------------------------

    TAXONOMIES = ("topics", "target_groups", "legal_bases")

    def taxonomy(self, name):
        labels = {
            "topics": (
                gettext("Topics"),
                gettext("Situations in life that help offers and partners are about."),
            ),
            "target_groups": (gettext("Target groups"), gettext("Whom a help offer is for.")),
            "legal_bases": (
                gettext("Legal basis"),
                gettext("The German law a help offer is based on."),
            ),
        }
        title, description = labels[name]
        return {
            "id": record_id("taxonomy", name),
            "name": title,
            "description": description,
            "version": "1",
        }

    def taxonomies(self):
        return [self.taxonomy(name) for name in self.TAXONOMIES]

    def _term(self, taxonomy, key, code, name, description, language):
        return compact(
            {
                "id": record_id("taxonomy_term", taxonomy, key),
                "code": code,
                "name": name,
                "description": description or name,
                "taxonomy": self.taxonomy(taxonomy)["name"],
                "taxonomy_id": record_id("taxonomy", taxonomy),
                "language": language,
            }
        )

    def topic_term(self, topic):
        return self._term(
            "topics",
            topic.translation_key,
            topic.slug,
            topic.name,
            topic.description,
            self._language_of(topic),
        )

    def target_group_term(self, group):
        return self._term(
            "target_groups",
            group.translation_key,
            group.slug,
            group.name,
            group.description,
            self._language_of(group),
        )

    def legal_basis_term(self, value):
        label = str(LegalBasis(value).label)
        return self._term("legal_bases", value, value, label, label, self.language)

    def _language_of(self, entry):
        return self.locale_codes.get(entry.locale_id)

    @cached_property
    def locale_codes(self):
        return {locale_id: code for code, locale_id in self.locale_ids.items()}

    def taxonomy_terms(self):
        locale_id = self.locale_ids.get(self.language)
        terms = [self.topic_term(topic) for topic in localized(Topic, locale_id)]
        terms += [self.target_group_term(group) for group in localized(TargetGroup, locale_id)]
        terms += [self.legal_basis_term(value) for value in LegalBasis.values]
        return terms

    def attributes(self, entry):
        return [
            {
                "id": record_id("attribute", entry.key, term["id"]),
                "link_id": entry.id,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": term["id"],
                "taxonomy_term": term,
            }
            for term in self.terms_of(entry)
        ]
