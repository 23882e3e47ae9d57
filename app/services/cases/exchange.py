"""Printing the exchange order (换货单, docs/domain.md rule 6) for the order printer.

Once the warehouse signed for the returned goods (or a supervisor approved shipping the
exchange early, on the case), the printer prints the exchange's parcel: a shipping label
and a dispatch note to the original order's recipient, listing what the customer wants in
exchange, marked 换货 with the case number. After-sales then records the exchange's
tracking number (``case_steps.exchange_shipped``), which writes the seed's note.

Printing is not a move of the case (the state table has none): it stamps who printed it
and when on the case and in its timeline. It is recorded as every print is
(``dispatch.recording.record_print``): drawn from a read, staged beside ``out``, recorded
in a short write that checks the case is the version drawn, and renamed into place only
once that commits; a refusal, a full disk or a failed commit leave no file and no record.

Recording the exchange shipped does not wait for this print: after-sales may send an
exchange on a courier's hand-written waybill, and the rule that holds shipping back (the
return signed for, or a supervisor's approval) is the state table's, for both.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import Case, CaseState, CaseType, Order
from app.models.errors import InvalidInput, TransitionRefused
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.printing.data import LabelSize, PdfResult, SheetSize, SlipItem
from app.printing.exchange_order import ExchangeOrder, exchange_order_pdf
from app.printing.words import field, say
from app.services.cases import opening as cases
from app.services.cases import rules as case_rules
from app.services.cases.checks import optional_text
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import check_output
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.services.dispatch.recording import Changed, Drawing, record_print

PRINT_ACTION = "case.exchange_printed"


def _stamp(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


@dataclass(frozen=True)
class WaitingExchange:
    """One exchange the printer may print: why it may, and whether it was printed."""

    case_no: str
    order_no: str
    recipient: str
    address: str
    wants: str
    state: CaseState
    signoff_by: str | None
    signoff_at: datetime | None
    early_exchange_by: str | None
    early_exchange_at: datetime | None
    printed_by: str | None
    printed_at: datetime | None
    print_count: int
    version: int

    def to_json(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "order_no": self.order_no,
            "recipient": self.recipient,
            "address": self.address,
            "wants": self.wants,
            "state": self.state.value,
            "signoff": {"by": self.signoff_by, "at": _stamp(self.signoff_at)},
            "early_exchange": {"by": self.early_exchange_by, "at": _stamp(self.early_exchange_at)},
            "printed": {
                "by": self.printed_by,
                "at": _stamp(self.printed_at),
                "count": self.print_count,
            },
            "version": self.version,
        }


@dataclass(frozen=True)
class ExchangePrinted:
    case_no: str
    order_no: str
    copy: int  # 1 for the first print, 2 and up for reprints
    printed_by: str
    printed_at: datetime
    reason: str  # why it was printed again; empty for the first print
    out: Path
    pdf: PdfResult


def _printable() -> ColumnElement[bool]:
    """Signed for by the warehouse, or approved early by a supervisor before it arrived."""
    return and_(
        Case.type == CaseType.EXCHANGE.value,
        or_(
            Case.state == CaseState.RECEIVED.value,
            and_(
                Case.state.in_([s.value for s in case_rules.BEFORE_RECEIPT]),
                Case.early_exchange_at.is_not(None),
            ),
        ),
    )


def waiting(session: Session, *, include_printed: bool = False) -> list[WaitingExchange]:
    """Exchanges the printer should print, oldest case first; with ``include_printed``
    also those printed already but not yet shipped (to print again)."""
    stmt = (
        select(Case, Order)
        .join(Order, Order.id == Case.order_id)
        .where(_printable())
        .order_by(Case.id)
    )
    if not include_printed:
        stmt = stmt.where(Case.exchange_print_count == 0)
    return [
        WaitingExchange(
            case_no=case.case_no,
            order_no=order.order_no,
            recipient=order.recipient_name or "",
            address=f"{order.province}{order.city}{order.district}{order.street}",
            wants=case.wants,
            state=CaseState(case.state),
            signoff_by=case.signoff_by,
            signoff_at=case.signoff_at,
            early_exchange_by=case.early_exchange_by,
            early_exchange_at=case.early_exchange_at,
            printed_by=case.exchange_printed_by,
            printed_at=case.exchange_printed_at,
            print_count=case.exchange_print_count or 0,
            version=case.version,
        )
        for case, order in session.execute(stmt).all()
    ]


def check_printable(session: Session, case: Case) -> None:
    """Refuse, with the state table's own words, an exchange that may not leave yet."""
    if case.type != CaseType.EXCHANGE.value:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Case {case_no} is not an exchange."),
            case_no=case.case_no,
        )
    state = CaseState(case.state)
    if state in case_rules.BEFORE_RECEIPT:
        # the same guard and message as recording the exchange shipped
        case_rules.rule_for(case, CaseAction.EXCHANGE_SHIPPED)
        cases.require_evidence(session, case)
    elif state is not CaseState.RECEIVED:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no} is “{state}”: there is no exchange left to print."
            ),
            case_no=case.case_no,
            state=Label(state.label, "CaseState"),
        )


