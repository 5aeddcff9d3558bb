"""Answers to "Hat Ihnen diese Seite geholfen?" (buero.feedback), kept without a trace of
who gave them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

#: The query parameter of "Hat Ihnen diese Seite geholfen?" after a click (buero.feedback).
FEEDBACK_PARAMETER = "feedback"


class FeedbackReason(models.TextChoices):
    MISSING = "missing", _("Information is missing")
    OUTDATED = "outdated", _("It is out of date")
    HARD = "hard", _("It is hard to understand")
    LANGUAGE = "language", _("It is not in my language")
    OTHER = "other", _("Something else")


class PageFeedback(models.Model):
    """ "Hat Ihnen diese Seite geholfen?": the answer, without any trace of who gave it.

    Only the page, the language, the answer, the reason, a short text (e-mail addresses and
    phone numbers removed before it is stored) and the day, never the time.
    """

    page = models.ForeignKey(
        Page, verbose_name="Seite", on_delete=models.CASCADE, related_name="+", editable=False
    )
    language = models.CharField("Sprache", max_length=10, editable=False)
    helpful = models.BooleanField("Hat geholfen", editable=False)
    reason = models.CharField(
        "Was fehlte", max_length=20, choices=FeedbackReason.choices, blank=True, editable=False
    )
    text = models.CharField("Hinweis", max_length=300, blank=True, editable=False)
    day = models.DateField("Tag", default=timezone.localdate, editable=False)

    class Meta:
        verbose_name = "Rückmeldung"
        verbose_name_plural = "Rückmeldungen"
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.page_id}: {'ja' if self.helpful else 'nein'}"

    @classmethod
    def summary(cls, pages):
        """{page id: {"yes", "no", "share", "reasons", "texts"}} of the given pages' feedback."""
        found = {}
        rows = cls.objects.filter(page__in=pages).values_list(
            "page_id", "helpful", "reason", "text", "day"
        )
        for page_id, helpful, reason, text, day in rows:
            entry = found.setdefault(page_id, {"yes": 0, "no": 0, "reasons": {}, "texts": []})
            entry["yes" if helpful else "no"] += 1
            if reason:
                label = str(FeedbackReason(reason).label)
                entry["reasons"][label] = entry["reasons"].get(label, 0) + 1
            if text:
                entry["texts"].append((day, text))
        for entry in found.values():
            entry["share"] = round(100 * entry["yes"] / (entry["yes"] + entry["no"]))
            entry["texts"] = sorted(entry["texts"], reverse=True)[:5]
        return found
