"""German names that other languages keep, for ``{% mark_kept_german names %}`` (buero_marks):
the benefits of the help check, and topics and target groups not translated yet."""

from django import template
from django.utils import translation

from ..benefits.names import CALCULATORS, RECEIVABLE
from ..models import TargetGroup, Topic
from ..models.taxonomy import localized

register = template.Library()


@register.simple_tag
def german_benefit_names():
    """The benefits' and the official calculators' names as German has them: proper nouns
    that the other languages keep ("Kindergeld"), marked ``lang="de"`` in their pages."""
    with translation.override("de"):
        return [str(name) for name in (*RECEIVABLE.values(), *CALCULATORS.values())]


@register.simple_tag(takes_context=True)
def untranslated_taxonomy_names(context):
    """The names of the topics and target groups that the page's language shows in German,
    not translated yet (a language without its own entries: fa, ru, pl, ro in the demo)."""
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return []
    return [
        entry.name
        for model in (Topic, TargetGroup)
        for entry in localized(model, locale_id)
        if entry.locale_id != locale_id
    ]
