"""The courier's hand-over list (交接清单, docs/shipments.md) and its refusals, shared by
scanning (``handover_scan``) and confirming (``handover_manifest``): a parcel of another
courier, scanned twice or handed over, an order not fit to go (not packed, cancelled, a
change under way, changed after packing), an exchange not fit to go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
    ChangeRequest,
    Handover,
    HandoverParcel,
    Order,
    RequestKind,
    Shop,
    Stage,
    User,
)
from app.models.errors import InvalidInput, TransitionRefused, UserError
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.cases import rules as case_rules
from app.services.cases.rules import CaseAction
from app.services.changes.rules import ACTIVE
from app.services.core.validation import clean_text

if TYPE_CHECKING:
    from app.services.shipping.handover_couriers import ListCourier

COURIER = Label(QT_TRANSLATE_NOOP("Field", "Courier"))
WAYBILL = Label(QT_TRANSLATE_NOOP("Field", "Waybill number"))
SHIPPED_ALREADY = (Stage.SHIPPED, Stage.DELIVERED, Stage.CLOSED)


@dataclass(frozen=True)
class Parcel:
    """One order in a hand-over list (a parcel carrying two orders is two rows), or an
    exchange parcel: then ``case_no`` is its case and ``order_no`` the original order."""

    tracking_no: str
    order_no: str
    shop: str
    scanned_at: datetime
    case_no: str = ""


@dataclass(frozen=True)
class HandoverList:
    courier: str
    parcels: tuple[Parcel, ...]  # in scanning order
    version: int  # 0: no list open

    @property
    def count(self) -> int:
        """Parcels: distinct waybill numbers."""
        return len({p.tracking_no for p in self.parcels})


def clean_courier(courier: str) -> str:
    return clean_text(courier, field=COURIER, max_len=40)


def clean_waybill(number: str) -> str:
    return clean_text(number, field=WAYBILL, max_len=40)


def open_list(session: Session, courier: str, *, lock: bool = False) -> Handover | None:
    stmt = select(Handover).where(Handover.open_courier == courier)
    if lock:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalar_one_or_none()


def holder(session: Session, number: str) -> tuple[Handover, HandoverParcel] | None:
    row = session.execute(
        select(Handover, HandoverParcel)
        .join(HandoverParcel, HandoverParcel.handover_id == Handover.id)
        .where(HandoverParcel.tracking_no == number)
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def already(held: tuple[Handover, HandoverParcel], courier: str, number: str) -> UserError:
    handover, parcel = held
    if handover.manifest_no is not None:
        return InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Waybill {number} was handed over already, on manifest {manifest} at {time}.",
            ),
            number=number,
            manifest=handover.manifest_no,
            time=short_time(handover.confirmed_at),
        )
    if handover.courier == courier:
        return InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Waybill {number} was scanned twice: it is in the list already (scanned at "
                "{time}). Count it once.",
            ),
            number=number,
            time=short_time(parcel.scanned_at),
        )
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError", "Waybill {number} is in the hand-over list of {other} already."
        ),
        number=number,
        other=handover.courier,
    )


def under_way() -> ColumnElement[bool]:
    """A change request still under way: it stops its order's parcel."""
    return ChangeRequest.state.in_([s.value for s in ACTIVE])


def active_requests(session: Session, ids: list[int]) -> dict[int, ChangeRequest]:
    """Each order's newest change or cancellation still under way (one query for many)."""
    found: dict[int, ChangeRequest] = {}
    for start in range(0, len(ids), 1000):
        rows = session.execute(
            select(ChangeRequest)
            .where(ChangeRequest.order_id.in_(ids[start : start + 1000]), under_way())
            .order_by(ChangeRequest.id)
        ).scalars()
        found.update((r.order_id, r) for r in rows)
    return found


