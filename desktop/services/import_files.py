"""Reading a file to import: CSV in the encodings offices produce, or XLSX, as rows of text.

Nothing here knows records: it turns a file into a header row and a stream of rows of
cell texts (numbered as a spreadsheet numbers them), or refuses it with a message a person
can act on. Files are streamed, never loaded whole, so a million rows cost the same memory
as a thousand.

Encodings: a byte-order mark decides (UTF-8, UTF-16); otherwise the whole file is tried as
strict UTF-8 (an incremental decoder, about a second per gigabyte), and a file that is not
UTF-8 is read as Windows-1252 when its text looks like a Western European language in it
(accented letters inside words). Anything else (another code page, a file of no known
encoding) is not guessed: ``EncodingUnsure`` asks the person (the GUI's question, the
CLI's ``--encoding``). A statistical detector (charset-normalizer) would add a dependency
to choose among some ninety code pages by frequency tables, and still be wrong on short
files: these few rules cover what the offices send, and ask when they do not.
"""

from __future__ import annotations

import codecs
import csv
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from desktop.errors import UserError

Progress = Callable[[int, int], None]

# The encodings a person may choose when the file does not say (the GUI's list; the CLI
# takes any codec name Python knows).
ENCODING_CHOICES: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("cp1252", "Windows-1252 (Western Europe)"),
    ("iso-8859-15", "ISO-8859-15 (Latin-9)"),
    ("cp1250", "Windows-1250 (Central Europe)"),
    ("cp1251", "Windows-1251 (Cyrillic)"),
    ("cp1256", "Windows-1256 (Arabic)"),
    ("utf-16", "UTF-16"),
)
DELIMITERS = (",", ";", "\t")  # French Excel writes ";" (the comma is the decimal mark)
# A CSV cell longer than this is a sign of a file that is not CSV (a quote never closed):
# ten times the longest field (notes, 20,000 characters).
MAX_CELL = 200_000
_CHUNK = 1 << 20
_PROGRESS_EVERY = 2_000  # rows


class ImportFileError(UserError):
    """The file cannot be read as a table; nothing was imported."""


class EncodingUnsure(ImportFileError):
    """The file's encoding could not be told apart with confidence: ask the person."""

    def __init__(self, path: Path, reason: str):
        self.path = path
        super().__init__(
            f"{path.name}: the text encoding could not be recognised ({reason}); "
            "choose it (--encoding, e.g. cp1252, cp1251, cp1256, utf-8); nothing was imported."
        )


# -- encodings ----------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WORD = re.compile(r"\w+")


def _bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def detect_encoding(path: Path) -> str:
    """The file's encoding (a codec name), or EncodingUnsure / ImportFileError."""
    with _open_binary(path) as stream:
        head = stream.read(4)
        by_bom = _bom_encoding(head)
        if by_bom is not None:
            return by_bom
        stream.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        offset = 0
        try:
            while chunk := stream.read(_CHUNK):
                _refuse_binary(path, chunk, offset)
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        stream.seek(0)
        return _judge_single_byte(path, stream)


def _refuse_binary(path: Path, chunk: bytes, offset: int) -> None:
    if b"\x00" in chunk:
        where = offset + chunk.index(b"\x00")
        raise ImportFileError(
            f"{path.name} is not a text file (a NUL byte at byte {where:,}): save it as CSV "
            "(UTF-8) or XLSX; nothing was imported."
        )


def _judge_single_byte(path: Path, stream: BinaryIO) -> str:
    """cp1252 when the text reads as a Western European language in it, else ask.

    Bytes that cp1252 leaves undefined mean another code page. In a Western European text
    the accented letters sit inside words of mostly plain letters ("Zoë", "Hélène"); text
    of another alphabet read as cp1252 gives words made only of accented letters
    ("Ïðèâåò" for Cyrillic "Привет"), which is the sign to ask.
    """
    accented_words = foreign_words = 0
    offset = 0
    while chunk := stream.read(_CHUNK):
        _refuse_binary(path, chunk, offset)
        offset += len(chunk)
        try:
            text = chunk.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise EncodingUnsure(path, "not UTF-8, and not Windows-1252") from exc
        for word in _WORD.findall(text):
            if word.isascii():
                continue
            accented_words += 1
            plain = sum(ch.isascii() for ch in word)
            if plain * 2 < len(word):
                foreign_words += 1
    if accented_words and foreign_words * 3 > accented_words:
        raise EncodingUnsure(path, "not UTF-8; it may be Windows-1252 or another code page")
    return "cp1252"


# -- the table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableFile:
    """A readable table: its header row and, through ``rows()``, the rows after it."""

    path: Path
    format: str  # "csv" or "xlsx"
    headers: tuple[str, ...]
    encoding: str | None = None  # CSV only
    delimiter: str = ","

    def rows(self, progress: Progress | None = None) -> Iterator[tuple[int, list[str]]]:
        """(row number as a spreadsheet shows it, the cells as text); empty rows skipped.

        ``progress`` gets (bytes read, file size) for a CSV and (rows read, rows in the
        sheet) for an XLSX every few thousand rows.
        """
        if self.format == "xlsx":
            return _xlsx_rows(self.path, progress)
        return _csv_rows(self, progress)


