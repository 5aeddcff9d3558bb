"""Lazily translated, lazily formatted texts.

A reason is built when the check runs but translated when it is shown, so one result can
be rendered in any language. Numbers are formatted for the language they are shown in.
"""

from django.utils.formats import number_format
from django.utils.functional import lazy


def _value(value):
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return str(value)


def _interpolate(message, values):
    return str(message) % {key: _value(value) for key, value in values.items()}


def _join(parts, separator):
    return str(separator).join(str(part) for part in parts)


_lazy_interpolate = lazy(_interpolate, str)
_lazy_join = lazy(_join, str)


def fmt(message, **values):
    """``message % values``, translated and formatted only when the text is shown."""
    return _lazy_interpolate(message, values)


def join(parts, separator="; "):
    return _lazy_join(tuple(parts), separator)
