"""The index pages of offers and partners: an introduction and a filtered, paged listing."""

from django.utils.module_loading import import_string
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home import structured_data as schema
from home.blocks import PARAGRAPH_FEATURES
from home.models import BasePage


class FilteredIndexPage(BasePage):
    """A singleton below the home page whose children are listed with filters (filters.py)."""

    intro = RichTextField(
        "Einleitung",
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Ein, zwei Sätze: Was findet man hier, und wobei hilft es?",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    #: Dotted path of the ListingFilter subclass that lists this page's children.
    filter_class = ""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(import_string(self.filter_class)(self, request).context())
        return context

    def structured_data(self, request, context):
        """A CollectionPage of the offers or partners this page of the listing shows."""
        return schema.web_page(
            self,
            request,
            "CollectionPage",
            mainEntity=schema.item_list(context["results"], request),
        )
