"""A snapshot of the page tree's plain fields, built once per content generation.

Every public page needs the same facts about other pages: the main menu, the language
switcher and the ``hreflang`` alternates (the translations of the current page), the legal
pages in the footer, each page's URL, and the route from a URL to a page. Finding them with
whole page objects on every request cost a dozen queries and about 200 model instances per
page. The snapshot holds one small row of plain values per page, URL included, for the
whole tree; it is built with two queries when content has changed (see content_generation)
and kept in each worker process's memory.

Whatever the snapshot cannot answer (a page created since, a cache that cannot be reached
for longer than ``MAX_AGE``) is left to Wagtail's own code, so it speeds pages up and never
changes what they show.
"""

import bisect
import pickle
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import timezone, translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site

from . import content_generation
from .overlay import over

#: Seconds a snapshot is used without a readable generation (the cache is down) or with a
#: cache that each process has to itself (no Redis): the longest that a change can take to
#: show in menus and language links then.
MAX_AGE = 60

_FIELDS = (
    "id",
    "path",
    "depth",
    "title",
    "url_path",
    "translation_key",
    "locale__language_code",
    "show_in_menus",
    "live",
    "alias_of_id",
    "live_revision_id",
    "content_type_id",
    "expire_at",
)


def shows_source_text(page):
    """True where a page shows the German source text instead of its own.

    Untranslated pages appear in every language's tree as aliases of the German page (see
    buero_sync_locales), and a translation that was started but never published keeps showing
    the German text until a translator publishes it.
    """
    if isinstance(page, PageNode):
        return page.shows_source_text
    return bool(
        getattr(page, "alias_of_id", None)
        or (isinstance(page, Page) and page.live and page.live_revision_id is None)
    )