def order_problem(
    session: Session,
    order: Order,
    courier: ListCourier,
    number: str,
    request: ChangeRequest | None,
) -> UserError | None:
    """Why this parcel may not go to the courier now; None if it may. ``request``: the
    order's change or cancellation under way, if any."""
    if not courier.carries(order.courier):
        return other_courier(number, order.courier, courier.name)
    stage = Stage(order.stage)
    if stage is Stage.CANCELLED:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) was cancelled: keep the parcel back and "
                "return the goods to stock.",
            ),
            order_no=order.order_no,
            number=number,
        )
    if stage in SHIPPED_ALREADY:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} (waybill {number}) is shipped already."
            ),
            order_no=order.order_no,
            number=number,
        )
    if stage is not Stage.PACKED:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) is “{stage}”, not packed: it goes through "
                "the packing desk first.",
            ),
            order_no=order.order_no,
            number=number,
            stage=Label(stage.label, "Stage"),
        )
    if request is not None:
        cancel = request.kind == RequestKind.CANCEL.value
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) has a cancellation under way, asked by "
                "{name}: keep the parcel back and ask them.",
            )
            if cancel
            else QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) has a change under way, asked by {name}: "
                "keep the parcel back; it is reprinted and packed again.",
            ),
            order_no=order.order_no,
            number=number,
            name=request.requested_by_name,
        )
    if order.packed_at is not None and order.updated_at > order.packed_at:
        who = session.get(User, order.updated_by_id) if order.updated_by_id else None
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} (waybill {number}) was changed after it was packed ({time}, "
                "{name}): the parcel may not match it. Retrieve it; the printer reprints and "
                "it is packed again.",
            ),
            order_no=order.order_no,
            number=number,
            time=short_time(order.updated_at),
            name=who.display_name if who else "—",
        )
    return None


def other_courier(number: str, other: str, courier: str) -> UserError:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Waybill {number} belongs to {other}, not {courier}: this parcel goes with "
            "{other}'s hand-over.",
        ),
        number=number,
        other=other or "—",
        courier=courier,
    )


def exchange_problem(case: Case, courier: ListCourier, number: str) -> UserError | None:
    """Why this exchange parcel may not go to the courier now; None if it may."""
    if not courier.carries(case.exchange_courier):
        return other_courier(number, case.exchange_courier, courier.name)
    if case.exchange_at is not None:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The exchange of case {case_no} (waybill {number}) is shipped already ({time}).",
            ),
            case_no=case.case_no,
            number=number,
            time=short_time(case.exchange_at),
        )
    if case.exchange_packed_at is None:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The exchange of case {case_no} (waybill {number}) is not packed: it goes "
                "through the packing desk first.",
            ),
            case_no=case.case_no,
            number=number,
        )
    try:  # closed, or no longer an exchange to send: the case's own state table says why
        case_rules.rule_for(case, CaseAction.EXCHANGE_SHIPPED)
    except UserError as refused:
        return refused
    return None


def parcel_rows(*columns: Any) -> Select[Any]:
    """``columns`` of a list's rows joined to their order and shop; an exchange's row reaches
    the original order through its case. Starts from the list's rows, so reading a list
    costs the same at 10,000 orders as at a million (one index probe per row)."""
    return (
        select(*columns)
        .select_from(HandoverParcel)
        .outerjoin(Case, Case.id == HandoverParcel.case_id)
        .join(Order, Order.id == func.coalesce(HandoverParcel.order_id, Case.order_id))
        .join(Shop, Shop.id == Order.shop_id)
    )


def list_parcels(
    session: Session, handover_id: int, number: str | None = None
) -> tuple[Parcel, ...]:
    """The list's rows (only those of ``number``, if given); an exchange's row names the
    original order through its case."""
    stmt = (
        parcel_rows(
            HandoverParcel.tracking_no,
            Order.order_no,
            Shop.name,
            HandoverParcel.scanned_at,
            func.coalesce(Case.case_no, ""),
        )
        .where(HandoverParcel.handover_id == handover_id)
        .order_by(HandoverParcel.id)
    )
    if number is not None:
        stmt = stmt.where(HandoverParcel.tracking_no == number)
    return tuple(Parcel(*r) for r in session.execute(stmt))
