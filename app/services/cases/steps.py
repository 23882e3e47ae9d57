"""The steps of an after-sales case, each one user action through the one guard.

Return parcel recorded → warehouse sign-off (or, on a recall, the printer's
“原包裹已收到”) → refund or exchange shipped → closed; plus the two exceptions only a
supervisor approves: free return freight on a non-quality case, and shipping an
exchange before the return was signed for.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import (
    CardInParcel,
    Case,
    CaseState,
    CaseType,
    FreightPayer,
    Order,
    RefundMethod,
    SignoffResult,
)
from app.models.errors import InvalidInput, TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.cases import photos as case_photos
from app.services.cases import rules as case_rules
from app.services.cases.checks import (
    check_tracking_free,
    field,
    optional_text,
    parse_money,
    tracking_number,
)
from app.services.cases.opening import (
    get,
    load,
    move,
    record,
    require_evidence,
    touch,
)
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text
from app.services.orders import notes

FREE, EARLY = Action.CASE_APPROVE_FREE_FREIGHT, Action.CASE_APPROVE_EARLY_EXCHANGE
EXCHANGE_NOTE = "换货已发出，单号为：{tracking}"  # the seed's words (docs/domain.md rule 1)


def record_return(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    tracking: str,
    courier: str = "",
    freight_advance: str | Decimal | None = None,
    card: CardInParcel | None = None,
    expected_version: int | None = None,
) -> CaseDetail:
    """The customer sent the goods back and gave the return tracking number."""
    case = load(session, case_no, expected_version=expected_version)
    number = tracking_number(tracking)
    move(session, actor, case, CaseAction.RETURN)
    check_tracking_free(session, number, case)
    case.return_tracking_no = number
    case.return_courier = optional_text(courier, QT_TRANSLATE_NOOP("Field", "Courier"), 40)
    if card is not None:
        case.card_in_parcel = card.value
    if freight_advance is not None:
        advance = parse_money(freight_advance, QT_TRANSLATE_NOOP("Field", "Return freight"))
        if advance and case.freight_payer != FreightPayer.SHOP.value:
            raise TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Not a quality problem: the customer pays the return freight. Free return "
                    "freight needs a supervisor's approval on the case first.",
                )
            )
        case.return_freight = advance
    record(
        session,
        actor,
        "case.return",
        case,
        return_tracking_no=number,
        return_courier=case.return_courier,
        return_freight=str(case.return_freight),
    )
    return get(session, case.case_no)


def approve(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    free_freight: bool = False,
    early_exchange: bool = False,
    reason: str = "",
    expected_version: int | None = None,
) -> CaseDetail:
    """A supervisor's approval of an exception, signed on the case with why (its timeline)."""
    # roles here; the state is checked below with messages that say what is wrong
    wanted = [a for on, a in ((free_freight, FREE), (early_exchange, EARLY)) if on]
    for action in wanted or [FREE]:
        user = require(session, actor, action)
    case = load(session, case_no, expected_version=expected_version)
    if not (free_freight or early_exchange):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Say what is approved: free freight or early exchange.")
        )
    state, kind = CaseState(case.state), CaseType(case.type)
    if state not in case_rules.BEFORE_RECEIPT:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no} is “{state}”: there is nothing left to approve."
            ),
            case_no=case.case_no,
            state=Label(state.label, "CaseState"),
        )
    require_evidence(session, case)
    why = clean_text(reason, field=field(QT_TRANSLATE_NOOP("Field", "Reason")), max_len=300)
    now = db_now(session)
    approved: list[str] = []
    if free_freight:
        if case.quality or kind not in case_rules.GOODS:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Free return freight needs no approval on a quality claim, and applies "
                    "only to returns and exchanges.",
                )
            )
        case.free_freight_by, case.free_freight_at = user.display_name, now
        case.freight_payer = FreightPayer.SHOP.value
        approved.append("free_freight")
    if early_exchange:
        if kind is not CaseType.EXCHANGE:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Case {case_no} is not an exchange."),
                case_no=case.case_no,
            )
        case.early_exchange_by, case.early_exchange_at = user.display_name, now
        approved.append("early_exchange")
    touch(session, case, actor)
    record(session, actor, "case.approve", case, approved=approved, reason=why)
    return get(session, case.case_no)


def signoff(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    result: SignoffResult,
    notes_text: str = "",
    photos: list[case_photos.PreparedPhoto] | None = None,
    expected_version: int | None = None,
) -> CaseDetail:
    """The warehouse inspected the returned goods and signs the register (验货签字)."""
    case = load(session, case_no, expected_version=expected_version)
    move(session, actor, case, CaseAction.SIGNOFF)
    case.signoff_result = result.value
    case.signoff_notes = optional_text(
        notes_text, QT_TRANSLATE_NOOP("Field", "Inspection notes"), 1000, True
    )
    case.signoff_by, case.signoff_at = actor.display_name, case.updated_at
    for photo in photos or []:
        case_photos.attach(session, actor, case, photo, inspection=True)
    record(session, actor, "case.signoff", case, result=result.value, notes=case.signoff_notes)
    return get(session, case.case_no)


def parcel_received(
    session: Session, actor: Actor, case_no: str, *, expected_version: int | None = None
) -> CaseDetail:
    """Recall: the courier handed the parcel back; the printer signs “原包裹已收到”."""
    case = load(session, case_no, expected_version=expected_version)
    move(session, actor, case, CaseAction.RECEIVED)
    case.parcel_back_by, case.parcel_back_at = actor.display_name, case.updated_at
    record(session, actor, "case.parcel_back", case, text="原包裹已收到")
    return get(session, case.case_no)