def open_table(path: Path, *, encoding: str | None = None) -> TableFile:
    """Reads the header row of a CSV or XLSX file (by its content, not its name)."""
    path = Path(path)
    with _open_binary(path) as stream:
        head = stream.read(8)
    if not head:
        raise ImportFileError(f"{path.name} is empty; nothing was imported.")
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{path.name} is an old Excel file (.xls): save it as XLSX or CSV; "
            "nothing was imported."
        )
    if encoding is None:
        encoding = detect_encoding(path)
    else:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ImportFileError(f"{encoding!r} is not a known text encoding.") from None
        if encoding.replace("_", "-").lower() in ("utf-8", "utf8") and _bom_encoding(head):
            encoding = "utf-8-sig"
    with _open_text(path, encoding) as text:
        try:
            first = text.readline()
        except UnicodeDecodeError as exc:
            raise _decode_error(path, encoding, exc) from None
    delimiter = max(DELIMITERS, key=first.count) if first.strip() else ","
    table = TableFile(path, "csv", (), encoding, delimiter)
    headers = _header_row(path, next(_csv_rows(table, None, headers_only=True), None))
    return TableFile(path, "csv", headers, encoding, delimiter)


def _header_row(path: Path, first: tuple[int, list[str]] | None) -> tuple[str, ...]:
    if first is None:
        raise ImportFileError(f"{path.name} has no header row; nothing was imported.")
    cells = [" ".join(cell.split()) for cell in first[1]]
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        raise ImportFileError(f"{path.name} has no header row; nothing was imported.")
    seen: dict[str, int] = {}
    for number, header in enumerate(cells, start=1):
        if not header:
            continue
        key = header.casefold()
        if key in seen:
            raise ImportFileError(
                f"{path.name}: columns {seen[key]} and {number} both have the header "
                f"{header!r}; rename one so that each column says what it holds. "
                "Nothing was imported."
            )
        seen[key] = number
    return tuple(cells)


def _open_binary(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")  # the callers close it
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _open_text(path: Path, encoding: str):
    try:
        return open(path, encoding=encoding, errors="strict", newline="")
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _decode_error(path: Path, encoding: str, exc: UnicodeDecodeError) -> ImportFileError:
    return ImportFileError(
        f"{path.name} is not valid {encoding} text: choose its encoding; nothing was imported."
    )


def _csv_rows(
    table: TableFile, progress: Progress | None, *, headers_only: bool = False
) -> Iterator[tuple[int, list[str]]]:
    path = table.path
    size = path.stat().st_size
    encoding = table.encoding or "utf-8"
    csv.field_size_limit(MAX_CELL)  # process-wide; no other reader here wants less
    with _open_text(path, encoding) as text:
        reader = csv.reader(text, delimiter=table.delimiter, strict=False)
        first = True
        try:
            for cells in reader:
                number = reader.line_num
                if first:
                    first = False
                    if headers_only:
                        yield number, cells
                        return
                    continue
                if progress is not None and number % _PROGRESS_EVERY == 0:
                    progress(min(text.buffer.tell(), size), size)
                joined = "".join(cells)
                if not joined.isspace() and joined:
                    if "\x00" in joined:
                        raise ImportFileError(
                            f"{path.name}, line {number}: a NUL byte; this is not a text file. "
                            "Nothing was imported."
                        )
                    yield number, cells
        except UnicodeDecodeError as exc:
            raise _decode_error(path, encoding, exc) from None
        except csv.Error as exc:
            raise ImportFileError(
                f"{path.name}, line {reader.line_num}: cannot be read as CSV ({exc}); "
                "nothing was imported."
            ) from None
    if progress is not None:
        progress(size, size)


# -- XLSX -----------------------------------------------------------------------------------

# What a formula cell reads as: its value is not taken (a formula may be stale, or built to
# run when the file is opened again), the row is rejected with this message instead.
FORMULA_PREFIX = "\x00formula:"


def _workbook(path: Path) -> Any:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula cell shows as its formula, so it can be refused.
        return load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(
            f"{path.name} is not a readable XLSX workbook ({type(exc).__name__}); "
            "nothing was imported."
        ) from None
    except Exception as exc:  # the XML parser's own errors, for a damaged workbook
        raise ImportFileError(
            f"{path.name} is not a readable XLSX workbook ({type(exc).__name__}); "
            "nothing was imported."
        ) from None


def _open_xlsx(path: Path) -> TableFile:
    book = _workbook(path)
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise ImportFileError(f"{path.name} has no sheet; nothing was imported.")
        first = next(_sheet_rows(path, sheet, None, keep_empty=False), None)
    finally:
        book.close()
    return TableFile(path, "xlsx", _header_row(path, first))


def _xlsx_rows(path: Path, progress: Progress | None) -> Iterator[tuple[int, list[str]]]:
    book = _workbook(path)
    try:
        rows = _sheet_rows(path, book.worksheets[0], progress, keep_empty=False)
        next(rows, None)  # the header row
        yield from rows
    finally:
        book.close()


def _sheet_rows(
    path: Path, sheet: Any, progress: Progress | None, *, keep_empty: bool
) -> Iterator[tuple[int, list[str]]]:
    total = sheet.max_row or 0
    try:
        for number, row in enumerate(sheet.iter_rows(), start=1):
            if progress is not None and number % _PROGRESS_EVERY == 0:
                progress(number, max(total, number))
            cells = [_cell_text(cell) for cell in row]
            if keep_empty or any(cell.strip() for cell in cells):
                yield number, cells
    except ImportFileError:
        raise
    except Exception as exc:  # a damaged sheet part
        raise ImportFileError(
            f"{path.name}: the sheet cannot be read ({type(exc).__name__}); nothing was imported."
        ) from None
    if progress is not None:
        progress(total, total)


def _cell_text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if getattr(cell, "data_type", None) == "f":
        return FORMULA_PREFIX + str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(" ", "minutes" if value.second == 0 else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_formula(text: str) -> bool:
    return text.startswith(FORMULA_PREFIX)


def as_written(text: str) -> str:
    """A cell's text as the file holds it (a formula cell: its formula)."""
    return text.removeprefix(FORMULA_PREFIX)
