"""The reading pipeline: an export's records in chunks of orders, read ahead of the writing.

A record that cannot come in (a field too long for its column, an order met twice) is refused
here with its line. A big file is read by a process of its own (``read_chunks``), a small one
by a thread, so that reading and writing overlap.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from queue import Empty, Full, Queue
from typing import Any

from sqlalchemy import URL, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Order
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import bulk
from app.services.imports.cells import LIMITS  # the database's column sizes, one table
from app.services.imports.reading import open_reading
from app.services.imports.records import (
    Fetch,
    ImportedOrder,
    Reading,
    ReadingRecipe,
    Record,
    RefusedRow,
    Unchanged,
)


# -- what the caller gets back -------------------------------------------------------------
@dataclass(frozen=True)
class RefusedLine:
    line: int
    order_no: str
    message: str  # in English; ``problem`` translates
    problem: InvalidInput
    raw: dict[str, str] = field(default_factory=dict)
    more: tuple[dict[str, str], ...] = ()  # the order's further rows (RefusedRow.more)

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "order_no": self.order_no, "problem": self.message}


# -- checks that refuse one order ----------------------------------------------------------
def _refusal(order: ImportedOrder) -> InvalidInput | None:
    a = order.address
    values = {
        "order_no": order.order_no,
        "buyer_id": order.buyer_id,
        "recipient_name": order.recipient_name,
        "recipient_phone": order.recipient_phone,
        "province": a.province,
        "city": a.city,
        "district": a.district,
        "street": a.street,
        "postcode": a.postcode,
        "courier": order.courier,
        "tracking_no": order.tracking_no,
    }
    for item in order.items:
        values.setdefault("sku", item.sku)
        values.setdefault("title", item.title)
        if len(item.sku) > LIMITS["sku"]:
            values["sku"] = item.sku
        if len(item.title) > LIMITS["title"]:
            values["title"] = item.title
    for name, value in values.items():
        if len(value or "") > LIMITS[name]:
            return InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no}: {field} is {length} characters long, at most {limit} "
                    "fit. Nothing of this order was stored.",
                ),
                order_no=order.order_no[:40],
                field=name,
                length=len(value),
                limit=LIMITS[name],
            )
    if not order.order_no.strip():
        return InvalidInput(QT_TRANSLATE_NOOP("UserError", "The order has no order number."))
    return None


def _twice(order: ImportedOrder | Unchanged, first_line: int) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Order {order_no} is in the file twice with different values (lines {first} and "
            "{line}): only the first was taken. Export again, or fix the file.",
        ),
        order_no=order.order_no,
        first=first_line,
        line=order.line,
    )


@dataclass
class Batch:
    orders: list[ImportedOrder]
    refused: list[RefusedLine]
    taken: int  # records of the file consumed (orders, refused rows, duplicates)
    last_line: int
    progress: float = 0.0  # the fraction of the file read when this chunk was complete
    unparsed: int = 0  # orders read as at their last import (``Unchanged``): nothing to do


def refused_line(row: RefusedRow) -> RefusedLine:
    return RefusedLine(
        row.line, row.order_no, row.problem.message(), row.problem, dict(row.raw), row.more
    )


def batches(
    records: Iterator[Record],
    skip: int,
    size: int,
    progress: Callable[[], float] | None = None,
) -> Iterator[Batch]:
    """The file's records in chunks of ``size`` orders; the first ``skip`` records (taken in
    by an interrupted run) are read past, their numbers kept to catch an order met twice.

    The readers already skip an order repeated as is and refuse one repeated with other
    values; this catches what a reader let through, by number alone."""
    seen: dict[str, int] = {}
    for record in islice(records, skip):
        if not isinstance(record, RefusedRow):
            seen.setdefault(record.order_no, record.line)
    batch = Batch([], [], 0, 0)
    for record in records:
        batch.taken += 1
        batch.last_line = max(batch.last_line, record.line)
        if isinstance(record, RefusedRow):
            batch.refused.append(refused_line(record))
        elif isinstance(record, Unchanged):
            first = seen.get(record.order_no)
            if first is not None:
                twice = _twice(record, first)
                batch.refused.append(
                    RefusedLine(record.line, record.order_no, twice.message(), twice)
                )
            else:
                seen[record.order_no] = record.line
                batch.unparsed += 1
        else:
            problem = _refusal(record)
            first = seen.get(record.order_no)
            if problem is None and first is not None:
                problem = _twice(record, first)
            if problem is not None:
                batch.refused.append(
                    RefusedLine(record.line, record.order_no, problem.message(), problem)
                )
            else:
                seen[record.order_no] = record.line
                batch.orders.append(record)
        if len(batch.orders) + batch.unparsed >= size:
            batch.progress = progress() if progress is not None else 0.0
            yield batch
            batch = Batch([], [], 0, 0)
    if batch.taken:
        batch.progress = 1.0
        yield batch


DIGESTS_ASKED = 500  # order numbers in one query for their digests


def stored_digests(session: Session, shop_id: int, numbers: list[str]) -> dict[str, str]:
    """The source digests stored with these of the shop's orders (those that have one)."""
    found: dict[str, str] = {}
    for start in range(0, len(numbers), DIGESTS_ASKED):
        rows = session.execute(
            select(Order.order_no, Order.source_digest).where(
                Order.shop_id == shop_id,
                bulk.among(session, Order.order_no, numbers[start : start + DIGESTS_ASKED]),
                Order.source_digest.is_not(None),
            )
        )
        found.update((number, digest or "") for number, digest in rows)
    return found


