"""Help offers and network partners; split by concept, exported here for Django and Wagtail."""

from .offers import OfferIndexPage, OfferPage
from .partners import ContactPerson, OpeningHours, PartnerIndexPage, PartnerPage
from .taxonomy import TargetGroup, Topic

__all__ = [
    "ContactPerson",
    "OfferIndexPage",
    "OfferPage",
    "OpeningHours",
    "PartnerIndexPage",
    "PartnerPage",
    "TargetGroup",
    "Topic",
]
