"""Help offers and network partners; split by concept, exported here for Django and Wagtail."""

from .help_check import HelpCheckPage
from .offers import OfferIndexPage, OfferPage
from .partners import ContactPerson, OpeningHours, PartnerIndexPage, PartnerPage
from .taxonomy import TargetGroup, Topic
from .youth import YouthPage

__all__ = [
    "ContactPerson",
    "HelpCheckPage",
    "OfferIndexPage",
    "OfferPage",
    "OpeningHours",
    "PartnerIndexPage",
    "PartnerPage",
    "TargetGroup",
    "Topic",
    "YouthPage",
]