def any_digest(session: Session, shop_id: int) -> bool:
    """Has any of the shop's orders a digest? Not on its first import: nothing to ask."""
    return bool(shop_id) and (
        session.execute(
            select(Order.id)
            .where(Order.shop_id == shop_id, Order.source_digest.is_not(None))
            .limit(1)
        ).first()
        is not None
    )


@dataclass(frozen=True)
class Digests:
    """Where the reader asks for the digests of the orders it meets: the shop's, in the
    database at ``url`` (a reader process opens the database itself)."""

    url: URL
    shop_id: int

    def fetch(self, db: Database | None = None) -> Fetch:
        database = db if db is not None else Database(self.url)

        def fetch(numbers: list[str]) -> dict[str, str]:
            return database.read(partial(stored_digests, shop_id=self.shop_id, numbers=numbers))

        return fetch


PROCESS_BYTES = 4 << 20  # files this big are read by a process of their own


def read_chunks(
    reading: Reading, skip: int, size: int, db: Database, digests: Digests | None = None
) -> Iterator[Batch]:
    """The file's chunks, the next ones read while one is written. Parsing is Python, which
    runs one thread at a time: a big file is read by a process of its own, so that reading
    and writing each have a core (a 100,000-order export otherwise waits for its reading half
    the time); a small one by a thread, as a process takes a moment to start. ``digests``:
    where to ask which orders read as at their last import (None: parse every order)."""
    recipe = reading.reopen
    if recipe is not None and sum(_size(p) for p in recipe.paths) >= PROCESS_BYTES:
        return _from_process(recipe, digests, skip, size)
    if digests is not None:
        reading.known.fetch = digests.fetch(db)
    return _ahead(batches(reading.records, skip, size, reading.progress))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _produce(
    recipe: ReadingRecipe, digests: Digests | None, skip: int, size: int, out: Any
) -> None:
    """The reader process: the chunks into ``out``, then None; or the error that stopped it."""
    try:
        reading = open_reading(list(recipe.paths), format=recipe.format, mapping=recipe.mapping)
        if digests is not None:
            reading.known.fetch = digests.fetch()
        for batch in batches(reading.records, skip, size, reading.progress):
            out.put(batch)
        out.put(None)
    except BaseException as error:  # the file's problem, raised where the merge reads
        out.put(error)


def _from_process(
    recipe: ReadingRecipe, digests: Digests | None, skip: int, size: int
) -> Iterator[Batch]:
    # spawn, not fork: forking a process with Qt's and the database's threads is unsafe
    context = multiprocessing.get_context("spawn")
    chunks: Any = context.Queue(maxsize=2)  # memory stays flat: two chunks wait at most
    reader = context.Process(
        target=_produce,
        args=(recipe, digests, skip, size, chunks),
        name="import-reader",
        daemon=True,
    )
    reader.start()
    try:
        while True:
            try:
                item = chunks.get(timeout=1.0)
            except Empty:
                if reader.is_alive():
                    continue
                try:  # what it put just before it ended
                    item = chunks.get(timeout=1.0)
                except Empty:
                    raise InvalidInput(READER_DIED) from None
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:  # done, cancelled or failed: the reader goes too
        if reader.is_alive():
            reader.terminate()
        reader.join(timeout=5)
        chunks.close()


READER_DIED = QT_TRANSLATE_NOOP(
    "UserError",
    "Reading the file stopped unexpectedly. What came in is kept: import the same file again "
    "to complete it.",
)
_DONE = object()


def _ahead(batches: Iterator[Batch], depth: int = 2) -> Iterator[Batch]:
    """Read the next chunks while this one is written: parsing is CPU in Python, writing
    mostly waits for the database (another process, or SQLite with the GIL released)."""
    queue: Queue[Any] = Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                queue.put(item, timeout=0.1)
                return True
            except Full:
                continue
        return False

    def produce() -> None:
        try:
            for batch in batches:
                if not put(batch):
                    return
            put(_DONE)
        except BaseException as error:  # the file's problem, raised where the caller reads
            put(error)

    reader = threading.Thread(target=produce, name="import-reader", daemon=True)
    reader.start()
    try:
        while True:
            item = queue.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # cancelled or failed: the reader stops at its next chunk
        reader.join(timeout=5)
