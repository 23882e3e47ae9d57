"""A small shop whose paid orders went through a real print batch: slips recorded, so the
packing desk can tell printed from stale."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, update

from app.db import Database
from app.models import Order, OrderItem, PrintedSlip, Role, Shop, Stage
from app.services.core import demo
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from tests.conftest import demo_actors


def printed_shop(db: Database, folder: Path, orders: int = 150) -> dict[Role, Actor]:
    """The demo with ``orders`` orders; the paid ones of the first shop printed in one batch
    (the other shops' stay paid, not printed). The oldest printed order's first line is two
    of its SKU (a quantity to count down). Each carries a courier and a waybill number
    (SF + its id), except the newest, whose label will be hand-written."""
    db.write(lambda s: demo.fill(s, orders))

    def prepare(s) -> str:  # type: ignore[no-untyped-def]
        shop = s.execute(select(Shop).order_by(Shop.id)).scalars().first()
        paid = list(
            s.execute(
                select(Order.id)
                .where(Order.stage == Stage.PAID.value, Order.shop_id == shop.id)
                .order_by(Order.id)
            ).scalars()
        )
        s.execute(
            update(OrderItem)
            .where(OrderItem.order_id == paid[0], OrderItem.position == 0)
            .values(quantity=2)
        )
        for oid in paid[:-1]:
            s.execute(
                update(Order)
                .where(Order.id == oid)
                .values(courier="顺丰速运", tracking_no=f"SF{oid:012d}")
            )
        return str(shop.name)

    shop = db.write(prepare)
    staff = demo_actors(db)
    folder.mkdir(exist_ok=True)
    printing.run_batch(db, staff[Role.PRINTER], out=folder / "batch.pdf", cutoff="", shop=shop)
    return staff


def printed_orders(db: Database) -> list[str]:
    """Orders printed in the batch (their slips recorded), oldest first."""
    return db.read(
        lambda s: list(
            s.execute(
                select(Order.order_no)
                .join(PrintedSlip, PrintedSlip.order_id == Order.id)
                .where(Order.stage == Stage.PRINTED.value)
                .order_by(Order.id)
            ).scalars()
        )
    )


def items_of(db: Database, order_no: str) -> list[tuple[str, str, int]]:
    """(SKU, title, quantity) of each item line."""
    return db.read(
        lambda s: [
            (i.sku, i.title, i.quantity)
            for i in s.execute(
                select(OrderItem)
                .join(Order, Order.id == OrderItem.order_id)
                .where(Order.order_no == order_no)
                .order_by(OrderItem.position)
            ).scalars()
        ]
    )


def stage_of(db: Database, order_no: str) -> tuple[str, int, str | None]:
    return db.read(
        lambda s: tuple(
            s.execute(
                select(Order.stage, Order.version, Order.tracking_no).where(
                    Order.order_no == order_no
                )
            ).one()
        )
    )
