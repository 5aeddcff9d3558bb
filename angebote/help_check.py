"""The help check's form and its result: from a family's answers to benefits, offers and help.

The rules themselves are in angebote.benefits (plain Python, no database); this module
turns the answers into a ``Situation`` and the assessments into what the result page shows:
the local offer that explains each benefit with its partner and phone number, the offers
for the chosen topics, one combined checklist and the free help that is always there.
"""

from dataclasses import dataclass

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from buero import page_tree
from buero.sections import HELP_CHECK_SECTIONS, collect_sections

from . import benefits
from .filters import CARD_FIELDS, related_by_translation_key

# From the modules that define them, not the models package: its HelpCheckPage imports this.
from .models.choices import FREE_HELP
from .models.offers import OfferPage
from .models.partners import PartnerPage
from .models.taxonomy import Topic, localized

#: Child rows the form offers; a bigger family is welcome in the consultation hour.
CHILD_ROWS = 6
MAX_AMOUNT = 100_000
TOPIC_OFFERS = 6

CARE_SCHOOL, CARE_KITA, CARE_HOME = "school", "kita", "home"
CARE_CHOICES = [
    ("", pgettext_lazy("child care", "– please choose –")),
    (CARE_SCHOOL, _("School, training or studies")),
    (CARE_KITA, _("Kita or childminder")),
    (CARE_HOME, _("Neither, at home")),
]
#: What a household may already receive, in the order families know them.
RECEIVES_ORDER = [
    "grundsicherungsgeld",
    "sozialhilfe",
    "wohngeld",
    "kinderzuschlag",
    "kindergeld",
    "asylbewerberleistungen",
    "unterhaltsvorschuss",
    "elterngeld",
]
RECEIVES_LABELS = {
    "grundsicherungsgeld": _("Grundsicherungsgeld (formerly Bürgergeld)"),
    "unterhaltsvorschuss": _("Maintenance or Unterhaltsvorschuss"),
}


