"""Filters for the offer and partner listings: a plain GET form, combinable, shareable.

Within one facet the chosen values are alternatives (topic A or B); facets combine (topic
and district). Values that are not among the choices are ignored, so a hand-edited or
hostile URL still gets a page.
"""

import bisect
from abc import ABC, abstractmethod
from array import array
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from buero import page_tree
from buero.collation import by_title
from buero.districts import District
from buero.sections import EMPTY_RESULTS_SECTIONS, collect_sections

from .fields import MultipleChoiceField

# From the modules that define them, not the models package: its index pages import this.
from .models.choices import SPOKEN_LANGUAGES, Area, LegalBasis, PartnerKind, StepFreeAccess
from .models.offers import OfferPage
from .models.partners import PartnerPage
from .models.taxonomy import TargetGroup, Topic, localize_all, localized

PAGE_SIZE = 12
#: Changed pages of a listing's type that are put in their places one by one; beyond, the
#: listing is read anew (see ListingFilter.matching_ids).
MAX_PLACED = 50
MAX_VALUES_PER_FACET = 30
#: The page fields every card needs: title, URL (page_tree), language and source-text mark
#: (``source_language``) and ``card_text``'s fallback.
CARD_FIELDS = (
    "title",
    "url_path",
    "path",
    "depth",
    "locale",
    "translation_key",
    "alias_of",
    "live",
    "live_revision",
    "search_description",
    "content_type",
)


@dataclass
class Facet:
    """One filter: its URL parameter, its choices and how it narrows the queryset."""

    param: str
    label: str
    choices: list
    apply: callable
    toggle: bool = False  # a single checkbox ("only free offers") rather than a choice list
    selected: list = field(default_factory=list)

    def bind(self, data):
        valid = {str(value) for value, _label in self.choices}
        values = data.getlist(self.param)[:MAX_VALUES_PER_FACET]
        self.selected = [value for value in dict.fromkeys(values) if value in valid]
        return self

    @property
    def options(self):
        return [
            {"value": value, "label": label, "checked": str(value) in self.selected}
            for value, label in self.choices
        ]


def any_code(field_name, codes):
    """Match rows whose multi-choice field holds at least one of ``codes``."""
    query = Q()
    for code in codes:
        query |= Q(**{f"{field_name}__contains": MultipleChoiceField.lookup(code)})
    return query


def related_by_translation_key(through, owner_column, target, values):
    """Rows linked to any snippet whose slug is in ``values``, in whatever locale it is.

    wagtail-localize keeps many-to-many links of translated pages pointing at the source
    language, so the match goes through the snippets' translation keys.
    """
    keys = target.objects.filter(slug__in=values).values("translation_key")
    target_column = target._meta.model_name
    return Q(
        id__in=through.objects.filter(**{f"{target_column}__translation_key__in": keys}).values(
            owner_column
        )
    )


