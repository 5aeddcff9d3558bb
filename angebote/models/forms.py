"""Admin form for pages that link to topics, target groups and partners."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


class TaxonomyPageForm(WagtailAdminPageForm):
    """Offer only the choices in the page's own language.

    Topics, target groups and partner pages exist once per locale; showing every copy would
    list each entry eight times.
    """

    related_choice_fields = ("topics", "target_groups", "target_group", "providers")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None:
            parent = kwargs.get("parent_page") or getattr(self, "parent_page", None)
            locale = parent.locale if parent is not None else Locale.get_default()
        for name in self.related_choice_fields:
            if name in self.fields:
                field = self.fields[name]
                field.queryset = field.queryset.filter(locale=locale)
