"""Search in every language: what visitors type, and the page they must find in the top three.

The tree is built here: German offers and a partner, translated into English, Arabic,
Persian and Ukrainian the way the office writes translations (the German term in brackets).
The table runs on SQLite and, in CI's PostgreSQL leg, on PostgreSQL: the search does its
own text analysis (buero.search), so both give the same answers.
"""

import re

import pytest

from angebote.factories import (
    HelpCheckPageFactory,
    OfferIndexPageFactory,
    OfferPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)
from buero.factories import SearchSynonymFactory
from buero.models import OfficePage

pytestmark = pytest.mark.django_db

GERMAN = {
    "kiz": (
        "Kinderzuschlag",
        "Zusätzliches Geld für Familien mit Kindern, wenn das Einkommen knapp ist.",
    ),
    "wohngeld": ("Wohngeld", "Zuschuss zur Miete, wenn das Geld für die Wohnung nicht reicht."),
    "grundsicherung": (
        "Grundsicherungsgeld (früher Bürgergeld)",
        "Geld zum Leben und für die Wohnung vom Jobcenter.",
    ),
    "but": (
        "Bildung und Teilhabe: Geld für Schulsachen",
        "Für Hefte, Stifte und den Schulranzen gibt es Geld.",
    ),
    "tafel": (
        "Lebensmittel von der Tafel",
        "Ehrenamtliche geben gespendete Lebensmittel an Menschen mit wenig Geld aus.",
    ),
    "schulden": ("Schuldnerberatung", "Hilfe bei Schulden und offenen Rechnungen."),
    "hausaufgaben": (
        "Hausaufgabenhilfe im Jugendclub",
        "Hilfe bei Hausaufgaben und in der Schule.",
    ),
}
TRANSLATIONS = {
    "en": {
        "kiz": (
            "Child supplement (Kinderzuschlag)",
            "Extra money for families with children when income is low.",
        ),
        "wohngeld": ("Housing benefit (Wohngeld)", "Help with paying the rent."),
        "but": (
            "Education and participation: money for school supplies",
            "For exercise books, pens and a school bag.",
        ),
        "tafel": ("Food from the food bank (Tafel)", "Volunteers hand out donated food."),
        "schulden": ("Debt counselling", "Help with debts and unpaid bills."),
    },
    "ar": {
        "kiz": (
            "علاوة الأطفال (Kinderzuschlag)",
            "مال إضافي للعائلات التي لديها أطفال عندما يكون الدخل قليلاً.",
        ),
        "wohngeld": ("بدل السكن (Wohngeld)", "مساعدة في دفع الإيجار."),
        "but": ("التعليم والمشاركة: مال لأدوات المدرسة", "للدفاتر والأقلام والحقيبة المدرسية."),
        "tafel": ("مواد غذائية من بنك الطعام (Tafel)", "متطوعون يوزعون الطعام المتبرع به."),
        "schulden": ("استشارة الديون", "مساعدة في الديون والفواتير المفتوحة."),
        "hausaufgaben": ("مساعدة في الواجبات", "مساعدة في الواجبات المنزلية وفي المدرسة."),
    },
    "fa": {
        "kiz": (
            "کمک‌هزینهٔ اضافی کودک (Kinderzuschlag)",
            "پول اضافی برای خانواده‌های دارای فرزند، وقتی درآمد کم است.",
        ),
        "wohngeld": ("کمک‌هزینهٔ مسکن (Wohngeld)", "کمک به پرداخت اجاره."),
        "but": ("آموزش و مشارکت: پول برای وسایل مدرسه", "برای دفتر، مداد و کیف مدرسه."),
        "tafel": ("مواد غذایی از بانک غذا (Tafel)", "داوطلبان غذای اهدایی را پخش می‌کنند."),
    },
    "uk": {
        "kiz": (
            "Надбавка на дітей (Kinderzuschlag)",
            "Додаткові гроші для сімей з дітьми, коли дохід малий.",
        ),
        "wohngeld": ("Допомога на житло (Wohngeld)", "Допомога з орендною платою за житло."),
        "but": ("Освіта і участь: гроші на приладдя", "На зошити, ручки та рюкзак для школи."),
        "schulden": ("Консультація з боргів", "Допомога з боргами та рахунками."),
        "hausaufgaben": ("Допомога з домашніми завданнями", "Допомога в школі та вдома."),
    },
}
SYNONYMS = [
    ("Hartz IV", "Grundsicherungsgeld"),
    ("Bürgergeld", "Grundsicherungsgeld"),
    ("ALG II", "Grundsicherungsgeld"),
    ("BuT", "Bildung und Teilhabe"),
    ("KiZ", "Kinderzuschlag"),
    ("Kindergeldzuschlag", "Kinderzuschlag"),
    ("Tafel", "Lebensmittel"),
]
#: (language, what a visitor types, the page expected among the first three results).
ROWS = [
    ("de", "Kinderzuschlag", "kiz"),
    ("de", "kinderzuschläge", "kiz"),
    ("de", "Kinderzu", "kiz"),  # half typed
    ("de", "KiZ", "kiz"),
    ("de", "Kindergeldzuschlag", "kiz"),
    ("de", "Wohngeld", "wohngeld"),
    ("de", "Miete", "wohngeld"),
    ("de", "Grundsicherungsgeld", "grundsicherung"),
    ("de", "Bürgergeld", "grundsicherung"),
    ("de", "Hartz IV", "grundsicherung"),
    ("de", "ALG II", "grundsicherung"),
    ("de", "BuT", "but"),
    ("de", "Schulsachen", "but"),
    ("de", "Schulranzen", "but"),
    ("de", "Tafel", "tafel"),
    ("de", "Lebensmittel", "tafel"),
    ("de", "Schulden", "schulden"),
    ("de", "Rechnung", "schulden"),
    ("de", "Hausaufgaben", "hausaufgaben"),
    ("de", "Familienkasse", "familienkasse"),
    ("en", "child supplement", "kiz"),
    ("en", "rent", "wohngeld"),
    ("en", "schools", "but"),
    ("en", "debt", "schulden"),
    ("en", "food", "tafel"),
    ("en", "Wohngeld", "wohngeld"),  # the German term, kept in brackets
    ("ar", "مدرسة", "but"),  # school
    ("ar", "المدرسة", "but"),  # the school
    ("ar", "طعام", "tafel"),  # food
    ("ar", "الطعام", "tafel"),
    ("ar", "الإيجار", "wohngeld"),  # the rent, with hamza
    ("ar", "ايجار", "wohngeld"),  # rent, typed without hamza or article
    ("ar", "Wohngeld", "wohngeld"),
    ("ar", "ديون", "schulden"),  # debts
    ("ar", "Kinderzuschlag", "kiz"),
    ("ar", "أطفال", "kiz"),  # children
    ("fa", "مدرسه", "but"),  # school
    ("fa", "مدرسة", "but"),  # school, typed on an Arabic keyboard (ة)
    ("fa", "اجاره", "wohngeld"),  # rent
    ("fa", "Wohngeld", "wohngeld"),
    ("fa", "خانواده ها", "kiz"),  # families, without the zero-width non-joiner
    ("uk", "школа", "hausaufgaben"),  # school (the page says "у школі")
    ("uk", "школи", "hausaufgaben"),
    ("uk", "борги", "schulden"),  # debts (the page says "боргами")
    ("uk", "житло", "wohngeld"),  # housing
    ("uk", "Kinderzuschlag", "kiz"),
]
#: Typos: the search offers "Meinten Sie …?", and the suggestion finds the page.
TYPOS = [
    ("de", "Kinderzuschlack", "Kinderzuschlag", "kiz"),
    ("de", "Wohngelt", "Wohngeld", "wohngeld"),
    ("de", "Schuldnerberatnug", "Schuldnerberatung", "schulden"),
    ("en", "housign", "Housing", "wohngeld"),
]