class ListingFilter(ABC):
    """Binds the facets to a request and pages the filtered results."""

    model = None
    card_fields = ()  # the model's own fields that its card shows, beside CARD_FIELDS

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.locale_id = index_page.locale_id
        self.facets = [facet.bind(request.GET) for facet in self.get_facets()]

    @abstractmethod
    def get_facets(self):
        """The facets of this listing, in the order the form shows them."""

    def base_queryset(self):
        pages = page_tree.current().public(self.model.objects.live())
        return pages.child_of(self.index_page).filter(locale_id=self.locale_id)

    def queryset(self):
        queryset = self.base_queryset()
        for facet in self.facets:
            if facet.selected:
                queryset = queryset.filter(facet.apply(facet.selected))
        return queryset

    def matching_ids(self):
        """The ids of every match, by title (buero.collation); kept with the page tree
        snapshot, so a listing and its filters are looked up once per content change
        (buero.page_tree), and after a change only the changed pages are read anew. An
        array of plain numbers: 8 bytes an id instead of 36 for a list of ints."""
        selection = tuple((facet.param, tuple(sorted(facet.selected))) for facet in self.facets)
        key = ("listing", self.model._meta.label, self.index_page.pk, self.locale_id, selection)
        tree = page_tree.current()

        def build():
            rows = self.queryset().order_by().values_list("title", "pk")
            return array("q", [key[-1] for key in sorted(by_title(*row) for row in rows)])

        def refresh(ids, changed):
            """The changed pages of the listing's type taken out and, where they match
            now, put in their places by their titles in the snapshot."""
            mine = {pk for pk in changed if self._may_list(tree.get(pk))}
            if not mine:
                return ids
            if len(mine) > MAX_PLACED:
                return build()
            kept = array("q", [pk for pk in ids if pk not in mine])
            changed_rows = self.queryset().filter(pk__in=mine).order_by().values_list("title", "pk")
            for title, pk in changed_rows:
                position = bisect.bisect_left(
                    kept,
                    by_title(title, pk),
                    key=lambda other: by_title(tree.get(other).title, other),
                )
                kept.insert(position, pk)
            return kept

        return tree.memo(key, build, bounded=True, refresh=refresh)

    def _may_list(self, node):
        """Whether a changed page may be one of this listing's (or was): of its type, or
        not known to the snapshot."""
        model = node.specific_class if node is not None else None
        return model is None or issubclass(model, self.model)

    def load(self, ids):
        """The pages with these ids, in this order, with only the fields their cards show."""
        pages = self.model.objects.filter(pk__in=ids).only(*CARD_FIELDS, *self.card_fields)
        pages = pages.in_bulk()
        return [pages[pk] for pk in ids if pk in pages]  # one may be gone since

    @cached_property
    def active(self):
        """Each chosen value with the URL that removes just that value."""
        active = []
        for facet in self.facets:
            labels = dict(facet.choices)
            for value in facet.selected:
                remaining = self.query_without(facet.param, value)
                label = facet.label if facet.toggle else labels.get(value, value)
                active.append({"facet": facet.label, "label": label, "url": f"?{remaining}"})
        return active

    def query_without(self, param, value):
        query = QueryDict(mutable=True)
        for facet in self.facets:
            for selected in facet.selected:
                if not (facet.param == param and selected == value):
                    query.appendlist(facet.param, selected)
        return query.urlencode()

    def context(self):
        # Every filter adds to one long query. It runs once, for the ids of all matches; only
        # the pages shown are loaded, by id (a count and a slice would build it twice).
        paginator = Paginator(self.matching_ids(), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = self.load(page.object_list)
        return {
            "facets": self.facets,
            "active_filters": self.active,
            "results": page,
            "result_count": paginator.count,
            "empty_sections": (
                collect_sections(EMPTY_RESULTS_SECTIONS, self.index_page, self.request)
                if not paginator.count
                else []
            ),
        }


class OfferFilter(ListingFilter):
    model = OfferPage
    card_fields = ("summary", "is_free")

    @cached_property
    def topics(self):
        return localized(Topic, self.locale_id)

    @cached_property
    def target_groups(self):
        return localized(TargetGroup, self.locale_id)

    def get_facets(self):
        return [
            Facet(
                "topic",
                _("Topic"),
                [(topic.slug, topic.name) for topic in self.topics],
                lambda values: related_by_translation_key(
                    OfferPage.topics.through, "offerpage_id", Topic, values
                ),
            ),
            Facet(
                "group",
                _("For whom"),
                [(group.slug, group.name) for group in self.target_groups],
                lambda values: related_by_translation_key(
                    OfferPage.target_groups.through, "offerpage_id", TargetGroup, values
                ),
            ),
            Facet(
                "district",
                _("Where you live"),
                District.choices,
                # An offer for the municipality, the district or beyond is there in every village.
                lambda values: Q(area__in=[*values, *Area.values]),
            ),
            Facet("language", _("Language"), SPOKEN_LANGUAGES, lambda v: any_code("languages", v)),
            Facet(
                "law", _("Legal basis"), LegalBasis.choices, lambda v: any_code("legal_basis", v)
            ),
            Facet(
                "free",
                _("Only free offers"),
                [("1", _("Only free offers"))],
                lambda values: Q(is_free=True),
                toggle=True,
            ),
        ]

    def context(self):
        context = super().context()
        for offer in context["results"]:
            offer.card_topics = localize_all(offer, "topics")
            offer.card_badge = _("Free of charge") if offer.is_free else ""
        context["topic_links"] = self.topics
        return context


class PartnerFilter(ListingFilter):
    model = PartnerPage
    card_fields = ("kind", "town")

    @cached_property
    def topics(self):
        return localized(Topic, self.locale_id)

    def get_facets(self):
        return [
            Facet("kind", _("Kind of organisation"), PartnerKind.choices, lambda v: Q(kind__in=v)),
            Facet(
                "topic",
                _("Topic"),
                [(topic.slug, topic.name) for topic in self.topics],
                lambda values: related_by_translation_key(
                    PartnerPage.topics.through, "partnerpage_id", Topic, values
                ),
            ),
            Facet("language", _("Language"), SPOKEN_LANGUAGES, lambda v: any_code("languages", v)),
            Facet(
                "district",
                _("Where"),
                District.choices,
                # Where a partner serves people, not where it sits: the district's debt
                # counselling in Stendal is there for Tangerhütte too.
                lambda values: (
                    Q(service_area__in=Area.values) | any_code("service_districts", values)
                ),
            ),
            Facet(
                "step_free",
                _("Only step-free access"),
                [("1", _("Only step-free access"))],
                lambda values: Q(step_free=StepFreeAccess.YES),
                toggle=True,
            ),
        ]
