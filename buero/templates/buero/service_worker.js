// The service worker of one language's pages (buero.offline): the essentials and every
// public page a visitor opens, readable without a connection.
"use strict";
{% autoescape off %}const CONFIG = {{ config }};{% endautoescape %}
const CACHE = CONFIG.prefix + CONFIG.version;
const KEPT = new Set([...CONFIG.pages, CONFIG.offline]);
// Never stored: the admin, Wagtail's login, documents, the APIs and feeds.
const NEVER = /^\/(?:[a-z-]+\/)?(?:admin|django-admin|documents|api|feeds|_util)\//;

// A page may be kept when the server says so: 200, HTML of this site, and neither
// "no-store" nor "private" (the help check's results and the forms say both).
function storable(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.status === 200 && response.type === "basic" && !response.redirected
    && (response.headers.get("Content-Type") || "").startsWith("text/html")
    && !/no-store|private/.test(control);
}

function titleOf(html) {
  const match = /<title>([^<]*)<\/title>/.exec(html);
  const text = match ? match[1] : "";
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity, name) => (
    {amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'"}[name]
  )).trim();
}

// A stored copy carries the time it was saved, shown on it when it is read offline.
const STORED_AT = "X-Buero-Stored-At";
// The offline page's sentence for searches and filters (buero/offline.html), hidden otherwise.
const QUERY_NOTE = "data-offline-query hidden";

// The list of stored pages (URL, title, time, size) lives in the cache beside them; one
// change at a time.
let queue = Promise.resolve();
function store(url, response) {
  queue = queue.then(async () => {
    const cache = await caches.open(CACHE);
    const html = await response.text();
    const size = new Blob([html]).size;
    const type = response.headers.get("Content-Type");
    const time = Date.now();
    await cache.put(url, new Response(html, {
      headers: {"Content-Type": type, [STORED_AT]: String(time)},
    }));
    if (url === CONFIG.offline) return;
    const stored = await cache.match(CONFIG.index);
    let entries = (stored ? await stored.json() : []).filter((entry) => entry.url !== url);
    entries.push({url, title: titleOf(html) || url, time, size});
    // The cap: the oldest visits go first, the essentials stay.
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    while (entries.length > CONFIG.maxPages || total > CONFIG.maxBytes) {
      const oldest = entries.find((entry) => !KEPT.has(entry.url));
      if (!oldest) break;
      entries = entries.filter((entry) => entry !== oldest);
      total -= oldest.size;
      await cache.delete(oldest.url);
    }
    await cache.put(CONFIG.index, new Response(JSON.stringify(entries), {
      headers: {"Content-Type": "application/json"},
    }));
  }).catch(() => {});
  return queue;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(CONFIG.assets);
    for (const url of [CONFIG.offline, ...CONFIG.pages]) {
      const response = await fetch(url, {cache: "no-cache"});
      if (storable(response)) await store(url, response);
    }
    await self.skipWaiting();
  })());
});

// A new version drops the stores of the other versions of this language only.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CONFIG.prefix) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

const escapeHtml = (text) => text.replace(/[&<>"]/g, (character) => (
  {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[character]
));

// Into the page's HTML where base.html marks the place, else right after <body>: no script
// of the page is needed to show it.
function insert(html, notice) {
  if (html.includes(CONFIG.marker)) return html.replace(CONFIG.marker, notice);
  return html.replace(/<body[^>]*>/, (body) => body + notice);
}

// A stored copy read offline says when it was saved, in the page's language and in the
// visitor's time zone: "Gespeichert am 7. Dezember 2026 um 14:05".
async function dated(copy) {
  const time = Number(copy.headers.get(STORED_AT));
  if (!time) return copy;
  const saved = new Date(time);
  let when;
  try {
    when = new Intl.DateTimeFormat(CONFIG.language + "-u-nu-latn", {
      dateStyle: "long", timeStyle: "short",
    }).format(saved);
  } catch {
    when = saved.toLocaleString();
  }
  const [before, after = ""] = CONFIG.savedNotice.split("{date}");
  const notice = `<p class="notice notice--stale" role="status">${escapeHtml(before)}`
    + `<time datetime="${saved.toISOString()}">${escapeHtml(when)}</time>${escapeHtml(after)}</p>`;
  return new Response(insert(await copy.text(), notice), {headers: copy.headers});
}

// The offline page; for a search or a filter it also says that these need a connection.
async function offlinePage(cache, withQuery) {
  const copy = await cache.match(CONFIG.offline);
  if (!copy || !withQuery) return copy;
  const html = (await copy.text()).replace(QUERY_NOTE, "data-offline-query");
  return new Response(html, {headers: copy.headers});
}

// Pages: the network first, a copy kept; offline the copy, else the offline page.
async function page(event) {
  const url = new URL(event.request.url).pathname;
  try {
    const response = await fetch(event.request);
    if (storable(response)) event.waitUntil(store(url, response.clone()));
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const copy = await cache.match(url);
    if (copy) return dated(copy);
    const offline = await offlinePage(cache, false);
    if (offline) return offline;
    throw error;
  }
}

// Searches and filters (an address with a query string): never stored, since a search can be
// personal ("Schulden"); offline, the offline page with the stored pages instead of the
// browser's error page.
async function withQuery(event) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const offline = await offlinePage(await caches.open(CACHE), true);
    if (offline) return offline;
    throw error;
  }
}

// Static files: the stored copy at once, a fresh one fetched for the next visit.
async function asset(event) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(event.request);
  const fresh = fetch(event.request).then((response) => {
    if (response.status === 200 && response.type === "basic") {
      return cache.put(event.request, response.clone()).then(() => response);
    }
    return response;
  });
  if (!stored) return fresh;
  event.waitUntil(fresh.catch(() => {}));
  return stored;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin
      || NEVER.test(url.pathname)) return;
  if (request.mode === "navigate" && url.pathname.startsWith(CONFIG.scope)) {
    event.respondWith(url.search ? withQuery(event) : page(event));
  } else if (!url.search && url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(asset(event));
  }
});
