"""Packed parcels for the hand-over and export tests (packed through the stage guard)."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models import Order, Stage
from app.services.core.actor import Actor
from app.services.orders import moves


def pack(db: Database, warehouse: Actor, order_nos: list[str]) -> None:
    """The packing desk's move, as a person makes it: printed → packed, stamped."""

    def move(session) -> None:  # type: ignore[no-untyped-def]
        for no in order_nos:
            moves.move(session, warehouse, no, Stage.PACKED, expected_version=None)

    db.write(move)


def printed(db: Database, courier: str, n: int, *, skip: int = 0) -> list[tuple[str, str]]:
    """(order no., waybill no.) of printed orders of this courier, oldest first."""
    rows = db.read(
        lambda s: s.execute(
            select(Order.order_no, Order.tracking_no)
            .where(Order.stage == Stage.PRINTED.value, Order.courier == courier)
            .order_by(Order.id)
            .offset(skip)
            .limit(n)
        ).all()
    )
    return [(no, str(t)) for no, t in rows]


def packed_parcels(db: Database, warehouse: Actor, courier: str, n: int) -> list[tuple[str, str]]:
    """n printed orders of ``courier`` packed now: (order no., waybill no.)."""
    found = printed(db, courier, n)
    assert len(found) == n, f"the demo has fewer than {n} printed {courier} orders"
    pack(db, warehouse, [no for no, _ in found])
    return found
