"""The buero app's models, split by concept and exported here for Django and Wagtail.

The office's site settings (office_settings.py) and the search's data (search/models.py)
live beside the code that reads them and are exported here too.
"""

from ..office_settings import OfficeSettings, VenueAccess
from ..search.models import (
    MissedSearch,
    PendingSearch,
    SearchDocument,
    SearchSynonym,
    SearchWord,
)
from .base import PREVIEW_LENGTH, BasePage, ReviewedMixin, preview_text
from .feedback import FEEDBACK_PARAMETER, FeedbackReason, PageFeedback
from .info import OfficeInfoPage
from .office import MAX_QUERY_LENGTH, SEARCH_PATH, OfficePage, clean_search_query

__all__ = [
    "FEEDBACK_PARAMETER",
    "MAX_QUERY_LENGTH",
    "PREVIEW_LENGTH",
    "SEARCH_PATH",
    "BasePage",
    "FeedbackReason",
    "MissedSearch",
    "OfficeInfoPage",
    "OfficePage",
    "OfficeSettings",
    "PageFeedback",
    "PendingSearch",
    "ReviewedMixin",
    "SearchDocument",
    "SearchSynonym",
    "SearchWord",
    "VenueAccess",
    "clean_search_query",
    "preview_text",
]
