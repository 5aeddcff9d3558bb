"""Statistik: periods, small numbers hidden, the CSV, the yearly report, who sees what."""

import csv
import datetime
import io
import itertools
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from angebote.factories import PartnerIndexPageFactory, PartnerPageFactory, TopicFactory
from angebote.partner_access import setup_partner_group
from buero.editor_groups import COUNSELLORS, EDITORS, setup_groups
from impact import periods
from impact.aggregates import Row, Table, present
from impact.factories import ConversationFactory
from impact.models import DailyTotal, Figure
from impact.suppression import PROTECTED, SMALL, Line, suppress

REPORT = "/admin/buero/statistik/"
CSV = "/admin/buero/statistik/csv/"
ANNUAL = "/admin/buero/statistik/jahresbericht/"
MARCH = "?art=monat&jahr=2026&monat=3"
DAY = datetime.date(2026, 3, 10)


# Periods.


def test_periods_are_read_from_the_query_string():
    def period(**data):
        form = periods.PeriodForm(data, today=datetime.date(2026, 12, 9))
        assert form.is_valid(), form.errors
        return form.period

    march = period(art="monat", jahr="2026", monat="3")
    assert (march.start, march.end, march.label, march.slug) == (
        datetime.date(2026, 3, 1),
        datetime.date(2026, 3, 31),
        "März 2026",
        "2026-03",
    )
    february = period(art="monat", jahr="2028", monat="2")
    assert february.end == datetime.date(2028, 2, 29)
    q4 = period(art="quartal", jahr="2026", quartal="4")
    assert (q4.start, q4.end, q4.label, q4.slug) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 12, 31),
        "4. Quartal 2026",
        "2026-Q4",
    )
    assert period(art="jahr", jahr="2025").label == "2025"
    custom = period(art="frei", von="01.03.2026", bis="15.4.2026")
    assert (custom.start, custom.end) == (datetime.date(2026, 3, 1), datetime.date(2026, 4, 15))
    assert custom.label == "01.03.2026 bis 15.04.2026"
    assert custom.slug == "2026-03-01_2026-04-15"
    # Without a query string: the last twelve months.
    default = periods.PeriodForm({}, today=datetime.date(2026, 12, 9))
    assert default.is_valid()
    assert (default.period.start, default.period.end) == (
        datetime.date(2025, 12, 10),
        datetime.date(2026, 12, 9),
    )
    # Every shortcut is a period the form reads back.
    for _label, shortcut in periods.shortcuts(datetime.date(2026, 1, 15)):
        assert period(**{k: str(v) for k, v in shortcut.query().items()}) == shortcut
    assert periods.shortcuts(datetime.date(2026, 1, 15))[2][1].label == "4. Quartal 2025"


BAD_PERIODS = [
    ("art=monat&jahr=abc&monat=3", "Bitte das Jahr als Zahl eingeben"),
    ("art=monat&jahr=2026&monat=13", "Bitte einen Monat aus der Liste wählen"),
    ("art=monat&jahr=2026", "Bitte einen Monat wählen"),
    ("art=quartal&jahr=2026&quartal=5", "Bitte ein Quartal von 1 bis 4 wählen"),
    ("art=jahr&jahr=99999", "Das Jahr 99999 stimmt wohl nicht"),
    ("art=jahr", "Bitte ein Jahr eingeben"),
    ("art=frei&von=31.02.2026&bis=01.03.2026", "Bitte das Datum als TT.MM.JJJJ eingeben"),
    ("art=frei&von=10.03.2026&bis=01.03.2026", "Der letzte Tag liegt vor dem ersten"),
    ("art=frei&von=01.01.2000&bis=01.01.2026", "höchstens fünf Jahre"),
    ("art=woche&jahr=2026", "Auswahl"),
    ("art=frei&von=%00&bis=", "TT.MM.JJJJ"),
]


