// The site's own script: progressive enhancement only, everything works without it.
"use strict";

// Print buttons (the help check's result): a plain button needs a script to print.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// "Copy link" (the share box): only where the browser lets a page write to the clipboard.
// The status line beside the button says that it worked, in the visitor's language.
for (const button of document.querySelectorAll("[data-copy-link]")) {
  if (!navigator.clipboard) continue;
  const status = button.parentElement.querySelector("[role=status]");
  button.hidden = false;
  button.addEventListener("click", async () => {
    status.textContent = "";
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
      status.textContent = button.dataset.copied;
    } catch {
      // Refused (no permission): the address bar still has the link.
    }
  });
}

// Offline reading (home.offline): one service worker per language, named in the head.
const manifest = document.querySelector("link[rel=manifest][data-service-worker]");
if (manifest && "serviceWorker" in navigator) {
  navigator.serviceWorker
    .register(manifest.dataset.serviceWorker, {scope: manifest.dataset.scope})
    .catch(() => {}); // offline, or storage refused: the site works as before
}
// The offline page lists what the worker stored, newest first.
const storedPages = document.querySelector("[data-stored-pages]");
if (storedPages && window.caches) {
  caches.match(storedPages.dataset.storedPages)
    .then((stored) => (stored ? stored.json() : []))
    .then((entries) => {
      for (const entry of entries.sort((a, b) => b.time - a.time)) {
        const link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.title;
        storedPages.append(document.createElement("li"));
        storedPages.lastChild.append(link);
      }
      storedPages.hidden = !entries.length;
    })
    .catch(() => {});
}
