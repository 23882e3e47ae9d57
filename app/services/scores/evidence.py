"""An entry's evidence, checked: the record a person names exists, and its order comes along.

A manual entry names the order, case, change request, complaint or dispute it is about; a
number that names nothing is refused (nothing is saved), and a case's, request's, complaint's
or dispute's order is filled in, so the sheet opens it as it does for a proposal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from app.models import Case, ChangeRequest, Complaint, Dispute, Order, RosterSwap
from app.models.errors import InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.validation import MAX_ID
from app.services.orders import lookup

KINDS = ("order", "case", "request", "complaint", "dispute", "swap", "")


def _number(key: str) -> int | None:
    digits = key.lstrip("#").strip()
    return int(digits) if digits.isdigit() and 0 < int(digits) <= MAX_ID else None


@dataclass(frozen=True)
class _Record:
    number: Any  # the record's own number (column)
    order_id: Any  # its order (column), None for a swap
    key: Callable[[str], object]  # what a person typed, as the column holds it
    missing: str  # the refusal, with ``{param}`` the typed number
    param: str


_RECORDS = {
    "case": _Record(
        Case.case_no,
        Case.order_id,
        str.upper,
        QT_TRANSLATE_NOOP("UserError", "There is no after-sales case {case_no}."),
        "case_no",
    ),
    "complaint": _Record(
        Complaint.complaint_no,
        Complaint.order_id,
        str.upper,
        QT_TRANSLATE_NOOP("UserError", "There is no complaint {complaint_no}."),
        "complaint_no",
    ),
    "dispute": _Record(
        Dispute.dispute_no,
        Dispute.order_id,
        str,
        QT_TRANSLATE_NOOP("UserError", "There is no dispute {dispute_no}."),
        "dispute_no",
    ),
    "request": _Record(
        ChangeRequest.id,
        ChangeRequest.order_id,
        _number,
        QT_TRANSLATE_NOOP("UserError", "There is no request #{id}."),
        "id",
    ),
    "swap": _Record(
        RosterSwap.id,
        None,
        _number,
        QT_TRANSLATE_NOOP("UserError", "There is no swap #{id}."),
        "id",
    ),
}


def resolve(session: Session, kind: str, key: str) -> tuple[str, str]:
    """(the record's own number, its order's number) for the evidence ``kind`` ``key``."""
    key = (key or "").strip()
    if kind not in KINDS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Evidence is an order, case, request or complaint.")
        )
    if not kind:
        return "", ""
    if kind == "order":
        order = session.get(Order, lookup.order_id(session, key))
        assert order is not None
        return order.order_no, order.order_no
    record = _RECORDS[kind]
    query = (
        select(record.number, null())
        if record.order_id is None
        else select(record.number, Order.order_no).outerjoin(Order, Order.id == record.order_id)
    )
    row = session.execute(query.where(record.number == record.key(key))).first()
    if row is None:
        raise NotFound(
            record.missing, **{record.param: key.lstrip("#") if record.param == "id" else key}
        )
    number, order_no = row
    return str(number), order_no or ""
