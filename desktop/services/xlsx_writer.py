"""A streaming XLSX writer: a workbook of sheets written row by row into its ZIP file.

Why not a library: an office export is ~1.5 million rows (100,000 beneficiaries, a
million sessions, their tasks) and must take at most a minute (issue 13 point 5).
Measured on the same 30,000 rows of 22 cells (``tests/benchmarks/export_bench.py``'s
notes): openpyxl's write-only workbook 218 µs a row, XlsxWriter in constant-memory mode
131, PyExcelerate 114 (in memory) — 1.5 million rows take 3 to 5 minutes through any of
them. This writer takes 18 µs a row (rustpy-xlsxwriter, a young Rust binding, takes 17
but wants a dict per row, which loses columns whose headers repeat). It writes only what an
export needs: text as inline strings, numbers, a bold frozen header row. openpyxl still
reads the files (imports, and the round-trip tests that read every exported cell back).

The parts are those of ECMA-376 Part 1 (SpreadsheetML) a spreadsheet needs: content
types, the package and workbook relationships, the workbook, one style sheet (plain and
bold), and a worksheet per sheet. Rows stream through ``zipfile`` (ZIP64 for files over
4 GiB); nothing holds more than one row in memory.
"""

from __future__ import annotations

import operator
import queue
import re
import threading
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from desktop.errors import UserError

# The characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage return;
# lone surrogates; U+FFFE/U+FFFF): stored text is shown with U+FFFD in their place.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What keeps a text from being written as it is: XML's markup characters, the illegal
# ones, and spaces at either end (kept only with xml:space="preserve").
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31  # Excel's limit
ROWS_MAX = 1_048_576  # Excel's limit: a sheet holds no more rows than this
# Deflate's fastest level: the XML is repetitive, level 1 already shrinks it ~10×, and
# level 6 (the default) makes the export a third slower for a file 15 % smaller.
_COMPRESSION_LEVEL = 1
_BUFFER = 1 << 20
_QUEUED = 4  # chunks of _BUFFER characters waiting to be deflated
_NONE = type(None)
# The cell types a row's template writes (float's and int's text is their repr: a bool,
# an int subclass, is written as text by ``_cell``); the templates kept per sheet.
_TEMPLATED = frozenset({str, int, float, _NONE})
_SHAPES_KEPT = 4_096  # about 2 KB each
# Where a row's number goes in its shape's pieces: a character no written text holds (the
# cells with illegal characters are written by ``_row``).
_LINE = "\x00"
_SPACE_BEFORE, _SPACE_AFTER = " " + _LINE, _LINE + " "  # a text's space at an end, joined

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_BOLD = 1  # the header cells' style: index 1 of cellXfs below


class SheetError(UserError):
    """A sheet that cannot be written as asked (its name, too many rows): shown as is."""