@pytest.mark.parametrize(("query", "message"), BAD_PERIODS)
def test_a_bad_period_is_a_german_message_never_a_server_error(admin_client, query, message):
    response = admin_client.get(f"{REPORT}?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Der Zeitraum stimmt noch nicht" in response.content.decode()
    for url in (CSV, ANNUAL):
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert message in response.content.decode()


# Suppression.


def one_column(values):
    """A table of one column and its total, as present() builds it."""
    cells = {(row, 0): value for row, value in enumerate(values)}
    cells[(len(values), 0)] = sum(values)
    line = Line([(row, 0) for row in range(len(values))], (len(values), 0))
    result = suppress(cells, [line])
    return [result.mark((row, 0)) or value for row, value in enumerate(values)]


def test_numbers_below_three_are_hidden():
    assert one_column([10, 7, 5]) == [10, 7, 5]
    assert one_column([10, 0, 4]) == [10, SMALL, 4]  # zero too: "< 3" never tells "nobody"
    assert one_column([10, 2, 9, 0]) == [10, SMALL, 9, SMALL]  # 2 among 0..2 and 0..2: unknown


def test_a_hidden_cell_cannot_be_worked_out_from_the_total():
    # Total 16 minus 10 minus 5 would tell the 1: the 5 goes too.
    assert one_column([10, 5, 1]) == [10, PROTECTED, SMALL]
    # Hiding one 3 is not enough: it could only be 3 (at most the 3 still shown), so 7 - 3 - 3.
    assert one_column([1, 3, 3]) == [SMALL, PROTECTED, PROTECTED]
    # Two small ones of 2 with a known sum 4 are both 2: the next smallest goes.
    assert one_column([2, 2, 9, 20]) == [SMALL, SMALL, PROTECTED, 20]


def attacker_values(values, marks):
    """Every value a hidden cell could have, as a reader who knows the method works it out."""
    total = sum(values)
    shown = [value for value, mark in zip(values, marks, strict=True) if mark is None]
    ceiling = min(shown) if shown else total
    hidden = [i for i, mark in enumerate(marks) if mark is not None]
    ranges = [range(3) if marks[i] == SMALL else range(3, ceiling + 1) for i in hidden]
    possible = {i: set() for i in hidden}
    for guess in itertools.product(*ranges):
        if sum(guess) + sum(shown) == total:
            for i, value in zip(hidden, guess, strict=True):
                possible[i].add(value)
    return possible


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=6))
def test_no_small_number_can_be_recomputed(values):
    marks = [None if isinstance(mark, int) else mark for mark in one_column(values)]
    for i, value in enumerate(values):
        if value < 3:
            assert marks[i] == SMALL
    if sum(values) < 3:
        return  # the total is "< 3" itself
    possible = attacker_values(values, marks)
    for i, value in enumerate(values):
        if 0 < value < 3:
            assert value in possible[i]
            if len(possible[i]) == 1:
                # Never a 1; a 2 only when everything is hidden and all are 2 (the limit the
                # method documents).
                assert value == 2, (values, marks, possible)
                assert all(mark is not None for mark in marks), (values, marks, possible)


def test_rows_and_columns_of_a_table_with_totals_are_protected():
    table = Table(
        "t",
        "Ergebnisse",
        "Leistung",
        ["a", "b", "c"],
        [Row("x", [10, 1, 8]), Row("y", [7, 6, 9]), Row("z", [5, 12, 4])],
    )
    shown = present(table, exact=False)
    texts = [[cell.text for cell in row.cells] for row in shown.rows]
    assert texts[0][1] == SMALL
    # Its row and its column each hide one more cell, so neither total tells the 1.
    assert sum(text in (SMALL, PROTECTED) for text in texts[0]) >= 2
    assert sum(row[1] in (SMALL, PROTECTED) for row in texts) >= 2
    assert shown.total.total.text == "62"
    exact = present(table, exact=True)
    assert [cell.text for cell in exact.rows[0].cells] == ["10", "1", "8"]


# The report, the CSV and the yearly report.


