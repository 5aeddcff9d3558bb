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
from modelcluster.fields import ParentalKey
from wagtail.models import Page
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
    # The search's documents, written from the pages whenever they change (buero.search).
    "buero.searchdocument",
    "buero.searchword",
}


def shared_cache():
    return caches[getattr(settings, "BUERO_PAGE_CACHE_ALIAS", "default")]


def is_shared():
    """Whether every worker process reads the same generation (Redis, Memcached, the
    database): then what is kept per generation is current as long as the generation is.
    A cache of each process's own (local memory, none) misses other processes' changes."""
    return not isinstance(shared_cache(), LocMemCache | DummyCache)


#: Generations stay below 2**53: django-redis increments through a Lua script, whose numbers
#: are doubles, so a larger value comes back rounded (the clock in nanoseconds did).
EXACT = 2**53


def clock():
    """A new generation from the clock, in microseconds (exact as a double for centuries)."""
    return time.time_ns() // 1000


def current():
    """The current generation, or None while the cache cannot be reached."""
    cache = shared_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, clock(), None)
        value = cache.get(GENERATION_KEY)
    return value


#: How often this process has started a new generation: what it keeps in memory (the page
#: tree) compares it, so that a change made here is seen here at once.
bumps_here = 0

#: What each generation changed, kept beside it in the shared cache so that every worker
#: can bring its page tree snapshot up to date instead of building it anew (page_tree):
#: ("pages", page ids) where the rows of those pages (or their child rows) changed,
#: ("content",) where content outside the page tree changed (a topic, an image, the
#: settings), FULL where the tree as a whole may have changed (a move, a deletion, a site, a
#: view restriction) or the cause is unknown.
CHANGE_KEY = "page-cache:change"
CHANGE_SECONDS = 24 * 3600
FULL = ("full",)
CONTENT = ("content",)
#: Models whose change reaches the whole tree: sites and locales (addresses), view
#: restrictions (what is public).
TREE_MODELS = {"wagtailcore.site", "wagtailcore.locale", "wagtailcore.pageviewrestriction"}


def _parent_page_id(instance):
    """The page a child row belongs to (a ParentalKey to a page), or None."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            return getattr(instance, field.attname)
    return None


def change_of(signal=None, sender=None, instance=None, pages=None):
    """What a signal says changed (see CHANGE_KEY)."""
    if pages is not None:
        return ("pages", frozenset(pages))
    if instance is None or signal is post_page_move:
        return FULL
    if isinstance(instance, Page):
        if signal is post_delete:
            return FULL  # its subtree goes with it
        return ("pages", frozenset({instance.pk}))
    if instance._meta.label_lower in TREE_MODELS:
        return FULL
    parent = _parent_page_id(instance)
    if parent is not None:
        return ("pages", frozenset({parent}))
    return CONTENT


def bump(signal=None, sender=None, instance=None, pages=None, **kwargs):
    """Start a new generation: everything derived from published content is stale at once.

    ``pages`` names the pages whose rows changed where no signal says it (the facts'
    write-through)."""
    global bumps_here
    bumps_here += 1
    cache = shared_cache()
    try:
        generation = cache.incr(GENERATION_KEY)
    except ValueError:
        generation = None
    if generation is None or generation >= EXACT:
        # Missing, unreadable, or counted in nanoseconds: start anew from the clock, with no
        # change recorded (every worker builds or loads a whole snapshot).
        cache.set(GENERATION_KEY, clock(), None)
        return
    change = change_of(signal, sender, instance, pages)
    cache.set(f"{CHANGE_KEY}:{generation}", change, CHANGE_SECONDS)


#: The most generations a worker catches up with change by change; beyond, it builds.
MAX_CHANGES = 500


def changes(since, until):
    """What changed after generation ``since`` up to ``until``: (page ids, whether content
    outside the tree changed), or None where a build is needed (a change reaches the whole
    tree, one is not known any more, or there are too many)."""
    if not isinstance(since, int) or not isinstance(until, int) or since >= until:
        return None
    if until - since > MAX_CHANGES:
        return None
    keys = [f"{CHANGE_KEY}:{generation}" for generation in range(since + 1, until + 1)]
    found = shared_cache().get_many(keys)
    if len(found) < len(keys):
        return None
    pages, content = set(), False
    for key in keys:
        change = found[key]
        if change == CONTENT:
            content = True
        elif change[0] == "pages":
            pages |= change[1]
        else:
            return None
    return frozenset(pages), content


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
