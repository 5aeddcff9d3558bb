"""Drop the cached office settings when they, or the legal pages they link, change."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from .models import OfficeSettings


@receiver(post_save, sender=OfficeSettings)
@receiver(post_delete, sender=OfficeSettings)
def forget_office_settings(instance, **kwargs):
    cache.delete(OfficeSettings.cache_key(instance.site_id))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=Site)
def forget_all_office_settings(**kwargs):
    # A legal page's title or address may have changed; there are only a few sites.
    cache.delete_many(
        [OfficeSettings.cache_key(pk) for pk in Site.objects.values_list("pk", flat=True)]
    )
