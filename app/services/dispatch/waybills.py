"""Waybill numbers (运单号): the couriers' number patterns, and one order's number typed or
scanned (issue 11, docs/waybills.md).

A shop gets its numbers three ways, all ending in ``orders.courier`` and ``orders.tracking_no``
(which the packing desk, the hand-over and the shipment exports read):

- from a number pool its courier's branch issued (``pools``: loaded by an administrator,
  taken by a print batch in the transaction that records it);
- from an e-waybill tool's export (菜鸟, 拼多多, 抖店, 快递100; ``waybill_import``), whose
  tool prints the shipping label itself: the batch then prints the dispatch note only;
- typed or scanned for one order (``assign_waybill``), e.g. a hand-written waybill at the
  packing desk.

Every number is checked against its courier's pattern (``check``), kept as rows an
administrator edits (``save_courier``): a number that does not fit is refused naming the
pattern and an example.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import CourierPattern, Order
from app.models.errors import InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import OrderDetail, order_detail
from app.services.core.validation import clean_text
from app.services.dispatch import slips as print_slips
from app.services.orders import editing


class WaybillSource(enum.StrEnum):
    """Where an order's waybill number came from (``orders.waybill_source``)."""

    POOL = "pool"  # a pool's number, taken by the print batch: AfterDesk prints the label
    TOOL = "tool"  # an e-waybill tool's export: that tool printed the label
    TYPED = "typed"  # typed or scanned for the order (a hand-written waybill)


@dataclass(frozen=True)
class Courier:
    """A courier as the services hand it out (no live ORM row)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    pattern: str
    example: str
    ranges: bool

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "aliases": list(self.aliases),
            "pattern": self.pattern,
            "example": self.example,
            "ranges": self.ranges,
        }


def _key(text: str) -> str:
    """A courier's name as compared: width, case and spaces do not count."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).casefold()


def normalise(number: str) -> str:
    """A number as couriers print it: full-width folded, no spaces, capitals (a scanner or a
    Chinese input method may type ｓｆ１２３…)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", number or "")).upper()


def _view(row: CourierPattern) -> Courier:
    return Courier(
        row.code, row.name, tuple(row.aliases or ()), row.pattern, row.example, row.ranges
    )


def couriers(session: Session) -> list[Courier]:
    """Every courier AfterDesk knows, by code."""
    rows = session.execute(select(CourierPattern).order_by(CourierPattern.code)).scalars()
    return [_view(r) for r in rows]


class Couriers:
    """The couriers read once, found by code, name or alias (a batch asks thousands of times)."""

    def __init__(self, session: Session) -> None:
        self.all = couriers(session)
        self._by_key: dict[str, Courier] = {}
        for c in self.all:
            for name in (c.code, c.name, *c.aliases):
                self._by_key.setdefault(_key(name), c)

    def find(self, text: str) -> Courier | None:
        return self._by_key.get(_key(text)) if text else None

    def get(self, text: str) -> Courier:
        found = self.find(text)
        if found is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "No courier “{courier}” is known (known: {known}). An administrator adds "
                    "it with “afterdesk waybills courier CODE --name … --pattern …”.",
                ),
                courier=text,
                known=", ".join(c.code for c in self.all),
            )
        return found


def find_courier(session: Session, text: str) -> Courier:
    """The courier named by its code (SF), name (顺丰速运) or an alias (顺丰); refused if none."""
    return Couriers(session).get(text)


def check(courier: Courier, number: str) -> str:
    """The number, normalised, if it fits the courier's pattern; else refused naming it."""
    clean = normalise(number)
    if not clean or not re.fullmatch(courier.pattern, clean):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{number}” is not a {courier} waybill number: {courier} numbers match the "
                "pattern {pattern} (for example {example}).",
            ),
            number=number,
            courier=courier.name,
            pattern=courier.pattern,
            example=courier.example or "—",
        )
    return clean


def _pattern(text: str) -> str:
    pattern = (text or "").strip()
    try:
        re.compile(pattern)
    except re.error as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "“{pattern}” is not a valid pattern (regular expression): {why}."
            ),
            pattern=pattern,
            why=str(error),
        ) from None
    if not pattern or re.fullmatch(pattern, ""):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The pattern “{pattern}” would accept an empty number."),
            pattern=pattern,
        )
    return pattern


