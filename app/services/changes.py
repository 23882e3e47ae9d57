"""Pre-sales changes and cancellations, and the printer's request queue (DOMAIN.md rules 2–3).

A request is recorded, confirmed with the customer, then reaches the order printer
(or after-sales, once the parcel has left), who acknowledges it when done. What
happens is decided by the order's stage, from the tables below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db import db_now
from app.models import (
    ChangeRequest,
    Order,
    RequestKind,
    RequestPath,
    RequestState,
    Role,
    Setting,
    SpecialKind,
    Stage,
)
from app.models.errors import InvalidInput, NotFound, TransitionRefused
from app.models.formats import name_key
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services import audit, notes, orders, print_slips, search_index
from app.services.actor import Actor, require
from app.services.change_texts import (
    Address,
    address_note,
    amended_note,
    attribute_note,
    attribute_words,
    cancel_note,
    item_by_sku,
    item_state,
    new_item_state,
    special_note,
    special_text,
)
from app.services.validation import clean_text

ASKERS = (Role.PRESALES, Role.AFTERSALES, Role.SUPERVISOR)
OVERDUE_SETTING = "request_overdue_minutes"
DEFAULT_OVERDUE_MINUTES = 30

# DOMAIN.md rule 2, as data: the stage an order has reached decides the path.
CHANGE_PATHS: dict[Stage, RequestPath] = {
    Stage.PAID: RequestPath.APPLY,
    Stage.PRINTED: RequestPath.AMEND_SLIPS,
    Stage.PACKED: RequestPath.RETRIEVE_PARCEL,
    Stage.SHIPPED: RequestPath.HANDOVER,
    Stage.DELIVERED: RequestPath.HANDOVER,
}
CANCEL_PATHS: dict[Stage, RequestPath] = {
    Stage.PAID: RequestPath.VOID,
    Stage.PRINTED: RequestPath.RETRIEVE_SLIPS_VOID,
    Stage.PACKED: RequestPath.RETRIEVE_PARCEL_VOID,
    Stage.SHIPPED: RequestPath.HANDOVER,
    Stage.DELIVERED: RequestPath.HANDOVER,
}
# paths whose change is made in the system when the customer confirms
APPLIED_ON_CONFIRM = {RequestPath.APPLY, RequestPath.AMEND_SLIPS, RequestPath.RETRIEVE_PARCEL}
VOIDING = {RequestPath.VOID, RequestPath.RETRIEVE_SLIPS_VOID, RequestPath.RETRIEVE_PARCEL_VOID}
# the request's own state table: (from, to) -> who may make the move
REQUEST_MOVES: dict[tuple[RequestState, RequestState], tuple[Role, ...]] = {
    (RequestState.AWAITING_CONFIRMATION, RequestState.OPEN): ASKERS,
    (RequestState.AWAITING_CONFIRMATION, RequestState.HANDED_OVER): ASKERS,
    (RequestState.AWAITING_CONFIRMATION, RequestState.WITHDRAWN): ASKERS,
    (RequestState.OPEN, RequestState.DONE): (Role.PRINTER,),
}
ACTIVE = (RequestState.AWAITING_CONFIRMATION, RequestState.OPEN)


@dataclass(frozen=True)
class RequestView:
    id: int
    order_no: str
    kind: RequestKind
    path: RequestPath
    state: RequestState
    stage_at_request: Stage
    urgent: bool
    summary: str
    payload: dict[str, Any]
    requested_by: str
    requested_at: datetime
    confirmed_by: str | None
    confirmed_at: datetime | None
    done_by: str | None
    done_at: datetime | None
    done_remark: str
    version: int

    def waiting_since(self) -> datetime | None:
        """Since when the printer has had it (confirmation time), if still open."""
        return self.confirmed_at if self.state is RequestState.OPEN else None

    def is_overdue(self, now: datetime, minutes: int) -> bool:
        since = self.waiting_since()
        return since is not None and now - since > timedelta(minutes=minutes)

    def to_json(self) -> dict[str, Any]:
        stamp = lambda t: t.isoformat() if t else None  # noqa: E731
        return {
            "id": self.id,
            "order_no": self.order_no,
            "kind": self.kind.value,
            "path": self.path.value,
            "state": self.state.value,
            "stage_at_request": self.stage_at_request.value,
            "urgent": self.urgent,
            "summary": self.summary,
            "old": self.payload.get("old"),
            "new": self.payload.get("new"),
            "requested_by": self.requested_by,
            "requested_at": stamp(self.requested_at),
            "confirmed_by": self.confirmed_by,
            "confirmed_at": stamp(self.confirmed_at),
            "done_by": self.done_by,
            "done_at": stamp(self.done_at),
            "done_remark": self.done_remark,
        }


def _view(req: ChangeRequest) -> RequestView:
    return RequestView(
        req.id,
        req.order.order_no,
        RequestKind(req.kind),
        RequestPath(req.path),
        RequestState(req.state),
        Stage(req.stage_at_request),
        req.urgent,
        req.summary,
        dict(req.payload),
        req.requested_by_name,
        req.requested_at,
        req.confirmed_by_name,
        req.confirmed_at,
        req.done_by_name,
        req.done_at,
        req.done_remark,
        req.version,
    )


def path_for(kind: RequestKind, stage: Stage, order_no: str) -> RequestPath:
    table = CANCEL_PATHS if kind is RequestKind.CANCEL else CHANGE_PATHS
    path = table.get(stage)
    if path is None:
        if kind is RequestKind.CANCEL and stage is Stage.CANCELLED:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP("UserError", "Order {order_no} is already cancelled."),
                order_no=order_no,
            )
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} is “{stage}”: it can no longer be changed."
            ),
            order_no=order_no,
            stage=Label(stage.label, "Stage"),
        )
    return path


def _audit(session: Session, actor: Actor, action: str, req: ChangeRequest, **extra: Any) -> None:
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=action,
        entity="order",
        entity_key=req.order.order_no,
        after={"request": req.id, "state": req.state, **extra},
    )


def _record(
    session: Session,
    actor: Actor,
    order_no: str,
    kind: RequestKind,
    *,
    expected_version: int | None,
    build: Any,
    urgent: bool,
    confirmed: bool,
) -> RequestView:
    """Shared steps of every request: check, decide the path, store, maybe confirm."""
    user = require(session, actor, *ASKERS)
    order = orders.load_for_change(session, actor, order_no, expected_version)
    path = path_for(kind, Stage(order.stage), order.order_no)
    payload, summary = build(order)
    req = ChangeRequest(
        order=order,
        kind=kind.value,
        path=path.value,
        stage_at_request=order.stage,
        state=RequestState.AWAITING_CONFIRMATION.value,
        urgent=urgent,
        payload=payload,
        summary=summary,
        requested_by_id=user.id,
        requested_by_name=user.display_name,
        requested_at=db_now(session),
        done_remark="",
    )
    session.add(req)
    session.flush()
    _audit(session, actor, "request.record", req, kind=kind.value, path=path.value, **payload)
    if confirmed:
        return _confirm(session, actor, req)
    return _view(req)


def request_address(
    session: Session,
    actor: Actor,
    order_no: str,
    new: Address,
    *,
    expected_version: int | None = None,
    urgent: bool = False,
    confirmed: bool = False,
) -> RequestView:
    cleaned = new.cleaned()

    def build(order: Order) -> tuple[dict[str, Any], str]:
        old = Address.of(order)
        if cleaned == old:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The new address is the same as the old one.")
            )
        return {"old": old.as_dict(), "new": cleaned.as_dict()}, f"{old.line()} → {cleaned.line()}"

    return _record(
        session,
        actor,
        order_no,
        RequestKind.ADDRESS,
        expected_version=expected_version,
        build=build,
        urgent=urgent,
        confirmed=confirmed,
    )


def request_attribute(
    session: Session,
    actor: Actor,
    order_no: str,
    *,
    item_sku: str,
    attributes: dict[str, str],
    new_sku: str | None = None,
    expected_version: int | None = None,
    urgent: bool = False,
    confirmed: bool = False,
) -> RequestView:
    def build(order: Order) -> tuple[dict[str, Any], str]:
        item = item_by_sku(order, item_sku)
        old, new = item_state(item), new_item_state(item, attributes, new_sku)
        before, after = attribute_words(old, new)
        return (
            {"item": item.sku, "title": item.title, "old": old, "new": new},
            f"{item.title}：{before} → {after}",
        )

    return _record(
        session,
        actor,
        order_no,
        RequestKind.ATTRIBUTE,
        expected_version=expected_version,
        build=build,
        urgent=urgent,
        confirmed=confirmed,
    )


def request_special(
    session: Session,
    actor: Actor,
    order_no: str,
    *,
    special: SpecialKind,
    text: str,
    expected_version: int | None = None,
    urgent: bool = False,
    confirmed: bool = False,
) -> RequestView:
    body = special_text(special, text)

    def build(order: Order) -> tuple[dict[str, Any], str]:
        old = (
            order.courier
            if special is SpecialKind.COURIER
            else (order.extras or {}).get(special.value, "")
        )
        if old == body:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The order already says “{text}”."), text=body
            )
        return (
            {"special": special.value, "old": old, "new": body},
            special_note(special, body),
        )

    return _record(
        session,
        actor,
        order_no,
        RequestKind.SPECIAL,
        expected_version=expected_version,
        build=build,
        urgent=urgent,
        confirmed=confirmed,
    )


def request_cancel(
    session: Session,
    actor: Actor,
    order_no: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
    urgent: bool = False,
    confirmed: bool = False,
) -> RequestView:
    why = reason.strip()
    if why:
        why = clean_text(why, field=Label(QT_TRANSLATE_NOOP("Field", "Reason")), max_len=200)

    def build(order: Order) -> tuple[dict[str, Any], str]:
        active = session.execute(
            select(ChangeRequest.id).where(
                ChangeRequest.order_id == order.id,
                ChangeRequest.kind == RequestKind.CANCEL.value,
                ChangeRequest.state.in_([s.value for s in ACTIVE]),
            )
        ).first()
        if active:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError", "Order {order_no} already has a cancellation under way (#{id})."
                ),
                order_no=order.order_no,
                id=active[0],
            )
        return {"old": {"stage": order.stage}, "new": {"stage": "cancelled"}, "reason": why}, (
            cancel_note(why)
        )

    return _record(
        session,
        actor,
        order_no,
        RequestKind.CANCEL,
        expected_version=expected_version,
        build=build,
        urgent=urgent,
        confirmed=confirmed,
    )


def _load(session: Session, request_id: int) -> ChangeRequest:
    req = session.execute(
        select(ChangeRequest)
        .where(ChangeRequest.id == request_id)
        .options(selectinload(ChangeRequest.order))
        .with_for_update()
    ).scalar_one_or_none()
    if req is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no request #{id}."), id=request_id)
    return req


def _move(session: Session, actor: Actor, req: ChangeRequest, to: RequestState) -> None:
    current = RequestState(req.state)
    allowed = REQUEST_MOVES.get((current, to))
    if allowed is None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Request #{id} is “{state}”: it cannot become “{to}”."),
            id=req.id,
            state=Label(current.label, "RequestState"),
            to=Label(to.label, "RequestState"),
        )
    require(session, actor, *allowed)
    req.state = to.value


def allowed_actions(request: RequestView, roles: frozenset[Role]) -> list[RequestState]:
    """Moves this person may make on the request: the views enable buttons from this."""
    return [
        to
        for (frm, to), who in REQUEST_MOVES.items()
        if frm is request.state
        and set(who) & roles
        and (to is not RequestState.OPEN or request.path is not RequestPath.HANDOVER)
        and (to is not RequestState.HANDED_OVER or request.path is RequestPath.HANDOVER)
    ]


def _current(order: Order, req: ChangeRequest) -> Any:
    """The order's value that the request changes, as the request recorded it."""
    payload, kind = req.payload, RequestKind(req.kind)
    if kind is RequestKind.ADDRESS:
        return Address.of(order).as_dict()
    if kind is RequestKind.ATTRIBUTE:
        return item_state(item_by_sku(order, payload["item"]))
    if kind is RequestKind.SPECIAL:
        special = SpecialKind(payload["special"])
        return order.courier if special is SpecialKind.COURIER else (order.extras or {}).get(
            special.value, ""
        )
    return {"stage": order.stage}