def exchange_order(
    order: Order, case: Case, printed_at: datetime, reprint: bool, default_courier: str = ""
) -> ExchangeOrder:
    """The order's slip, sent to the same recipient, carrying the goods wanted instead.

    The original's tracking number, items, greeting card and notes belong to the first
    parcel: the exchange gets a new number from the courier and only what was asked for.
    """
    base = print_slips.slip_for(
        order, printed_at=printed_at, reprint=reprint, default_courier=default_courier
    )
    lang = base.language
    wants = case.wants.strip() or say(lang, "see_case")
    about = (
        f"{say(lang, 'case')} {case.case_no} · {say(lang, 'original_order')} {order.order_no}"
        f" · {field(lang, 'exchange_for', wants)}"
    )
    slip = replace(
        base,
        tracking_no=None,
        items=(SlipItem(case.case_no, field(lang, "exchange", wants), (), 1),),
        special=(("exchange", about),),
        buyer_message="",
        flagged_notes=(),
    )
    return ExchangeOrder(case.case_no, slip)


def _check_pdf(path: Path) -> None:
    if Path(path).suffix.lower() != ".pdf":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Documents are written as .pdf files: {path}"),
            path=str(path),
        )


@dataclass(frozen=True)
class _Prepared:
    case_no: str
    order_no: str
    version: int
    copy: int
    why: str
    user_name: str
    now: datetime
    pdf: PdfResult


def _check_copy(case: Case, copy: int, why: str) -> None:
    if copy > 1 and not why:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The exchange order of case {case_no} was printed by {name} at {time}: "
                "say why it is printed again.",
            ),
            case_no=case.case_no,
            name=case.exchange_printed_by,
            time=short_time(case.exchange_printed_at) if case.exchange_printed_at else "",
        )


def _prepare(
    session: Session,
    actor: Actor,
    case_no: str,
    sizes: tuple[LabelSize, SheetSize],
    reason: str,
    expected_version: int | None,
) -> _Prepared:
    user = require(session, actor, Action.PRINT_EXCHANGE)
    case = cases.load(session, case_no, expected_version=expected_version)
    check_printable(session, case)
    copy = (case.exchange_print_count or 0) + 1
    why = optional_text(reason, QT_TRANSLATE_NOOP("Field", "Reason"), 200, True)
    _check_copy(case, copy, why)
    order = print_slips.load_orders(session, [case.order_id])[0] if case.order_id else None
    assert order is not None  # an exchange case always has its order
    now = db_now(session)
    courier = shop_senders.default_couriers(session).get(order.shop_id, "")
    slips = exchange_order(order, case, now, copy > 1, courier)
    pdf = exchange_order_pdf(slips, *sizes)
    return _Prepared(
        case.case_no, order.order_no, case.version, copy, why, user.display_name, now, pdf
    )


def _record(
    session: Session, actor: Actor, prep: _Prepared, sizes: tuple[LabelSize, SheetSize]
) -> None:
    require(session, actor, Action.PRINT_EXCHANGE)
    case = cases.load(session, prep.case_no, expected_version=prep.version)
    check_printable(session, case)
    case.exchange_printed_by, case.exchange_printed_at = prep.user_name, prep.now
    case.exchange_print_count = prep.copy
    cases.touch(session, case, actor)
    cases.record(
        session,
        actor,
        PRINT_ACTION,
        case,
        copy=prep.copy,
        reason=prep.why,
        wants=case.wants,
        label_size=sizes[0].value,
        sheet_size=sizes[1].value,
    )


def print_exchange(
    db: Database,
    actor: Actor,
    case_no: str,
    out: Path,
    *,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
    reason: str = "",
    expected_version: int | None = None,
    overwrite: bool = False,
) -> ExchangePrinted:
    """Print the exchange order to ``out`` and record it (``recording.record_print``).

    The file appears at ``out`` only once the record is committed; a printed exchange is
    printed again only with a reason, recorded with it. ``expected_version`` is the case
    as the person saw it: changed since, it is refused.
    """
    _check_pdf(out)
    check_output(db.url, out, overwrite=overwrite)
    sizes = (label_size, sheet_size)

    def draw(_previous: Changed | None) -> Drawing[ExchangePrinted]:
        prep = db.read(lambda s: _prepare(s, actor, case_no, sizes, reason, expected_version))
        done = ExchangePrinted(
            prep.case_no,
            prep.order_no,
            prep.copy,
            prep.user_name,
            prep.now,
            prep.why,
            Path(out),
            prep.pdf,
        )
        return Drawing([(out, prep.pdf.data)], lambda s: _record(s, actor, prep, sizes), done)

    return record_print(db, draw)
