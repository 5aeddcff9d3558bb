"""Whether a user agent is a known bot, from the patterns of crawler-user-agents.

The user agent is looked at and forgotten: nothing here keeps it, not even in memory.

The package's 1,500 patterns as one alternation take about a millisecond per browser's user
agent, far more than counting may cost a page. Almost all of them are plain words
("Googlebot/", "bingbot"), and the rest mostly spell a few of them at once ("[wW]get",
"(^| )sentry\\/", "Ahrefs(Bot|SiteAudit)"). So every pattern is expanded into the words it
matches where that is possible, and the words are found in one pass over the user agent by
an Aho-Corasick automaton (pyahocorasick, in C: a few microseconds); words that must start
or end the user agent are compared with ``startswith`` and ``endswith``. The few patterns
that remain true regular expressions ("[\\s\\S]*") are tried only where the automaton finds
a word they begin with. Same answers as the package's own ``is_crawler``
(tests/impact/test_user_agents.py compares every example the package ships), built once per
process.
"""

import re
from dataclasses import dataclass

import ahocorasick
from crawleruseragents import CRAWLER_USER_AGENTS_DATA

#: Characters with a meaning in a pattern; any other character stands for itself.
_SPECIAL = set(".^$*+?{}[]|()\\")
_QUANTIFIERS = set("*+?{")


class NotPlain(ValueError):
    """The pattern is more than words (a repetition, a range, a class such as \\d)."""


@dataclass(frozen=True)
class Word:
    """Text a pattern matches literally; ``first``/``last``: only at the start/the end."""

    text: str
    first: bool = False
    last: bool = False


class _Reader:
    """Expands a plain pattern into its words: alternatives (``a|b``, ``(a|b)``), classes
    of single characters (``[wW]``), escaped punctuation (``\\/``), ``^`` and ``$``."""

    def __init__(self, pattern):
        self.pattern, self.at = pattern, 0

    def peek(self):
        return self.pattern[self.at] if self.at < len(self.pattern) else ""

    def take(self):
        char = self.peek()
        self.at += 1
        return char

    def alternatives(self):
        words = self.sequence()
        while self.peek() == "|":
            self.take()
            words += self.sequence()
        return words

    def sequence(self):
        words = [Word("")]
        while self.peek() not in ("", "|", ")"):
            following = self.item()
            words = [
                joined for left in words for right in following if (joined := _join(left, right))
            ]
        return words

    def item(self):
        char = self.take()
        if char == "^":
            return [Word("", first=True)]
        if char == "$":
            return [Word("", last=True)]
        if char == "(":
            if self.peek() == "?":
                raise NotPlain(self.pattern)
            words = self.alternatives()
            if self.take() != ")":
                raise NotPlain(self.pattern)
        elif char == "[":
            chars = []
            while self.peek() not in ("]", ""):
                member = self.take()
                if member in _SPECIAL or member == "-":
                    raise NotPlain(self.pattern)
                chars.append(member)
            if self.take() != "]" or not chars:
                raise NotPlain(self.pattern)
            words = [Word(member) for member in chars]
        elif char == "\\":
            escaped = self.take()
            if not escaped or escaped.isalnum():
                raise NotPlain(self.pattern)  # \d, \s, \b ...
            words = [Word(escaped)]
        elif char in _SPECIAL:
            raise NotPlain(self.pattern)  # . and quantifiers without an item
        else:
            words = [Word(char)]
        if self.peek() in _QUANTIFIERS:
            raise NotPlain(self.pattern)
        return words


def _join(left, right):
    """``left`` followed by ``right``, None where no text can match both (an end before
    more text, a start after some)."""
    if (left.last and right.text) or (right.first and left.text):
        return None
    return Word(left.text + right.text, left.first or right.first, left.last or right.last or False)


def words(pattern):
    """The words a plain pattern stands for; NotPlain for any other."""
    reader = _Reader(pattern)
    found = reader.alternatives()
    if reader.peek():
        raise NotPlain(pattern)  # an unmatched ")"
    return found


def leading_text(pattern):
    """The literal text every match of ``pattern`` begins with ("" if none)."""
    depth, at = 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 1
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return ""  # "a|b": neither must be there
        at += 1
    text, at = [], 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\" and at + 1 < len(pattern) and not pattern[at + 1].isalnum():
            char, at = pattern[at + 1], at + 1
        elif char in _SPECIAL:
            break
        if at + 1 < len(pattern) and pattern[at + 1] in _QUANTIFIERS:
            break  # "ab?": only "a" is certain
        text.append(char)
        at += 1
    return "".join(text)


class Bots:
    """The compiled patterns; ``matches(user_agent)`` says whether one of them matches.

    One automaton finds every word that may stand anywhere; its value for a word is () when
    the word alone is a match, else the patterns that begin with it and must be tried.
    """

    def __init__(self, patterns):
        anywhere, starts, ends, whole, loose = {}, set(), set(), set(), []
        for pattern in patterns:
            try:
                found = words(pattern)
            except NotPlain:
                guard = leading_text(pattern)
                if not guard:
                    loose.append(pattern)
                elif anywhere.get(guard) != ():
                    anywhere[guard] = (*anywhere.get(guard, ()), re.compile(pattern))
                continue
            for word in found:
                if not word.text and not word.last and not word.first:
                    raise ValueError(f"{pattern!r} matches every user agent")
                if not (word.first or word.last):
                    anywhere[word.text] = ()
                    continue
                {(True, False): starts, (False, True): ends, (True, True): whole}[
                    word.first, word.last
                ].add(word.text)
        self.anywhere = None
        if anywhere:
            self.anywhere = ahocorasick.Automaton()
            for text, then in anywhere.items():
                self.anywhere.add_word(text, then)
            self.anywhere.make_automaton()
        self.starts, self.ends, self.whole = tuple(sorted(starts)), tuple(sorted(ends)), whole
        self.loose = re.compile("|".join(f"(?:{pattern})" for pattern in loose)) if loose else None

    def matches(self, user_agent):
        if self.anywhere is not None:
            for _end, then in self.anywhere.iter(user_agent):
                if not then or any(pattern.search(user_agent) for pattern in then):
                    return True
        return bool(
            user_agent.startswith(self.starts)
            or user_agent.endswith(self.ends)
            or user_agent in self.whole
            or (self.loose is not None and self.loose.search(user_agent))
        )


BOTS = Bots(entry["pattern"] for entry in CRAWLER_USER_AGENTS_DATA)


def is_bot(user_agent):
    """Whether ``user_agent`` is a known bot's, or missing: every browser sends one."""
    return not user_agent or BOTS.matches(user_agent)