def _refunded_elsewhere(session: Session, case: Case) -> tuple[Decimal, str | None]:
    """What other cases of the same order have refunded already, and the newest of them."""
    row = session.execute(
        select(func.coalesce(func.sum(Case.refund_amount), 0), func.max(Case.case_no)).where(
            Case.order_id == case.order_id, Case.id != case.id, Case.refund_at.is_not(None)
        )
    ).one()
    return Decimal(row[0] or 0), row[1]  # never None (coalesce): for the type checker


def refund(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    amount: str | Decimal,
    method: RefundMethod,
    reference: str = "",
    expected_version: int | None = None,
) -> CaseDetail:
    """Record the refund, and the return freight the shop reimburses where it pays it."""
    case = load(session, case_no, expected_version=expected_version)
    before = CaseState(case.state)
    move(session, actor, case, CaseAction.REFUND)
    money = parse_money(amount, QT_TRANSLATE_NOOP("Field", "Refund"))
    order = session.get(Order, case.order_id)
    assert order is not None  # only an unannounced case has none, and it cannot refund
    paid = Decimal(order.total)
    earlier, other = _refunded_elsewhere(session, case)
    if earlier and earlier >= paid:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no} was already refunded in full (case {other}): "
                "there is no second refund.",
            ),
            order_no=order.order_no,
            other=other,
        )
    if earlier + money > paid:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "A refund of {amount} is more than the order's payment allows: {paid} paid, "
                "{earlier} refunded already.",
            ),
            amount=f"{money:.2f}",
            paid=f"{paid:.2f}",
            earlier=f"{earlier:.2f}",
        )
    freight = case_rules.freight_due(case.freight_payer, case.return_freight)
    if before is CaseState.EXCHANGE_SHIPPED and money:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The exchange was shipped: only the return freight is reimbursed (amount 0).",
            )
        )
    if not money and not freight:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "A refund needs an amount above 0."))
    case.refund_amount, case.refund_method = money, method.value
    case.refund_reference = optional_text(reference, QT_TRANSLATE_NOOP("Field", "Reference"), 100)
    case.freight_reimbursed = freight
    case.refund_by, case.refund_at = actor.display_name, case.updated_at
    record(
        session,
        actor,
        "case.refund",
        case,
        amount=f"{money:.2f}",
        method=method.value,
        reference=case.refund_reference,
        freight_reimbursed=f"{freight:.2f}",
    )
    return get(session, case.case_no)


def exchange_shipped(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    tracking: str,
    courier: str,
    expected_version: int | None = None,
) -> CaseDetail:
    """The exchange left: its tracking number is recorded and the order gets the seed's note."""
    case = load(session, case_no, expected_version=expected_version)
    number = tracking_number(tracking)
    move(session, actor, case, CaseAction.EXCHANGE_SHIPPED)
    check_tracking_free(session, number, case, exchange=True)
    case.exchange_tracking_no = number
    case.exchange_courier = optional_text(courier, QT_TRANSLATE_NOOP("Field", "Courier"), 40)
    _shipped(session, actor, case)
    return get(session, case.case_no)


def exchange_handed_over(
    session: Session, actor: Actor, case: Case, manifest_no: str, at: datetime
) -> None:
    """The exchange parcel went to the courier on a confirmed hand-over manifest: the same
    step as ``exchange_shipped``, with the number and courier the packing desk recorded,
    taken by the person confirming the manifest (``handover.confirm``: handing a parcel to
    the courier is shipping it, as for orders), at the manifest's recorded time ``at``, as its
    orders are. The state table's guard still applies."""
    case_rules.rule_for(case, CaseAction.EXCHANGE_SHIPPED)
    require(session, actor, Action.HANDOVER_CONFIRM)
    require_evidence(session, case)
    case.state = case_rules.TARGET[CaseAction.EXCHANGE_SHIPPED].value
    touch(session, case, actor)
    case.updated_at = at
    _shipped(session, actor, case, manifest_no=manifest_no)


def _shipped(session: Session, actor: Actor, case: Case, **facts: str) -> None:
    """Stamp the exchange shipped now, write the seed's note on the order, and record the
    step in the case's (and the order's) timeline."""
    number = case.exchange_tracking_no or ""
    case.exchange_by, case.exchange_at = actor.display_name, case.updated_at
    order = session.get(Order, case.order_id)
    assert order is not None
    session.flush()
    notes.add(
        session, actor, order.order_no, EXCHANGE_NOTE.format(tracking=number), kind="case.exchange"
    )
    record(
        session,
        actor,
        "case.exchange_shipped",
        case,
        tracking_no=number,
        courier=case.exchange_courier,
        **facts,
    )


def close(
    session: Session,
    actor: Actor,
    case_no: str,
    *,
    remark: str = "",
    expected_version: int | None = None,
) -> CaseDetail:
    case = load(session, case_no, expected_version=expected_version)
    move(session, actor, case, CaseAction.CLOSE)
    case.closed_by, case.closed_at = actor.display_name, case.updated_at
    record(
        session,
        actor,
        "case.close",
        case,
        remark=optional_text(remark, QT_TRANSLATE_NOOP("Field", "Remark"), 500, True),
    )
    return get(session, case.case_no)
