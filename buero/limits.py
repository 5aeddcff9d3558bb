"""Caps on what the whole site accepts in one hour, from all visitors together.

The per-visitor limits (buero.visitors) stop one visitor; many addresses at once (a botnet, a
proxy that passes on forged headers) could still fill the database and the counsellors'
inboxes. Each cap counts per clock hour in the cache. The first refusal of an hour writes one
warning to the log, without anything about the visitor, and leaves a notice for the admin
start page (buero.dashboard.CapsPanel) for a day. A cache that cannot count caps nothing, as
with the per-visitor limits.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

HOUR = 3600
#: How long the admin start page shows that a cap was reached, with its count.
NOTICE_SECONDS = 24 * HOUR
NOTICES_KEY = "caps:reached"


@dataclass(frozen=True)
class Cap:
    """One hourly cap. ``setting`` names the Django setting that overrides ``default``;
    ``label``, ``refused``, ``hint`` and ``url_name`` say it on the admin start page, in
    German, to those who may publish pages or have ``permission``."""

    name: str
    setting: str
    default: int
    label: str
    refused: str = "abgewiesen"
    hint: str = ""
    url_name: str = ""
    permission: str = ""

    @property
    def limit(self):
        return getattr(settings, self.setting, self.default)

    def take(self, amount=1):
        """Count ``amount`` more; False once this hour's cap would be passed, and then none
        of them may happen."""
        hour = int(timezone.now().timestamp()) // HOUR
        key = counter_key(self.name, hour)
        cache.add(key, 0, NOTICE_SECONDS + HOUR)
        try:
            count = cache.incr(key, amount)
        except ValueError:  # expired between add and incr
            cache.set(key, amount, NOTICE_SECONDS + HOUR)
            count = amount
        if count is None or count <= self.limit:
            return True
        if count - amount <= self.limit:  # the first refusal of this hour
            logger.warning(
                "Hourly cap reached: %s (%d per hour); more are refused until the hour ends.",
                self.name,
                self.limit,
            )
            notices = cache.get(NOTICES_KEY) or {}
            notices[self.name] = {
                "hour": hour,
                "limit": self.limit,
                "label": self.label,
                "refused": self.refused,
                "hint": self.hint,
                "url_name": self.url_name,
                "permission": self.permission,
            }
            cache.set(NOTICES_KEY, notices, NOTICE_SECONDS)
        return False


def counter_key(name, hour):
    return f"caps:{name}:{hour}"


def reached():
    """The caps reached within the last day, the most recent first: each notice with the
    hour's start (``since``) and how many were refused then (``count``), where still known."""
    notices = cache.get(NOTICES_KEY) or {}
    oldest = int(timezone.now().timestamp()) // HOUR - NOTICE_SECONDS // HOUR
    found = []
    for name, notice in notices.items():
        if notice["hour"] < oldest:
            continue
        counted = cache.get(counter_key(name, notice["hour"]))
        found.append(
            {
                **notice,
                "name": name,
                "since": datetime.datetime.fromtimestamp(notice["hour"] * HOUR, tz=datetime.UTC),
                "count": None if counted is None else max(counted - notice["limit"], 0),
            }
        )
    return sorted(found, key=lambda notice: notice["hour"], reverse=True)


#: E-mails that visitors cause, together, one per message: the note to the counsellors about
#: each appointment request and the admin's password reset links.
NOTIFICATION_EMAILS = Cap(
    "notification-emails",
    "BUERO_NOTIFICATION_EMAILS_PER_HOUR",
    30,
    "Benachrichtigungs-E-Mails",
    refused="nicht versendet",
    hint="Neue Terminanfragen stehen trotzdem in der Liste „Terminanfragen“.",
    url_name="buero_appointment_requests:index",
    permission="buero_events.view_appointmentrequest",
)
