"""The scan desk's look-up: a scanned parcel, order or case number → its case at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, CaseState, Order
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases import opening as cases
from app.services.cases.rows import CaseDetail

NOT_REGISTERED = QT_TRANSLATE_NOOP(
    "Register",
    "Not registered: no after-sales case has {code}. Register it as an unannounced "
    "return so after-sales can follow it up.",
)


@dataclass(frozen=True)
class ScanResult:
    code: str
    case: CaseDetail | None
    matched: str  # case_no, return_tracking, exchange_tracking, order_no, order_tracking, ""
    order_no: str | None = None
    other_cases: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "registered": self.case is not None,
            "matched": self.matched,
            "order_no": self.order_no,
            "case": self.case.to_json() if self.case else None,
            "other_cases": list(self.other_cases),
        }


def scan(session: Session, code: str) -> ScanResult:
    """A scanned parcel, order or case number → its case at once, or “not registered”."""
    text = (code or "").strip()
    if not text:  # an empty code would be looked up and reported as "not registered"
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Scan or type a case, order or tracking number.")
        )
    for matched, column, value in (
        ("case_no", Case.case_no, text.upper()),
        ("return_tracking", Case.return_tracking_no, text),
        ("exchange_tracking", Case.exchange_tracking_no, text),
    ):
        number = session.execute(select(Case.case_no).where(column == value)).scalar()
        if number:
            found = cases.get(session, number)
            return ScanResult(text, found, matched, found.order_no)
    order, matched = None, ""
    for name, column in (("order_no", Order.order_no), ("order_tracking", Order.tracking_no)):
        order = session.execute(select(Order.id, Order.order_no).where(column == text)).first()
        if order:
            matched = name
            break
    if order is None:
        return ScanResult(text, None, "")
    numbers = session.execute(
        select(Case.case_no, Case.state).where(Case.order_id == order.id).order_by(Case.id.desc())
    ).all()
    if not numbers:
        return ScanResult(text, None, matched, order.order_no)
    # the newest case still under way, else the newest
    active = [n for n, s in numbers if s != CaseState.CLOSED.value]
    chosen = (active or [numbers[0][0]])[0]
    others = tuple(n for n, _ in numbers if n != chosen)
    return ScanResult(text, cases.get(session, chosen), matched, order.order_no, others)
