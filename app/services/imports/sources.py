"""Rows out of a CSV or XLSX file, streamed, with their line numbers and the bytes read so far.

A file is never read whole: the CSV is decoded block by block and the XLSX is opened in
openpyxl's read-only mode, so a 1 GB export reads in flat memory. Formula cells in an XLSX are
refused (not their cached values): a cached value can be stale or missing, and an order's
address or amount that is a formula is not what the platform exported (docs/imports.md).
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from app.models.errors import InvalidInput, os_reason
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports.cells import encoding_of, header_name, looks_garbled
from app.services.imports.records import KnownDigests

HEAD_BYTES = 256 * 1024
# a real cell is short; a field past this is a broken quote swallowing the file
csv.field_size_limit(16 * 1024 * 1024)


@dataclass(slots=True)
class Row:
    """One record of the file: its first line number (the header is 1) and its cells."""

    line: int
    cells: Sequence[str]
    problem: InvalidInput | None = None  # the line itself is broken (cut short, formula…)


@dataclass
class Source:
    """An opened file: its header (cleaned names) and a stream of rows."""

    path: Path
    kind: str  # "csv" or "xlsx"
    headers: list[str]
    rows: Iterator[Row]
    size: int
    _counter: _Counting | None = field(default=None, repr=False)
    _row_fraction: list[float] = field(default_factory=lambda: [0.0], repr=False)
    # the shop's orders as last imported (``formats.common`` source digests): an order whose
    # rows read the same is not parsed again (``chunks.read_chunks`` says how to ask)
    known: KnownDigests = field(default_factory=lambda: KnownDigests(), repr=False)

    def progress(self) -> float:
        if self._counter is not None and self.size:
            return min(1.0, self._counter.count / self.size)
        return self._row_fraction[0]

    def raw(self, row: Row) -> dict[str, str]:
        return {
            name: (row.cells[index] if index < len(row.cells) else "")
            for index, name in enumerate(self.headers)
        }


class _Counting(io.RawIOBase):
    """A binary file that counts the bytes handed to the decoder, for the progress bar."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.handle.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)

    def close(self) -> None:
        self.handle.close()
        super().close()


def _refuse_kind(path: Path, why: str) -> InvalidInput:
    """Not readable as CSV/XLSX; ``why`` is the reader's own (technical) words."""
    return InvalidInput(
        QT_TRANSLATE_NOOP("UserError", "{file} is not a CSV or XLSX export ({why})."),
        file=path.name,
        why=why,
    )


def open_source(path: Path) -> Source:
    """Open a CSV or XLSX export and read its header; refuse anything else, clearly."""
    try:
        size = path.stat().st_size
        with path.open("rb") as probe:
            head = probe.read(HEAD_BYTES)
    except OSError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{file} cannot be read: {why}"),
            file=path.name,
            why=os_reason(error),
        ) from error
    if not head.strip(b" \r\n\t\xef\xbb\xbf"):
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "{file} is empty."), file=path.name)
    if head.startswith(b"PK\x03\x04"):
        member = _zipped_csv(path)
        if member is None:
            return _open_xlsx(path, size)
        return _open_zipped_csv(path, member)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "{file} is an old Excel .xls file: save it as .xlsx or CSV first."
            ),
            file=path.name,
        )
    encoding = encoding_of(head)
    if head.startswith(b"%PDF") or (encoding != "utf-16" and b"\x00" in head):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{file} is not a CSV or XLSX file."), file=path.name
        )
    return _open_csv(path, size, encoding, head, lambda: path.open("rb"))


