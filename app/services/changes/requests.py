"""Pre-sales changes and cancellations, and the printer's request queue (docs/domain.md rules 2–3).

A request is recorded, confirmed with the customer, then reaches the order printer
(or after-sales, once the parcel has left), who acknowledges it when done. What
happens is decided by the order's stage, from the tables below.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    SpecialKind,
    Stage,
)
from app.models.errors import InvalidInput, NotFound, TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.changes import skus
from app.services.changes.apply import apply_to_order, new_words, request_note, special_value
from app.services.changes.queries import (  # the one front door: changes.queue(), …
    DEFAULT_OVERDUE_MINUTES,
    OVERDUE_SETTING,
    RequestView,
    for_order,
    get,
    open_for_order_ids,
    overdue_minutes,
    queue,
    read_for_order,
    recent,
    requests_of,
    set_overdue_minutes,
    view_of,
)
from app.services.changes.rules import (
    ACTIVE,
    APPLIED_ON_CONFIRM,
    CANCEL_PATHS,
    CHANGE_PATHS,
    REQUEST_MOVES,
    VOIDING,
    path_for,
    refusal,
)
from app.services.changes.texts import (
    Address,
    address_parts,
    amended_note,
    attribute_words,
    cancel_note,
    item_by_sku,
    item_state,
    merged_attributes,
    new_item_state,
    special_note,
    special_text,
)
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text, record_id
from app.services.dispatch import slips as print_slips
from app.services.orders import editing, moves, notes

# the capability each kind of request needs (who: core/capabilities.py)
CHANGE_ACTIONS = {
    RequestKind.ADDRESS: Action.CHANGE_ADDRESS,
    RequestKind.ATTRIBUTE: Action.CHANGE_ATTRIBUTE,
    RequestKind.SPECIAL: Action.CHANGE_SPECIAL,
    RequestKind.CANCEL: Action.CHANGE_CANCEL,
}

__all__ = [
    "ACTIVE",
    "CANCEL_PATHS",
    "CHANGE_ACTIONS",
    "CHANGE_PATHS",
    "DEFAULT_OVERDUE_MINUTES",
    "OVERDUE_SETTING",
    "REQUEST_MOVES",
    "RequestView",
    "acknowledge",
    "confirm",
    "for_order",
    "get",
    "open_for_order_ids",
    "overdue_minutes",
    "path_for",
    "queue",
    "read_for_order",
    "recent",
    "request_address",
    "request_attribute",
    "request_cancel",
    "request_special",
    "requests_of",
    "set_overdue_minutes",
    "withdraw",
]


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
    user = require(session, actor, CHANGE_ACTIONS[kind])
    order = editing.load_for_change(session, actor, order_no, expected_version)
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
    return view_of(req)


def request_address(
    session: Session,
    actor: Actor,
    order_no: str,
    new: Address | Mapping[str, str],
    *,
    expected_version: int | None = None,
    urgent: bool = False,
    confirmed: bool = False,
) -> RequestView:
    """A whole address, or parts (``{"phone": …}``) merged inside the write: none goes stale."""
    parts = {} if isinstance(new, Address) else address_parts(new)

    def build(order: Order) -> tuple[dict[str, Any], str]:
        old = Address.of(order)
        whole = new if isinstance(new, Address) else Address(**{**old.as_dict(), **parts})
        cleaned = whole.cleaned()
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
    """Other attributes for an item, with the shop's SKU of them (changes/skus.py): the
    catalogue's one, or ``new_sku`` given by the person (then added to the catalogue)."""

    def build(order: Order) -> tuple[dict[str, Any], str]:
        item = item_by_sku(order, item_sku)
        merged = merged_attributes(item, attributes)
        sku, fresh = skus.choose(session, order.shop_id, item, merged, new_sku)
        old, new = item_state(item), new_item_state(item, merged, sku)
        if fresh:  # typed by a person: the catalogue knows it from now on
            skus.remember(session, order.shop_id, sku, item.title, merged)
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
        old = special_value(order, special)
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
    record_id(request_id, Label(QT_TRANSLATE_NOOP("Field", "Request")))
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
    problem = refusal(req, to)  # the state first: a done request says so to anyone
    if problem is not None:
        raise problem
    require(session, actor, Action(REQUEST_MOVES[(RequestState(req.state), to)]), req)
    req.state = to.value


def _confirm(session: Session, actor: Actor, req: ChangeRequest) -> RequestView:
    path = RequestPath(req.path)
    order = req.order
    handover = path is RequestPath.HANDOVER
    _move(session, actor, req, RequestState.HANDED_OVER if handover else RequestState.OPEN)
    req.confirmed_by_name, req.confirmed_at = actor.display_name, db_now(session)
    if path in APPLIED_ON_CONFIRM:
        apply_to_order(session, order, req)
        editing.touch(session, order, actor)
    text = request_note(req)
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
    return view_of(req)


def confirm(session: Session, actor: Actor, request_id: int) -> RequestView:
    """The customer confirmed: make the change (if the stage allows) and tell the printer."""
    return _confirm(session, actor, _load(session, request_id))


def withdraw(session: Session, actor: Actor, request_id: int) -> RequestView:
    req = _load(session, request_id)
    _move(session, actor, req, RequestState.WITHDRAWN)
    session.flush()
    _audit(session, actor, "request.withdraw", req)
    return view_of(req)


def acknowledge(session: Session, actor: Actor, request_id: int, remark: str = "") -> RequestView:
    """The order printer did what the request asked: stamped, noted, and the asker sees it."""
    req = _load(session, request_id)
    _move(session, actor, req, RequestState.DONE)
    path, order = RequestPath(req.path), req.order
    req.done_by_name, req.done_at = actor.display_name, db_now(session)
    req.done_remark = remark.strip()[:500]
    if path in VOIDING:
        moves.move_stage(session, actor, order, Stage.CANCELLED)
        text = {
            RequestPath.VOID: "订单已作废",
            RequestPath.RETRIEVE_SLIPS_VOID: "发货单与快递单已取回销毁，订单已作废",
            RequestPath.RETRIEVE_PARCEL_VOID: "包裹已取回，商品已退回库存，订单已作废",
        }[path]
        notes.add(session, actor, order.order_no, text, kind="request.done")
    elif path in (RequestPath.AMEND_SLIPS, RequestPath.RETRIEVE_PARCEL):
        notes.add(session, actor, order.order_no, amended_note(new_words(req)), kind="request.done")
        print_slips.slips_amended(session, order)  # the slips match the order again
    session.flush()
    _audit(session, actor, "request.done", req, remark=req.done_remark)
    return view_of(req)
