"""Number pools (号段 / 单号池): the waybill numbers a courier's local branch issued to a shop
(issue 11; rules in docs/waybills.md, "The number pool").

- An administrator loads a pool per courier and shop: the branch's list (CSV, XLSX or a
  plain text file, one number a line) or, where the courier's numbers run in sequence
  without a check digit, a range FIRST-LAST. Every number must fit the courier's pattern; a
  number loaded before (into any pool) or already an order's is refused, and then nothing
  is loaded: the same pool loaded twice changes nothing.
- A print batch takes the next free numbers, oldest load first (``plan`` in the batch's
  read, ``claim`` in the write that records it: see ``batches``). ``claim`` takes exactly
  the numbers the labels were drawn with, each only while still free (``order_id IS
  NULL``): when another PC took one meanwhile, nothing is recorded and the batch is drawn
  again with the next free ones. A number is never given twice: the condition is checked
  under the row's write lock on PostgreSQL (a second UPDATE waits for the first and then
  finds the row taken) and SQLite runs one write transaction at a time.
  (``SELECT … FOR UPDATE SKIP LOCKED`` would hand the second PC other numbers than those
  already drawn on its labels, so the claim is a guarded UPDATE instead.)
- Each shop sets a low-stock threshold; ``left`` says how many numbers each pool has and
  which are below it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, func, select, text
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Order, Setting, Shop, WaybillLoad, WaybillNumber
from app.models.base import UTCDateTime
from app.models.errors import InvalidInput, UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit, shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import slips as print_slips
from app.services.dispatch.recording import Changed
from app.services.dispatch.waybills import (
    Courier,
    Couriers,
    check,
    find_courier,
    normalise,
)
from app.services.imports import cells
from app.services.imports.sources import open_source

THRESHOLD_SETTING = "waybill_low:{id}"
DEFAULT_THRESHOLD = 100  # about a day's parcels of a small shop
MAX_RANGE = 100_000  # a branch issues thousands at a time; more is a typo in a range
SHOWN = 5  # refused numbers named in a message
# the column of a branch's list, when it has a header (else its first column)
NUMBER_HEADERS = ("运单号", "快递单号", "面单号", "单号", "物流单号", "waybill", "number")


@dataclass(frozen=True)
class Loaded:
    courier: str
    shop: str
    count: int
    left: int


@dataclass(frozen=True)
class PoolLeft:
    """One pool: what is left, what was taken, and the shop's threshold."""

    courier_code: str
    courier: str
    shop: str
    left: int
    taken: int
    threshold: int

    @property
    def low(self) -> bool:
        return self.left < self.threshold

    def to_json(self) -> dict[str, object]:
        return {
            "courier_code": self.courier_code,
            "courier": self.courier,
            "shop": self.shop,
            "left": self.left,
            "taken": self.taken,
            "threshold": self.threshold,
            "low": self.low,
        }


# -- loading ----------------------------------------------------------------------------------
def read_list(path: Path) -> list[tuple[int, str]]:
    """(line, number) of a branch's list: CSV, XLSX or text, with a header or without."""
    source = open_source(Path(path))
    try:
        headers = source.headers
        column = next((headers.index(h) for h in NUMBER_HEADERS if h in headers), None)
        found: list[tuple[int, str]] = []
        if column is None:
            column = 0
            if headers and headers[0]:  # no header: the first line is a number too
                found.append((1, headers[0]))
        for row in source.rows:
            if row.problem is not None and not row.cells:
                raise row.problem
            value = cells.clean(row.cells[column]) if column < len(row.cells) else ""
            if value:
                found.append((row.line, value))
        return found
    finally:
        close = getattr(source.rows, "close", None)
        if close is not None:
            close()


_RANGE = re.compile(r"([A-Z]*)(\d+)-([A-Z]*)(\d+)")