def column_letters(count: int) -> list[str]:
    """``A``, ``B``, … ``Z``, ``AA``, … for the first ``count`` columns."""
    letters = []
    for index in range(1, count + 1):
        name = ""
        while index:
            index, rest = divmod(index - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _text(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("\ufffd", value)
    return value


def _cell(reference: str, value: Any, style: str) -> str:
    kind = type(value)
    if kind is int or kind is float:
        return f'<c r="{reference}"{style}><v>{value!r}</v></c>'
    text = _text(value if kind is str else str(value))
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{reference}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _row(letters: Sequence[str], row: Sequence[Any], line: str) -> str:
    """One row's XML, cell by cell: any row (text to escape, spaces kept, other types)."""
    parts = [f'<row r="{line}">']
    for letter, value in zip(letters, row, strict=True):
        if value is not None:
            parts.append(_cell(letter + line, value, ""))
    parts.append("</row>")
    return "".join(parts)


class _Shapes:
    """Rows written through a template of XML per shape (the type of each cell, a few
    dozen in an export): a row is its cells put into the shape's template by one ``%``,
    then its number put in, where writing cell by cell costs several Python steps a cell.
    A row whose text needs escaping or keeps spaces at an end, or with cells of other
    types, is written by ``_row``. Same XML either way."""

    def __init__(self, letters: Sequence[str]):
        self._letters = letters
        self._known: dict[tuple[type, ...], tuple[str, Any, Any] | None] = {}

    def row(self, row: Sequence[Any], line: str) -> str:
        shape = tuple(map(type, row))
        plan = self._known.get(shape, self)
        if plan is self:
            plan = self._plan(shape)
        if plan is None:
            return _row(self._letters, row, line)
        template, texts_of, values_of = plan
        if not _as_they_are(texts_of(row)):
            return _row(self._letters, row, line)
        return (template % values_of(row)).replace(_LINE, line)

    def _plan(self, shape: tuple[type, ...]) -> tuple[str, Any, Any] | None:
        if len(shape) != len(self._letters):
            raise ValueError(f"a row of {len(shape)} cells under {len(self._letters)} headers")
        plan = None
        if len(self._known) >= _SHAPES_KEPT:
            return None  # as many shapes as kept: the rest cell by cell, not planned anew
        if set(shape) <= _TEMPLATED:
            pieces, texts, values = [], [], []
            before = f'<row r="{_LINE}">'
            for at, (letter, kind) in enumerate(zip(self._letters, shape, strict=True)):
                if kind is _NONE:
                    continue
                values.append(at)
                if kind is str:
                    texts.append(at)
                    pieces.append(f'{before}<c r="{letter}{_LINE}" t="inlineStr"><is><t>')
                    before = "</t></is></c>"
                else:
                    pieces.append(f'{before}<c r="{letter}{_LINE}"><v>')
                    before = "</v></c>"
            # One %s per cell (the pieces hold no % of their own: tags and column letters)
            template = "".join(piece + "%s" for piece in pieces) + before + "</row>"
            plan = (template, _getter(texts), _getter(values))
        self._known[shape] = plan
        return plan


def _as_they_are(texts: tuple[str, ...]) -> bool:
    """Whether texts go into the XML unchanged: no markup character, nothing XML cannot
    hold, no space at either end. Printable text (most of an export) can hold neither an
    illegal character nor a space other than U+0020, which a few C scans find; the rest
    goes through the regular expression and ``str.strip``."""
    plain = "".join(texts)
    if plain.isprintable():
        if "&" in plain or "<" in plain or ">" in plain:
            return False
        spaced = _LINE.join(texts)
        return not (
            spaced[:1] == " "
            or spaced[-1:] == " "
            or _SPACE_BEFORE in spaced
            or _SPACE_AFTER in spaced
        )
    return not _SPECIAL.search(plain) and tuple(map(str.strip, texts)) == texts


def _getter(positions: list[int]) -> Any:
    """``row`` -> the tuple of its cells at ``positions`` (itemgetter's, always a tuple)."""
    if not positions:
        return lambda _row: ()
    if len(positions) == 1:
        (at,) = positions
        return lambda row: (row[at],)
    return operator.itemgetter(*positions)


class _Deflating:
    """Writes chunks to a ZIP member on a thread of its own: deflate and the CRC release
    the GIL, so the compression (40 % of the work) runs on the second core while the
    rows are turned into XML. At most ``_QUEUED`` chunks wait; an error on the thread
    is raised in the writer's next call."""

    def __init__(self, raw: IO[bytes]):
        self._raw = raw
        self._chunks: queue.Queue[bytes | None] = queue.Queue(_QUEUED)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xlsx-deflate", daemon=True)

    def __enter__(self) -> _Deflating:
        self._thread.start()
        return self

    def __exit__(self, kind: Any, _value: Any, _trace: Any) -> None:
        self._put(None)
        self._thread.join()
        if self._error is not None and kind is None:
            raise self._error

    def write(self, chunk: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._put(chunk)

    def _put(self, item: bytes | None) -> None:
        while self._thread.is_alive():
            try:
                self._chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._error is None:
                try:
                    self._raw.write(chunk)
                except BaseException as error:  # raised again in the writer's thread
                    self._error = error


class Workbook:
    """``with Workbook(target) as book: book.sheet(name, header, rows)``: the file is
    complete when the ``with`` ends without an error; after an error it is not a
    workbook (the caller removes it)."""

    def __init__(self, target: Path | BinaryIO):
        self._zip = zipfile.ZipFile(
            target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSION_LEVEL
        )
        self._names: list[str] = []

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, kind: Any, _value: Any, _trace: Any) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            self._zip.close()

    def sheet(self, name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Writes one sheet: ``header`` bold and frozen, then ``rows`` (cells of str, int,
        float or None for empty). Returns the number of rows written after the header."""
        name = self._checked_name(name)
        self._names.append(name)
        letters = column_letters(len(header))
        path = f"xl/worksheets/sheet{len(self._names)}.xml"
        with self._zip.open(path, "w", force_zip64=True) as raw, _Deflating(raw) as out:
            buffer: list[str] = [
                _HEAD,
                f"<worksheet {_NS} {_REL_NS}><sheetViews>"
                '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                '<sheetData><row r="1">',
            ]
            bold = f' s="{_BOLD}"'
            cells = zip(letters, header, strict=True)
            buffer.extend(_cell(f"{letter}1", text, bold) for letter, text in cells)
            buffer.append("</row>")
            size = 0
            number = 1
            shapes = _Shapes(letters)
            for row in rows:
                number += 1
                if number > ROWS_MAX:
                    raise SheetError(
                        f"{name}: more than {ROWS_MAX - 1:,} rows do not fit in one sheet; "
                        "export as CSV, or export fewer records."
                    )
                chunk = shapes.row(row, str(number))
                buffer.append(chunk)
                size += len(chunk)
                if size > _BUFFER:
                    out.write("".join(buffer).encode())
                    buffer.clear()
                    size = 0
            buffer.append("</sheetData></worksheet>")
            out.write("".join(buffer).encode())
        return number - 1

    def _checked_name(self, name: str) -> str:
        if not name or len(name) > SHEET_NAME_MAX or _SHEET_NAME_FORBIDDEN.search(name):
            raise SheetError(
                f"{name!r}: a sheet name has 1 to {SHEET_NAME_MAX} characters, "
                "none of [ ] : * ? / \\."
            )
        if name.casefold() in (known.casefold() for known in self._names):
            raise SheetError(f"{name!r}: the workbook has a sheet of that name already.")
        return name

    def _finish(self) -> None:
        count = len(self._names)
        sheets = "".join(
            f'<sheet name="{_text(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(self._names, 1)
        )
        self._zip.writestr(
            "xl/workbook.xml",
            f"{_HEAD}<workbook {_NS} {_REL_NS}><sheets>{sheets}</sheets></workbook>",
        )
        relations = "".join(
            f'<Relationship Id="rId{i}" Type="{_DOC_REL}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        )
        relations += (
            f'<Relationship Id="rId{count + 1}" Type="{_DOC_REL}/styles" Target="styles.xml"/>'
        )
        self._zip.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{relations}</Relationships>',
        )
        self._zip.writestr("xl/styles.xml", _STYLES)
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in range(1, count + 1)
        )
        self._zip.writestr(
            "[Content_Types].xml",
            f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f"{overrides}</Types>",
        )
        self._zip.writestr(
            "_rels/.rels",
            f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )


# Two cell formats: 0 plain, 1 bold (the header). A style sheet needs at least one font,
# the two fills every spreadsheet program expects (none, gray125) and one border.
_STYLES = (
    f"{_HEAD}<styleSheet {_NS}>"
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
