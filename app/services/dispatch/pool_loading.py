"""Loading a number pool (docs/waybills.md): the numbers a courier's branch issued to a shop,
from its list (CSV, XLSX or text) or a range, all or none (administrators)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Order, Shop, WaybillLoad, WaybillNumber
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import slips as print_slips
from app.services.dispatch.pool_stock import free_count
from app.services.dispatch.waybills import (
    Courier,
    check,
    find_courier,
    normalise,
)
from app.services.imports import cells
from app.services.imports.sources import open_source

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
    left = free_count(session, found.code, the_shop.id)
    return Loaded(found.name, the_shop.name, len(clean), left)
