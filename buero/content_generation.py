"""The content generation: one number that changes whenever anything public may have changed.

Whatever is derived from published content and kept between requests (whole cached pages,
the page tree snapshot behind menus, language links and routing) is keyed by it, so nothing
needs a list of which page shows what: publishing, unpublishing, moving or deleting a page,
or saving a snippet, an image or the site settings, starts a new generation and everything
derived from the old one is simply no longer asked for.

The number lives in the shared cache (Redis in production), so every worker process sees
the same one. It starts from the clock, so a cleared cache never brings back a generation
that a process still holds a snapshot of.
"""

import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
#: Apps whose saved or deleted objects can change public pages. Another app says so itself,
#: with ``public_content = True`` on its AppConfig, and names its models that never show on
#: a public page in ``private_models`` (model names, as IGNORED_MODELS has them after the dot).
CONTENT_APPS = (
    "buero",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
)
#: Models of those apps that never show on a public page (saving them must not purge).
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailcore.referenceindex",
    # What visitors send: counts, never shown on a public page.
    "buero.missedsearch",
    "buero.pendingsearch",
    "buero.pagefeedback",
}


def shared_cache():
    return caches[getattr(settings, "BUERO_PAGE_CACHE_ALIAS", "default")]


def is_shared():
    """Whether every worker process reads the same generation (Redis, Memcached, the
    database): then what is kept per generation is current as long as the generation is.
    A cache of each process's own (local memory, none) misses other processes' changes."""
    return not isinstance(shared_cache(), LocMemCache | DummyCache)


def current():
    """The current generation, or None while the cache cannot be reached."""
    cache = shared_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY)
    return value


#: How often this process has started a new generation: what it keeps in memory (the page
#: tree) compares it, so that a change made here is seen here at once.
bumps_here = 0


def bump(**kwargs):
    """Start a new generation: everything derived from published content is stale at once."""
    global bumps_here
    bumps_here += 1
    cache = shared_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def connect_signals():
    page_published.connect(bump, dispatch_uid="content-generation-published")
    page_unpublished.connect(bump, dispatch_uid="content-generation-unpublished")
    # A move rewrites the URL paths of a whole subtree with one UPDATE, without post_save.
    post_page_move.connect(bump, dispatch_uid="content-generation-moved")
    for config in apps.get_app_configs():
        if config.label not in CONTENT_APPS and not getattr(config, "public_content", False):
            continue
        private = {f"{config.label}.{name}" for name in getattr(config, "private_models", ())}
        for model in config.get_models():
            if model._meta.label_lower in IGNORED_MODELS | private:
                continue
            uid = f"content-generation-{model._meta.label_lower}"
            post_save.connect(bump, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}-delete")
