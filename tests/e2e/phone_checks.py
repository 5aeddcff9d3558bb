"""What a page must be on a phone, checked in the browser in one evaluation per page.

``PHONE_PROBLEMS`` runs in the page and returns every problem it finds as a line of text
naming the element (tag, id, classes, a bit of its text) and its box:

- the page is wider than the screen (``scrollWidth`` over ``innerWidth``);
- an element, or a line of text, lies outside the screen horizontally, unless it sits
  inside a box marked ``data-scroll-box`` (a deliberate sideways scroll, e.g. a wide table);
- a box that clips its content (``overflow: hidden`` or ``clip``) cuts some of it off;
- a text field, select or text area is under 44 px tall, has text under 16 px, or its
  visible label is not above it;
- a tap target (link, button, summary, checkbox, radio button) is under 24 x 24 px; links
  inside running text are exempt (WCAG 2.2, 2.5.8 "Target Size (Minimum)", inline exception).

Every <details> is opened first, so that what it hides is checked too. Elements that are
not rendered (``hidden``, ``display: none``) have no box and are skipped; so is the
``visually-hidden`` pattern, which is 1 px and clipped on purpose.
"""

#: Smallest height of a text field, select or text area, and smallest text in it (px).
MIN_INPUT_HEIGHT = 44
MIN_INPUT_FONT_SIZE = 16
#: Smallest tap target (px), WCAG 2.2 success criterion 2.5.8.
MIN_TARGET = 24

PHONE_PROBLEMS = """([minHeight, minFont, minTarget]) => {
    document.querySelectorAll("details").forEach((details) => { details.open = true; });
    const width = window.innerWidth;
    const slack = 0.5;  // sub-pixel layout
    const problems = [];
    const style = (element) => getComputedStyle(element);

    const describe = (element, box = element.getBoundingClientRect()) => {
        const classes = (element.getAttribute("class") || "").trim().split(/\\s+/).filter(Boolean);
        const name = element.getAttribute("name");
        const text = (element.innerText || element.value || element.textContent || "")
            .replace(/\\s+/g, " ").trim().slice(0, 40);
        return `<${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}`
            + `${classes.map((c) => "." + c).join("")}${name ? `[name=${name}]` : ""}>`
            + `${text ? ` "${text}"` : ""} x ${Math.round(box.left)}..${Math.round(box.right)}`
            + ` y ${Math.round(box.top + window.scrollY)} (${Math.round(box.width)}`
            + ` x ${Math.round(box.height)})`;
    };
    const rendered = (element, box) => (box.width > 0 || box.height > 0)
        && style(element).visibility !== "hidden";
    const hiddenOnPurpose = (element) => element.closest(".visually-hidden") !== null;
    const inScrollBox = (element) => element.parentElement !== null
        && element.parentElement.closest("[data-scroll-box]") !== null;

    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > width) {
        problems.push(`the page is ${scrollWidth} px wide on a ${width} px screen`);
    }

    // Elements and lines of text outside the screen; an element is named once, not with
    // every child that sticks out with it.
    const outside = new Set();
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (!rendered(element, box) || hiddenOnPurpose(element) || inScrollBox(element)) continue;
        if (box.left < -slack || box.right > width + slack) {
            outside.add(element);
            if (!outside.has(element.parentElement)) {
                problems.push(`outside the screen: ${describe(element, box)}`);
            }
        }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.data.trim() || outside.has(parent) || hiddenOnPurpose(parent)
            || parent.closest("[data-scroll-box], script, style, option") !== null) continue;
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) {
            if (box.width > 0 && (box.left < -slack || box.right > width + slack)) {
                outside.add(parent);
                problems.push(`text outside the screen: ${describe(parent, box)}`);
                break;
            }
        }
    }

    // Boxes that cut their content off.
    for (const element of document.body.querySelectorAll("*")) {
        if (hiddenOnPurpose(element) || element.matches("input, select, textarea")) continue;
        const computed = style(element);
        const clipsX = ["hidden", "clip"].includes(computed.overflowX);
        const clipsY = ["hidden", "clip"].includes(computed.overflowY);
        if (!clipsX && !clipsY) continue;
        const box = element.getBoundingClientRect();
        if (!rendered(element, box)) continue;
        if ((clipsX && element.scrollWidth > element.clientWidth + 1)
            || (clipsY && element.scrollHeight > element.clientHeight + 1)) {
            problems.push(`cuts its content off (${element.scrollWidth} x `
                + `${element.scrollHeight} in ${element.clientWidth} x ${element.clientHeight}): `
                + describe(element, box));
        }
    }

    // Form fields: tall enough to hit, text large enough to read (and not to make a phone
    // zoom in), the label above.
    const fields = "input:not([type=hidden]):not([type=checkbox]):not([type=radio])"
        + ":not([type=submit]):not([type=button]), select, textarea";
    for (const field of document.querySelectorAll(fields)) {
        const box = field.getBoundingClientRect();
        if (!rendered(field, box) || hiddenOnPurpose(field)) continue;
        if (box.height < minHeight - slack) {
            problems.push(`field under ${minHeight} px tall: ${describe(field, box)}`);
        }
        const size = parseFloat(style(field).fontSize);
        if (size < minFont - slack) {
            problems.push(`field text ${size} px (under ${minFont}): ${describe(field, box)}`);
        }
        for (const label of field.labels || []) {
            const labelBox = label.getBoundingClientRect();
            if (!rendered(label, labelBox) || hiddenOnPurpose(label) || label.contains(field)) {
                continue;
            }
            if (labelBox.bottom > box.top + 1) {
                problems.push(`label not above its field: ${describe(label, labelBox)}`
                    + ` for ${describe(field, box)}`);
            }
        }
    }

    // Tap targets. A link in running text (inline, with other text in its line box's
    // block) is exempt: its size is set by the text around it.
    const blockOf = (element) => {
        let block = element.parentElement;
        while (block && style(block).display === "inline") block = block.parentElement;
        return block;
    };
    const inRunningText = (link) => {
        if (style(link).display !== "inline") return false;
        const block = blockOf(link);
        const own = link.textContent.replace(/\\s+/g, "").length;
        return block !== null && block.textContent.replace(/\\s+/g, "").length > own;
    };
    const targets = "a[href], button, summary, input[type=checkbox], input[type=radio],"
        + " input[type=submit], input[type=button]";
    for (const target of document.querySelectorAll(targets)) {
        const box = target.getBoundingClientRect();
        if (!rendered(target, box) || hiddenOnPurpose(target)) continue;
        if (target.matches("a") && inRunningText(target)) continue;
        if (box.width < minTarget - slack || box.height < minTarget - slack) {
            problems.push(`tap target under ${minTarget} x ${minTarget} px: ${describe(target, box)}`);
        }
    }
    return problems;
}"""


def phone_problems(page):
    """The problems ``PHONE_PROBLEMS`` finds on ``page``."""
    return page.evaluate(PHONE_PROBLEMS, [MIN_INPUT_HEIGHT, MIN_INPUT_FONT_SIZE, MIN_TARGET])
