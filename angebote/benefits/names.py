"""Codes and display names of the benefits and of the levels of the help check.

German benefit names stay proper nouns; translators may add a word in their language.
"""

from django.utils.translation import pgettext_lazy

#: The benefits the check assesses, in the order of the result.
BENEFITS = {
    "kindergeld": pgettext_lazy("benefit", "Kindergeld"),
    "kinderzuschlag": pgettext_lazy("benefit", "Kinderzuschlag"),
    "bildung_teilhabe": pgettext_lazy("benefit", "Bildung und Teilhabe"),
    "grundsicherungsgeld": pgettext_lazy("benefit", "Grundsicherungsgeld (formerly Bürgergeld)"),
    "wohngeld": pgettext_lazy("benefit", "Wohngeld"),
    "unterhaltsvorschuss": pgettext_lazy("benefit", "Unterhaltsvorschuss"),
    "elterngeld": pgettext_lazy("benefit", "Elterngeld"),
    "mutter_kind": pgettext_lazy("benefit", "Bundesstiftung Mutter und Kind"),
}

#: What a household may already receive: the benefits above and two the check does not assess.
RECEIVABLE = {
    **BENEFITS,
    "sozialhilfe": pgettext_lazy("benefit", "Sozialhilfe"),
    "asylbewerberleistungen": pgettext_lazy("benefit", "Asylbewerberleistungen"),
}

#: The levels, best first; "already" stands apart (the household gets the benefit).
LEVELS = {
    "likely": pgettext_lazy("help check level", "likely"),
    "possible": pgettext_lazy("help check level", "possible – let it be checked"),
    "unlikely": pgettext_lazy("help check level", "rather not"),
    "already": pgettext_lazy("help check level", "you already get this"),
}
LIKELY, POSSIBLE, UNLIKELY, ALREADY = LEVELS

#: The official calculators a result may point to (plain links, never embedded).
CALCULATORS = {
    "kiz_lotse": pgettext_lazy("calculator", "KiZ-Lotse of the Familienkasse"),
    "wohngeld_rechner": pgettext_lazy("calculator", "Wohngeld-Rechner of the federal government"),
}