@pytest.fixture
def pages(home, translate):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    found = {}
    for key, (title, summary) in GERMAN.items():
        found[key] = {"de": OfferPageFactory(parent=offers, title=title, summary=summary, body=[])}
    found["familienkasse"] = {
        "de": PartnerPageFactory(
            parent=partners,
            title="Familienkasse",
            description="<p>Zahlt Kindergeld und Kinderzuschlag.</p>",
        )
    }
    for language, texts in TRANSLATIONS.items():
        for key, (title, summary) in texts.items():
            found[key][language] = translate(
                found[key]["de"], language, title=title, summary=summary
            )
    for term, means in SYNONYMS:
        SearchSynonymFactory(term=term, means=means, locale=home.locale)
    return found


def top_three(client, language, query):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    urls = re.findall(r'<a class="card__link" href="([^"]+)"', html)[:3]
    suggestion = re.search(
        r'class="search-suggestion">.*?<a href="\?q=([^"]*)">([^<]*)</a>', html, re.S
    )
    return urls, (suggestion.group(2) if suggestion else "")


def expected_url(pages, key, language):
    """The page in the visitor's language, or the German one where it is not translated."""
    versions = pages[key]
    return (versions.get(language) or versions["de"]).url


def test_what_visitors_type_finds_the_page_in_every_language(client, pages):
    assert len(ROWS) >= 40
    failures = []
    for language, query, key in ROWS:
        urls, _suggestion = top_three(client, language, query)
        if expected_url(pages, key, language) not in urls:
            failures.append(f"{language} {query!r}: expected {key}, got {urls}")
    assert not failures, "\n".join(failures)
    # The title ranks before the summary: only the debt counselling page is named so.
    urls, _ = top_three(client, "de", "Schuldnerberatung")
    assert urls[0] == pages["schulden"]["de"].url


def test_a_typo_gets_did_you_mean_that_finds_the_page(client, pages, django_assert_max_num_queries):
    failures = []
    for language, query, correction, key in TYPOS:
        _urls, suggestion = top_three(client, language, query)
        found, _ = top_three(client, language, suggestion) if suggestion else ([], "")
        if suggestion != correction or expected_url(pages, key, language) not in found:
            failures.append(f"{language} {query!r}: suggested {suggestion!r}, found {found}")
    assert not failures, "\n".join(failures)
    # Enough results: no suggestion. And every search, warm, within the query budget.
    assert top_three(client, "de", "Geld")[1] == ""
    with django_assert_max_num_queries(10):
        client.get("/de/suche/", {"q": "Wohngeld Miete"})