def _apply(session: Session, order: Order, req: ChangeRequest) -> None:
    """Make the confirmed change in the order; the old values stay in the request and audit."""
    payload = req.payload
    kind = RequestKind(req.kind)
    if _current(order, req) != payload["old"]:
        # someone changed the same thing since this request was recorded
        raise orders.conflict(session, order)
    if kind is RequestKind.ADDRESS:
        new = Address(**payload["new"])
        new.apply(order)
        order.name_key = name_key(new.name)
        search_index.reindex(session, order.id, order.name_key)
    elif kind is RequestKind.ATTRIBUTE:
        item = item_by_sku(order, payload["item"])
        item.sku = payload["new"]["sku"]
        item.attributes = dict(payload["new"]["attributes"])
    elif kind is RequestKind.SPECIAL:
        special = SpecialKind(payload["special"])
        if special is SpecialKind.COURIER:
            order.courier = payload["new"]
        else:
            order.extras = {**(order.extras or {}), special.value: payload["new"]}


def _request_note(req: ChangeRequest) -> str:
    payload, kind = req.payload, RequestKind(req.kind)
    if kind is RequestKind.ADDRESS:
        return address_note(Address(**payload["new"]))
    if kind is RequestKind.ATTRIBUTE:
        return attribute_note(*attribute_words(payload["old"], payload["new"]))
    return req.summary  # special requests and cancellations are already in the seed's words


