"""What every format reader shares: columns found by header name, rows grouped into orders.

A reader names its fields and the header names each may have in the platform's exports
(the column set changes between years); ``Columns`` finds them in the file's header, never by
position. ``read_orders`` groups consecutive rows with the same order number (JD, 抖店 and
Shopify write one row per item), refuses an order met twice with different values, and turns
a problem in one order into a ``RefusedRow`` while the rest of the file goes on.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from decimal import Decimal

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports import cells
from app.services.imports.records import ImportedOrder, Record, RefusedRow, Sensitivity, Unchanged
from app.services.imports.sources import Row, Source

Aliases = dict[str, tuple[str, ...]]


class Columns:
    """Where each field is in this file's header (the first of its names that is present)."""

    def __init__(self, headers: list[str], fields: Aliases) -> None:
        self.fields = fields
        position: dict[str, int] = {}
        for index, name in enumerate(headers):
            position.setdefault(name, index)
        self.index: dict[str, int] = {}
        self.header: dict[str, str] = {}
        for field, names in fields.items():
            for name in names:
                if name in position:
                    self.index[field] = position[name]
                    self.header[field] = name
                    break
        # what a message calls each field: the file's header, else its usual name
        self.names = {field: self.header.get(field) or names[0] for field, names in fields.items()}

    def has(self, field: str) -> bool:
        return field in self.index

    def missing(self, required: Iterable[str]) -> list[str]:
        return [self.fields[field][0] for field in required if field not in self.index]

    def name(self, field: str) -> str:
        return self.names.get(field, field)

    def bind(self, row: Row) -> Bound:
        return Bound(self, row)


class Bound:
    """One row's cells read through the columns, cleaned and checked, naming the column."""

    __slots__ = ("cells", "columns", "row", "width")

    def __init__(self, columns: Columns, row: Row) -> None:
        self.columns = columns
        self.row = row
        self.cells = row.cells
        self.width = len(row.cells)

    @property
    def line(self) -> int:
        return self.row.line

    def raw(self, field: str) -> str:
        index = self.columns.index.get(field, self.width)
        return self.cells[index] if index < self.width else ""

    def text(self, field: str, *, limit: int = cells.TEXT_LIMIT, need: bool = False) -> str:
        index = self.columns.index.get(field, self.width)
        value = cells.clean(self.cells[index]) if index < self.width else ""
        if len(value) > limit or (need and not value):  # the column's name only when refusing
            cells.bounded(value, self.columns.name(field), limit)
            cells.required(value, self.columns.name(field))
        if "\ufffd" in value:  # text once decoded wrongly and saved: never stored
            raise cells.garbled(self.columns.name(field), value)
        return value

    def limited(self, field: str, *, need: bool = False) -> str:
        """A value whose database column is bounded (``cells.LIMITS`` keyed by the field)."""
        return self.text(field, limit=cells.LIMITS[field], need=need)

    def limited_as(self, field: str, limit_key: str, *, need: bool = False) -> str:
        """A value bounded like the database column ``limit_key`` (Shopify's Name is order_no)."""
        return self.text(field, limit=cells.LIMITS[limit_key], need=need)

    def amount(self, field: str, *, blank: Decimal | None = None) -> Decimal:
        return cells.amount(self.raw(field), self.columns.name(field), blank=blank)

    def quantity(self, field: str) -> int:
        return cells.quantity(self.raw(field), self.columns.name(field))

    def moment(self, field: str, *, zone: timezone = cells.CHINA) -> datetime | None:
        return cells.moment(self.raw(field), self.columns.name(field), zone=zone)

    def required_moment(self, field: str, *, zone: timezone = cells.CHINA) -> datetime:
        found = self.moment(field, zone=zone)
        if found is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The column {column} is empty."),
                column=self.columns.name(field),
            )
        return found


def sensitivity(*values: str) -> Sensitivity:
    """Encrypted when any recipient detail is ciphertext, masked when any is part-hidden."""
    if any(cells.is_encrypted(value) for value in values if value):
        return Sensitivity.ENCRYPTED
    if any(cells.is_masked(value) for value in values if value):
        return Sensitivity.MASKED
    return Sensitivity.CLEAR


def unknown_status(column: str, value: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError", "The column {column} holds an unknown order status “{value}”."
        ),
        column=column,
        value=value[:40],
    )


def _digest(rows: list[Row]) -> int:
    hasher = hashlib.blake2b(digest_size=4)
    for row in rows:
        hasher.update("\x1f".join(row.cells).encode("utf-8", "surrogatepass"))
        hasher.update(b"\x1e")
    return int.from_bytes(hasher.digest(), "little")


