"""The report as CSV that Excel and LibreOffice open correctly in German.

Semicolons between fields, UTF-8 with a byte order mark (so "Büro" stays "Büro"), numbers in
German notation ("1.234"), one block per table with a blank line between them. Small numbers
are always hidden: the file leaves the office.
"""

import csv
import io

from .aggregates import german_number, present

#: A cell starting like this is a formula to a spreadsheet; names typed in the admin are
#: prefixed with an apostrophe instead.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_START) else value


def csv_text(report, office_name, created):
    """The whole report as one CSV text (without the byte order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(["Bericht", _text(office_name)])
    writer.writerow(["Zeitraum", report.period.label])
    writer.writerow(
        ["Von", f"{report.period.start:%d.%m.%Y}", "Bis", f"{report.period.end:%d.%m.%Y}"]
    )
    writer.writerow(["Erstellt am", f"{created:%d.%m.%Y}"])
    writer.writerow(
        [
            "Hinweis",
            "< 3: weniger als 3 (0, 1 oder 2); x: ausgeblendet, damit sich eine kleine Zahl nicht aus der Summe errechnen lässt.",
        ]
    )
    if report.empty:
        writer.writerow([])
        writer.writerow(["Keine Angaben für diesen Zeitraum"])
    for section, tables in (("Gespräche", report.tally), ("Website", report.site)):
        if section == "Gespräche" and tables:
            writer.writerow([])
            writer.writerow(["Gespräche insgesamt", german_number(report.conversations)
                             if report.conversations >= 3 else "< 3"])  # fmt: skip
        for table in tables:
            shown = present(table, exact=False)
            writer.writerow([])
            writer.writerow([f"{section}: {table.title}"])
            writer.writerow([table.row_header, *shown.columns])
            for row in shown.rows:
                cells = [cell.text for cell in row.cells]
                if row.total is not None:
                    cells.append(row.total.text)
                writer.writerow([_text(row.label), *cells])
            if shown.total is not None:
                cells = [cell.text for cell in shown.total.cells]
                if shown.total.total is not None:
                    cells.append(shown.total.total.text)
                writer.writerow([shown.total.label, *cells])
            if table.note:
                writer.writerow([table.note])
    return out.getvalue()


def csv_bytes(report, office_name, created):
    return csv_text(report, office_name, created).encode("utf-8-sig")


def csv_filename(report):
    return f"statistik-{report.period.slug}.csv"