def _new_words(req: ChangeRequest) -> str:
    payload, kind = req.payload, RequestKind(req.kind)
    if kind is RequestKind.ADDRESS:
        return f"新地址：{Address(**payload['new']).line()}"
    if kind is RequestKind.ATTRIBUTE:
        return attribute_words(payload["old"], payload["new"])[1]
    return str(payload["new"])


def _confirm(session: Session, actor: Actor, req: ChangeRequest) -> RequestView:
    path = RequestPath(req.path)
    order = req.order
    handover = path is RequestPath.HANDOVER
    _move(session, actor, req, RequestState.HANDED_OVER if handover else RequestState.OPEN)
    req.confirmed_by_name, req.confirmed_at = actor.display_name, db_now(session)
    if path in APPLIED_ON_CONFIRM:
        _apply(session, order, req)
        orders.touch(session, order, actor)
    text = _request_note(req)
    if handover:
        text = f"已发货，转交售后处理：{text}"
    notes.add(session, actor, order.order_no, text, flagged=True, kind=f"request.{req.kind}")
    session.flush()
    _audit(
        session,
        actor,
        "request.confirm",
        req,
        path=path.value,
        new=req.payload.get("new"),
        old=req.payload.get("old"),
    )
    return _view(req)


def confirm(session: Session, actor: Actor, request_id: int) -> RequestView:
    """The customer confirmed: make the change (if the stage allows) and tell the printer."""
    return _confirm(session, actor, _load(session, request_id))


