"""Keep cached consultation boxes in step with what editors publish."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from buero.facts import facts_written

from .models import ConsultationPage
from .sections import forget_next_consultation


def connect():
    for signal in (page_published, page_unpublished, post_delete, facts_written):
        signal.connect(
            forget_next_consultation, sender=ConsultationPage, dispatch_uid=f"events-{id(signal)}"
        )