@pytest.fixture
def people(django_user_model, home):
    setup_groups()
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Tafel")

    def member(name, group):
        user = django_user_model.objects.create_user(name, password="x")
        user.groups.add(group)
        client = Client()
        client.force_login(user)
        return client

    admin = django_user_model.objects.create_superuser("chefin", password="x")
    admin_client = Client()
    admin_client.force_login(admin)
    return {
        "admin": admin_client,
        "counsellor": member("beraterin", Group.objects.get(name=COUNSELLORS)),
        "editor": member("redakteur", Group.objects.get(name=EDITORS)),
        "partner": member("tafel", setup_partner_group(partner)),
        "anonymous": Client(),
    }


@pytest.fixture
def march(home):
    """Ten conversations in March 2026: one in Arabic, with a topic, referred to a partner."""
    partners = PartnerIndexPageFactory(parent=home, slug="netzwerk-2")
    jobcenter = PartnerPageFactory(parent=partners, title="Jobcenter Landkreis Stendal")
    debts = TopicFactory(name="Schulden")
    for _ in range(5):
        ConversationFactory(day=DAY, language="de", topics=[debts], referred_to=[jobcenter])
    ConversationFactory(day=DAY, language="ar", interpreter=True, benefits=["wohngeld"])
    for _ in range(4):
        ConversationFactory(day=DAY, language="uk", kind="phone")
    DailyTotal.objects.create(
        day=DAY, figure=Figure.PAGE_VIEW, language="de", detail="offerpage", count=1234
    )
    DailyTotal.objects.create(
        day=DAY, figure=Figure.PAGE_VIEW, language="ar", detail="offerpage", count=2
    )
    DailyTotal.objects.create(day=DAY, figure=Figure.HELP_CHECK, language="de", count=7)
    DailyTotal.objects.create(
        day=DAY, figure=Figure.HELP_CHECK_RESULT, language="de", detail="wohngeld:likely", count=4
    )


def table_after(content, title):
    """The text of the table below the heading ``title``."""
    start = content.index(f">{title}</h")
    return content[start : content.index("</table>", start)]


def cells(html):
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<t[hd][^>]*>.*?</t[hd]>", html, re.S)
    ]


def test_the_office_administrator_sees_exact_figures(people, march):
    response = people["admin"].get(f"{REPORT}{MARCH}")
    assert response.status_code == 200
    content = response.content.decode()
    assert "März 2026" in content
    assert "Gespräche: 10" in content
    languages = cells(table_after(content, "Sprache des Gesprächs"))
    assert languages[-8:] == ["Deutsch", "5", "Arabisch", "1", "Ukrainisch", "4", "Insgesamt", "10"]
    assert "Jobcenter Landkreis Stendal" in content
    assert "1.234" in content  # German thousands
    # Charts are drawn on the server, named by a text, with the table beside them.
    assert '<svg class="buero-chart" role="img" aria-labelledby="diagramm-sprache"' in content
    assert 'id="diagramm-sprache" hidden>Balkendiagramm: Sprache des Gesprächs' in content
    assert "<script" not in content.split('id="zeitraum"')[1].split("</main>")[0]


def test_a_counsellor_sees_small_numbers_hidden(people, march):
    response = people["counsellor"].get(f"{REPORT}{MARCH}")
    assert response.status_code == 200
    content = response.content.decode()
    languages = cells(table_after(content, "Sprache des Gesprächs"))
    assert languages[-8:] == [
        "Deutsch",
        "5",
        "Arabisch",
        "&lt; 3",
        "Ukrainisch",
        "x",
        "Insgesamt",
        "10",
    ]
    interpreter = cells(table_after(content, "Mit Dolmetscher/in"))
    assert "&lt; 3" in interpreter
    assert ">1<" not in table_after(content, "Sprache des Gesprächs")


