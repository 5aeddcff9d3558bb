"""A sitemap of every language's pages, each with its hreflang alternates.

Wagtail's own sitemap lists the default site's root page and its descendants, which is the
German tree only: the translated home pages are siblings of the German one.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from . import page_tree


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for home in Page.objects.filter(translation_key=root.translation_key):
            in_any_tree |= Q(path__startswith=home.path)
        return (
            page_tree.current()
            .public(Page.objects.all())
            # Aliases mirror untranslated German pages; only the German page is listed.
            .filter(in_any_tree, alias_of__isnull=True)
            .order_by("path")
            # Plain pages: no page type here changes its sitemap entry, and .specific() would
            # add one query per page type.
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        codes = dict(Locale.objects.values_list("id", "language_code"))
        translations = {}
        for item in items:
            translations.setdefault(item.translation_key, []).append(item)
        urls = []
        for item in items:
            alternates = [
                {"location": other.get_full_url(self.request), "lang_code": codes[other.locale_id]}
                for other in translations[item.translation_key]
            ]
            for url in item.get_sitemap_urls(self.request):
                urls.append({**url, "alternates": alternates})
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
