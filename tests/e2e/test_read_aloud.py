""" "Vorlesen" in a real browser, with a stubbed speech synthesis: headless Chromium has no voices.

The stub records what would be spoken (text, language, voice) and the calls to pause, resume
and cancel; its voices arrive late, with "voiceschanged", as in Chrome. An utterance ends at
once unless the test holds it, so that pause, continue and stop can be tried mid-sentence.
"""

import json

import pytest

from .test_accessibility import axe_failures

STUB = """(voices) => {
    const record = { spoken: [], calls: [], hold: false };
    window.__speech = record;
    class Utterance {
        constructor(text) {
            Object.assign(this, { text, lang: "", voice: null, onend: null, onerror: null });
        }
    }
    class Synthesis extends EventTarget {
        constructor() { super(); this.loaded = []; this.current = null; }
        getVoices() { return this.loaded; }
        speak(utterance) {
            record.spoken.push({
                text: utterance.text, lang: utterance.lang, voice: utterance.voice && utterance.voice.lang,
            });
            this.current = utterance;
            if (!record.hold) setTimeout(() => this.finish(utterance), 5);
        }
        finish(utterance) {
            if (this.current !== utterance) return;
            this.current = null;
            if (utterance.onend) utterance.onend(new Event("end"));
        }
        pause() { record.calls.push("pause"); }
        resume() { record.calls.push("resume"); }
        cancel() {
            record.calls.push("cancel");
            const utterance = this.current;
            this.current = null;
            if (utterance && utterance.onerror) utterance.onerror(new Event("error"));
        }
    }
    const synthesis = new Synthesis();
    Object.defineProperty(window, "speechSynthesis", { value: synthesis, configurable: true });
    window.SpeechSynthesisUtterance = Utterance;
    setTimeout(() => {
        synthesis.loaded = voices.map((lang) => ({ lang, name: `Stub ${lang}`, default: false }));
        synthesis.dispatchEvent(new Event("voiceschanged"));
    }, 50);
}"""


def open_page(site, new_context, language, page_name, voices, **options):
    base_url, pages = site
    context = new_context(locale=language, **options)
    context.add_init_script(f"({STUB})({json.dumps(voices)})")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(base_url + pages[language][page_name])
    assert response.status == 200
    return page, errors


def controls(page):
    return page.locator("[data-read-aloud-controls]")


def button(page, action):
    return page.locator(f"[data-read-aloud-action={action}]")


def status(page):
    return controls(page).locator("[role=status]")


def spoken(page):
    return page.evaluate("() => window.__speech.spoken")


def text_of(page, selector):
    return page.evaluate(
        "(s) => document.querySelector(s).textContent.replace(/\\s+/g, ' ').trim()", selector
    )


def test_a_german_voice_reads_title_summary_and_content_in_order(site, new_context):
    page, errors = open_page(site, new_context, "de", "offer", ["en-US", "de-DE"])
    start = button(page, "start")
    start.wait_for(state="visible")
    assert start.text_content() == "Vorlesen"
    start.click()
    page.wait_for_function("() => document.querySelector('[aria-pressed]').ariaPressed === 'false'")

    texts = [entry["text"] for entry in spoken(page)]
    assert texts[0] == text_of(page, "h1")
    assert texts[1] == text_of(page, "[data-read-aloud=summary]")
    assert len(texts) > 4
    assert {(entry["lang"], entry["voice"]) for entry in spoken(page)} == {("de", "de-DE")}
    # Times as words; none of the controls, the share box or the navigation.
    content = " ".join(texts)
    assert " bis " in content
    assert " Uhr" in content
    assert "–" not in " ".join(t for t in texts if "Uhr" in t)
    for absent in ("Vorlesen", "Teilen", "Link kopieren", "Hat Ihnen diese Seite geholfen"):
        assert absent not in content
    assert all(len(text) <= 200 for text in texts)
    # Read to the end: the state is reset.
    assert status(page).text_content() == "Beendet"
    assert button(page, "pause").is_hidden()
    assert not errors


