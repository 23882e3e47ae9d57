"""What waits to print, and what holds an order back (docs/domain.md rules 3 and 4).

Open requests (rule 3) decide what may print, per kind:

* a cancellation, awaiting confirmation or open: **refused** (the order is being voided);
* any change still awaiting the customer's confirmation: **refused** (once confirmed, the
  change would be applied to an order whose slips already went out with the old data);
* a confirmed change that is open with the printer (path "apply"): **printed, with a
  warning** — the change is already in the order, so the slips show it; the printer marks
  the request done afterwards.

And the order itself (issue 10, docs/imports.md): an order **awaiting payment** is listed but
held back until an import says it is paid; an order whose recipient the platform **masked or
encrypted** is held back, since its label would carry a hidden address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    Order,
    PrintBatch,
    PrintBatchOrder,
    RequestKind,
    RequestState,
    Sensitivity,
    Shop,
    Stage,
)
from app.models.errors import Conflict, TransitionRefused, UserError
from app.models.formats import local, short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.changes import requests as changes
from app.services.dispatch import slips as print_slips


@dataclass(frozen=True)
class Waiting:
    """An order waiting to print, with what holds it back (refusals) or needs care."""

    id: int
    order_no: str
    shop: str
    courier: str
    paid_at: datetime
    recipient: str
    holds: tuple[UserError, ...] = ()
    warnings: tuple[UserError, ...] = ()


AWAITING_PAYMENT_HOLD = QT_TRANSLATE_NOOP(
    "UserError",
    "Order {order_no} is awaiting payment: it prints once an import from the platform says "
    "it is paid.",
)
NOT_REAL_ADDRESS_HOLD = QT_TRANSLATE_NOOP(
    "UserError",
    "Order {order_no}: the recipient's details are “{how}”, so a label printed here would "
    "not reach them. Print its label in the platform's own shipping tool, or ask the buyer "
    "for the address and change it here (an address change makes it printable).",
)


def order_checks(session: Session, ids: list[int]) -> dict[int, list[UserError]]:
    """What holds an order back by itself: unpaid, or an address the platform hid (issue 10)."""
    out: dict[int, list[UserError]] = {}
    if not ids:
        return out
    rows = session.execute(
        select(Order.id, Order.order_no, Order.stage, Order.sensitivity).where(
            Order.id.in_(ids),
            (Order.stage == Stage.AWAITING_PAYMENT.value)
            | (Order.sensitivity != Sensitivity.CLEAR.value),
        )
    ).all()
    for id_, order_no, stage, sensitivity in rows:
        holds = out.setdefault(id_, [])
        if stage == Stage.AWAITING_PAYMENT.value:
            holds.append(TransitionRefused(AWAITING_PAYMENT_HOLD, order_no=order_no))
        if sensitivity != Sensitivity.CLEAR.value:
            how = Label(Sensitivity(sensitivity).label, "Sensitivity")
            holds.append(TransitionRefused(NOT_REAL_ADDRESS_HOLD, order_no=order_no, how=how))
    return out


def request_checks(
    session: Session, ids: list[int]
) -> dict[int, tuple[list[UserError], list[UserError]]]:
    """Refusals and warnings from the order itself and its open requests, per order (see
    the module docstring)."""
    out: dict[int, tuple[list[UserError], list[UserError]]] = {
        id_: (holds, []) for id_, holds in order_checks(session, ids).items()
    }
    for order_id, reqs in changes.open_for_order_ids(session, ids).items():
        holds, warns = out.setdefault(order_id, ([], []))
        for r in reqs:
            if r.kind is RequestKind.CANCEL:
                holds.append(
                    TransitionRefused(
                        QT_TRANSLATE_NOOP(
                            "UserError", "Order {order_no}: a cancellation is under way (#{id})."
                        ),
                        order_no=r.order_no,
                        id=r.id,
                    )
                )
            elif r.state is RequestState.AWAITING_CONFIRMATION:
                holds.append(
                    TransitionRefused(
                        QT_TRANSLATE_NOOP(
                            "UserError",
                            "Order {order_no}: change #{id} waits for the customer's confirmation.",
                        ),
                        order_no=r.order_no,
                        id=r.id,
                    )
                )
            else:
                warns.append(
                    UserError(
                        QT_TRANSLATE_NOOP(
                            "UserError",
                            "Order {order_no}: request #{id} is open; the slips already show the "
                            "change. Mark it done after printing.",
                        ),
                        order_no=r.order_no,
                        id=r.id,
                    )
                )
    return out


def _cutoff_instant(session: Session, cutoff: str | None) -> datetime | None:
    """Today's cut-off in the shop's time zone; orders paid later wait for tomorrow."""
    if cutoff == "":
        return None
    hhmm = print_slips.parse_cutoff(cutoff) if cutoff else print_slips.cutoff(session)
    hour, minute = (int(p) for p in hhmm.split(":"))
    today = local(db_now(session))
    return today.replace(hour=hour, minute=minute, second=0, microsecond=0)


def waiting_query(
    session: Session, shop: str | None, courier: str | None, cutoff: str | None
) -> Select:
    stmt = (
        select(
            Order.id, Order.order_no, Shop.name, Order.courier, Order.paid_at, Order.recipient_name
        )
        .join(Shop, Shop.id == Order.shop_id)
        # awaiting payment shows too, held back with its reason (order_checks)
        .where(Order.stage.in_([Stage.PAID.value, Stage.AWAITING_PAYMENT.value]))
        .order_by(Order.paid_at, Order.id)
    )
    if shop:
        stmt = stmt.where(Shop.id == print_slips.shop_by_name(session, shop).id)
    if courier:
        stmt = stmt.where(Order.courier == courier.strip())
    instant = _cutoff_instant(session, cutoff)
    if instant is not None:
        stmt = stmt.where(Order.paid_at <= instant)
    return stmt


def waiting(
    session: Session,
    *,
    shop: str | None = None,
    courier: str | None = None,
    cutoff: str | None = None,
    limit: int = 5000,
) -> list[Waiting]:
    """Paid orders not yet printed, oldest payment first; ``cutoff=""`` means no cut-off."""
    rows = session.execute(waiting_query(session, shop, courier, cutoff).limit(limit)).all()
    checks = request_checks(session, [r[0] for r in rows])
    return [
        Waiting(id_, order_no, shop_name, by, paid_at, recipient, tuple(held), tuple(warned))
        for id_, order_no, shop_name, by, paid_at, recipient in rows
        for held, warned in [checks.get(id_, ([], []))]
    ]


def drawing_notes(texts: tuple[str, ...]) -> tuple[UserError, ...]:
    """What drawing the slips found (a character the font lacks, named by its code point), as
    messages shown beside the request warnings, in the same way."""
    return tuple(UserError(QT_TRANSLATE_NOOP("UserError", "{text}"), text=t) for t in texts)


def refuse_if_taken(session: Session, order_nos: tuple[str, ...]) -> None:
    """Another PC's batch took the orders while this one was drawn: name it."""
    row = session.execute(
        select(PrintBatch.batch_no, PrintBatch.printed_by_name, PrintBatch.printed_at)
        .join(PrintBatchOrder, PrintBatchOrder.batch_id == PrintBatch.id)
        .join(Order, Order.id == PrintBatchOrder.order_id)
        .where(Order.order_no.in_(order_nos))
        .order_by(PrintBatch.id.desc())
        .limit(1)
    ).first()
    if row is not None:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No order can be printed now: batch {batch_no}, printed by {name} at {time} "
                "while this one was drawn, took them. Nothing was recorded.",
            ),
            batch_no=row[0],
            name=row[1],
            time=short_time(row[2]),
        )
