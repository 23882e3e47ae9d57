"""The kinds of work AfterDesk knows from its own state tables (docs/supervision.md).

Each source selects ``ref_id, key, open_key, title, shop_id, start, due, owner_id`` (see
deadlines.py). A case's work belongs to the after-sales person who handles it (who opened
it, or who linked a parcel the warehouse registered unannounced: cases/owner.py) until the
supervisor reassigns it; a parcel nobody announced, a printer's request and the day's
printing belong to the role's pool.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from typing import cast as typed

from sqlalchemy import ColumnElement, Integer, Select, and_, cast, exists, func, null, or_, select
from sqlalchemy import String as SqlString
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.expression import Subquery

from app.models import (
    Case,
    CaseState,
    CaseType,
    ChangeRequest,
    MadeToOrder,
    Order,
    RequestState,
    Role,
    Stage,
)
from app.models.base import UTCDateTime
from app.models.task_enums import DeadlineFrom
from app.services.cases.owner import case_owner
from app.services.changes.queries import DEFAULT_OVERDUE_MINUTES, OVERDUE_SETTING
from app.services.dispatch.slips import CUTOFF_SETTING, cutoff_of
from app.services.supervision.deadline_settings import settings
from app.services.supervision.deadlines import (
    ByCutoff,
    KindSpec,
    TaskKind,
    Within,
    late_filter,
    register,
)

# typed NULLs: PostgreSQL takes an untyped NULL in a subquery for text
NO_OWNER = cast(null(), Integer)
NO_DUE = cast(null(), UTCDateTime())
WARNING_SETTING = "platform_refund_warning_hours"
DEFAULT_WARNING = timedelta(hours=24)


Col = ColumnElement[Any] | QueryableAttribute[Any]


def _case_columns(start: Col, *, due: Col | None = None, pooled: bool = False) -> Select[Any]:
    return typed(
        "Select[Any]",
        select(
            Case.id.label("ref_id"),
            Case.case_no.label("key"),
            Case.case_no.label("open_key"),
            func.coalesce(Order.order_no, Case.return_tracking_no, "").label("title"),
            Order.shop_id.label("shop_id"),
            start.label("start"),
            (due if due is not None else NO_DUE).label("due"),
            (NO_OWNER if pooled else case_owner()).label("owner_id"),
        ).outerjoin(Order, Order.id == Case.order_id),
    )


def refund_waiting(_session: Session) -> Select[Any]:
    """Signed for by the warehouse (or, on a recall, the printer's 原包裹已收到), or a
    refund-only case: after-sales refunds before the platform does it by itself."""
    start = func.coalesce(Case.signoff_at, Case.parcel_back_at, Case.opened_at)
    return _case_columns(start).where(
        or_(
            and_(Case.state == CaseState.RECEIVED.value, Case.type == CaseType.RETURN.value),
            Case.state == CaseState.PARCEL_BACK.value,
            and_(Case.state == CaseState.OPEN.value, Case.type == CaseType.REFUND_ONLY.value),
        )
    )


REFUND_TYPES = [CaseType.RETURN.value, CaseType.RECALL.value, CaseType.REFUND_ONLY.value]
REFUND_PENDING = [s.value for s in CaseState if s not in (CaseState.REFUNDED, CaseState.CLOSED)]


def refund_cases(_session: Session) -> Select[Any]:
    """Every case that ends in a refund, open or done, with the platform's deadline (entered
    on the case, else the shop's default counted from the case's opening): the score sheet
    judges the done ones against the same deadline."""
    return _case_columns(Case.opened_at, due=Case.platform_deadline).where(
        Case.type.in_(REFUND_TYPES)
    )


def platform_refund(_session: Session) -> Select[Any]:
    """Cases with a refund still to make, due by the platform's deadline (as ``refund_cases``).
    The type through an expression: SQLite (no statistics on a shop's cases, which grow one by
    one) would otherwise read every refund case ever by type, not the few open ones by state."""
    return _case_columns(Case.opened_at, due=Case.platform_deadline).where(
        Case.type.concat("").in_(REFUND_TYPES), Case.state.in_(REFUND_PENDING)
    )


def warning(session: Session) -> timedelta:
    value = settings(session).get(WARNING_SETTING)
    try:
        return timedelta(hours=float(value)) if value else DEFAULT_WARNING
    except ValueError:
        return DEFAULT_WARNING


def near(session: Session, spec: KindSpec, sub: Subquery, now: datetime) -> ColumnElement[bool]:
    """Due within the warning time (24 h unless set): the deadline is near, or passed."""
    return late_filter(session, spec, sub, now + warning(session))


def unannounced(_session: Session) -> Select[Any]:
    return _case_columns(Case.opened_at, pooled=True).where(
        Case.state == CaseState.UNANNOUNCED.value
    )


# the exchange's stamp, else the case's last change (a case carried over without stamps)
EXCHANGED = func.coalesce(Case.exchange_at, Case.updated_at)


def exchange_not_told(_session: Session) -> Select[Any]:
    return _case_columns(EXCHANGED).where(
        Case.state == CaseState.EXCHANGE_SHIPPED.value,
        Case.type == CaseType.EXCHANGE.value,
        Case.customer_told_at.is_(None),
    )


def exchange_not_received(_session: Session) -> Select[Any]:
    return _case_columns(EXCHANGED).where(
        Case.state == CaseState.EXCHANGE_SHIPPED.value,
        Case.type == CaseType.EXCHANGE.value,
        Case.customer_received_at.is_(None),
    )


def _request_columns(start: Col, owner: Col) -> Select[Any]:
    return typed(
        "Select[Any]",
        select(
            ChangeRequest.id.label("ref_id"),
            cast(ChangeRequest.id, SqlString).label("key"),
            Order.order_no.label("open_key"),
            ChangeRequest.summary.label("title"),
            Order.shop_id.label("shop_id"),
            start.label("start"),
            NO_DUE.label("due"),
            owner.label("owner_id"),
        ).join(Order, Order.id == ChangeRequest.order_id),
    )


def printer_request(_session: Session) -> Select[Any]:
    """With the printer since the customer confirmed, not yet acknowledged (rule 3). Its button
    opens the request (in the printer's queue); a scan of its order finds it."""
    since = func.coalesce(ChangeRequest.confirmed_at, ChangeRequest.requested_at)
    return _request_columns(since, NO_OWNER).where(ChangeRequest.state == RequestState.OPEN.value)


def change_unconfirmed(_session: Session) -> Select[Any]:
    """Recorded, the customer has not confirmed: the asker follows it up."""
    return _request_columns(ChangeRequest.requested_at, ChangeRequest.requested_by_id).where(
        ChangeRequest.state == RequestState.AWAITING_CONFIRMATION.value
    )


def _order_columns() -> Select[Any]:
    return typed(
        "Select[Any]",
        select(
            Order.id.label("ref_id"),
            Order.order_no.label("key"),
            Order.order_no.label("open_key"),
            Order.recipient_name.label("title"),
            Order.shop_id.label("shop_id"),
            Order.paid_at.label("start"),
            NO_DUE.label("due"),
            NO_OWNER.label("owner_id"),
        ),
    )


def _made_to_order() -> ColumnElement[bool]:
    return exists().where(MadeToOrder.order_id == Order.id)


def not_printed(_session: Session) -> Select[Any]:
    """Paid and not printed: the same-day promise for what was paid before the cut-off."""
    return _order_columns().where(
        Order.stage == Stage.PAID.value, Order.paid_at.is_not(None), ~_made_to_order()
    )


def made_to_order(_session: Session) -> Select[Any]:
    """Made-to-order goods not shipped 48 h after payment (rule 4). Read from the made-to-order
    marks (few) into the orders, never through every paid, printed or packed order."""
    stages = [Stage.PAID.value, Stage.PRINTED.value, Stage.PACKED.value]
    return _order_columns().where(
        Order.id.in_(select(MadeToOrder.order_id)),
        Order.stage.in_(stages),
        Order.paid_at.is_not(None),
    )


def _cutoff(session: Session) -> str:
    """The dispatch cut-off from the settings read once (each row's deadline asks for it)."""
    return cutoff_of(settings(session).get(CUTOFF_SETTING))


def _request_minutes(session: Session) -> timedelta:
    """The printer queue's own setting (changes/queries.py), read with the others."""
    try:
        minutes = max(1, int(settings(session)[OVERDUE_SETTING]))
    except (KeyError, ValueError):
        minutes = DEFAULT_OVERDUE_MINUTES
    return timedelta(minutes=minutes)


K = TaskKind
for spec in (
    KindSpec(K.REFUND_WAITING, Role.AFTERSALES, "case", refund_waiting,
             Within(K.REFUND_WAITING, timedelta(hours=24))),
    KindSpec(K.PLATFORM_REFUND, Role.AFTERSALES, "case", platform_refund,
             Within(K.PLATFORM_REFUND, timedelta(hours=72), on_the_clock=True), visible=near),
    KindSpec(K.PRINTER_REQUEST, Role.PRINTER, "request", printer_request,
             Within(K.PRINTER_REQUEST, timedelta(minutes=30), True, _request_minutes),
             pooled=True),
    KindSpec(K.CHANGE_UNCONFIRMED, Role.PRESALES, "order", change_unconfirmed,
             Within(K.CHANGE_UNCONFIRMED, timedelta(hours=4))),
    KindSpec(K.NOT_PRINTED, Role.PRINTER, "order", not_printed, ByCutoff(_cutoff),
             pooled=True, few=False, deadline_from=DeadlineFrom.CUTOFF),
    KindSpec(K.MADE_TO_ORDER, Role.PRINTER, "order", made_to_order,
             Within(K.MADE_TO_ORDER, timedelta(hours=48), on_the_clock=True), pooled=True),
    KindSpec(K.UNANNOUNCED, Role.AFTERSALES, "case", unannounced,
             Within(K.UNANNOUNCED, timedelta(hours=24)), pooled=True),
    KindSpec(K.EXCHANGE_NOT_TOLD, Role.AFTERSALES, "case", exchange_not_told,
             Within(K.EXCHANGE_NOT_TOLD, timedelta(hours=2))),
    KindSpec(K.EXCHANGE_NOT_RECEIVED, Role.AFTERSALES, "case", exchange_not_received,
             Within(K.EXCHANGE_NOT_RECEIVED, timedelta(days=5), on_the_clock=True)),
):  # fmt: skip
    register(spec)
