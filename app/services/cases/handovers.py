"""Orders handed to after-sales (docs/domain.md rule 2: shipped, changed or cancelled).

Two ways in: pre-sales hands over a change to a shipped order, and the order printer voids
a cancelled order (rule 2: the printer voids, after-sales refunds), which hands it over by
itself, so the refund never depends on someone remembering.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, selectinload

from app.models import Case, CaseType, ChangeRequest, RequestKind, RequestState
from app.services.changes.queries import RequestView, view_of
from app.services.changes.rules import VOIDING


def waiting() -> ColumnElement[bool]:
    """The requests after-sales must take up with a case (not yet taken: see ``handed_over``)."""
    voided = and_(
        ChangeRequest.state == RequestState.DONE.value,
        ChangeRequest.path.in_([p.value for p in VOIDING]),
    )
    return or_(ChangeRequest.state == RequestState.HANDED_OVER.value, voided)


def _untaken() -> ColumnElement[bool]:
    taken = select(Case.change_request_id).where(Case.change_request_id.is_not(None))
    return ChangeRequest.id.not_in(taken)


def handed_over(session: Session) -> list[RequestView]:
    """Orders handed to after-sales that no case has taken up yet, urgent first."""
    stmt = (
        select(ChangeRequest)
        .where(waiting(), _untaken())
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.urgent.desc(), ChangeRequest.id)
    )
    return [view_of(r) for r in session.execute(stmt).scalars()]


def for_order(session: Session, order_id: int) -> int | None:
    """The newest request handed over for this order that no case has taken yet."""
    return session.execute(
        select(ChangeRequest.id)
        .where(ChangeRequest.order_id == order_id, waiting(), _untaken())
        .order_by(ChangeRequest.id.desc())
    ).scalar()


# What a late request becomes once shipped (docs/domain.md rule 2): a cancellation or an
# address change calls the parcel back (rule 5, 快件退回); another item is an exchange.
CASE_FOR_REQUEST = {
    RequestKind.CANCEL: CaseType.RECALL,
    RequestKind.ADDRESS: CaseType.RECALL,
    RequestKind.ATTRIBUTE: CaseType.EXCHANGE,
}


@dataclass(frozen=True)
class CaseSuggestion:
    """How a case taking up a hand-over starts: its type, and the customer's reason."""

    kind: CaseType
    reason: str


def suggested_case(session: Session, order_no: str) -> CaseSuggestion | None:
    """For an order with a hand-over waiting, the case it calls for; None otherwise."""
    waiting = [r for r in handed_over(session) if r.order_no == order_no]
    if not waiting:
        return None
    newest = max(waiting, key=lambda r: r.id)  # the one open_case will take up
    # a voided order never left: nothing to call back, only the refund
    voided = newest.state is RequestState.DONE
    kind = CaseType.REFUND_ONLY if voided else CASE_FOR_REQUEST.get(newest.kind)
    if kind is None:
        return None
    return CaseSuggestion(kind, str(newest.payload.get("reason") or newest.summary))