def expand_range(courier: Courier, text_range: str) -> list[tuple[int, str]]:
    """FIRST-LAST as numbers (their "line" is their place in the range), when the courier's
    numbers run in sequence."""
    if not courier.ranges:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{courier} numbers cannot be loaded as a range (they carry a check digit or "
                "letters): load the list the branch gave.",
            ),
            courier=courier.name,
        )
    match = _RANGE.fullmatch(normalise(text_range))
    if (
        match is None
        or match.group(1) != match.group(3)
        or len(match.group(2)) != len(match.group(4))
    ):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{text}” is not a range: write FIRST-LAST, both of the same length "
                "(e.g. {example}-…).",
            ),
            text=text_range,
            example=courier.example or "…",
        )
    prefix, first, last = match.group(1), int(match.group(2)), int(match.group(4))
    width = len(match.group(2))
    count = last - first + 1
    if count < 1 or count > MAX_RANGE:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The range {text} holds {count} numbers: a range holds 1 to {most}.",
            ),
            text=text_range,
            count=count,
            most=MAX_RANGE,
        )
    return [(n - first + 1, f"{prefix}{n:0{width}d}") for n in range(first, last + 1)]


def _checked(courier: Courier, numbers: Sequence[tuple[int, str]]) -> list[str]:
    wrong: list[str] = []
    clean: list[str] = []
    seen: dict[str, int] = {}
    for line, raw in numbers:
        try:
            number = check(courier, raw)
        except InvalidInput:
            wrong.append(f"{line}: {raw}")
            continue
        if number in seen:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The number {number} is in the list twice (lines {first} and {second}). "
                    "Nothing was loaded.",
                ),
                number=number,
                first=seen[number],
                second=line,
            )
        seen[number] = line
        clean.append(number)
    if wrong:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{count} numbers do not fit the {courier} pattern {pattern} (line: number) "
                "{lines}. Nothing was loaded.",
            ),
            count=len(wrong),
            courier=courier.name,
            pattern=courier.pattern,
            lines="; ".join(wrong[:SHOWN]) + (" …" if len(wrong) > SHOWN else ""),
        )
    if not clean:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "There are no numbers to load."))
    return clean


def _refuse_known(session: Session, courier: Courier, numbers: list[str]) -> None:
    """Refuse numbers loaded before (any pool of the courier) or already an order's."""
    for start in range(0, len(numbers), 1000):
        chunk = numbers[start : start + 1000]
        loaded = session.execute(
            select(WaybillNumber.number, Shop.name, WaybillLoad.loaded_at)
            .join(Shop, Shop.id == WaybillNumber.shop_id)
            .join(WaybillLoad, WaybillLoad.id == WaybillNumber.load_id)
            .where(WaybillNumber.courier_code == courier.code, WaybillNumber.number.in_(chunk))
            .order_by(WaybillNumber.id)
        ).all()
        if loaded:
            total = _count_known(session, courier, numbers)
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "{count} of these {courier} numbers were loaded before (the first, "
                    "{number}, into the pool of {shop} on {date}): the same numbers cannot be "
                    "loaded twice. Nothing was loaded.",
                ),
                count=total,
                courier=courier.name,
                number=loaded[0][0],
                shop=loaded[0][1],
                date=f"{loaded[0][2]:%Y-%m-%d}",
            )
        used = session.execute(
            select(Order.tracking_no, Order.order_no).where(Order.tracking_no.in_(chunk)).limit(1)
        ).first()
        if used is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The number {number} is already the waybill number of order {order_no}. "
                    "Nothing was loaded.",
                ),
                number=used[0],
                order_no=used[1],
            )


def _count_known(session: Session, courier: Courier, numbers: list[str]) -> int:
    total = 0
    for start in range(0, len(numbers), 1000):
        total += session.execute(
            select(func.count())
            .select_from(WaybillNumber)
            .where(
                WaybillNumber.courier_code == courier.code,
                WaybillNumber.number.in_(numbers[start : start + 1000]),
            )
        ).scalar_one()
    return total