def _zipped_csv(path: Path) -> zipfile.ZipInfo | None:
    """The one CSV in a zip (Shopify e-mails large exports zipped); None for an XLSX."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return None  # the XLSX reader says what is wrong with it
    names = [member.filename for member in members]
    if "[Content_Types].xml" in names:
        return None
    found = [m for m in members if m.filename.lower().endswith((".csv", ".txt")) and not m.is_dir()]
    if len(found) != 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{file} is a zip holding {count} CSV files: unzip it and import the export itself.",
            ),
            file=path.name,
            count=len(found),
        )
    return found[0]


def _open_zipped_csv(path: Path, member: zipfile.ZipInfo) -> Source:
    def opener() -> IO[bytes]:
        # closing the archive leaves the member readable: it keeps the file open until closed
        with zipfile.ZipFile(path) as archive:
            return archive.open(member)

    with opener() as probe:
        head = probe.read(HEAD_BYTES)
    if not head.strip(b" \r\n\t\xef\xbb\xbf"):
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "{file} is empty."), file=path.name)
    encoding = encoding_of(head)
    if b"\x00" in head and encoding != "utf-16":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{file} is not a CSV or XLSX file."), file=path.name
        )
    return _open_csv(path, member.file_size, encoding, head, opener)


def _delimiter(first_line: str) -> str:
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


def _open_csv(
    path: Path, size: int, encoding: str, head: bytes, opener: Callable[[], IO[bytes]]
) -> Source:
    counter = _Counting(opener())
    text = io.TextIOWrapper(io.BufferedReader(counter, 1024 * 1024), encoding=encoding, newline="")
    first = head.decode(encoding, errors="replace").splitlines()[0] if head else ""
    reader = csv.reader(text, delimiter=_delimiter(first), strict=True)
    try:
        raw_headers = next(reader)
    except (csv.Error, UnicodeDecodeError, StopIteration) as error:
        text.close()
        raise _refuse_kind(path, str(error)) from error
    headers = [header_name(name) for name in raw_headers]
    while headers and not headers[-1]:  # a trailing comma in the header line
        headers.pop()
    if any(looks_garbled(name) for name in headers):
        text.close()
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The column names of {file} are garbled (Chinese text saved with the wrong "
                "encoding). Download the export again from the platform, without opening and "
                "saving it in another program.",
            ),
            file=path.name,
        )
    source = Source(path, "csv", headers, iter(()), size, counter)
    source.rows = _csv_rows(source, reader, text, encoding)
    return source


def _csv_rows(source: Source, reader: Any, text: io.TextIOWrapper, encoding: str) -> Iterator[Row]:
    width = len(source.headers)
    start = reader.line_num + 1  # the header may span lines too
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:  # an open quote at the end of the file
                yield Row(start, [], _cut_short(source.path, start))
                return
            except UnicodeDecodeError:  # the rest cannot be read: say where, and stop
                yield Row(start, [], _wrong_encoding(source.path, start, encoding))
                return
            line, start = start, reader.line_num + 1
            if not cells or (not cells[0].strip() and not any(c.strip() for c in cells)):
                continue  # a blank line
            if len(cells) < width:
                yield Row(line, cells, _short_line(source, line, len(cells), width))
            else:
                yield Row(line, cells)
    finally:
        text.close()


def _cut_short(path: Path, line: int) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "{file} ends in the middle of line {line}: the file was cut short. "
            "Download the export again.",
        ),
        file=path.name,
        line=line,
    )


def _short_line(source: Source, line: int, found: int, width: int) -> InvalidInput:
    at_end = source._counter is not None and source._counter.count >= source.size
    if at_end:
        return _cut_short(source.path, line)
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError", "Line {line} has {found} columns where the header has {width}."
        ),
        line=line,
        found=found,
        width=width,
    )


def _wrong_encoding(path: Path, line: int, encoding: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "{file} changes its text encoding at line {line} (it began as {encoding}); "
            "download the export again.",
        ),
        file=path.name,
        line=line,
        encoding=encoding,
    )


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone or id stored as a number
    return str(value)


def _open_xlsx(path: Path, size: int) -> Source:
    from openpyxl import load_workbook  # only the mapped reader needs it: keep startup light

    try:
        # data_only=False: a formula shows as a formula, so it can be refused (module docstring)
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # a zip that is no workbook: openpyxl raises many kinds
        raise _refuse_kind(path, str(error) or type(error).__name__) from error
    sheet = book.worksheets[0]
    rows = sheet.iter_rows()
    try:
        header_cells = next(rows)
    except StopIteration:
        book.close()
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{file} is empty."), file=path.name
        ) from None
    headers = [header_name(_xlsx_text(cell.value)) for cell in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    total = max((sheet.max_row or 0) - 1, 1)
    source = Source(path, "xlsx", headers, iter(()), size)
    source.rows = _xlsx_rows(source, rows, total, book)
    return source


def _xlsx_rows(source: Source, rows: Iterator[Any], total: int, book: Any) -> Iterator[Row]:
    try:
        for index, cells in enumerate(rows, start=2):
            source._row_fraction[0] = min(1.0, (index - 1) / total)
            texts = [_xlsx_text(cell.value) for cell in cells]
            if not any(text.strip() for text in texts):
                continue
            problem = None
            formulas = [
                source.headers[i] if i < len(source.headers) else str(i + 1)
                for i, cell in enumerate(cells)
                if getattr(cell, "data_type", "") == "f"
            ]
            if formulas:
                problem = InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "Line {line} holds a formula in {columns}; save the sheet with values only "
                        "(copy, paste as values) and import it again.",
                    ),
                    line=index,
                    columns=", ".join(formulas),
                )
            yield Row(index, texts, problem)
        source._row_fraction[0] = 1.0
    finally:
        book.close()


def file_size(path: Path) -> int:
    return os.path.getsize(path)