def test_pause_continue_and_stop_with_the_keyboard(site, new_context):
    page, errors = open_page(site, new_context, "de", "offer", ["de-DE"])
    start, pause, stop = (button(page, action) for action in ("start", "pause", "stop"))
    start.wait_for(state="visible")
    page.evaluate("() => { window.__speech.hold = true; }")
    start.focus()
    page.keyboard.press("Enter")

    assert start.get_attribute("aria-pressed") == "true"
    assert status(page).text_content() == "Wird vorgelesen"
    assert len(spoken(page)) == 1
    assert pause.is_visible()
    assert stop.is_visible()

    pause.focus()
    page.keyboard.press("Enter")
    assert status(page).text_content() == "Angehalten"
    assert pause.text_content() == "Weiter"
    page.keyboard.press("Space")
    assert status(page).text_content() == "Wird vorgelesen"
    assert pause.text_content() == "Pause"

    stop.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__speech.calls") == ["pause", "resume", "cancel"]
    assert status(page).text_content() == "Beendet"
    assert start.get_attribute("aria-pressed") == "false"
    assert pause.is_hidden()
    assert stop.is_hidden()
    # The focus does not vanish with the stop button.
    assert page.evaluate("() => document.activeElement.dataset.readAloudAction") == "start"
    # Nothing more is spoken after a stop.
    page.evaluate("() => { window.__speech.hold = false; }")
    page.wait_for_timeout(100)
    assert len(spoken(page)) == 1
    assert not errors


@pytest.mark.parametrize(("voices", "case"), [(["en-GB", "ar-SA"], "other"), ([], "none")])
def test_without_a_voice_for_the_language_nothing_is_shown(site, new_context, voices, case):
    page, errors = open_page(site, new_context, "de", "offer", voices)
    page.wait_for_timeout(300)  # after "voiceschanged"
    assert controls(page).is_hidden()
    assert button(page, "start").is_hidden()
    assert status(page).text_content() == ""
    assert not errors


def test_without_speech_synthesis_nothing_is_shown(site, new_context):
    base_url, pages = site
    context = new_context(locale="de")
    context.add_init_script(
        "delete Window.prototype.speechSynthesis; delete window.speechSynthesis;"
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + pages["de"]["offer"])
    page.wait_for_timeout(200)
    assert controls(page).is_hidden()
    assert not errors


def test_an_arabic_voice_reads_an_arabic_page(site, new_context):
    page, errors = open_page(site, new_context, "ar", "offer", ["de-DE", "ar-SA"])
    start = button(page, "start")
    start.wait_for(state="visible")
    assert start.text_content() == "قراءة بصوت عالٍ"
    assert controls(page).get_attribute("dir") == "rtl"
    start.click()
    page.wait_for_function("() => document.querySelector('[aria-pressed]').ariaPressed === 'false'")
    texts = [entry["text"] for entry in spoken(page)]
    assert texts[0] == text_of(page, "h1")
    assert texts[1] == text_of(page, "[data-read-aloud=summary]")
    assert {(entry["lang"], entry["voice"]) for entry in spoken(page)} == {("ar", "ar-SA")}
    assert "حتى" in " ".join(texts)
    assert status(page).text_content() == "توقفت القراءة"
    assert not errors


@pytest.mark.parametrize(("language", "voice"), [("de", "de-DE"), ("ar", "ar-EG")])
@pytest.mark.parametrize("page_name", ["offer", "standard", "events"])
def test_no_accessibility_violations_with_the_controls_shown(
    site, new_context, axe_script, language, voice, page_name
):
    page, _errors = open_page(site, new_context, language, page_name, [voice], bypass_csp=True)
    button(page, "start").wait_for(state="visible")
    page.evaluate("() => { window.__speech.hold = true; }")
    button(page, "start").click()  # every control shown, the status line filled
    assert button(page, "stop").is_visible()
    failures = axe_failures(page, axe_script)
    assert not failures, "\n".join(failures)


def test_leaving_the_page_stops_the_voice(site, new_context):
    page, errors = open_page(site, new_context, "de", "standard", ["de-DE"])
    button(page, "start").wait_for(state="visible")
    page.evaluate("() => { window.__speech.hold = true; }")
    button(page, "start").click()
    page.evaluate("() => window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert page.evaluate("() => window.__speech.calls") == ["cancel"]
    assert button(page, "start").get_attribute("aria-pressed") == "false"
    assert not errors
