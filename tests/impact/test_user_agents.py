"""Known bots by their user agent (impact.user_agents): the same answers as the package's
own matcher, fast enough for every counted page."""

import re
import time

import pytest
from crawleruseragents import CRAWLER_USER_AGENTS_DATA, is_crawler

from impact.user_agents import Bots, NotPlain, Word, is_bot, leading_text, words

BROWSERS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
    "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
]


def test_every_example_the_package_ships_gets_the_packages_answer():
    examples = [text for entry in CRAWLER_USER_AGENTS_DATA for text in entry.get("instances", ())]
    assert len(examples) > 1000
    every_pattern = re.compile("|".join(f"(?:{e['pattern']})" for e in CRAWLER_USER_AGENTS_DATA))
    differ = [text for text in examples if is_bot(text) != bool(every_pattern.search(text))]
    assert not differ
    assert all(is_bot(text) == is_crawler(text) for text in examples[::10])


@pytest.mark.parametrize("user_agent", BROWSERS)
def test_browsers_are_no_bots(user_agent):
    assert not is_bot(user_agent)
    assert not is_crawler(user_agent)


def test_no_user_agent_is_no_browser():
    assert is_bot("")


def test_patterns_are_expanded_into_their_words():
    assert words("[wW]get") == [Word("wget"), Word("Wget")]
    assert words("(^| )sentry\\/") == [Word("sentry/", first=True), Word(" sentry/")]
    assert words("Ahrefs(Bot|SiteAudit)") == [Word("AhrefsBot"), Word("AhrefsSiteAudit")]
    assert words("Chirp|gotosocial") == [Word("Chirp"), Word("gotosocial")]
    assert words("SSL Labs$") == [Word("SSL Labs", last=True)]
    for pattern in ("Current[\\s\\S]*RSS Reader", "Blog\\/\\d", "a+", "a(?:b)", "[^-]", "(a"):
        with pytest.raises(NotPlain):
            words(pattern)
    assert leading_text("ContextualBot[\\s\\S]*outcomes\\.net") == "ContextualBot"
    assert leading_text("BlogTraffic\\/\\d\\.\\d+ Feed") == "BlogTraffic/"
    assert leading_text("AdsBot-Google([^-]|$)") == "AdsBot-Google"
    assert leading_text("Automaton|Newsify") == ""
    assert leading_text("abc?") == "ab"


def test_the_kinds_of_patterns_each_match_where_they_should():
    bots = Bots(["^curl", "Labs$", "[wW]get", "Spider[\\s\\S]*spider\\.com", "x+y|zz"])
    matching = ["curl/8.5", "SSL Labs", "GNU Wget", "wget", "Spider (spider.com)", "xxy", "azz"]
    assert [text for text in matching if not bots.matches(text)] == []
    other = ["a curl/8.5", "Labs 2", "Spider", "xz", "WGET"]
    assert [text for text in other if bots.matches(text)] == []


def test_a_browser_is_checked_in_microseconds():
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        for user_agent in BROWSERS:
            is_bot(user_agent)
    per_check = (time.perf_counter() - started) / (rounds * len(BROWSERS))
    assert per_check < 0.0001  # the package's patterns as one regular expression: about 1 ms


def test_patterns_without_plain_words_need_no_automaton():
    bots = Bots(["^curl", "Spider[\\s\\S]*spider\\.com"])
    assert bots.matches("curl/8.5")
    assert not bots.matches("Firefox")