def save_courier(
    session: Session,
    actor: Actor,
    code: str,
    *,
    name: str | None = None,
    pattern: str | None = None,
    example: str | None = None,
    aliases: Sequence[str] | None = None,
    ranges: bool | None = None,
) -> Courier:
    """Add a courier or change one (administrators); None leaves a value as it is.

    A new courier needs a name and a pattern; the example, when there is one, must fit the
    pattern, so a typo in a pattern is caught before it refuses the branch's real numbers.
    """
    require(session, actor, Action.WAYBILL_ADMIN)
    code = clean_text(code, field=Label(QT_TRANSLATE_NOOP("Field", "Code")), max_len=16).upper()
    row = session.get(CourierPattern, code)
    before = _view(row).to_json() if row else None
    if row is None:
        if not name or not pattern:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "A new courier {code} needs a name and a pattern (--name, --pattern).",
                ),
                code=code,
            )
        row = CourierPattern(code=code, aliases=[], example="", ranges=False)
        session.add(row)
    if name is not None:
        row.name = clean_text(name, field=Label(QT_TRANSLATE_NOOP("Field", "Name")), max_len=40)
    if pattern is not None:
        row.pattern = _pattern(pattern)
    if example is not None:
        row.example = normalise(example)
    if aliases is not None:
        row.aliases = [a.strip() for a in aliases if a.strip()]
    if ranges is not None:
        row.ranges = ranges
    if row.example:
        check(_view(row), row.example)
    taken = {
        _key(n): c.code
        for c in couriers(session)
        if c.code != code
        for n in (c.code, c.name, *c.aliases)
    }
    for spelling in (row.name, *row.aliases):
        if _key(spelling) in taken:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "“{name}” already names the courier {other}."),
                name=spelling,
                other=taken[_key(spelling)],
            )
    row.updated_by_name = actor.display_name
    row.updated_at = db_now(session)
    after = _view(row).to_json()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="waybill.courier",
        entity="courier",
        entity_key=code,
        before=before,
        after=after,
    )
    return _view(row)


def assign_waybill(
    session: Session,
    actor: Actor,
    order_no: str,
    courier: str,
    number: str,
    *,
    source: WaybillSource = WaybillSource.TYPED,
) -> OrderDetail:
    """Give one order its courier and waybill number, typed or scanned (the printer or the
    warehouse; the packing desk calls this). The caller owns the transaction.

    ``courier`` is a code, name or alias (``find_courier``); the number must fit the
    courier's pattern, and may not be another order's or a pool's number for another order.
    Returns the order as it is now; audited as ``order.tracking``.
    """
    require(session, actor, Action.ORDER_TRACKING)
    found = find_courier(session, courier)
    clean = check(found, number)
    order = editing.load_for_change(session, actor, order_no, None)
    refuse_taken(session, order, clean)
    before = {"courier": order.courier, "tracking_no": order.tracking_no}
    had_number = bool(order.tracking_no)
    order.courier, order.tracking_no, order.waybill_source = found.name, clean, source.value
    editing.touch(session, order, actor)
    session.flush()
    if not had_number:
        # printed without a number (a packing label): the waybill stuck on now completes
        # the parcel's papers, so its slips are not out of date for the packing desk
        print_slips.slips_amended(session, order)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="order.tracking",
        entity="order",
        entity_key=order.order_no,
        before=before,
        after={"courier": found.name, "tracking_no": clean, "source": source.value},
    )
    return order_detail(order)


def refuse_taken(session: Session, order: Order | None, number: str) -> None:
    """Refuse a waybill number another order already has (any order, for ``None``: an
    exchange parcel's number is no order's)."""
    stmt = select(Order.order_no).where(Order.tracking_no == number)
    if order is not None:
        stmt = stmt.where(Order.id != order.id)
    other = session.execute(stmt.limit(1)).scalar_one_or_none()
    if other is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The waybill number {number} is already order {other}'s."
            ),
            number=number,
            other=other,
        )