def load(
    session: Session,
    actor: Actor,
    courier: str,
    shop: str,
    numbers: Sequence[tuple[int, str]] | None = None,
    *,
    first_last: str | None = None,
    source: str = "",
) -> Loaded:
    """Load numbers (``(line, number)`` pairs, see ``read_list``) or a range into the pool of
    ``courier`` and ``shop``: all of them or, on any refusal, none (administrators)."""
    user = require(session, actor, Action.WAYBILL_ADMIN)
    found = find_courier(session, courier)
    the_shop = print_slips.shop_by_name(session, shop)
    if (numbers is None) == (first_last is None):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "Give the branch's list of numbers or a range, not both."
            )
        )
    if first_last is not None:
        numbers = expand_range(found, first_last)
        source = source or first_last
    assert numbers is not None
    clean = _checked(found, numbers)
    _refuse_known(session, found, clean)
    now = db_now(session)
    batch = WaybillLoad(
        courier_code=found.code,
        shop_id=the_shop.id,
        source=(source or "")[:300],
        count=len(clean),
        loaded_by_id=actor.user_id,
        loaded_by_name=user.display_name,
        loaded_at=now,
    )
    session.add(batch)
    session.flush()
    rows = [
        {
            "courier_code": found.code,
            "shop_id": the_shop.id,
            "number": n,
            "load_id": batch.id,
            "order_id": None,
            "taken_at": None,
        }
        for n in clean
    ]
    for start in range(0, len(rows), 5000):
        print_slips.insert_rows(session, WaybillNumber.__table__, rows[start : start + 5000])
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=user.display_name,
        action="waybill.load",
        entity="waybill_pool",
        entity_key=f"{found.code}/{the_shop.name}"[:64],
        before=None,
        after={
            "count": len(clean),
            "first": clean[0],
            "last": clean[-1],
            "source": batch.source,
        },
    )
    left = _free(session, found.code, the_shop.id)
    return Loaded(found.name, the_shop.name, len(clean), left)


def _free(session: Session, code: str, shop_id: int) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(WaybillNumber)
            .where(
                WaybillNumber.courier_code == code,
                WaybillNumber.shop_id == shop_id,
                WaybillNumber.order_id.is_(None),
            )
        ).scalar_one()
    )


# -- what is left -----------------------------------------------------------------------------
def thresholds(session: Session) -> dict[int, int]:
    """Shop id → its low-stock threshold (the default where none is set)."""
    prefix = THRESHOLD_SETTING.format(id="")
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(prefix))
    ).all()
    return {int(k[len(prefix) :]): int(v) for k, v in rows if v.isdigit()}


def set_threshold(session: Session, actor: Actor, shop: str, value: int) -> int:
    """Warn when a pool of the shop has fewer numbers than this (administrators)."""
    require(session, actor, Action.WAYBILL_ADMIN)
    the_shop = print_slips.shop_by_name(session, shop)
    if value < 0 or value > 1_000_000:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The warning threshold is a number of waybills from 0 to 1000000."
            )
        )
    key = THRESHOLD_SETTING.format(id=the_shop.id)
    shared_settings.save(session, actor, key, str(value), str(DEFAULT_THRESHOLD))
    return value


def shop_thresholds(session: Session, actor: Actor) -> dict[str, int]:
    """Shop name → its low-stock threshold (the default where none is set): the screen's."""
    require(session, actor, Action.WAYBILL_READ)
    limits = thresholds(session)
    rows = session.execute(select(Shop.id, Shop.name).order_by(Shop.name)).all()
    return {name: limits.get(shop_id, DEFAULT_THRESHOLD) for shop_id, name in rows}


def left(session: Session, actor: Actor) -> list[PoolLeft]:
    """Every pool with numbers left and taken, by courier and shop."""
    require(session, actor, Action.WAYBILL_READ)
    free = func.count(WaybillNumber.id) - func.count(WaybillNumber.order_id)
    rows = session.execute(
        select(
            WaybillNumber.courier_code,
            Shop.id,
            Shop.name,
            free,
            func.count(),
        )
        .join(Shop, Shop.id == WaybillNumber.shop_id)
        .group_by(WaybillNumber.courier_code, Shop.id, Shop.name)
        .order_by(Shop.name, WaybillNumber.courier_code)
    ).all()
    names = {c.code: c.name for c in Couriers(session).all}
    limits = thresholds(session)
    return [
        PoolLeft(
            code,
            names.get(code, code),
            shop_name,
            int(n_free or 0),
            int(total) - int(n_free or 0),
            limits.get(shop_id, DEFAULT_THRESHOLD),
        )
        for code, shop_id, shop_name, n_free, total in rows
    ]


