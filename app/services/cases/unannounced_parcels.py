"""Return parcels nobody announced: the warehouse registers one as it arrives, and after-sales
links it to its order once they find whose it is, so it joins the normal case path."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from app.db import db_now
from app.models import CardInParcel, Case, CaseState, CaseType, FreightPayer
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases.checks import check_tracking_free, optional_text, tracking_number
from app.services.cases.opening import (
    check_stage,
    find_order,
    get,
    load,
    move,
    next_case_no,
    record,
)
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action


def register_unannounced(
    session: Session,
    actor: Actor,
    *,
    tracking: str,
    courier: str = "",
    order_no: str | None = None,
    remark: str = "",
    card: CardInParcel = CardInParcel.NO,
) -> CaseDetail:
    """A parcel came back that nobody registered (no card): after-sales follows it up.

    ``card``: the warehouse may find a card in a parcel nobody announced; what it says
    goes in ``remark``.
    """
    user = require(session, actor, Action.CASE_UNANNOUNCED)
    number = tracking_number(tracking)
    check_tracking_free(session, number, None)
    order = find_order(session, order_no) if order_no else None
    now = db_now(session)
    case = Case(
        case_no=next_case_no(session),
        order_id=order.id if order else None,
        type=CaseType.RETURN.value,
        state=CaseState.UNANNOUNCED.value,
        reason=optional_text(remark, QT_TRANSLATE_NOOP("Field", "Remark"), 500, True),
        return_courier=optional_text(courier, QT_TRANSLATE_NOOP("Field", "Courier"), 40),
        return_tracking_no=number,
        card_in_parcel=CardInParcel(card).value,
        unannounced=True,
        freight_payer=FreightPayer.CUSTOMER.value,
        return_freight=Decimal(0),
        freight_reimbursed=Decimal(0),
        opened_by_id=user.id,
        opened_by=user.display_name,
        opened_at=now,
        updated_by=user.display_name,
        updated_at=now,
    )
    session.add(case)
    record(session, actor, "case.unannounced", case, return_tracking_no=number)
    return get(session, case.case_no)


def link(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    order_no: str,
    kind: CaseType,
    reason: str = "",
    expected_version: int | None = None,
) -> CaseDetail:
    """After-sales found whose unannounced parcel it is: the case joins the normal path."""
    case = load(session, case_no, expected_version=expected_version)
    order = find_order(session, order_no)
    check_stage(order, kind)
    case.type = kind.value  # the table checks the type the case is becoming
    move(session, actor, case, CaseAction.LINK)
    case.order_id = order.id
    # the case is after-sales' from now on (its tasks, its score); opened_by stays the warehouse
    case.handled_by_id = actor.user_id
    if reason:
        case.reason = optional_text(reason, QT_TRANSLATE_NOOP("Field", "Reason"), 500, True)
    record(
        session,
        actor,
        "case.link",
        case,
        order_no=order.order_no,
        type=kind.value,
        handled_by=actor.display_name,
    )
    return get(session, case.case_no)
