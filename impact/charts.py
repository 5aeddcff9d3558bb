"""Bar charts drawn on the server as inline SVG: no script, no library, printable.

A chart is a picture of the table beside it: ``role="img"`` named by the table's heading
(``aria-labelledby``), its bars and numbers hidden from screen readers, which read the
table instead. A hidden small number ("< 3", "x") gets no bar, only its mark.
"""

from django.utils.html import format_html, format_html_join

WIDTH = 640
LABEL_WIDTH = 230
BAR_WIDTH = 330
ROW_HEIGHT = 26
BAR_HEIGHT = 16
#: Wagtail's teal, 4.5:1 and more against white; the numbers are in the text colour.
BAR_COLOUR = "#007d7e"
MAX_LABEL = 28


def _short(label):
    return label if len(label) <= MAX_LABEL else f"{label[: MAX_LABEL - 1]}…"


def bar_chart(bars, *, labelled_by, description_id=None):
    """Horizontal bars for ``bars`` [(label, value, text, hidden)]; named by the element with
    the id ``labelled_by``."""
    largest = max((value for _label, value, _text, hidden in bars if not hidden), default=0)
    height = ROW_HEIGHT * len(bars) + 8
    rows = []
    for index, (label, value, text, hidden) in enumerate(bars):
        top = 4 + index * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        length = 0 if hidden or not largest else max(round(BAR_WIDTH * value / largest), 1)
        rows.append(
            (
                LABEL_WIDTH - 8,
                middle,
                _short(label),
                LABEL_WIDTH,
                top + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                length,
                BAR_HEIGHT,
                BAR_COLOUR,
                LABEL_WIDTH + length + 6,
                middle,
                text,
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" dominant-baseline="middle">{}</text>',
        rows,
    )
    described = format_html(' aria-describedby="{}"', description_id) if description_id else ""
    return format_html(
        '<svg class="buero-chart" role="img" aria-labelledby="{}"{} focusable="false" '
        'viewBox="0 0 {} {}" width="{}" height="{}" preserveAspectRatio="xMinYMin meet" '
        'font-size="13" fill="currentColor">{}</svg>',
        labelled_by,
        described,
        WIDTH,
        height,
        WIDTH,
        height,
        body,
    )
