"""The search's text analysis: spelling unified, articles stripped, words stemmed."""

import pytest

from buero.search import text


@pytest.mark.parametrize(
    ("written", "language", "expected"),
    [
        ("أطفال", "ar", ["اطفال"]),  # alef with hamza above
        ("إيجار", "ar", ["ايجار"]),  # alef with hamza below
        ("آباء", "ar", ["اباء"]),  # alef with madda
        ("مَدْرَسَة", "ar", ["مدرسة"]),  # tashkeel removed
        ("مـــدرسة", "ar", ["مدرسة"]),  # tatweel removed
        ("على", "ar", ["علي"]),  # alef maksura
        ("كتاب", "fa", ["کتاب"]),  # Arabic kaf → Persian keheh
        ("علي", "fa", ["علی"]),  # Arabic yeh → Persian yeh
        ("مدرسه\u200cها", "fa", ["مدرسهها"]),  # the zero-width non-joiner joins
        ("Kinderzuschläge, Wohngeld!", "de", ["kinderzuschläge", "wohngeld"]),
        ("", "de", []),
        ("?!… – „“ ()", "de", []),
        (None, "ar", []),
    ],
)
def test_normalize(written, language, expected):
    assert text.normalize(written, language) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("المدرسة", "مدرسة"),
        ("والمدرسة", "مدرسة"),
        ("بالمدرسة", "مدرسة"),
        ("كالمدرسة", "مدرسة"),
        ("فالمدرسة", "مدرسة"),
        ("للمدرسة", "مدرسة"),
        ("ال", "ال"),  # nothing left after the article: kept
        ("مدرسة", "مدرسة"),
    ],
)
def test_arabic_article_and_its_clitics_are_stripped(word, expected):
    assert text.strip_arabic_article(word) == expected


@pytest.mark.parametrize(
    ("one", "other", "language"),
    [
        ("مدرسة", "المدرسة", "ar"),
        ("طعام", "الطعام", "ar"),
        ("مساعدة", "المساعدة", "ar"),
        ("مدرسه", "مدرسه\u200cها", "fa"),
        ("школа", "школи", "uk"),
        ("школа", "школі", "uk"),
        ("борги", "боргами", "uk"),
        ("школа", "школы", "ru"),
        ("Kinderzuschlag", "Kinderzuschläge", "de"),
        ("Antrag", "Anträge", "de"),
        ("school", "schools", "en"),
        ("szkoła", "szkoły", "pl"),
        ("școală", "școala", "ro"),
    ],
)
def test_forms_of_a_word_share_their_term(one, other, language):
    assert text.terms(one, language) == text.terms(other, language)


def test_latin_words_on_non_latin_pages_are_stemmed_as_german():
    # "Wohngeld" in brackets on an Arabic page, typed by an Arabic or Ukrainian visitor.
    assert text.terms("Anträge", "ar") == text.terms("Antrag", "de")
    assert text.terms("Anträge", "uk") == text.terms("Antrag", "de")


def test_ukrainian_light_stemmer_keeps_short_words():
    assert text.stem_ukrainian("дім") == "дім"
    assert text.stem_ukrainian("мама") == "мам"