def test_other_editors_see_no_statistics(people, march):
    for who in ("editor", "partner"):
        for url in (REPORT, CSV, ANNUAL):
            # Wagtail answers "no permission" in the admin with the dashboard and a message.
            response = people[who].get(f"{url}{MARCH}")
            assert (response.status_code, response.get("Location")) in (
                (403, None),
                (302, "/admin/"),
            )
        dashboard = people[who].get("/admin/").content.decode()
        assert REPORT not in dashboard
        assert "buero-statistik" not in dashboard
    for url in (REPORT, CSV, ANNUAL):
        response = people["anonymous"].get(f"{url}{MARCH}")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert REPORT in people["counsellor"].get("/admin/").content.decode()


def test_the_csv_opens_in_a_german_spreadsheet_with_small_numbers_hidden(people, march):
    for who in ("admin", "counsellor"):
        response = people[who].get(f"{CSV}{MARCH}")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="statistik-2026-03.csv"'
        body = response.content
        assert body.startswith("\ufeff".encode())  # UTF-8 with a byte order mark
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
        assert rows[1] == ["Zeitraum", "März 2026"]
        start = rows.index(["Gespräche: Sprache des Gesprächs"])
        assert rows[start + 1 : start + 6] == [
            ["Sprache", "Anzahl"],
            ["Deutsch", "5"],
            ["Arabisch", "< 3"],
            ["Ukrainisch", "x"],
            ["Insgesamt", "10"],
        ]
        # German thousands; the 2 views in Arabic are hidden, and so the German ones: the
        # total 1.236 would tell them.
        types = rows.index(["Website: Seitenaufrufe je Seitentyp"])
        assert rows[types + 2][1] == "1.236"
        views = rows.index(["Website: Seitenaufrufe je Sprache"])
        assert rows[views + 2 : views + 5] == [
            ["Deutsch", "x"],
            ["Arabisch", "< 3"],
            ["Insgesamt", "1.236"],
        ]
        assert ["Jobcenter Landkreis Stendal", "5"] in rows
        # Even the administrator's file hides them: it leaves the office.
        assert not any(row[1:] == ["1"] for row in rows if len(row) == 2)


def test_the_yearly_report_is_printable_and_always_protected(people, march, office):
    office.name = "Offenes Büro im Jugendclub Tangerhütte"
    office.save()
    response = people["admin"].get(f"{ANNUAL}?art=jahr&jahr=2026")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Jahresbericht 2026</h1>" in content
    assert "Offenes Büro im Jugendclub Tangerhütte" in content
    assert "Zeitraum: 01.01.2026 bis 31.12.2026" in content
    assert "@page { size: A4;" in content
    for title in (
        "Art des Gesprächs",
        "Wer kam",
        "Sprache des Gesprächs",
        "Mit Dolmetscher/in",
        "Themen",
        "Besprochene Leistungen",
        "Weitervermittlungen je Netzwerkpartner",
        "Die Website in Zahlen",
        "Seitenaufrufe je Seitentyp",
        "Ergebnisse des Hilfe-Checks je Leistung",
    ):
        assert f">{title}</h3>" in content, title
    languages = cells(table_after(content, "Sprache des Gesprächs"))
    assert "Arabisch" in languages
    assert languages[languages.index("Arabisch") + 1] == "&lt; 3"
    # A quarter is a report, not a yearly one.
    quarter = people["counsellor"].get(f"{ANNUAL}?art=quartal&jahr=2026&quartal=1")
    assert "<h1>Bericht 1. Quartal 2026</h1>" in quarter.content.decode()


