"""The impact app's models, split by concept and exported here for Django and Wagtail."""

from .conversations import Conversation, ConversationKind, Visitor
from .figures import DailyTotal, Figure

__all__ = ["Conversation", "ConversationKind", "DailyTotal", "Figure", "Visitor"]
