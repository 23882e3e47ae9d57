"""The after-sales register (售后登记表): the list of cases and its export.

Pages are keyset pages (newest first, ``before_id``), as fast at the end as at the
start; a search takes any number a person may hold: case, order, return or exchange
tracking number, buyer id or phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.models import Case, CasePhoto, CaseState, CaseType, Order
from app.models.errors import InvalidInput
from app.models.formats import seed_date
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.cells import xlsx_row
from app.services.core.outputs import check_output, url_of, write_beside
from app.services.core.validation import page_size, record_id

PAGE = 200
Translate = Callable[[str, str], str]
COLUMNS = (  # the paper register's columns, in its order
    QT_TRANSLATE_NOOP("Register", "Date"),
    QT_TRANSLATE_NOOP("Register", "Case"),
    QT_TRANSLATE_NOOP("Register", "Order"),
    QT_TRANSLATE_NOOP("Register", "Buyer"),
    QT_TRANSLATE_NOOP("Register", "Type"),
    QT_TRANSLATE_NOOP("Register", "Reason"),
    QT_TRANSLATE_NOOP("Register", "Quality problem"),
    QT_TRANSLATE_NOOP("Register", "Defect location"),
    QT_TRANSLATE_NOOP("Register", "Photos"),
    QT_TRANSLATE_NOOP("Register", "Return courier"),
    QT_TRANSLATE_NOOP("Register", "Return tracking no."),
    QT_TRANSLATE_NOOP("Register", "Card in parcel"),
    QT_TRANSLATE_NOOP("Register", "Wanted in exchange"),
    QT_TRANSLATE_NOOP("Register", "State"),
    QT_TRANSLATE_NOOP("Register", "Warehouse signature"),
    QT_TRANSLATE_NOOP("Register", "Refund"),
    QT_TRANSLATE_NOOP("Register", "Freight reimbursed"),
    QT_TRANSLATE_NOOP("Register", "Exchange tracking no."),
)
YES, NO = QT_TRANSLATE_NOOP("Register", "Yes"), QT_TRANSLATE_NOOP("Register", "No")


def _identity(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class RegisterFilter:
    states: tuple[CaseState, ...] = ()
    types: tuple[CaseType, ...] = ()
    date_from: date | None = None  # the shop's local dates, both included
    date_to: date | None = None
    staff: str | None = None  # anyone who signed a step of the case
    search: str | None = None  # any number


@dataclass(frozen=True)
class RegisterRow:
    id: int
    case_no: str
    opened_at: datetime
    order_no: str | None
    buyer_id: str | None
    type: CaseType
    reason: str
    quality: bool
    defect_location: str
    photo_count: int
    return_courier: str
    return_tracking_no: str | None
    card_in_parcel: str
    wants: str
    state: CaseState
    signoff_by: str | None
    signoff_at: datetime | None
    parcel_back_by: str | None
    parcel_back_at: datetime | None
    refund_amount: Decimal | None
    freight_reimbursed: Decimal
    exchange_tracking_no: str | None
    opened_by: str
    unannounced: bool

    def signature(self) -> str:
        """The register's signature cell: name and date of whoever signed for the goods."""
        if self.signoff_by and self.signoff_at:
            return f"{self.signoff_by} {seed_date(self.signoff_at)}"
        if self.parcel_back_by and self.parcel_back_at:
            return f"原包裹已收到 {self.parcel_back_by} {seed_date(self.parcel_back_at)}"
        return ""

    def to_json(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "opened_at": self.opened_at.isoformat(),
            "order_no": self.order_no,
            "buyer_id": self.buyer_id,
            "type": self.type.value,
            "reason": self.reason,
            "quality": self.quality,
            "defect_location": self.defect_location,
            "photos": self.photo_count,
            "return_courier": self.return_courier,
            "return_tracking_no": self.return_tracking_no,
            "card_in_parcel": self.card_in_parcel,
            "wants": self.wants,
            "state": self.state.value,
            "signature": self.signature(),
            "refund": None if self.refund_amount is None else f"{self.refund_amount:.2f}",
            "freight_reimbursed": f"{self.freight_reimbursed:.2f}",
            "exchange_tracking_no": self.exchange_tracking_no,
            "opened_by": self.opened_by,
            "unannounced": self.unannounced,
        }


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()  # the PC's zone is the shop's