class SeenOrders:
    """The order numbers met so far in a file, in 16 to 32 bytes each (memory stays flat).

    A dict of strings would take some 300 bytes an order (1 GB on a 4-million-order export);
    this open-addressing table keeps a 64-bit hash of the number, the first line and a 32-bit
    fingerprint of the order's rows in two arrays. A false match needs two different numbers
    with the same 64-bit hash: about one chance in 10^6 on 4 million orders.
    """

    def __init__(self) -> None:
        self._size = 1 << 14
        self._keys = array("Q", bytes(8 * self._size))
        self._values = array("Q", bytes(8 * self._size))
        self._count = 0

    def first(self, order_no: str, line: int, digest: int) -> tuple[int, int] | None:
        """(first line, fingerprint) of this number met before; else None, and it is recorded."""
        key = int.from_bytes(hashlib.blake2b(order_no.encode(), digest_size=8).digest(), "little")
        key |= 1  # 0 marks an empty slot
        mask = self._size - 1
        slot = (key >> 1) & mask
        keys = self._keys
        while keys[slot]:
            if keys[slot] == key:
                value = self._values[slot]
                return value >> 32, value & 0xFFFFFFFF
            slot = (slot + 1) & mask
        keys[slot] = key
        self._values[slot] = (line << 32) | digest
        self._count += 1
        if self._count * 2 > self._size:
            self._grow()
        return None

    def _grow(self) -> None:
        old = zip(self._keys, self._values, strict=True)
        self._size *= 2
        self._keys = array("Q", bytes(8 * self._size))
        self._values = array("Q", bytes(8 * self._size))
        mask = self._size - 1
        for key, value in old:
            if key:
                slot = (key >> 1) & mask
                while self._keys[slot]:
                    slot = (slot + 1) & mask
                self._keys[slot] = key
                self._values[slot] = value


Builder = Callable[[list[Bound]], ImportedOrder]
# what the readers make of a row, changed: an order whose rows read the same as at its last
# import is then parsed again (its source digest differs)
READER_VERSION = b"1"


def source_digest(headers: list[str], rows: list[Row], more: Iterable[str] = ()) -> str:
    """The order's rows as the file has them (with the header they are read under, and
    ``more``: Taobao's item rows), 128 bits: the same digest means the same order parsed."""
    hasher = hashlib.blake2b(READER_VERSION, digest_size=16)
    hasher.update("\x1f".join(headers).encode("utf-8", "surrogatepass"))
    for row in rows:
        hasher.update(b"\x1e")
        hasher.update("\x1f".join(row.cells).encode("utf-8", "surrogatepass"))
    for text in more:
        hasher.update(b"\x1d")
        hasher.update(text.encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


def read_orders(
    source: Source,
    columns: Columns,
    key_field: str,
    build: Builder,
    *,
    one_row: bool = False,
    joined: Callable[[str], Iterable[str]] | None = None,
) -> Iterator[Record]:
    """The file's orders, one group of consecutive rows with one order number each.

    The first line and a short fingerprint of each order are kept (``SeenOrders``)
    so that the same order met again with other values is refused, naming its first line;
    met again identical (an export of overlapping pages) it is skipped. ``one_row``: the
    format has one row an order (Taobao), so even a next row with the same number is a repeat.

    An order whose rows read as at its last import (``source.known``, the digest stored with
    it; ``joined`` gives the order's rows in another file) is not parsed: ``Unchanged``. Most of
    a re-import is that, and parsing is most of its time.
    """
    seen = SeenOrders()
    group: list[Row] = []
    group_key = ""
    broken: InvalidInput | None = None

    def refused(problem: InvalidInput) -> RefusedRow:
        """The whole order refused: its first row, and its further rows to save with it."""
        more = tuple(source.raw(row) for row in group[1:])
        return RefusedRow(group[0].line, group_key, problem, source.raw(group[0]), more)

    def finish() -> Iterator[Record]:
        first = group[0]
        if broken is not None:
            yield refused(broken)
            return
        digest = _digest(group)
        earlier = seen.first(group_key, first.line, digest)
        if earlier is not None:
            line, before = earlier
            if before != digest:
                yield refused(_twice(group_key, line))
            return
        extra = joined(group_key) if joined is not None else ()
        stated = source_digest(source.headers, group, extra)
        if source.known.get(group_key) == stated:
            yield Unchanged(first.line, group_key)
            return
        try:
            order = build([columns.bind(row) for row in group])
        except InvalidInput as problem:
            yield refused(problem)
            return
        yield replace(order, source_digest=stated)

    def number(row: Row) -> str:
        return cells.clean(columns.bind(row).raw(key_field))

    for row in source.known.ahead(source.rows, number):
        key = number(row)
        if row.problem is not None:
            if group and key and key == group_key:
                broken = row.problem  # a cut-short line spoils its whole order, not only itself
                continue
            yield RefusedRow(row.line, key, row.problem, source.raw(row))
            continue
        if not key:
            problem = InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The column {column} is empty."),
                column=columns.name(key_field),
            )
            yield RefusedRow(row.line, "", problem, source.raw(row))
            continue
        if cells.spreadsheet_number(key):
            problem = cells.number_lost(columns.name(key_field), key)
            yield RefusedRow(row.line, key, problem, source.raw(row))
            continue
        if group and key == group_key and not one_row:
            group.append(row)
            continue
        if group:
            yield from finish()
        group, group_key, broken = [row], key, None
    if group:
        yield from finish()


def _twice(order_no: str, first_line: int) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "The order {order_no} is in the file twice with different values (first at line "
            "{line}); export again or remove one of them.",
        ),
        order_no=order_no,
        line=first_line,
    )
