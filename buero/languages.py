"""The language part of the plugin's own addresses."""

import re

from django.conf import settings
from django.utils.translation import get_language


class LanguagePrefix:
    """A URL pattern for ``de/``, ``ar/`` …: the active language's code, as Django's
    ``LocalePrefixPattern`` matches it, but always present and usable inside an included
    URLconf. LocaleMiddleware activates the language from the path; reversing gives the
    address in the active language."""

    converters = {}

    @property
    def language_prefix(self):
        return f"{get_language() or settings.LANGUAGE_CODE}/"

    @property
    def regex(self):
        # Read by URLResolver when it builds the reverse lookup, once per language.
        return re.compile(re.escape(self.language_prefix))

    def match(self, path):
        prefix = self.language_prefix
        if path.startswith(prefix):
            return path.removeprefix(prefix), (), {}
        return None

    def check(self):
        return []

    def describe(self):
        return f"'{self}'"

    def __str__(self):
        return self.language_prefix
