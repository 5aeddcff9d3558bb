"""Text in the source language (German) inside a page or output in another language.

A plain ``str`` subclass, so that plain-Python code (the occurrence engine's holiday names)
can say "this is German" and templates can mark it ``lang="de"`` (``{{ text|marked }}``).
"""


class SourceText(str):
    """A string in the source language inside another language's page or output."""

    language = "de"
