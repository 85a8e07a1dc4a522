"""The streaming XLSX writer (desktop/services/xlsx_writer.py), read back by openpyxl and
checked part by part: every kind of cell, the bold frozen header, several sheets, sheet
names and the row limit refused with a message, and an error while rows are read leaves
no workbook behind a completed ``with``."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from desktop.services import xlsx_writer
from desktop.services.xlsx_writer import SheetError, Workbook

ODD_TEXTS = [
    "Fish & chips <b>bold</b> > less",
    "  leading and trailing spaces  ",
    "two\nlines\tand a tab",
    "محمد عبد الله",
    "emoji 🙂 and accents éàü",
    "'=SUM(A1:A2)",  # neutralised by the export; here it must stay text
    "=1+1",  # a raw formula-like text is still written as text, never as a formula
    "bell\x07 and vertical tab\x0b",
]


def _read(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _written(header, rows, name="records") -> bytes:
    target = io.BytesIO()
    with Workbook(target) as book:
        assert book.sheet(name, header, rows) == len(rows)
    return target.getvalue()


def test_every_kind_of_cell_reads_back_as_written():
    header = [f"Column {n}" for n in range(30)]  # past Z: AA, AB, …
    rows = []
    for n, text in enumerate(ODD_TEXTS):
        row = [None] * 30
        row[0] = text
        row[1] = n
        row[2] = 2.5 + n
        row[3] = 10**14 + n  # whole numbers too large for most floats' text
        row[29] = f"last {n}"
        rows.append(row)
    sheet = _read(_written(header, rows)).active
    assert [cell.value for cell in sheet[1]] == header
    for number, (text, row) in enumerate(zip(ODD_TEXTS, sheet.iter_rows(min_row=2), strict=True)):
        values = [cell.value for cell in row]
        expected = text.replace("\x07", "\ufffd").replace("\x0b", "\ufffd")
        assert values[0] == expected
        assert row[0].data_type == "s"  # text, even "=1+1"
        assert values[1:4] == [number, 2.5 + number, 10**14 + number]
        assert values[4:29] == [None] * 25
        assert values[29] == f"last {number}"


def test_the_header_is_bold_and_frozen_and_the_cells_plain():
    sheet = _read(_written(["Name", "Age"], [["Amina", 7]])).active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert not any(cell.font.b for cell in sheet[2])


def test_several_sheets_in_order_each_with_its_rows():
    target = io.BytesIO()
    with Workbook(target) as book:
        book.sheet("beneficiaries", ["Name"], [["Amina"], ["Omar"]])
        book.sheet("sessions", ["Kind", "Minutes"], [["Home visit", 60]])
    workbook = _read(target.getvalue())
    assert workbook.sheetnames == ["beneficiaries", "sessions"]
    assert [[c.value for c in r] for r in workbook["sessions"].iter_rows()] == [
        ["Kind", "Minutes"],
        ["Home visit", 60],
    ]
    assert zipfile.ZipFile(io.BytesIO(target.getvalue())).testzip() is None


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("", "1 to 31 characters"),
        ("x" * 32, "1 to 31 characters"),
        ("a/b", "none of"),
        ("what?", "none of"),
    ],
)
def test_a_sheet_name_excel_refuses_is_named(name, words):
    with pytest.raises(SheetError, match=words), Workbook(io.BytesIO()) as book:
        book.sheet(name, ["A"], [])


def test_two_sheets_of_one_name_are_refused():
    with pytest.raises(SheetError, match="already"), Workbook(io.BytesIO()) as book:
        book.sheet("Sessions", ["A"], [])
        book.sheet("sessions", ["A"], [])


def test_more_rows_than_a_sheet_holds_are_refused(monkeypatch):
    monkeypatch.setattr(xlsx_writer, "ROWS_MAX", 3)  # header + 2 rows fit
    assert _written(["A"], [["x"], ["y"]])
    with pytest.raises(SheetError, match="do not fit in one sheet"):
        _written(["A"], [["x"], ["y"], ["z"]])


def test_a_row_longer_than_the_header_is_an_error_not_a_shifted_sheet():
    with pytest.raises(ValueError), Workbook(io.BytesIO()) as book:
        book.sheet("s", ["A"], [["x", "extra"]])


def test_an_error_while_reading_rows_stops_the_writer_and_reaches_the_caller():
    def rows():
        for n in range(50_000):  # several chunks handed to the deflating thread
            yield [f"row {n} " * 10]
        raise RuntimeError("the database went away")

    target = io.BytesIO()
    with pytest.raises(RuntimeError, match="went away"), Workbook(target) as book:
        book.sheet("s", ["A"], rows())
    # Not a workbook (no content types, no workbook part): the caller removes the file.
    names = zipfile.ZipFile(io.BytesIO(target.getvalue())).namelist()
    assert "[Content_Types].xml" not in names and "xl/workbook.xml" not in names


def test_a_large_sheet_streams_through_and_reads_back_in_full():
    rows = [[f"name {n}", n, "Home visit" if n % 2 else "Office"] for n in range(60_000)]
    sheet = openpyxl.load_workbook(io.BytesIO(_written(["N", "I", "K"], rows)), read_only=True)
    read = list(sheet.active.iter_rows(min_row=2, values_only=True))
    assert len(read) == 60_000
    assert read[0] == ("name 0", 0, "Office") and read[-1] == ("name 59999", 59999, "Home visit")


def test_rows_through_a_shapes_template_are_the_same_xml_as_cell_by_cell():
    """The template path (``_Shapes``) takes shortcuts for printable text; every text that
    must be escaped, holds what XML cannot, or keeps a space at an end gives the XML the
    cell-by-cell path writes."""
    texts = [
        *ODD_TEXTS, "plain", "", " ", "a ", " a", "100% sure", "%s and %d", "{0}", "\x00",
        "non\u00a0breaking", "trailing\u00a0", "\u2028", "\ud800", "\ufffe", "tab\t", "a&b",
    ]  # fmt: skip
    letters = xlsx_writer.column_letters(4)
    shapes = xlsx_writer._Shapes(letters)
    for first in texts:
        for second in texts:
            for row in (
                [first, 7, second, 1.25],
                [first, None, None, second],
                [None, first, 3, None],
            ):
                line = str(len(first) + 2)
                assert shapes.row(row, line) == xlsx_writer._row(letters, row, line), row