class HelpCheckForm(forms.Form):
    """One page of short questions; only who lives in the household is required."""

    adults = forms.TypedChoiceField(
        label=_("How many adults live in your household?"),
        choices=[(1, _("One adult")), (2, _("Two adults"))],
        coerce=int,
        widget=forms.RadioSelect,
    )
    single_parent = forms.BooleanField(
        label=_("I bring up my children alone (single parent)"), required=False
    )
    pregnant = forms.BooleanField(label=_("Someone in the household is pregnant"), required=False)
    disability = forms.BooleanField(
        label=_("Someone in the family has a disability or a long illness"), required=False
    )
    income = forms.IntegerField(
        label=_("Earned gross income of the household per month, in euros"),
        help_text=_("Wages or salary before tax, of all adults together, without Kindergeld."),
        min_value=0,
        max_value=MAX_AMOUNT,
        required=False,
    )
    income_unknown = forms.BooleanField(label=_("I don't know"), required=False)
    rent = forms.IntegerField(
        label=_("Rent per month including heating, in euros"),
        min_value=0,
        max_value=MAX_AMOUNT,
        required=False,
    )
    own_home = forms.BooleanField(label=_("We live in our own home"), required=False)
    receives = forms.MultipleChoiceField(
        label=_("What does your household already receive?"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    topics = forms.MultipleChoiceField(
        label=_("What else is it about?"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, locale_id, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["receives"].choices = [
            (code, RECEIVES_LABELS.get(code, benefits.RECEIVABLE[code])) for code in RECEIVES_ORDER
        ]
        self.topic_choices = localized(Topic, locale_id)
        self.fields["topics"].choices = [(topic.slug, topic.name) for topic in self.topic_choices]
        for number in range(1, CHILD_ROWS + 1):
            self.fields[f"child_{number}_age"] = forms.IntegerField(
                label=_("Age of child %(number)s, in years") % {"number": number},
                min_value=0,
                max_value=26,
                required=False,
            )
            self.fields[f"child_{number}_care"] = forms.ChoiceField(
                label=_("Child %(number)s goes to") % {"number": number},
                choices=CARE_CHOICES,
                required=False,
            )

    @property
    def child_rows(self):
        """The (age, care) bound fields of each child row, for the template's table."""
        return [
            (number, self[f"child_{number}_age"], self[f"child_{number}_care"])
            for number in range(1, CHILD_ROWS + 1)
        ]

    @property
    def topic_options(self):
        """The topics with their icons, for the last, optional group of questions."""
        chosen = set(self["topics"].value() or ())
        return [
            {"topic": topic, "checked": topic.slug in chosen, "id": f"id_topics_{index}"}
            for index, topic in enumerate(self.topic_choices)
        ]

    def clean(self):
        data = super().clean()
        for number in range(1, CHILD_ROWS + 1):
            if data.get(f"child_{number}_care") and data.get(f"child_{number}_age") is None:
                self.add_error(
                    f"child_{number}_age",
                    _("Please enter the age of this child, or leave both empty."),
                )
        if data.get("rent") is not None and data.get("own_home"):
            self.add_error("rent", _("Please give either a rent or “own home”, not both."))
        return data

    def children(self):
        found = []
        for number in range(1, CHILD_ROWS + 1):
            age = self.cleaned_data.get(f"child_{number}_age")
            if age is None:
                continue
            care = self.cleaned_data.get(f"child_{number}_care")
            # Without an answer: school age goes to school, younger children are not counted
            # as in Kita (the question is optional).
            in_care = care in (CARE_SCHOOL, CARE_KITA) if care else 6 <= age <= 18
            found.append(benefits.Child(age=age, in_school=in_care))
        return tuple(found)

    def situation(self):
        data = self.cleaned_data
        receives = set(data["receives"])
        return benefits.Situation(
            adults=data["adults"],
            single_parent=data["single_parent"],
            children=self.children(),
            pregnant=data["pregnant"],
            disability=data["disability"],
            gross_income=data["income"],
            rent=None if data["own_home"] else data["rent"],
            receives=frozenset(receives),
            # "Maintenance or Unterhaltsvorschuss" ticked: the other parent pays, or the state does.
            maintenance_paid=True if "unterhaltsvorschuss" in receives else None,
        )


@dataclass
class Contact:
    """Where to apply: the local offer page, its partner and that partner's phone."""

    offer: object
    partner: object = None


@dataclass
class ResultItem:
    """One benefit on the result page: the assessment, where to apply, the official calculator."""

    assessment: benefits.Assessment
    contact: Contact | None
    calculator_url: str = ""

    @property
    def calculator_name(self):
        return benefits.CALCULATORS.get(self.assessment.calculator, "")


#: What may be missing first, what the family already gets last.
LEVEL_ORDER = {benefits.LIKELY: 0, benefits.POSSIBLE: 1, benefits.UNLIKELY: 2, benefits.ALREADY: 3}


class HelpCheckResult:
    """Everything the result page shows; reads offers and partners in three queries."""

    def __init__(self, page, request, form):
        self.page, self.request, self.form = page, request, form
        self.on = benefits.today()
        try:
            self.assessments = benefits.assess(form.situation(), on=self.on)
            self.figures_date = benefits.figures_date(self.on)
        except benefits.FiguresMissing:
            # The yearly figures are not entered yet (the dashboard warns): no guess, but help.
            self.assessments, self.figures_date = [], None

    @cached_property
    def contacts(self):
        codes = [*benefits.BENEFITS, *FREE_HELP]
        tree = page_tree.current()
        offers = list(
            tree.public(OfferPage.objects.live())
            .filter(locale_id=self.page.locale_id, help_check_benefit__in=codes)
            .only("title", "url_path", "path", "depth", "locale", "help_check_benefit")
            .order_by("title")
        )
        providers = {}
        rows = OfferPage.providers.through.objects.filter(
            offerpage_id__in=[offer.pk for offer in offers]
        ).values_list("offerpage_id", "partnerpage__translation_key")
        for offer_id, key in rows:
            providers.setdefault(offer_id, []).append(key)
        keys = {key for keys in providers.values() for key in keys}
        partners = {}
        for partner in (
            tree.public(PartnerPage.objects.live())
            .filter(translation_key__in=keys)
            .only("title", "url_path", "path", "depth", "locale", "translation_key", "phone")
            .order_by("title")
        ):
            known = partners.get(partner.translation_key)
            if known is None or partner.locale_id == self.page.locale_id:
                partners[partner.translation_key] = partner
        found = {}
        for offer in offers:
            linked = [partners[key] for key in providers.get(offer.pk, ()) if key in partners]
            found.setdefault(
                offer.help_check_benefit, Contact(offer, linked[0] if linked else None)
            )
        return found

    @cached_property
    def items(self):
        calculators = {
            "kiz_lotse": self.page.kiz_calculator_url,
            "wohngeld_rechner": self.page.wohngeld_calculator_url,
        }
        items = [
            ResultItem(
                assessment,
                self.contacts.get(assessment.benefit),
                calculator_url=calculators.get(assessment.calculator, ""),
            )
            for assessment in self.assessments
        ]
        return sorted(items, key=lambda item: LEVEL_ORDER[item.assessment.level])

    @cached_property
    def hopeful(self):
        """The benefits that are likely or possible: the summary names them first."""
        return [
            item
            for item in self.items
            if item.assessment.level in (benefits.LIKELY, benefits.POSSIBLE)
        ]

    @cached_property
    def first_contact(self):
        """Where to go first: the place that explains the first hopeful benefit, if any."""
        return next((item.contact for item in self.hopeful if item.contact), None)

    @cached_property
    def checklist(self):
        return benefits.checklist(self.assessments)

    @cached_property
    def free_help(self):
        return [(name, self.contacts.get(code)) for code, name in FREE_HELP.items()]

    @cached_property
    def chosen_topics(self):
        chosen = set(self.form.cleaned_data["topics"])
        return [topic for topic in self.form.topic_choices if topic.slug in chosen]

    @cached_property
    def topic_offers(self):
        if not self.chosen_topics:
            return []
        offers = (
            page_tree.current()
            .public(OfferPage.objects.live())
            .filter(locale_id=self.page.locale_id)
            .filter(
                related_by_translation_key(
                    OfferPage.topics.through,
                    "offerpage_id",
                    Topic,
                    [topic.slug for topic in self.chosen_topics],
                )
            )
            .only(*CARD_FIELDS, "summary")
            .order_by("title")
        )
        return list(offers[:TOPIC_OFFERS])

    @cached_property
    def sections(self):
        return collect_sections(HELP_CHECK_SECTIONS, self.page, self.request)
