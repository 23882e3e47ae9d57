"""The order's stage moves: by hand, by an import as the platform reported, and by a batch.

Every move goes through the stage table (``stages.py``); this module is its guard, so a
stage is never written anywhere else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, text, update
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Order, Stage
from app.models.errors import TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit, capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import OrderDetail, order_detail
from app.services.orders.editing import load_for_change
from app.services.orders.stages import PLATFORM_MOVES, STAGE_MOVES, StageMove, moves_from


def allowed_moves(order: OrderDetail, actor: Actor) -> list[Stage]:
    """Stages this person may move the order to by hand: the views enable buttons from this."""
    return [
        to
        for to, step in moves_from(Stage(order.stage))
        if step.by_hand and capabilities.may(Action(step.action), actor, order)
    ]


def move_stage(
    session: Session, actor: Actor, order: Order, to: Stage, *, by_hand: bool = False
) -> Stage:
    """The one guard of the order's stage: the move must be in the table (and, ``by_hand``,
    one a person makes with ``orders stage``), for this person; it stamps and audits."""
    current = Stage(order.stage)
    step = STAGE_MOVES.get((current, to))
    if step is None or (by_hand and not step.by_hand):
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "An order cannot go from “{frm}” to “{to}”."),
            frm=Label(current.label, "Stage"),
            to=Label(to.label, "Stage"),
        )
    require(session, actor, Action(step.action), order)
    order.stage = to.value
    for column, value in step.stamps(actor.user_id, db_now(session)).items():
        setattr(order, column, value)
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="order.stage",
        entity="order",
        entity_key=order.order_no,
        before={"stage": current.value},
        after={"stage": to.value},
    )
    return current


def platform_move(session: Session, actor: Actor, order: Order, to: Stage, now: datetime) -> None:
    """The guard of a move an import makes as the platform reported it (``PLATFORM_MOVES``):
    stamped like every move. The import required the move's capability once for its chunk
    (one transaction), and its own entry for the order audits the move with the file."""
    current = Stage(order.stage)
    step = PLATFORM_MOVES.get((current, to))
    if step is None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "An order cannot go from “{frm}” to “{to}”."),
            frm=Label(current.label, "Stage"),
            to=Label(to.label, "Stage"),
        )
    order.stage = to.value
    for column, value in step.stamps(actor.user_id, now).items():
        setattr(order, column, value)


def bulk_move(session: Session, actor: Actor, frm: Stage, to: Stage) -> StageMove:
    """A move made on many orders in one UPDATE (a batch): checked here, stamped by the caller
    from the returned table entry, guarded in the UPDATE by ``frm``."""
    step = STAGE_MOVES[(frm, to)]
    require(session, actor, Action(step.action))
    return step


@dataclass(frozen=True)
class Fill:
    """What a batch writes on an order along with its stage move, in the move's own UPDATE:
    each row is rewritten once (on PostgreSQL every further UPDATE of 10,000 orders cost
    0.5–1 s of the write that holds every other PC's)."""

    courier: str = ""  # set where the order has none: the courier its label was printed with
    tracking_no: str | None = None  # a waybill number taken from a pool …
    waybill_source: str | None = None  # … and where it came from


def move_many(
    session: Session,
    actor: Actor,
    ids: list[int],
    frm: Stage,
    to: Stage,
    now: datetime,
    fills: Mapping[int, Fill] | None = None,
) -> int:
    """``bulk_move`` made: one UPDATE per thousand orders, each guarded by ``frm`` and
    stamped; the number moved (fewer than ``ids``: some left ``frm`` meanwhile). The orders
    in ``fills`` get their courier and waybill number in the same UPDATE."""
    step = bulk_move(session, actor, frm, to)
    stamps = step.stamps(actor.user_id, now)
    fills = fills or {}
    plain = [oid for oid in ids if oid not in fills]
    moved = 0
    for start in range(0, len(plain), 1000):
        result = session.execute(
            update(Order)
            .where(Order.id.in_(plain[start : start + 1000]), Order.stage == frm.value)
            .values(stage=to.value, version=Order.version + 1, **stamps)
            .execution_options(synchronize_session=False)
        )
        moved += cast(CursorResult[Any], result).rowcount
    filled = [(oid, fills[oid]) for oid in ids if oid in fills]
    if filled:
        moved += _move_filled(session, filled, frm, to, stamps)
    return moved


def _move_filled(
    session: Session, filled: list[tuple[int, Fill]], frm: Stage, to: Stage, stamps: dict
) -> int:
    """One ``UPDATE … FROM`` a table of (id, courier, number, source): PostgreSQL's unnest of
    arrays, SQLite's json_each of one JSON array."""
    columns = Order.__table__.c
    sets = ", ".join(f"{name} = :s_{name}" for name in stamps)
    params: dict[str, Any] = {f"s_{name}": value for name, value in stamps.items()}
    params |= {"to": to.value, "frm": frm.value}
    typed = [bindparam(f"s_{name}", type_=columns[name].type) for name in stamps]
    if session.get_bind().dialect.name == "postgresql":
        source = (
            "unnest(CAST(:ids AS integer[]), CAST(:couriers AS varchar[]),"
            " CAST(:numbers AS varchar[]), CAST(:sources AS varchar[])) AS t (id, c, n, s)"
        )
        params |= {
            "ids": [oid for oid, _ in filled],
            "couriers": [f.courier for _, f in filled],
            "numbers": [f.tracking_no for _, f in filled],
            "sources": [f.waybill_source for _, f in filled],
        }
        row: tuple[str, ...] = ("t.id", "t.c", "t.n", "t.s")
    else:
        source = "json_each(:rows) AS t"
        params["rows"] = json.dumps(
            [[oid, f.courier, f.tracking_no, f.waybill_source] for oid, f in filled]
        )
        row = tuple(f"json_extract(t.value, '$[{k}]')" for k in range(4))
    oid, courier, number, origin = row
    statement = text(
        f"UPDATE orders SET stage = :to, version = orders.version + 1, {sets},"
        f" courier = CASE WHEN orders.courier = '' THEN {courier} ELSE orders.courier END,"
        f" tracking_no = COALESCE({number}, orders.tracking_no),"
        f" waybill_source = CASE WHEN {number} IS NULL THEN orders.waybill_source"
        f" ELSE {origin} END"
        f" FROM {source} WHERE orders.id = {oid} AND orders.stage = :frm"
    ).bindparams(*typed)
    return int(cast(CursorResult[Any], session.execute(statement, params)).rowcount)


def move(
    session: Session, actor: Actor, order_no: str, to: Stage, *, expected_version: int | None
) -> OrderDetail:
    order = load_for_change(session, actor, order_no, expected_version)
    move_stage(session, actor, order, to, by_hand=True)
    return order_detail(order)
