"""From text to search terms, the same way for the pages and for what a visitor types.

Every shipped language gets its own treatment: Snowball stemmers for German, English,
Arabic, Persian, Polish, Russian and Romanian; a light suffix stemmer for Ukrainian (Snowball
has none); Arabic and Persian spelling unified before that. The stemmer follows the script
of each word, so the German terms that translations keep in brackets ("Wohngeld") are
stemmed as German on an Arabic page and in an Arabic visitor's query alike.
"""

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

#: Snowball's algorithm per language code.
SNOWBALL = {
    "de": "german",
    "en": "english",
    "ar": "arabic",
    "fa": "persian",
    "pl": "polish",
    "ru": "russian",
    "ro": "romanian",
}
LATIN_LANGUAGES = {"de", "en", "pl", "ro"}

WORD = re.compile(r"\w+")
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
#: Harakat and the superscript alef: spelling aids, not part of the word.
TASHKEEL = re.compile(r"[\u064b-\u065f\u0670]")
TATWEEL = "\u0640"
ZWNJ = "\u200c"
ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
#: Persian keyboards and Arabic ones type different code points for the same letters.
PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه"})
#: The article with the conjunctions and prepositions written onto it, longest first.
ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: Ukrainian case and number endings, longest first (a light stemmer: it only cuts
#: endings, and keeps at least three letters).
UKRAINIAN_ENDINGS = sorted(
    [
        "ами",
        "ями",
        "ові",
        "еві",
        "ого",
        "ому",
        "ими",
        "іми",
        "ах",
        "ях",
        "ів",
        "їв",
        "ій",
        "ою",
        "ею",
        "ом",
        "ем",
        "ам",
        "ям",
        "их",
        "им",
        "ий",
        "ої",
        "ої",
        "ує",
        "ють",
        "ать",
        "ять",
        "ити",
        "ати",
        "а",
        "я",
        "у",
        "ю",
        "і",
        "ї",
        "и",
        "о",
        "е",
        "ь",
    ],
    key=len,
    reverse=True,
)


def normalize(text, language):
    """Lower-case words of ``text`` with the spelling unified, before stemming."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    if ARABIC_LETTER.search(text):
        text = TASHKEEL.sub("", text.replace(TATWEEL, ""))
        text = text.translate(ALEF_FORMS)
        if language == "fa":
            text = text.translate(PERSIAN_LETTERS)
    # The zero-width non-joiner separates the parts of one Persian word: keep them together.
    text = text.replace(ZWNJ, "")
    return WORD.findall(text)


def strip_arabic_article(word):
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


def stem_ukrainian(word):
    for ending in UKRAINIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def word_language(word, language):
    """The language whose rules a word follows: its script decides, the page's or the
    visitor's language within the script (German for Latin words on non-Latin pages)."""
    if ARABIC_LETTER.search(word):
        return "fa" if language == "fa" else "ar"
    if CYRILLIC_LETTER.search(word):
        return "uk" if language == "uk" else "ru"
    return language if language in LATIN_LANGUAGES else "de"


@lru_cache(maxsize=100_000)
def stem(word, language):
    """The search term of one normalized word."""
    language = word_language(word, language)
    if language == "ar":
        word = strip_arabic_article(word)
    if language == "uk":
        return stem_ukrainian(word)
    return _stemmer(SNOWBALL[language]).stemWord(word)


@cache
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


def terms(text, language):
    """The search terms of ``text`` in ``language``, in order, repeats kept."""
    return [stem(word, language) for word in normalize(text, language)]
