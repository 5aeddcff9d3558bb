"""German kept in brackets inside another language's page, marked ``lang="de"``.

Translations keep the German name of a benefit, an office or a document in brackets after
their own words ("Housing benefit (Wohngeld)", "بدل السكن (Wohngeld)"), so that a family
recognises it on a form or a letter; the interface does the same ("Easy German (Leichte
Sprache)"). A screen reader should speak those words in German, and a translation tool
should leave them alone: ``{% mark_kept_german %}…{% end_mark_kept_german %}`` marks every
run of German words inside brackets or quotation marks in the text it wraps, outside any
element that already carries a language of its own.

A word is German when the German pages of the site or the German interface use it, written
the same way or capitalised ("Offenes" for "offenes", never "demo" for "Demo"); in a language
written in another script (Arabic, Ukrainian) any word in Latin script in brackets is. A run
needs one word of four letters or more, so "(in)" stays English.
Text in German pages is left as it is.
"""

import re
from functools import lru_cache

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import trans_real
from wagtail_localize.models import String

from .. import page_tree
from .buero_tags import text_language

register = template.Library()

SOURCE_LANGUAGE = "de"
#: A tag, a comment or a doctype; the text between them is what is read.
_MARKUP = re.compile(
    r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>", re.S
)
_LANG = re.compile(r"""\slang\s*=\s*["']?([^"'\s>]*)""")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
#: Elements whose text is no place for a mark: plain-text content, or none read at all.
_SKIP = frozenset(["script", "style", "textarea", "title", "option", "template", "svg"])
#: What stands in brackets or quotation marks, without nested ones.
_ENCLOSED = re.compile(r"\(([^()]*)\)|“([^“”]*)”|„([^„“”]*)[“”]|«([^«»]*)»")
_OPENING = re.compile("[(“„«]")
#: A word in Latin script, hyphenated compounds and a dangling hyphen ("Schuldner-") included.
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſẞ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿĀ-ſẞ]+)*-?")
_PART = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſẞ]+")
_GAP = re.compile(r"\s*")
#: Inline markup inside a source string (a link, bold text): no words of its own.
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=1)
def _interface_words():
    """The words of the German interface (its message catalogues), as written."""
    words = set()
    for _key, text in trans_real.translation(SOURCE_LANGUAGE)._catalog.items():
        words.update(_PART.findall(str(text)))
    return frozenset(words)


def _site_words():
    """The German words as written: of the interface, of the German pages' titles, and of
    the German source text that wagtail-localize translates from (its ``String`` rows, read
    in one query, markup left out), collected once per content generation; after an
    editor's change only the changed pages' titles and the new strings are added."""
    tree = page_tree.current()

    def add_strings(words, after):
        source_text = String.objects.filter(
            locale__language_code=SOURCE_LANGUAGE, pk__gt=after
        ).order_by("pk")
        last = after
        for pk, text in source_text.values_list("pk", "data").iterator():
            words.update(_PART.findall(_TAG.sub(" ", text)))
            last = pk
        return last

    def add_titles(words, nodes):
        for node in nodes:
            if node is not None and node.language == SOURCE_LANGUAGE:
                words.update(_PART.findall(node.title))

    def collect():
        words = set(_interface_words())
        add_titles(words, tree.nodes.values())
        last = add_strings(words, 0)
        return Vocabulary.of(words, last)

    def refresh(vocabulary, changed):
        words = set(vocabulary.written)
        add_titles(words, (tree.get(page_id) for page_id in changed))
        last = add_strings(words, vocabulary.last_string)
        return Vocabulary.of(words, last)

    return tree.memo(("kept-german-words",), collect, refresh=refresh)


class Vocabulary:
    """German words as written, and casefolded."""

    def __init__(self, written, folded, last_string=0):
        self.written = written
        self.folded = folded
        #: The last ``String`` row read (rows are only added; see _site_words).
        self.last_string = last_string

    @classmethod
    def of(cls, words, last_string=0):
        return cls(frozenset(words), frozenset(word.casefold() for word in words), last_string)


@lru_cache
def _latin_script(language):
    """Whether ``language`` is written in Latin script, as its own name is."""
    name = translation.get_language_info(language)["name_local"]
    return bool(_PART.fullmatch(name.replace(" ", "")))


def _is_german(token, words):
    """Each part of ``token`` is a German word: written as the German text writes it, or
    capitalised (a noun, the start of a sentence); "demo" is no German word for "Demo"."""
    for part in _PART.findall(token):
        if part not in words.written and not (
            part[0].isupper() and part.casefold() in words.folded
        ):
            return False
    return True


