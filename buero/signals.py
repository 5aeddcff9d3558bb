"""Drop the cached office settings when they, the legal pages they link or the link-preview
image change; delete a page's aliases with it."""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from .models import OfficeSettings

Image = get_image_model()


@receiver(post_save, sender=OfficeSettings)
@receiver(post_delete, sender=OfficeSettings)
def forget_office_settings(instance, **kwargs):
    cache.delete_many(
        [
            OfficeSettings.cache_key(instance.site_id),
            OfficeSettings.share_image_cache_key(instance.site_id),
        ]
    )


@receiver(page_published)
@receiver(page_unpublished)
@receiver(pre_delete, sender=Page)
def forget_settings_of_legal_page(instance, **kwargs):
    """The footer finds the legal pages' titles and addresses in the page tree snapshot by
    the pages the cached settings name; only whether such a page is live, or there at all,
    is read from the cached page itself. Forget the settings that name this page, and leave
    the others be: dropping them on every publication made every page's next request read
    them anew."""
    names_it = Q(imprint_page=instance) | Q(privacy_page=instance) | Q(accessibility_page=instance)
    sites = OfficeSettings.objects.filter(names_it).values_list("site_id", flat=True)
    cache.delete_many([OfficeSettings.cache_key(pk) for pk in sites])


@receiver(post_delete, sender=Site)
def forget_all_office_settings(**kwargs):
    cache.delete_many(
        [OfficeSettings.cache_key(pk) for pk in Site.objects.values_list("pk", flat=True)]
    )


@receiver(post_save, sender=Image)
@receiver(post_delete, sender=Image)
@receiver(post_delete, sender=Image.get_rendition_model())
def forget_share_images(**kwargs):
    # A new file or focal point, a purged rendition, or a deleted image, whose settings lose
    # it without a signal: the cached settings and rendition may point to nothing.
    cache.delete_many(
        [
            key
            for pk in Site.objects.values_list("pk", flat=True)
            for key in (OfficeSettings.cache_key(pk), OfficeSettings.share_image_cache_key(pk))
        ]
    )


@receiver(pre_delete, sender=Page)
def delete_aliases(instance, **kwargs):
    """An alias shows its source page in another language's tree (see buero_sync_locales). Wagtail
    keeps it when the source is deleted, as an unpublished copy that editors then find in
    every language; it goes with its source instead."""
    for alias in Page.objects.filter(alias_of_id=instance.pk):
        alias.delete()
