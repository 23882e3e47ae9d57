"""Orders pre-sales handed to after-sales (docs/domain.md rule 2: shipped, changed or cancelled)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, CaseType, RequestKind, RequestState
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView


def handed_over(session: Session) -> list[RequestView]:
    """Orders pre-sales handed to after-sales that no case has taken up yet."""
    taken = set(
        session.execute(
            select(Case.change_request_id).where(Case.change_request_id.is_not(None))
        ).scalars()
    )
    waiting = changes.queue(session, states=(RequestState.HANDED_OVER,))
    return [r for r in waiting if r.id not in taken]


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
    kind = CASE_FOR_REQUEST.get(newest.kind)
    if kind is None:
        return None
    return CaseSuggestion(kind, str(newest.payload.get("reason") or newest.summary))