@dataclass(frozen=True, slots=True)
class PageNode:
    """One page of the snapshot: what menus, links and routing need, and nothing else."""

    id: int
    path: str
    depth: int
    title: str
    url_path: str
    translation_key: object
    language: str
    show_in_menus: bool
    live: bool
    shows_source_text: bool
    content_type_id: int
    expire_at: object
    #: Where the page is served, or None where it is not routable: (site id, the site's
    #: root URL, prefix, cut), its URL being the prefix and its ``url_path`` from ``cut`` on
    #: ("/de/" + "hilfsangebote/"). One tuple for all pages of a site and language: a URL
    #: string of its own per page was a tenth of a snapshot's memory.
    address: tuple | None

    @property
    def site_id(self):
        return self.address[0] if self.address else None

    @property
    def root_url(self):
        return self.address[1] if self.address else None

    @property
    def url(self):
        """The URL on its own site ("/de/hilfsangebote/"), None where not routable."""
        if self.address is None:
            return None
        _site_id, _root_url, prefix, cut = self.address
        return prefix + self.url_path[cut:]

    @property
    def full_url(self):
        return self.root_url + self.url if self.address is not None else None

    @property
    def specific_class(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    def url_parts(self):
        """The value of ``Page.get_url_parts()``, computed when the snapshot was built."""
        if self.address is None:
            return None
        return (self.site_id, self.root_url, self.url)


def _address(parts, url_path, shared):
    """PageNode.address of ``Page.get_url_parts()``'s value: the URL split into the prefix
    that it does not share with ``url_path`` and the common rest; equal tuples are one
    object (``shared``)."""
    if not parts:
        return None
    site_id, root_url, url = parts
    common = 0
    for ours, theirs in zip(reversed(url), reversed(url_path), strict=False):
        if ours != theirs:
            break
        common += 1
    address = (site_id, root_url, url[: len(url) - common], len(url_path) - common)
    return shared.setdefault(address, address)


def _node(values, url_page, cache_object, with_urls=True):
    """A PageNode of one row (``values``: _FIELDS by name). ``url_page`` is one Page
    instance reused for every row (its URL parts read only its ``url_path``): creating a
    Page per row cost most of a snapshot's build. Without ``with_urls`` (the search's
    indexing) no URL is computed."""
    url_page.id, url_page.url_path = values["id"], values["url_path"]
    language = sys.intern(values["locale__language_code"])
    routable = with_urls and values["depth"] > 1
    parts = url_page.get_url_parts(cache_object) if routable else None
    shared = cache_object.__dict__.setdefault("addresses", {})
    return PageNode(
        id=values["id"],
        path=values["path"],
        depth=values["depth"],
        title=values["title"],
        url_path=values["url_path"],
        translation_key=values["translation_key"],
        language=language,
        show_in_menus=values["show_in_menus"],
        live=values["live"],
        shows_source_text=bool(
            values["alias_of_id"] or (values["live"] and values["live_revision_id"] is None)
        ),
        content_type_id=values["content_type_id"],
        expire_at=values["expire_at"],
        address=_address(parts, values["url_path"], shared),
    )


class PageTree:
    def __init__(self, rows, restricted_ids, with_urls=True):
        self.built = time.monotonic()
        self.nodes = {}
        self.by_url_path = {}
        self.translations = {}  # {translation key: its nodes, one per language}
        self.children = {}  # {parent's path: [child nodes in tree order]}
        self.by_path = {}
        cache_object = SimpleNamespace()  # shares Wagtail's site root paths between pages
        url_page = Page()
        for row in rows:
            values = dict(zip(_FIELDS, row, strict=True))
            others = self.translations.get(values["translation_key"], ())
            if others:  # one key object for all of them
                values["translation_key"] = others[0].translation_key
            node = _node(values, url_page, cache_object, with_urls)
            self.nodes[node.id] = node
            self.by_url_path[node.url_path] = node
            self.translations[node.translation_key] = (*others, node)
            self.children.setdefault(node.path[: -Page.steplen], []).append(node)
            self.by_path[node.path] = node
        self.restricted_ids = frozenset(restricted_ids)
        self.restricted_paths = frozenset(
            self.nodes[pk].path for pk in self.restricted_ids if pk in self.nodes
        )
        self.closed_ids = self._closed()
        #: Names this build: the same in every worker that loads it and in the snapshots
        #: brought up to date from it, new with every build. What depends only on the tree's
        #: shape and on a few page types may be keyed by it (events.sections).
        self.origin = uuid.uuid4().hex
        self._memo = {}
        self._bounded = 0
        self._carried = {}  # see updated() and carry()
        self._refresh = set()  # the memo keys that have a refresh

    def __getstate__(self):
        """What another process needs (the shared snapshot): the tree, not the memo."""
        state = self.__dict__.copy()
        state.update(_memo={}, _bounded=0, _carried={}, _refresh=set(), built=None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.built = time.monotonic()

    def updated(self, rows, changed_ids):
        """A new snapshot with the rows of the pages ``changed_ids`` read anew (``rows``),
        or None where the change reaches beyond those rows and a build is needed: a page
        deleted, moved or given a new address (its subtree's addresses change too).

        Memo entries that can be brought up to date (``memo(refresh=…)``) are carried over
        and refreshed on first use; the others are built anew.
        """
        rows = {row[0]: dict(zip(_FIELDS, row, strict=True)) for row in rows}
        if set(rows) != set(changed_ids):
            return None  # deleted (or never there)
        tree = object.__new__(PageTree)
        tree.__dict__.update(self.__dict__)
        tree.built = time.monotonic()
        # The maps of this snapshot are shared; the new one writes over them (buero.overlay).
        tree.nodes = over(self.nodes)
        tree.by_url_path = over(self.by_url_path)
        tree.by_path = over(self.by_path)
        tree.translations = over(self.translations)
        tree.children = over(self.children)
        added = []
        cache_object = SimpleNamespace()
        url_page = Page()
        for page_id, values in rows.items():
            old = self.nodes.get(page_id)
            if old is not None and (
                old.path,
                old.url_path,
                old.translation_key,
                old.language,
            ) != (
                values["path"],
                values["url_path"],
                values["translation_key"],
                values["locale__language_code"],
            ):
                return None
            node = _node(values, url_page, cache_object)
            parent_path = node.path[: -Page.steplen]
            if old is None and (
                node.path in tree.by_path
                or node.url_path in tree.by_url_path
                or (node.depth > 1 and parent_path not in tree.by_path)
            ):
                return None
            tree.nodes[page_id] = node
            tree.by_url_path[node.url_path] = node
            tree.by_path[node.path] = node
            others = tree.translations.get(node.translation_key, ())
            tree.translations[node.translation_key] = (
                *(other for other in others if other.language != node.language),
                node,
            )
            siblings = list(tree.children.get(parent_path, ()))
            position = bisect.bisect_left(siblings, node.path, key=_path)
            if old is not None:
                siblings[position] = node
            else:
                siblings.insert(position, node)
                added.append(node)
            tree.children[parent_path] = siblings
        tree.closed_ids = tree._closed_with(added)
        tree._memo, tree._bounded, tree._refresh = {}, 0, set()
        tree._carried = self.carry(frozenset(changed_ids))
        return tree

    def renewed(self):
        """A new snapshot of the same rows, without any memo: content that the tree does not
        hold has changed (a topic, an image, the office's settings)."""
        tree = object.__new__(PageTree)
        tree.__dict__.update(self.__dict__)
        tree.built = time.monotonic()
        tree._memo, tree._bounded, tree._carried, tree._refresh = {}, 0, {}, set()
        return tree

    def carry(self, changed_ids):
        """{key: (value, changed page ids, hops)} of the memo entries that the next snapshot
        can bring up to date: those with a ``refresh`` (see ``memo``). An entry that no
        request asks for is dropped after ``MAX_HOPS`` snapshots."""
        carried = {
            key: (value, changed | changed_ids, hops + 1)
            for key, (value, changed, hops) in self._carried.items()
            if hops < MAX_HOPS
        }
        for key, value in self._memo.items():
            if key in self._refresh:
                carried[key] = (value, changed_ids, 0)
        return carried

    def memo(self, key, build, bounded=False, refresh=None):
        """``build()``, once per snapshot: for other facts derived from published content
        that every page asks for (topics and their translations, see angebote.taxonomy).

        ``bounded`` keys come from visitors' input (a listing's filters): at most
        MEMO_BOUNDED of them are kept, beyond that ``build()`` runs every time.
        ``refresh(value, changed_ids)`` brings the previous snapshot's value up to date where
        only some pages changed (``updated``), instead of building it anew.
        """
        try:
            return self._memo[key]
        except KeyError:
            carried = self._carried.pop(key, None)
            if carried is not None and refresh is not None:
                value = refresh(carried[0], carried[1])
            else:
                value = build()
            if not bounded or self._bounded < MEMO_BOUNDED:
                self._memo[key] = value
                self._bounded += bounded
                if refresh is not None:
                    self._refresh.add(key)
            return value

    def memo_latest(self, key, version, build, refresh=None):
        """``build()`` once per snapshot and ``version`` (a day, say), keeping only the value
        of the latest version: a snapshot that lives for days (nothing changed) does not
        collect one value a day. ``refresh`` as in ``memo``, for a value of the same version."""

        def refresh_version(entry, changed):
            if entry[0] != version:
                return (version, build())
            return (version, refresh(entry[1], changed))

        entry = self.memo(
            key,
            lambda: (version, build()),
            refresh=refresh_version if refresh is not None else None,
        )
        if entry[0] == version:
            return entry[1]
        value = build()
        self._memo[key] = (version, value)
        return value

    def sites(self):
        """Every Wagtail site, loaded once per snapshot (one query)."""

        def build():
            return list(Site.objects.select_related("root_page"))

        def refresh(sites, changed):
            # A change to a site itself needs a new snapshot (content_generation.TREE_MODELS).
            return build() if any(site.root_page_id in changed for site in sites) else sites

        return self.memo(("sites",), build, refresh=refresh)

    def find_site(self, request):
        """``Site.find_for_request()`` without its query.

        Wagtail keeps the site it finds on the request (``request._wagtail_site``); the
        snapshot matches the host and port by Wagtail's rules among its sites, so that a
        host or port nobody uses costs no query and leaves nothing behind.
        """
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = match_site(self.sites(), *host_and_port(request))
        return request._wagtail_site

    def _restricted_ancestor_paths(self, path):
        return [
            path[:end]
            for end in range(Page.steplen, len(path) + 1, Page.steplen)
            if path[:end] in self.restricted_paths
        ]

    def _closed(self):
        """Pages the public may not see because of a view restriction: those below a
        restricted page in their own tree, and every translation and alias of such a page
        of the source language (a password on the German page closes the Arabic one)."""
        if not self.restricted_paths:
            return frozenset()
        own = {
            node.id for node in self.nodes.values() if self._restricted_ancestor_paths(node.path)
        }
        source = source_language()
        closed = set(own)
        for translations in self.translations.values():
            if any(node.language == source and node.id in own for node in translations):
                closed.update(node.id for node in translations)
        return frozenset(closed)

    def _closed_with(self, added):
        """``closed_ids`` with the pages ``added`` since (a snapshot brought up to date): a
        changed page keeps its path, translation key and so its state, and the restrictions
        are the same (a change to one builds the snapshot anew)."""
        if not self.restricted_paths or not added:
            return self.closed_ids
        source = source_language()
        closed = set(self.closed_ids)
        for node in added:
            translations = self.translations.get(node.translation_key, ())
            if self._restricted_ancestor_paths(node.path):
                closed.add(node.id)
                if node.language == source:
                    closed.update(other.id for other in translations)
            elif any(
                other.language == source and self._restricted_ancestor_paths(other.path)
                for other in translations
            ):
                closed.add(node.id)
        return frozenset(closed)

    def changed_within(self, changed, page):
        """Whether any of the ``changed`` page ids is ``page`` or below it, or a page the
        snapshot does not know: what a memo entry made from a page's subtree is made anew
        for (``memo(refresh=…)``)."""
        for page_id in changed:
            node = self.nodes.get(page_id)
            if node is None or node.path.startswith(page.path):
                return True
        return False

    def restriction_paths(self, page):
        """The paths of the restricted pages that close ``page``: its own tree's, or where
        it has none, those of its source-language page (a translation that carries its own
        restriction follows that one)."""
        own = self._restricted_ancestor_paths(page.path)
        if own or not self.restricted_paths:
            return own
        original = self.translation(page, source_language())
        if original is None or original.id == page.id:
            return []
        return self._restricted_ancestor_paths(original.path)

    def is_public(self, page):
        """The one rule of what the public may see: a live page, not expired, not closed by
        a view restriction in its own tree or its source language's. ``page`` is a node, a
        page or a page's id."""
        node = page if isinstance(page, PageNode) else self.get(getattr(page, "pk", page))
        if node is None:
            return False
        return (
            node.live
            and node.id not in self.closed_ids
            and (node.expire_at is None or node.expire_at > timezone.now())
        )

    @classmethod
    def build(cls):
        rows = Page.objects.order_by("path").values_list(*_FIELDS)
        restricted = PageViewRestriction.objects.values_list("page_id", flat=True)
        return cls(list(rows), list(restricted))

    @classmethod
    def build_for(cls, page_ids):
        """A snapshot of only these pages and what ``is_public`` needs to judge them: their
        translations and aliases (a restriction on the German page closes them) and the
        restricted pages; no URLs (nor Wagtail's cache of the sites' roots read for them).
        For the search index (buero.search.documents), which judges the few pages a change
        touches and must not wait for the whole tree."""
        restricted = list(PageViewRestriction.objects.values_list("page_id", flat=True))
        keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
        rows = (
            Page.objects.filter(
                Q(pk__in=page_ids) | Q(translation_key__in=keys) | Q(pk__in=restricted)
            )
            .order_by("path")
            .values_list(*_FIELDS)
        )
        return cls(list(rows), restricted, with_urls=False)

    def public(self, pages):
        """``pages`` that the public may see (``is_public``), as a queryset: live, not
        expired, and not closed by a view restriction, also through the source language."""
        pages = pages.live().exclude(expire_at__lte=timezone.now())
        return pages.exclude(pk__in=self.closed_ids) if self.closed_ids else pages

    def get(self, page_id):
        return self.nodes.get(page_id)

    def parent(self, page):
        """The parent's node of a page (or node), None at the top or for unknown pages."""
        return self.by_path.get(page.path[: -Page.steplen])

    def translation(self, page, language):
        """The page (a page or a node) in ``language``, None where there is none."""
        for node in self.translations.get(page.translation_key, ()):
            if node.language == language:
                return node
        return None

    def live_translations(self, page):
        """{language: node} of the page's public translations, aliases included."""
        return {
            node.language: node
            for node in self.translations.get(page.translation_key, ())
            if self.is_public(node)
        }

    def menu(self, home):
        """The public children of a home page that editors marked "show in menus"."""
        return [
            node
            for node in self.children.get(home.path, ())
            if node.show_in_menus and self.is_public(node)
        ]

    def child_of_type(self, parent, model):
        """The first live child of ``parent`` of page type ``model``, or None (the help
        check under a home page, say)."""
        for node in self.children.get(parent.path, ()):
            if (
                self.is_public(node)
                and node.specific_class is not None
                and issubclass(node.specific_class, model)
            ):
                return node
        return None

    def _walk(self, request, path):
        """(node, remaining components) where the URL ``path`` leads in the snapshot: the
        node is the page whose own ``route()`` decides about the rest. None without a site.

        A page with routes of its own (RoutablePageMixin) keeps precedence over its
        children, as in Wagtail.
        """
        site = self.find_site(request)
        if site is None:
            return None
        root = self.get(site.root_page_id)
        if root is None:
            return None
        language = get_supported_content_language_variant(_active_language())
        node = self.translation(root, language) or root
        components = [component for component in path.split("/") if component]
        position = 0
        while position < len(components):
            page_class = node.specific_class
            if page_class is None or _routes_itself(page_class, node, components[position:]):
                break
            child = self.by_url_path.get(f"{node.url_path}{components[position]}/")
            if child is None:
                break
            node, position = child, position + 1
        return node, components[position:]

    def route(self, request, path):
        """The route of Wagtail's serve view for ``path``, with one query for the page, or
        None where the snapshot does not find one (Wagtail then routes as it always does).

        Walks the URL through the snapshot and loads only the page it ends at; that page's
        own ``route()`` then decides, as in Wagtail.
        """
        walked = self._walk(request, path)
        if walked is None:
            return None
        node, remaining = walked
        model = node.specific_class
        page = model._default_manager.filter(pk=node.id).first() if model else None
        if page is None:
            return None
        try:
            return page.route(request, remaining)
        except Http404:
            return None

    def page_class(self, request, path):
        """The page type that serves ``path``, without any query (the page cache asks it
        which query parameters the page reads); None where the snapshot cannot tell: no
        such page, or one that routes further by code of its own."""
        walked = self._walk(request, path)
        if walked is None:
            return None
        node, remaining = walked
        model = node.specific_class
        if model is None or not node.live:
            return None
        if remaining and not (
            issubclass(model, RoutablePageMixin) and _routes_itself(model, node, remaining)
        ):
            return None
        return model


def _path(node):
    return node.path


def host_and_port(request):
    """The hostname and port that Wagtail finds a request's site by (the port an int, or
    None where it is none)."""
    port = str(request.get_port())
    return split_domain_port(request._get_raw_host())[0], int(port) if port.isdigit() else None


def match_site(sites, hostname, port):
    """The site that Wagtail serves ``hostname`` and ``port`` from, or None.

    Wagtail's ``get_site_for_hostname`` rule for rule, on sites in memory (anything with
    ``hostname``, ``port`` and ``is_default_site``) instead of a query.
    """

    def rank(site):
        if site.hostname == hostname:
            return 0 if site.port == port else 1 if site.is_default_site else 3
        return 2  # the default site, under another hostname

    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=rank
    )
    if not candidates:
        return None
    best = rank(candidates[0])
    if len(candidates) == 1 or best in (0, 1):
        return candidates[0]
    if best == 2:
        # The default site, unless exactly one other site has the hostname.
        return candidates[len(candidates) == 2]
    return None


def source_language():
    """The language that every other language's pages are translated from."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _active_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def _routes_itself(page_class, node, remaining):
    """Whether the page decides about ``remaining`` itself rather than a child page."""
    if issubclass(page_class, RoutablePageMixin):
        if not node.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Http404:
            return False
        return True
    # Any other routing of its own than Wagtail's: let the page walk its children.
    return page_class.route is not Page.route


#: Memo entries per snapshot whose keys visitors choose (see PageTree.memo).
MEMO_BOUNDED = 500
#: Snapshots that a memo entry nobody asks for is carried through (PageTree.carry).
MAX_HOPS = 20

#: Seconds between two reads of the content generation from the shared cache: a page asks
#: for the snapshot once per link it shows (a page of dates: hundreds), and each read is a
#: round trip to Redis. A change made in this process is seen at once (see bumps_here).
CHECK_EVERY = 1.0

_lock = threading.Lock()
_snapshot = {"generation": None, "tree": None, "checked": 0.0, "bumps": None}


def current(build=True):
    """The snapshot for the current content generation, built on first use; with
    ``build=False`` None instead of building one (an editor's save, a translation: what they
    ask is answered from the database, and no editor waits for a rebuild).

    With a shared cache (Redis) a snapshot lives as long as its generation: nothing is
    rebuilt without a change. Without one, or while it cannot be read, for ``MAX_AGE``. A
    new generation is caught up with change by change where it can be (``advance``).
    """
    now = time.monotonic()
    tree = _snapshot["tree"]
    fresh = tree is not None and now - tree.built < MAX_AGE
    lasting = tree is not None and content_generation.is_shared()
    if (
        (fresh or lasting)
        and now - _snapshot["checked"] < CHECK_EVERY
        and _snapshot["bumps"] == content_generation.bumps_here
    ):
        return tree
    bumps = content_generation.bumps_here
    generation = content_generation.current()
    unchanged = generation is not None and generation == _snapshot["generation"]
    if (lasting and unchanged) or (fresh and (generation is None or unchanged)):
        _snapshot.update(checked=now, bumps=bumps)
        return tree
    if not build:
        return None
    with _lock:
        if _snapshot["tree"] is not tree:
            return _snapshot["tree"]
        tree = advance(tree, _snapshot["generation"], generation) or shared(generation)
        _snapshot.update(generation=generation, tree=tree, checked=now, bumps=bumps)
    return tree


def advance(tree, since, generation):
    """``tree`` (of generation ``since``) brought up to ``generation`` change by change:
    the changed pages' rows read anew with one query (content_generation.changes). None
    where that cannot be done and a whole snapshot is needed."""
    if tree is None or generation is None or since is None:
        return None
    found = content_generation.changes(since, generation)
    if found is None:
        return None
    pages, content = found
    if pages:
        rows = Page.objects.filter(pk__in=pages).values_list(*_FIELDS)
        tree = tree.updated(list(rows), pages)
        if tree is not None and content:
            tree._carried = {}
        return tree
    return tree.renewed()


#: The last snapshot built by any worker, pickled, with its generation: a worker that needs a
#: whole snapshot loads it and catches up from there instead of building one.
SHARED_KEY = "page-tree:snapshot:2"  # the number changes with PageNode's fields
#: Held by the worker that builds: the others wait for its snapshot instead of building too.
BUILDING_KEY = "page-tree:building"
#: Seconds the others wait for it, at most; then they build themselves.
BUILD_WAIT = 60
#: The largest snapshot kept in the shared cache (about 1 KB a page).
SHARED_MAX_BYTES = 64 * 1024 * 1024


def shared(generation):
    """A whole snapshot for ``generation``: the shared one, brought up to date, or one
    built here and shared. Only one worker builds at a time; the others wait for it."""
    if not content_generation.is_shared() or generation is None:
        return PageTree.build()
    cache = content_generation.shared_cache()
    deadline = time.monotonic() + BUILD_WAIT
    while True:
        tree = load_shared(cache, generation)
        if tree is not None:
            return tree
        if cache.add(BUILDING_KEY, generation, BUILD_WAIT) or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    try:
        tree = PageTree.build()
        data = pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) <= SHARED_MAX_BYTES:
            cache.set(SHARED_KEY, (generation, data), None)
    finally:
        cache.delete(BUILDING_KEY)
    return tree


def load_shared(cache, generation):
    """The shared snapshot brought up to ``generation``, or None."""
    stored = cache.get(SHARED_KEY)
    if stored is None:
        return None
    since, data = stored
    if not isinstance(since, int) or since > generation:
        return None
    try:
        tree = pickle.loads(data)  # noqa: S301 (written by this site's workers only)
    except (pickle.UnpicklingError, AttributeError, TypeError, ValueError, EOFError):
        return None  # written by another version of the site: built anew
    return tree if since == generation else advance(tree, since, generation)


def forget():
    """Drop the snapshot of this process (tests, and after a restore)."""
    _snapshot.update(generation=None, tree=None, checked=0.0, bumps=None)
