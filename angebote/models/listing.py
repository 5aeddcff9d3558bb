"""The index pages of offers and partners: an introduction and a filtered, paged listing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from buero import structured_data as schema
from buero.blocks import PARAGRAPH_FEATURES
from buero.models import BasePage

from ..filters import OfferFilter, PartnerFilter


class FilteredIndexPage(BasePage):
    """A singleton below the home page whose children are listed with filters (filters.py)."""

    intro = RichTextField(
        "Einleitung",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Ein, zwei Sätze: Was findet man hier, und wobei hilft es?",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["buero.OfficePage"]
    max_count = 1
    #: The ListingFilter subclass that lists this page's children (angebote.filters).
    filter_class = None

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.filter_class(self, request).context())
        return context

    def structured_data(self, request, context):
        """A CollectionPage of the offers or partners this page of the listing shows."""
        return schema.web_page(
            self,
            request,
            "CollectionPage",
            mainEntity=schema.item_list(context["results"], request),
        )


class OfferIndexPage(FilteredIndexPage):
    """All help offers, with filters that work without JavaScript."""

    subpage_types = ["buero_angebote.OfferPage"]
    filter_class = OfferFilter
    # The facets of OfferFilter and the page number.
    query_parameters = ("topic", "group", "district", "language", "law", "free", "page")
    search_label = _("Help offers")

    class Meta:
        verbose_name = "Hilfsangebote-Übersicht"


class PartnerIndexPage(FilteredIndexPage):
    """The network: every partner, filterable by kind, topic, language, district and access."""

    subpage_types = ["buero_angebote.PartnerPage"]
    filter_class = PartnerFilter
    # The facets of PartnerFilter and the page number.
    query_parameters = ("kind", "topic", "language", "district", "step_free", "page")
    search_label = _("Network partners")

    class Meta:
        verbose_name = "Netzwerk-Übersicht"
