"""The forms of an HTML page, read the way a browser sends them (for tests/host/).

``forms(html)`` gives every ``<form>`` with its action, method, classes and the values it would
submit as it stands: text and hidden inputs, checked boxes and radios, textareas, selected
options (a single select without one sends its first). Submit buttons are kept apart, as the
browser sends only the one pressed.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}


@dataclass
class Form:
    attrs: dict
    fields: list = field(default_factory=list)  # [(name, value)] as submitted
    options: dict = field(default_factory=dict)  # radio and checkbox name -> [values]
    buttons: list = field(default_factory=list)  # [(name, value)] of submit buttons

    @property
    def action(self):
        return self.attrs.get("action") or ""

    @property
    def method(self):
        return (self.attrs.get("method") or "get").lower()

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def names(self):
        return {name for name, _value in self.fields} | set(self.options)

    def data(self, **overrides):
        """{name: [values]} to post; ``overrides`` replace a field's values (a list or one)."""
        data = {}
        for name, value in self.fields:
            data.setdefault(name, []).append(value)
        for name, value in overrides.items():
            data[name] = value if isinstance(value, list) else [value]
        return data


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._textarea = None  # [name, [text]]
        self._select = None  # {"name", "multiple", "options": [(value, selected)]}
        self._option = None  # [value or None, selected, [text]]

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form":
            self._form = Form(attrs)
            self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in SKIPPED_INPUTS:
                if kind == "submit":
                    form.buttons.append((name, attrs.get("value", "")))
            elif kind in {"checkbox", "radio"}:
                value = attrs.get("value", "on")
                form.options.setdefault(name, []).append(value)
                if "checked" in attrs:
                    form.fields.append((name, value))
            else:
                form.fields.append((name, attrs.get("value", "")))
        elif tag == "button" and name and attrs.get("type", "submit").lower() == "submit":
            form.buttons.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name and "disabled" not in attrs:
            self._textarea = [name, []]
        elif tag == "select" and name and "disabled" not in attrs:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "selected" in attrs, []]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        if self._option is not None:
            self._option[2].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser drops the one newline that directly follows <textarea>.
            self._form.fields.append((name, "".join(text).removeprefix("\n")))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            self._close_option()
        elif tag == "select" and self._select is not None:
            if self._option is not None:
                self._close_option()
            options = self._select["options"]
            chosen = [value for value, selected in options if selected]
            if not chosen and options and not self._select["multiple"]:
                chosen = [options[0][0]]
            self._form.fields.extend((self._select["name"], value) for value in chosen)
            self._form.options[self._select["name"]] = [value for value, _selected in options]
            self._select = None

    def _close_option(self):
        value, selected, text = self._option
        self._select["options"].append(
            ("".join(text).strip() if value is None else value, selected)
        )
        self._option = None


def forms(html):
    parser = _FormParser()
    parser.feed(html)
    parser.close()
    return parser.forms


def find_form(html, *, css_class=None, form_id=None, field=None, button=None):
    """The first form with that class, id, field name or submit button name."""
    for form in forms(html):
        if css_class and css_class not in form.classes:
            continue
        if form_id and form.attrs.get("id") != form_id:
            continue
        if field and field not in form.names():
            continue
        if button and button not in {name for name, _value in form.buttons}:
            continue
        return form
    wanted = {"class": css_class, "id": form_id, "field": field, "button": button}
    raise LookupError(f"no form with { ({k: v for k, v in wanted.items() if v}) }")