def withdraw(session: Session, actor: Actor, request_id: int) -> RequestView:
    req = _load(session, request_id)
    _move(session, actor, req, RequestState.WITHDRAWN)
    session.flush()
    _audit(session, actor, "request.withdraw", req)
    return _view(req)


def acknowledge(session: Session, actor: Actor, request_id: int, remark: str = "") -> RequestView:
    """The order printer did what the request asked: stamped, noted, and the asker sees it."""
    req = _load(session, request_id)
    _move(session, actor, req, RequestState.DONE)
    path, order = RequestPath(req.path), req.order
    req.done_by_name, req.done_at = actor.display_name, db_now(session)
    req.done_remark = remark.strip()[:500]
    if path in VOIDING:
        before = order.stage
        order.stage = Stage.CANCELLED.value
        orders.touch(session, order, actor)
        audit.record(
            session,
            actor_id=actor.user_id,
            actor_name=actor.display_name,
            action="order.stage",
            entity="order",
            entity_key=order.order_no,
            before={"stage": before},
            after={"stage": Stage.CANCELLED.value},
        )
        text = {
            RequestPath.VOID: "订单已作废",
            RequestPath.RETRIEVE_SLIPS_VOID: "发货单与快递单已取回销毁，订单已作废",
            RequestPath.RETRIEVE_PARCEL_VOID: "包裹已取回，商品已退回库存，订单已作废",
        }[path]
        notes.add(session, actor, order.order_no, text, kind="request.done")
    elif path in (RequestPath.AMEND_SLIPS, RequestPath.RETRIEVE_PARCEL):
        notes.add(
            session, actor, order.order_no, amended_note(_new_words(req)), kind="request.done"
        )
        print_slips.slips_amended(session, order)  # the slips match the order again
    session.flush()
    _audit(session, actor, "request.done", req, remark=req.done_remark)
    return _view(req)