def _mark_text(text, words, names, latin=True):
    """``text`` (a piece of HTML text) with each run of German words marked: words next to
    each other, with a space or a hyphen between them ("Schuldner- und Insolvenzberatung").
    A word counts inside brackets or quotation marks when the German text uses it, and
    anywhere when it is one of ``names``, written the same way."""
    enclosed = []
    for match in _ENCLOSED.finditer(text):
        group = next(i for i in range(1, 5) if match.group(i) is not None)
        enclosed.append(match.span(group))
    runs, current = [], None  # [start, end, has a word of four letters or more]
    for match in _WORD.finditer(text):
        token, start, end = match.group(0), match.start(), match.end()
        parts = _PART.findall(token)
        german = (names and all(part in names for part in parts)) or (
            any(first <= start and end <= last for first, last in enclosed)
            and (not latin or _is_german(token, words))
        )
        if not german:
            current = None
            continue
        long_word = any(len(part) >= 4 for part in parts)
        if current and _GAP.fullmatch(text[current[1] : start]):
            current[1], current[2] = end, current[2] or long_word
        else:
            current = [start, end, long_word]
            runs.append(current)
    out, position = [], 0
    for start, end, long_word in runs:
        if long_word:
            out += [text[position:start], f'<span lang="de" dir="ltr">{text[start:end]}</span>']
            position = end
    out.append(text[position:])
    return "".join(out)


def _all_names(text, names):
    parts = _PART.findall(text)
    return bool(parts) and all(part in names for part in parts)


def mark_kept_german(html, language, words=None, names=()):
    """``html`` with the German kept in brackets (and ``names``) marked, for a page in
    ``language``."""
    if language == SOURCE_LANGUAGE:
        return html
    words = _site_words() if words is None else words
    names = frozenset(part for name in names for part in _PART.findall(str(name)))
    latin = _latin_script(language)
    out = []
    stack = [(None, language)]  # (open element, its language)
    skipping = 0
    position = 0
    for match in _MARKUP.finditer(html):
        text = html[position : match.start()]
        if text and not skipping and stack[-1][1] == language and (names or _OPENING.search(text)):
            text = _mark_text(text, words, names, latin)
        elif names and stack[-1] == ("option", language) and _all_names(text, names):
            # An option holds plain text: the whole of it is marked, on its own tag.
            out[-1] = out[-1][:-1] + ' lang="de" dir="ltr">'
        out.append(text)
        out.append(match.group(0))
        position = match.end()
        closing, name = match.group(1), match.group(2)
        if name is None:
            continue
        name = name.lower()
        if closing:
            if any(open_name == name for open_name, _lang in stack[1:]):
                while stack:
                    open_name, _lang = stack.pop()
                    if open_name in _SKIP:
                        skipping -= 1
                    if open_name == name:
                        break
        elif name not in _VOID and not match.group(3).rstrip().endswith("/"):
            found = _LANG.search(match.group(3))
            stack.append((name, found.group(1) if found else stack[-1][1]))
            if name in _SKIP:
                skipping += 1
    out.append(html[position:])
    return "".join(out)


class MarkKeptGermanNode(template.Node):
    def __init__(self, nodelist, names):
        self.nodelist = nodelist
        self.names = names

    def render(self, context):
        html = self.nodelist.render(context)
        names = [name for variable in self.names for name in (variable.resolve(context) or ())]
        return mark_safe(mark_kept_german(html, translation.get_language(), names=names))  # noqa: S308


@register.tag("mark_kept_german")
def do_mark_kept_german(parser, token):
    """``{% mark_kept_german %}…{% end_mark_kept_german %}``: see the module's docstring.

    ``{% mark_kept_german names … %}`` also marks the words of ``names`` (lists of German
    strings) wherever they stand: German proper names that the interface keeps, such as the
    benefits of the help check, or topics not translated yet.
    """
    names = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("end_mark_kept_german",))
    parser.delete_first_token()
    return MarkKeptGermanNode(nodelist, names)


@register.filter
def marked_title(page):
    """The page's title, marked with its language where that is not the visitor's (an
    untranslated page): for a title inside a sentence of the interface ("…: archive")."""
    attributes = text_language(page)
    if attributes:
        return format_html("<span{}>{}</span>", attributes, page.title)
    return page.title
