// The site's own script: progressive enhancement only, everything works without it.
"use strict";

// Print buttons (the help check's result): a plain button needs a script to print.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