def get(session: Session, request_id: int) -> RequestView:
    req = session.execute(
        select(ChangeRequest)
        .where(ChangeRequest.id == request_id)
        .options(selectinload(ChangeRequest.order))
    ).scalar_one_or_none()
    if req is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no request #{id}."), id=request_id)
    return _view(req)


def queue(
    session: Session,
    *,
    states: tuple[RequestState, ...] = (RequestState.OPEN,),
    asked_by: str | None = None,
    limit: int = 500,
) -> list[RequestView]:
    """Requests in these states, urgent first, then oldest first (the printer's queue)."""
    stmt = (
        select(ChangeRequest)
        .where(ChangeRequest.state.in_([s.value for s in states]))
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.urgent.desc(), ChangeRequest.id)
        .limit(limit)
    )
    if asked_by:
        stmt = stmt.where(ChangeRequest.requested_by_name == asked_by)
    return [_view(r) for r in session.execute(stmt).scalars()]


def recent(session: Session, *, limit: int = 200) -> list[RequestView]:
    stmt = (
        select(ChangeRequest)
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.id.desc())
        .limit(limit)
    )
    return [_view(r) for r in session.execute(stmt).scalars()]


def for_order(session: Session, order_no: str) -> list[RequestView]:
    stmt = (
        select(ChangeRequest)
        .join(Order)
        .where(Order.order_no == (order_no or "").strip())
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.id)
    )
    return [_view(r) for r in session.execute(stmt).scalars()]


def open_for_order_ids(session: Session, order_ids: list[int]) -> dict[int, list[RequestView]]:
    """Open and unconfirmed requests per order: printing checks these first."""
    if not order_ids:
        return {}
    stmt = (
        select(ChangeRequest)
        .where(
            ChangeRequest.order_id.in_(order_ids),
            ChangeRequest.state.in_([s.value for s in ACTIVE]),
        )
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.id)
    )
    found: dict[int, list[RequestView]] = {}
    for req in session.execute(stmt).scalars():
        found.setdefault(req.order_id, []).append(_view(req))
    return found


def overdue_minutes(session: Session) -> int:
    setting = session.get(Setting, OVERDUE_SETTING)
    try:
        return max(1, int(setting.value)) if setting else DEFAULT_OVERDUE_MINUTES
    except ValueError:
        return DEFAULT_OVERDUE_MINUTES


def set_overdue_minutes(session: Session, actor: Actor, minutes: int) -> int:
    require(session, actor, Role.ADMIN, Role.SUPERVISOR)
    if not 1 <= minutes <= 24 * 60:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Give a time between 1 and 1440 minutes.")
        )
    setting = session.get(Setting, OVERDUE_SETTING)
    before = setting.value if setting else str(DEFAULT_OVERDUE_MINUTES)
    if setting is None:
        session.add(Setting(key=OVERDUE_SETTING, value=str(minutes)))
    else:
        setting.value = str(minutes)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="setting",
        entity="setting",
        entity_key=OVERDUE_SETTING,
        before={"value": before},
        after={"value": str(minutes)},
    )
    return minutes
