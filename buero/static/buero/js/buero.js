// The site's own script: progressive enhancement only, everything works without it.
"use strict";

// Print buttons (the help check's result): a plain button needs a script to print.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Printing the help check's result: the likely and possible benefits (closed disclosures,
// which Chromium does not print) open for the sheet and close again afterwards.
{
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details[data-print-open]:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
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

// Offline reading (buero.offline): one service worker per language, named in the head.
const manifest = document.querySelector("link[rel=manifest][data-service-worker]");
if (manifest && "serviceWorker" in navigator) {
  navigator.serviceWorker
    .register(manifest.dataset.serviceWorker, {scope: manifest.dataset.scope})
    .catch(() => {}); // offline, or storage refused: the site works as before
}
// The offline page lists what the worker stored, newest first, each with when it was saved.
const storedPages = document.querySelector("[data-stored-pages]");
if (storedPages && window.caches) {
  const [before, after = ""] = storedPages.dataset.savedOn.split("{date}");
  let format = (date) => date.toLocaleString();
  try {
    const dates = new Intl.DateTimeFormat(`${document.documentElement.lang}-u-nu-latn`, {
      dateStyle: "medium", timeStyle: "short",
    });
    format = (date) => dates.format(date);
  } catch {
    // An old browser: its own format.
  }
  caches.match(storedPages.dataset.storedPages)
    .then((stored) => (stored ? stored.json() : []))
    .then((entries) => {
      for (const entry of entries.sort((a, b) => b.time - a.time)) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.title;
        const saved = new Date(entry.time);
        const time = document.createElement("time");
        time.dateTime = saved.toISOString();
        time.textContent = format(saved);
        const note = document.createElement("small");
        note.append(` (${before}`, time, `${after})`);
        item.append(link, note);
        storedPages.append(item);
      }
      storedPages.hidden = !entries.length;
    })
    .catch(() => {});
}

// "Vorlesen" (read aloud): the browser's own voice reads the elements marked data-read-aloud
// (title, summary, content) in document order, one utterance per paragraph, since some
// engines cut long texts. The controls appear only where the browser has a voice for the
// text's language; voices load late, so that is checked again on "voiceschanged".
{
  const controls = document.querySelector("[data-read-aloud-controls]");
  const speech = window.speechSynthesis;
  const marked = [...document.querySelectorAll("[data-read-aloud]")];
  if (controls && speech && window.SpeechSynthesisUtterance && marked.length) {
    // The language of the page's text (its title): German on a page not translated yet, where
    // only the text is marked lang="de", never the controls around it.
    const title = document.querySelector("[data-read-aloud=title]") || marked[0];
    const language = (title.closest("[lang]") || document.documentElement).lang;
    const base = language.toLowerCase().split("-")[0];
    const button = (action) => controls.querySelector(`[data-read-aloud-action=${action}]`);
    const [start, pause, stop] = ["start", "pause", "stop"].map(button);
    const status = controls.querySelector("[role=status]");
    const texts = controls.dataset;
    let voice = null;
    let queue = [];
    let current = null;
    let state = "idle";

    // Paragraphs in document order; a time says its words (data-spoken), "17 bis 19 Uhr".
    const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|CAPTION|DD|DETAILS|DIV|DL|DT|FIGCAPTION|FOOTER|H[1-6]|LI|OL|P|SECTION|SUMMARY|TABLE|TR|UL)$/;
    const paragraphs = () => {
      const found = [];
      let text = "";
      const flush = () => {
        const paragraph = text.replace(/\s+/g, " ").trim();
        // Sentences of at most about 200 characters each.
        for (const sentence of paragraph.match(/.{1,200}(?:[.!?؟:;]\s|$)|.{1,200}(?:\s|$)/g) || []) {
          if (sentence.trim()) found.push(sentence.trim());
        }
        text = "";
      };
      const walk = (node) => {
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) text += child.data;
          if (child.nodeType !== Node.ELEMENT_NODE || child.hidden) continue;
          if (child.matches("[data-read-aloud-skip], script, style, template, [aria-hidden=true]")) continue;
          if (child.dataset.spoken) {
            text += ` ${child.dataset.spoken} `;
            continue;
          }
          const block = BLOCK.test(child.tagName);
          if (block) flush();
          walk(child);
          if (block) flush();
          else text += /^(BR|TD|TH)$/.test(child.tagName) ? " " : "";
        }
      };
      for (const root of marked) {
        if (marked.some((other) => other !== root && other.contains(root))) continue;
        flush();
        walk(root);
        flush();
      }
      return found;
    };

    const show = (next) => {
      // The focus stays in the group when the button that has it is hidden (stop).
      const focused = document.activeElement === pause || document.activeElement === stop;
      state = next;
      start.setAttribute("aria-pressed", String(next !== "idle"));
      pause.hidden = stop.hidden = next === "idle";
      pause.textContent = next === "paused" ? texts.resume : texts.pause;
      status.textContent = { reading: texts.reading, paused: texts.paused, idle: texts.stopped }[next];
      if (focused && next === "idle") start.focus();
    };
    const speakNext = () => {
      current = null;
      if (state === "idle") return;
      if (!queue.length) {
        show("idle");
        return;
      }
      const utterance = new SpeechSynthesisUtterance(queue.shift());
      utterance.lang = language;
      utterance.voice = voice;
      utterance.onend = utterance.onerror = () => {
        if (current === utterance) speakNext();
      };
      current = utterance;
      speech.speak(utterance);
    };
    const end = () => {
      if (state === "idle") return;
      queue = [];
      current = null;
      speech.cancel();
      show("idle");
    };
    const findVoice = () => {
      voice = speech.getVoices().find((candidate) => candidate.lang.toLowerCase().replace("_", "-").split("-")[0] === base) || null;
      if (!voice) end();
      controls.hidden = !voice;
    };

    start.addEventListener("click", () => {
      if (state !== "idle") {
        end();
        return;
      }
      // Another page's voice may still speak; cancelling always would drop the first
      // utterance in some versions of Chrome.
      if (speech.speaking || speech.pending) speech.cancel();
      queue = paragraphs();
      show("reading");
      speakNext();
    });
    pause.addEventListener("click", () => {
      if (state === "reading") {
        speech.pause();
        show("paused");
      } else if (state === "paused") {
        speech.resume();
        show("reading");
      }
    });
    stop.addEventListener("click", end);
    window.addEventListener("pagehide", end);
    speech.addEventListener("voiceschanged", findVoice);
    findVoice();
  }
}
