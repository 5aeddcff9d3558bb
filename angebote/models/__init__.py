"""Help offers and network partners; split by concept, exported here for Django and Wagtail."""

from .help_check import HelpCheckPage
from .listing import OfferIndexPage, PartnerIndexPage
from .offers import OfferPage
from .partners import ContactPerson, OpeningHours, PartnerPage
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