# -- a batch takes numbers --------------------------------------------------------------------
def pooled(session: Session) -> set[tuple[str, int]]:
    """(courier code, shop id) of every pool ever loaded: their orders take pool numbers."""
    rows = session.execute(select(WaybillLoad.courier_code, WaybillLoad.shop_id).distinct())
    return {(code, shop_id) for code, shop_id in rows}


def plan(
    session: Session, needs: dict[tuple[str, int], int]
) -> dict[tuple[str, int], list[tuple[int, str]]]:
    """The next free (id, number) of each pool, as many as ``needs`` says; an exhausted pool
    is refused before anything is drawn or recorded."""
    found: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for (code, shop_id), count in needs.items():
        rows = session.execute(
            select(WaybillNumber.id, WaybillNumber.number)
            .where(
                WaybillNumber.courier_code == code,
                WaybillNumber.shop_id == shop_id,
                WaybillNumber.order_id.is_(None),
            )
            .order_by(WaybillNumber.id)
            .limit(count)
        ).all()
        if len(rows) < count:
            shop = session.get(Shop, shop_id)
            courier = Couriers(session).get(code)
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The {courier} number pool of {shop} has {left} numbers left; this batch "
                    "needs {need}. Nothing was printed or recorded: an administrator loads the "
                    "branch's next numbers (afterdesk waybills load), or print fewer orders.",
                ),
                courier=courier.name,
                shop=shop.name if shop else shop_id,
                left=len(rows),
                need=count,
            )
        found[(code, shop_id)] = [(r[0], r[1]) for r in rows]
    return found


def claim(session: Session, taken: Iterable[tuple[int, int]], now: datetime) -> None:
    """Give each pool number (id) to its order (id), each only if still free; raises
    ``Changed`` (nothing recorded, the batch drawn again) when another PC took one first."""
    pairs = list(taken)
    if not pairs:
        return
    if session.get_bind().dialect.name == "postgresql":
        ids = [p[0] for p in pairs]
        orders = [p[1] for p in pairs]
        done = _rows(
            session.execute(
                text(
                    "UPDATE waybill_numbers SET order_id = t.o, taken_at = :at"
                    " FROM unnest(CAST(:ids AS integer[]), CAST(:orders AS integer[])) AS t (id, o)"
                    " WHERE waybill_numbers.id = t.id AND waybill_numbers.order_id IS NULL"
                ),
                {"ids": ids, "orders": orders, "at": now},
            )
        )
    else:
        # one statement over a JSON array (SQLite's UPDATE … FROM): 10,000 single-row UPDATEs
        # took over a second of the batch's write lock on a loaded machine
        done = _rows(
            session.execute(
                text(
                    "UPDATE waybill_numbers SET order_id = json_extract(t.value, '$[1]'),"
                    " taken_at = :at FROM json_each(:pairs) AS t"
                    " WHERE waybill_numbers.id = json_extract(t.value, '$[0]')"
                    " AND +waybill_numbers.order_id IS NULL"
                ).bindparams(bindparam("at", type_=UTCDateTime())),
                {"pairs": json.dumps(pairs), "at": now},
            )
        )
    if done != len(pairs):
        raise Changed()  # another batch took some of these numbers first: draw again


def _rows(result: Any) -> int:
    """The rows an UPDATE changed (the Result of a Core UPDATE is a CursorResult)."""
    return int(cast(CursorResult[Any], result).rowcount)


def running_low(
    session: Session, planned: dict[tuple[str, int], list[tuple[int, str]]]
) -> list[UserError]:
    """A warning for each pool this batch leaves below its shop's threshold."""
    if not planned:
        return []
    limits = thresholds(session)
    known = Couriers(session)
    found: list[UserError] = []
    for (code, shop_id), numbers in planned.items():
        after = _free(session, code, shop_id) - len(numbers)
        limit = limits.get(shop_id, DEFAULT_THRESHOLD)
        if after < limit:
            shop = session.get(Shop, shop_id)
            found.append(
                UserError(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "The {courier} number pool of {shop} has {left} numbers left after this "
                        "batch (the shop warns below {threshold}): ask the branch for more.",
                    ),
                    courier=known.get(code).name,
                    shop=shop.name if shop else shop_id,
                    left=after,
                    threshold=limit,
                )
            )
    return found
