"""Where the pages' token-less forms post (the help check, "Hat Ihnen diese Seite geholfen?")."""

import re

from django.urls import reverse


def form_action(page):
    """The address the page's own forms send to (buero.form_posts)."""
    return reverse("buero_form_post", args=[page.pk])


def action_in(html, form_class):
    """The action of the first <form> with ``form_class`` in ``html``, as a browser reads it."""
    match = re.search(rf'<form[^>]*class="[^"]*\b{form_class}\b[^"]*"[^>]*>', html)
    assert match, f"no form .{form_class}"
    return re.search(r'action="([^"]+)"', match.group(0)).group(1)
