"""The after-sales case's state machine, as a table, and the one guard every move goes through.

docs/domain.md rules 5 and 6 as data: which move may follow which state, for which kinds of
case and by whom. Anything not in the table is refused with a message that says why.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.models import Case, CaseState, CaseType, FreightPayer
from app.models.errors import TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label

GOODS = frozenset({CaseType.RETURN, CaseType.EXCHANGE})  # goods come back and are inspected
# What a new case of each type records besides its reason: a return parcel only when the
# customer sends goods back (a recall's parcel is the courier's own), an item wanted only on
# an exchange, a quality claim only about goods the customer has (rule 6).
OPENING_PARTS: dict[CaseType, frozenset[str]] = {
    CaseType.RETURN: frozenset({"quality", "parcel"}),
    CaseType.EXCHANGE: frozenset({"quality", "parcel", "wants"}),
    CaseType.REFUND_ONLY: frozenset({"quality"}),
    CaseType.RECALL: frozenset(),
    CaseType.COMPLAINT: frozenset(),
}
ALL_TYPES = frozenset(CaseType)
# states in which the customer's claim is still being worked on before anything was done
BEFORE_RECEIPT = frozenset({CaseState.OPEN, CaseState.RETURN_SENT})


class CaseAction(enum.StrEnum):
    """What a person can do to a case: the views make one button of each."""

    LINK = "link"  # an unannounced parcel: after-sales finds its order
    RETURN = "return"  # the customer sent the goods back
    SIGNOFF = "signoff"  # the warehouse inspected and signed
    RECEIVED = "received"  # recall: the printer signs 原包裹已收到
    REFUND = "refund"
    EXCHANGE_SHIPPED = "exchange_shipped"
    CLOSE = "close"
    # not moves: exceptions a supervisor approves, and evidence anyone on the case adds
    APPROVE_FREE_FREIGHT = "approve_free_freight"
    APPROVE_EARLY_EXCHANGE = "approve_early_exchange"
    PHOTO = "photo"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    CaseAction.LINK: QT_TRANSLATE_NOOP("CaseAction", "Link to an order"),
    CaseAction.RETURN: QT_TRANSLATE_NOOP("CaseAction", "Record the return parcel"),
    CaseAction.SIGNOFF: QT_TRANSLATE_NOOP("CaseAction", "Inspect and sign for the goods"),
    CaseAction.RECEIVED: QT_TRANSLATE_NOOP("CaseAction", "Sign “original parcel received”"),
    CaseAction.REFUND: QT_TRANSLATE_NOOP("CaseAction", "Record the refund"),
    CaseAction.EXCHANGE_SHIPPED: QT_TRANSLATE_NOOP("CaseAction", "Record the exchange shipped"),
    CaseAction.CLOSE: QT_TRANSLATE_NOOP("CaseAction", "Close the case"),
    CaseAction.APPROVE_FREE_FREIGHT: QT_TRANSLATE_NOOP("CaseAction", "Approve free return freight"),
    CaseAction.APPROVE_EARLY_EXCHANGE: QT_TRANSLATE_NOOP(
        "CaseAction", "Approve shipping the exchange before the return arrives"
    ),
    CaseAction.PHOTO: QT_TRANSLATE_NOOP("CaseAction", "Add photos"),
}

TARGET: dict[CaseAction, CaseState] = {
    CaseAction.LINK: CaseState.OPEN,
    CaseAction.RETURN: CaseState.RETURN_SENT,
    CaseAction.SIGNOFF: CaseState.RECEIVED,
    CaseAction.RECEIVED: CaseState.PARCEL_BACK,
    CaseAction.REFUND: CaseState.REFUNDED,
    CaseAction.EXCHANGE_SHIPPED: CaseState.EXCHANGE_SHIPPED,
    CaseAction.CLOSE: CaseState.CLOSED,
}


@dataclass(frozen=True)
class Rule:
    types: frozenset[CaseType]
    needs_early_exchange: bool = False  # a supervisor approved it on the case


S = CaseState
T = CaseType
# (from, to) -> on which kinds of case the move exists; who may make it is the capability
# table's answer for the move's action (core/capabilities.py).
MOVES: dict[tuple[CaseState, CaseState], Rule] = {
    (S.UNANNOUNCED, S.OPEN): Rule(GOODS),
    (S.OPEN, S.RETURN_SENT): Rule(GOODS),
    (S.OPEN, S.RECEIVED): Rule(GOODS),
    (S.RETURN_SENT, S.RECEIVED): Rule(GOODS),
    (S.OPEN, S.PARCEL_BACK): Rule(frozenset({T.RECALL})),
    # money back only once the goods are signed for (or none are expected: refund only)
    (S.RECEIVED, S.REFUNDED): Rule(GOODS),
    (S.PARCEL_BACK, S.REFUNDED): Rule(frozenset({T.RECALL})),
    (S.OPEN, S.REFUNDED): Rule(frozenset({T.REFUND_ONLY})),
    # an exchange case reimburses the advanced return freight after the exchange left
    (S.EXCHANGE_SHIPPED, S.REFUNDED): Rule(frozenset({T.EXCHANGE})),
    (S.RECEIVED, S.EXCHANGE_SHIPPED): Rule(frozenset({T.EXCHANGE})),
    (S.OPEN, S.EXCHANGE_SHIPPED): Rule(frozenset({T.EXCHANGE}), True),
    (S.RETURN_SENT, S.EXCHANGE_SHIPPED): Rule(frozenset({T.EXCHANGE}), True),
    (S.OPEN, S.CLOSED): Rule(ALL_TYPES),  # complaint settled, customer gave up
    (S.RECEIVED, S.CLOSED): Rule(GOODS),
    (S.PARCEL_BACK, S.CLOSED): Rule(frozenset({T.RECALL})),
    (S.REFUNDED, S.CLOSED): Rule(ALL_TYPES),
    (S.EXCHANGE_SHIPPED, S.CLOSED): Rule(frozenset({T.EXCHANGE})),
}


def freight_due(payer: str | FreightPayer, advance: Decimal) -> Decimal:
    """The return freight the customer advanced, reimbursed only where the shop pays it."""
    return advance if FreightPayer(payer) is FreightPayer.SHOP else Decimal(0)


def _state_label(state: CaseState) -> Label:
    return Label(state.label, "CaseState")


def _refused(case: Case | Any, action: CaseAction) -> TransitionRefused:
    """The clearest message for a move the table does not hold."""
    state, kind = CaseState(case.state), CaseType(case.type)
    if action is CaseAction.REFUND and case.refund_at is not None:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Case {case_no} was already refunded ({amount}, by {name}): "
                "there is no second refund.",
            ),
            case_no=case.case_no,
            amount=case.refund_amount,
            name=case.refund_by,
        )
    if action is CaseAction.REFUND and kind in GOODS and state in BEFORE_RECEIPT:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No refund before the warehouse has inspected the returned goods and signed "
                "for them (case {case_no}).",
            ),
            case_no=case.case_no,
        )
    if action is CaseAction.REFUND and kind is CaseType.RECALL and state is CaseState.OPEN:
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No refund before the order printer has signed “original parcel received” "
                "(case {case_no}).",
            ),
            case_no=case.case_no,
        )
    if (
        action is CaseAction.EXCHANGE_SHIPPED
        and kind is CaseType.EXCHANGE
        and (state in BEFORE_RECEIPT)
    ):
        return TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError",
                "No exchange is shipped before the warehouse has signed for the return, "
                "unless a supervisor approves it on case {case_no}.",
            ),
            case_no=case.case_no,
        )
    rule = MOVES.get((state, TARGET[action]))
    if rule is not None and kind not in rule.types:
        return TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "“{action}” does not apply to a {type} case."),
            action=Label(action.label, "CaseAction"),
            type=Label(kind.label, "CaseType"),
        )
    return TransitionRefused(
        QT_TRANSLATE_NOOP(
            "UserError", "Case {case_no} is “{state}”: “{action}” is not possible now."
        ),
        case_no=case.case_no,
        state=_state_label(state),
        action=Label(action.label, "CaseAction"),
    )


def slip_printable(state: CaseState) -> bool:
    """The two-copy recall slip goes with the courier while the parcel is still out."""
    return state is CaseState.OPEN


def rule_for(case: Case | Any, action: CaseAction) -> Rule:
    """The table's rule for this move, or a refusal saying why there is none."""
    rule = MOVES.get((CaseState(case.state), TARGET[action]))
    if rule is None or CaseType(case.type) not in rule.types:
        raise _refused(case, action)
    if rule.needs_early_exchange and case.early_exchange_at is None:
        raise _refused(case, action)
    return rule


def evidence_missing(case: Case | Any, photo_count: int) -> bool:
    """A quality claim needs the defect's place, and photos unless it cannot be photographed."""
    if not case.quality:
        return False
    return not case.defect_location or (photo_count == 0 and not case.no_photo_possible)


def evidence_refusal(case: Case | Any) -> TransitionRefused:
    return TransitionRefused(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Case {case_no} is a quality claim: first add at least one photo and where the "
            "defect is, or record that the defect cannot be photographed (lining, insole).",
        ),
        case_no=case.case_no,
    )
