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