#: The ranking rule (docs/architecture.md, "Search"): (language, query, the page that must be
#: first). A benefit's or need's name, whole, half typed or as a Suchbegriff, puts the offer
#: that explains it before the partner that names it too (the Familienkasse pays Kindergeld
#: and Kinderzuschlag).
FIRST = [
    ("de", "Kinderzuschlag", "kiz"),
    ("de", "Kinderzu", "kiz"),
    ("de", "KiZ", "kiz"),
    ("de", "Kindergeldzuschlag", "kiz"),
    ("de", "Wohngeld", "wohngeld"),
    ("de", "Hartz IV", "grundsicherung"),
    ("de", "Schulden", "schulden"),
    ("de", "Familienkasse", "familienkasse"),  # the partner's own name: the partner
    ("en", "child supplement", "kiz"),
    ("en", "Kinderzuschlag", "kiz"),
    ("ar", "Kinderzuschlag", "kiz"),
    ("ar", "Kinderzu", "kiz"),
    ("fa", "Kinderzuschlag", "kiz"),
    ("fa", "اجاره", "wohngeld"),
    # Typed as Persian is written: with the zero-width non-joiner and the hamza above.
    ("fa", "کمک\u200cهزینهٔ مسکن", "wohngeld"),
    ("uk", "Kinderzuschlag", "kiz"),
]


def test_the_offer_that_explains_a_benefit_comes_first(client, pages):
    failures = []
    for language, query, key in FIRST:
        urls, _suggestion = top_three(client, language, query)
        if not urls or urls[0] != expected_url(pages, key, language):
            failures.append(f"{language} {query!r}: expected {key} first, got {urls}")
    assert not failures, "\n".join(failures)


def test_among_equal_matches_title_beats_summary_beats_body(client, home):
    offers = OfferIndexPageFactory(parent=home)
    partners = PartnerIndexPageFactory(parent=home)
    # Created body first, title last: the page tree's order would put them the other way.
    body = OfferPageFactory(
        parent=offers,
        title="Beratung für Familien",
        summary="Für alle Fragen.",
        body=[("paragraph", "<p>Auch wenn die Miete zu hoch ist.</p>")],
    )
    summary = OfferPageFactory(parent=offers, title="Zuschuss", summary="Geld für die Miete.")
    partner = PartnerPageFactory(parent=partners, title="Miete und Recht e. V.")
    title = OfferPageFactory(
        parent=offers, title="Hilfe bei der Miete", summary="Wenn es knapp ist."
    )
    urls = re.findall(
        r'<a class="card__link" href="([^"]+)"',
        client.get("/de/suche/", {"q": "Miete"}).content.decode(),
    )
    # The results are grouped by page type, each group where its best result ranks: the
    # offers (a title match, and an offer before a partner with an equal match), in them the
    # title before the summary before the body; then the partners.
    assert urls == [title.url, summary.url, body.url, partner.url]


def test_a_search_never_ends_on_an_empty_page(client, pages, office, translate):
    """Nothing in the visitor's language: the German pages' results (marked German), the
    help check and the next open hour."""
    help_check = HelpCheckPageFactory(parent=OfficePage.objects.get(locale__language_code="de"))
    translate(help_check, "fa")
    response = client.get("/fa/suche/", {"q": "Familienkasse"})
    html = response.content.decode()
    german = pages["familienkasse"]["de"]
    assert "یافته‌ها در صفحه‌های آلمانی" in html  # "Found in the German pages"
    assert (
        f'<h3 class="card__title" lang="de" dir="ltr"><a class="card__link" href="{german.url}">'
        in html
    )
    assert 'class="help-check-teaser"' in html


def test_the_offers_edit_view_names_the_suchbegriffe_that_find_it(admin_client, pages):
    offer = pages["kiz"]["de"]
    html = admin_client.get(f"/admin/pages/{offer.pk}/edit/").content.decode()
    assert "Gefunden über Suchbegriffe" in html
    panel = html.split("Gefunden über Suchbegriffe", 1)[1]
    # "KiZ" and "Kindergeldzuschlag" lead here, each as the first result.
    assert re.search(
        r"<td>KiZ</td>\s*<td>Kinderzuschlag</td>\s*<td>[^<]+</td>\s*<td>1\. Treffer</td>", panel
    )
    assert re.search(r"<td>Kindergeldzuschlag</td>", panel)
    assert "<td>Hartz IV</td>" not in panel.split("Suchbegriff anlegen", 1)[0]
    # In the Arabic translation too: the German Suchbegriffe apply in every language.
    arabic = admin_client.get(f"/admin/pages/{pages['kiz']['ar'].pk}/edit/").content.decode()
    assert "<td>KiZ</td>" in arabic
