"""Fixed vocabularies of offers and partners. Labels shown to visitors go through gettext."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from buero.districts import District

from ..benefits import BENEFITS


class LegalBasis(models.TextChoices):
    SGB_I = "sgb1", _("SGB I (general provisions)")
    SGB_II = "sgb2", _("SGB II (Grundsicherungsgeld, formerly Bürgergeld)")
    SGB_III = "sgb3", _("SGB III (employment promotion)")
    SGB_IV = "sgb4", _("SGB IV (social insurance)")
    SGB_V = "sgb5", _("SGB V (health insurance)")
    SGB_VI = "sgb6", _("SGB VI (pension insurance)")
    SGB_VII = "sgb7", _("SGB VII (accident insurance)")
    SGB_VIII = "sgb8", _("SGB VIII (child and youth welfare)")
    SGB_IX = "sgb9", _("SGB IX (disability and participation)")
    SGB_X = "sgb10", _("SGB X (administrative procedure)")
    SGB_XI = "sgb11", _("SGB XI (long-term care)")
    SGB_XII = "sgb12", _("SGB XII (social assistance)")
    OTHER_LAW = "other", _("Other law (e.g. child benefit, housing benefit)")
    VOLUNTARY = "voluntary", _("No legal entitlement / voluntary offer")


class PartnerKind(models.TextChoices):
    AUTHORITY = "authority", _("Public authority")
    PROVIDER = "provider", _("Independent welfare provider")
    COUNSELLING = "counselling", _("Counselling service")
    VOLUNTARY = "voluntary", _("Association / volunteers")
    EDUCATION = "education", _("School / day care")
    HEALTH = "health", _("Health")
    INTERPRETING = "interpreting", _("Interpreting service")


class StepFreeAccess(models.TextChoices):
    YES = "yes", _("Step-free access")
    NO = "no", _("Not step-free")
    UNKNOWN = "unknown", _("Step-free access not known")


class Area(models.TextChoices):
    """Where an offer is available or a partner serves people: beyond one village."""

    LANDKREIS = "landkreis", _("Whole district of Stendal")
    GEMEINDE = "gemeinde", _("Whole municipality of Tangerhütte")
    LAND = "land", _("All of Saxony-Anhalt")
    BUND = "bund", _("Throughout Germany")


AREA_CHOICES = [*Area.choices, *District.choices]
#: A partner that serves some villages of the municipality only names them.
SOME_DISTRICTS = "ortschaften"
SERVICE_AREA_CHOICES = [*Area.choices, (SOME_DISTRICTS, _("Only the villages named"))]

# Languages in which offers and counselling are available; names shown in the visitor's language.
SPOKEN_LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian / Dari")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("pl", _("Polish")),
    ("ro", _("Romanian")),
    ("tr", _("Turkish")),
    ("ku", _("Kurdish")),
    ("ti", _("Tigrinya")),
    ("fr", _("French")),
    ("gsg", _("German Sign Language")),
    ("easy", _("Easy German (Leichte Sprache)")),
]


class TopicIcon(models.TextChoices):
    """The built-in SVG icons (angebote/templates/buero_angebote/icons/)."""

    MONEY = "money", "Geld"
    FAMILY = "family", "Familie"
    SCHOOL = "school", "Schule"
    WORK = "work", "Arbeit"
    HEALTH = "health", "Gesundheit"
    HOME = "home", "Wohnen"
    DEBT = "debt", "Schulden"
    ACCESS = "access", "Teilhabe"
    LANGUAGE = "language", "Sprache"
    LEISURE = "leisure", "Freizeit"


#: Free help that the help check always shows, whatever the answers; an offer page can name
#: one of these, or a benefit, as what it explains ("Leistung im Hilfe-Check").
FREE_HELP = {
    "erziehungsberatung": _("Parenting and family counselling"),
    "schuldnerberatung": _("Debt counselling"),
}


def help_check_choices():
    return [*BENEFITS.items(), *FREE_HELP.items()]
