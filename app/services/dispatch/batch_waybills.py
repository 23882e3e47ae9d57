"""The waybill numbers of a print batch (issue 11; docs/waybills.md).

Each order of a batch either has its courier and waybill number, takes the next free number
of its shop's pool for its courier (``pool_numbers``), or lacks them. A shipping label is never
printed without both by accident: an order that lacks them prints a packing label instead,
marked as not a shipping label (``WithoutWaybill.PACKING``), or is held back
(``WithoutWaybill.HOLD``); asked (``WithoutWaybill.ASK``, what the Printing page and
``afterdesk print batch`` do first), the batch refuses with how many lack them
(``WaybillsMissing``) so the person chooses. ``lacking`` counts them beforehand for the dialog.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Order
from app.models.errors import InvalidInput, UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import label_tool, pools
from app.services.dispatch import senders as shop_senders
from app.services.dispatch.waiting import request_checks, waiting_query
from app.services.dispatch.waybills import Couriers

SHOWN = 5  # orders named in a message


class WithoutWaybill(enum.StrEnum):
    """What a batch does with orders lacking a courier or a waybill number."""

    ASK = "ask"  # refuse, saying how many: the person chooses one of the others
    PACKING = "packing"  # print a packing label, marked as not a shipping label
    HOLD = "hold"  # leave them waiting, held back with the reason

    @classmethod
    def parse(cls, text: str | WithoutWaybill | None) -> WithoutWaybill:
        return cls(text) if text else cls.ASK


class WaybillsMissing(InvalidInput):
    """Orders of the batch have no courier or no waybill number; ``count`` says how many."""

    code = "waybills_missing"


def _order_list(order_nos: Sequence[str]) -> str:
    return ", ".join(order_nos[:SHOWN]) + (" …" if len(order_nos) > SHOWN else "")


def pool_numbers(
    session: Session, printable: list[Order], couriers: dict[int, str], warnings: list[UserError]
) -> dict[str, tuple[int, str]]:
    """Order number → (pool number id, number): the next free number for each order without
    one whose shop has a pool of its courier. An exhausted pool refuses the batch here, in
    the read, before anything is drawn or recorded; a pool left low adds a warning."""
    loaded = pools.pooled(session)
    if not loaded:
        return {}
    known = Couriers(session)
    wanting: dict[tuple[str, int], list[str]] = {}
    for order in printable:
        if order.tracking_no:
            continue
        found = known.find(order.courier or couriers.get(order.shop_id, ""))
        if found is not None and (found.code, order.shop_id) in loaded:
            wanting.setdefault((found.code, order.shop_id), []).append(order.order_no)
    planned = pools.plan(session, {pool: len(nos) for pool, nos in wanting.items()})
    warnings.extend(pools.running_low(session, planned))
    return {
        order_no: number
        for pool, order_nos in wanting.items()
        for order_no, number in zip(order_nos, planned[pool], strict=True)
    }


def _lacks(courier: str, tracking_no: str | None, shop_id: int, couriers: dict[int, str]) -> bool:
    return not (courier or couriers.get(shop_id, "")) or not tracking_no


def sort_out(
    printable: list[Order],
    couriers: dict[int, str],
    numbers: dict[str, tuple[int, str]],
    choice: WithoutWaybill,
    held: list[tuple[str, UserError]],
    warnings: list[UserError],
    tool: set[int] | frozenset[int] = frozenset(),
) -> tuple[list[Order], set[str]]:
    """(the orders to print, those of them printing a packing label) as ``choice`` says.
    Orders of the shops in ``tool`` (their e-waybill tool prints the labels) lack nothing."""
    lacking = [
        o.order_no
        for o in printable
        if o.order_no not in numbers
        and o.shop_id not in tool
        and _lacks(o.courier, o.tracking_no, o.shop_id, couriers)
    ]
    if not lacking:
        return printable, set()
    if choice is WithoutWaybill.ASK:
        raise WaybillsMissing(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{count} orders of this batch have no courier or no waybill number ({orders}): "
                "print packing labels for them instead (marked as not a shipping label) or hold "
                "them back. Nothing was printed.",
            ),
            count=len(lacking),
            orders=_order_list(lacking),
        )
    if choice is WithoutWaybill.HOLD:
        out = set(lacking)
        for order_no in lacking:
            held.append(
                (
                    order_no,
                    UserError(
                        QT_TRANSLATE_NOOP(
                            "UserError",
                            "Order {order_no} has no courier or no waybill number: held back "
                            "(load the pool, import the numbers, or type its number in).",
                        ),
                        order_no=order_no,
                    ),
                )
            )
        return [o for o in printable if o.order_no not in out], set()
    warnings.append(
        UserError(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{count} orders have no courier or no waybill number and print packing labels, "
                "not shipping labels: {orders}.",
            ),
            count=len(lacking),
            orders=_order_list(lacking),
        )
    )
    return printable, set(lacking)


def lacking(
    session: Session,
    actor: Actor,
    *,
    shop: str | None = None,
    courier: str | None = None,
    cutoff: str | None = None,
) -> int:
    """How many orders a batch with these filters would print without a courier or waybill
    number (a pool number counts as a number): the Printing page asks before printing."""
    require(session, actor, Action.PRINT_BATCH)
    rows = session.execute(waiting_query(session, shop, courier, cutoff)).all()
    checks = request_checks(session, [r[0] for r in rows])
    ids = [r[0] for r in rows if not checks.get(r[0], ([], []))[0]]
    couriers = shop_senders.default_couriers(session)
    tool = label_tool.shop_ids(session)
    loaded = pools.pooled(session)
    known = Couriers(session) if loaded else None
    count = 0
    for start in range(0, len(ids), 1000):
        found = session.execute(
            select(Order.shop_id, Order.courier, Order.tracking_no).where(
                Order.id.in_(ids[start : start + 1000])
            )
        ).all()
        for shop_id, by, number in found:
            if shop_id in tool or not _lacks(by, number, shop_id, couriers):
                continue
            pool = known.find(by or couriers.get(shop_id, "")) if known else None
            if pool is None or (pool.code, shop_id) not in loaded:
                count += 1
    return count