def test_an_empty_period_says_so(people, march):
    for url in (REPORT, ANNUAL):
        response = people["admin"].get(f"{url}?art=monat&jahr=2025&monat=3")
        assert "Keine Angaben für diesen Zeitraum" in response.content.decode()
    rows = list(
        csv.reader(
            io.StringIO(
                people["admin"].get(f"{CSV}?art=jahr&jahr=2020").content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert ["Keine Angaben für diesen Zeitraum"] in rows


def test_the_dashboard_compares_this_month_with_the_last(people, time_machine, home):
    time_machine.move_to(datetime.datetime(2026, 4, 20, 10, tzinfo=datetime.UTC))
    partners = PartnerIndexPageFactory(parent=home, slug="netzwerk-3")
    referred = [PartnerPageFactory(parent=partners, slug=f"p{n}") for n in range(2)]
    for number in range(4):
        ConversationFactory(day=datetime.date(2026, 4, 2), referred_to=referred[: number % 3])
    ConversationFactory(day=datetime.date(2026, 3, 30))
    DailyTotal.objects.create(day=datetime.date(2026, 3, 3), figure=Figure.PAGE_VIEW, count=500)
    admin = people["admin"].get("/admin/").content.decode()
    panel = admin[admin.index('id="buero-statistik') :]
    panel = panel[: panel.index("</table>")]
    assert "Statistik: dieser Monat und der letzte" in admin
    assert cells(panel)[:6] == [
        "Kennzahl",
        "April 2026 (bis heute)",
        "März 2026",
        "Gespräche",
        "4",
        "1",
    ]
    assert "500" in panel
    assert cells(panel)[6:9] == ["Weitervermittlungen", "3", "0"]  # 0 + 1 + 2 + 0 in April
    counsellor = people["counsellor"].get("/admin/").content.decode()
    panel = counsellor[counsellor.index('id="buero-statistik') :]
    assert cells(panel[: panel.index("</table>")])[3:6] == ["Gespräche", "4", "&lt; 3"]


# The demo's year (make run).


def test_the_demo_loads_a_plausible_year_once_and_quickly(home, admin_client):
    import time

    from home import demo_figures
    from impact.models import Conversation

    partners = PartnerIndexPageFactory(parent=home)
    for slug in ("jobcenter", "familienkasse"):
        PartnerPageFactory(parent=partners, slug=slug, title=slug.title())
    TopicFactory(slug="geld-und-leistungen", name="Geld und Leistungen")
    today = datetime.date(2026, 12, 9)
    started = time.monotonic()
    conversations, totals = demo_figures.load(today)
    assert time.monotonic() - started < 20
    assert 52 * 5 < conversations < 52 * 16
    assert totals > 1000
    first = Conversation.objects.order_by("day", "pk").first()
    assert first.day == datetime.date(2025, 12, 9)
    assert Conversation.objects.order_by("day").last().day == datetime.date(2026, 12, 8)
    # Fixed as real rows of that age are; most families speak German, others get interpreters.
    assert first.recorded_on == first.day
    assert first.is_fixed
    rows = Conversation.objects.all()
    assert 0.4 < rows.filter(language="de").count() / conversations < 0.65
    foreign = rows.exclude(language="de")
    assert foreign.filter(interpreter=True).count() > foreign.count() / 2
    assert rows.filter(topics__slug="geld-und-leistungen").exists()
    assert rows.filter(referred_to__slug="jobcenter").exists()
    for figure in Figure:
        assert DailyTotal.objects.filter(figure=figure).exists(), figure
    # Weekdays are busier than weekends.
    views = DailyTotal.objects.filter(figure=Figure.PAGE_VIEW)
    weekday = sum(views.filter(day=datetime.date(2026, 12, 7)).values_list("count", flat=True))
    sunday = sum(views.filter(day=datetime.date(2026, 12, 6)).values_list("count", flat=True))
    assert weekday > sunday
    # The same seed, the same year; a second load adds nothing.
    signature = list(rows.order_by("pk").values_list("day", "kind", "language")[:50])
    assert demo_figures.load(today) == (0, 0)
    Conversation.objects.all().delete()
    DailyTotal.objects.all().delete()
    demo_figures.load(today)
    assert (
        list(Conversation.objects.order_by("pk").values_list("day", "kind", "language")[:50])
        == signature
    )
    # And the report shows the year.
    content = admin_client.get(f"{REPORT}?art=frei&von=09.12.2025&bis=08.12.2026").content.decode()
    assert "Keine Angaben" not in content
    assert f"Gespräche: {conversations:,}".replace(",", ".") in content