def _query(filters: RegisterFilter) -> Select[Any]:
    photos = (
        select(func.count())
        .select_from(CasePhoto)
        .where(CasePhoto.case_id == Case.id)
        .scalar_subquery()
    )
    stmt = select(
        Case.id,
        Case.case_no,
        Case.opened_at,
        Order.order_no,
        Order.buyer_id,
        Case.type,
        Case.reason,
        Case.quality,
        Case.defect_location,
        photos,
        Case.return_courier,
        Case.return_tracking_no,
        Case.card_in_parcel,
        Case.wants,
        Case.state,
        Case.signoff_by,
        Case.signoff_at,
        Case.parcel_back_by,
        Case.parcel_back_at,
        Case.refund_amount,
        Case.freight_reimbursed,
        Case.exchange_tracking_no,
        Case.opened_by,
        Case.unannounced,
    ).outerjoin(Order, Order.id == Case.order_id)
    if filters.states:
        stmt = stmt.where(Case.state.in_([s.value for s in filters.states]))
    if filters.types:
        stmt = stmt.where(Case.type.in_([t.value for t in filters.types]))
    if filters.date_from:
        stmt = stmt.where(Case.opened_at >= _local_start(filters.date_from))
    if filters.date_to:
        stmt = stmt.where(Case.opened_at < _local_start(filters.date_to + timedelta(days=1)))
    if filters.staff:
        who = filters.staff.strip()
        stmt = stmt.where(
            or_(
                Case.opened_by == who,
                Case.signoff_by == who,
                Case.parcel_back_by == who,
                Case.refund_by == who,
                Case.exchange_by == who,
            )
        )
    if filters.search and filters.search.strip():
        text = filters.search.strip()
        by_case = select(Case.id).where(
            or_(
                Case.case_no == text.upper(),
                Case.return_tracking_no == text,
                Case.exchange_tracking_no == text,
            )
        )
        by_order = select(Order.id).where(
            or_(
                Order.order_no == text,
                Order.tracking_no == text,
                Order.buyer_id == text,
                Order.recipient_phone == text,
            )
        )
        stmt = stmt.where(or_(Case.id.in_(by_case), Case.order_id.in_(by_order)))
    return stmt


def _row(values: Any) -> RegisterRow:
    row = RegisterRow(*values)
    return RegisterRow(
        **{**row.__dict__, "type": CaseType(row.type), "state": CaseState(row.state)}
    )


def page(
    session: Session,
    filters: RegisterFilter = RegisterFilter(),
    *,
    before_id: int | None = None,
    limit: int = PAGE,
) -> list[RegisterRow]:
    """Newest cases first, one keyset page: pass the last row's id to get the next."""
    limit = page_size(limit)
    before_id = record_id(before_id, Label(QT_TRANSLATE_NOOP("Field", "Before")))
    stmt = _query(filters)
    if before_id is not None:
        stmt = stmt.where(Case.id < before_id)
    return [_row(r) for r in session.execute(stmt.order_by(Case.id.desc()).limit(limit))]


def count(session: Session, filters: RegisterFilter = RegisterFilter()) -> int:
    return session.execute(
        select(func.count()).select_from(_query(filters).subquery())
    ).scalar_one()


def rows(session: Session, filters: RegisterFilter) -> Iterator[RegisterRow]:
    """Every matching row, newest first, streamed (the export and the printed register)."""
    result = session.execute(
        _query(filters).order_by(Case.id.desc()).execution_options(yield_per=2000)
    )
    for values in result:
        yield _row(values)


def cells(row: RegisterRow, translate: Translate = _identity) -> list[Any]:
    """One register line as the export and the printed register show it."""
    refund = "" if row.refund_amount is None else f"{row.refund_amount:.2f}"
    return [
        seed_date(row.opened_at),
        row.case_no,
        row.order_no or "",
        row.buyer_id or "",
        translate("CaseType", row.type.label),
        row.reason,
        translate("Register", YES if row.quality else NO),
        row.defect_location,
        row.photo_count,
        row.return_courier,
        row.return_tracking_no or "",
        {"yes": translate("Register", YES), "no": translate("Register", NO)}.get(
            row.card_in_parcel, ""
        ),
        row.wants,
        translate("CaseState", row.state.label),
        row.signature(),
        refund,
        f"{row.freight_reimbursed:.2f}" if row.freight_reimbursed else "",
        row.exchange_tracking_no or "",
    ]


def export_xlsx(
    session: Session,
    actor: Actor,
    target: str | Path | IO[bytes],
    filters: RegisterFilter = RegisterFilter(),
    *,
    translate: Translate = _identity,
    overwrite: bool = False,
) -> int:
    """Write the register to an .xlsx file, one row per case; returns the number of cases.

    A file is checked before any work and written beside, then moved (``outputs``).
    """
    from openpyxl import Workbook  # only the export needs it

    require(session, actor, Action.REGISTER_EXPORT)
    if isinstance(target, str | Path):
        if Path(target).suffix.lower() != ".xlsx":
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The register is exported as an .xlsx file: {path}"),
                path=str(target),
            )
        check_output(url_of(session), target, overwrite=overwrite)
    book = Workbook(write_only=True)  # streams rows: 10,000 cases in a few seconds
    sheet = book.create_sheet(translate("Register", "After-sales register"))
    sheet.append([translate("Register", c) for c in COLUMNS])
    written = 0
    for row in rows(session, filters):
        # customer text (a reason, a note) is never written as a live formula
        sheet.append(xlsx_row(sheet, cells(row, translate)))
        written += 1
    if isinstance(target, str | Path):
        write_beside(Path(target), book.save)
    else:
        book.save(target)
    return written
