"""Frozen views of after-sales cases: what screens, the CLI and printed documents are given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from app.models import CardInParcel, Case, CaseState, CaseType, FreightPayer, Order, PhotoPurpose
from app.services.cases import rules as case_rules
from app.services.core.audit import AuditRow


def _stamp(at: datetime | None) -> str | None:
    return at.isoformat() if at else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


@dataclass(frozen=True)
class PhotoMeta:
    id: int
    purpose: str
    sha256: str
    size: int
    mime: str
    width: int
    height: int
    filename: str
    added_by: str
    added_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "purpose": self.purpose,
            "sha256": self.sha256,
            "size": self.size,
            "mime": self.mime,
            "width": self.width,
            "height": self.height,
            "filename": self.filename,
            "added_by": self.added_by,
            "added_at": _stamp(self.added_at),
        }


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    who: str
    action: str
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"at": _stamp(self.at), "who": self.who, "action": self.action, **self.details}


def timeline(rows: list[AuditRow]) -> tuple[TimelineEntry, ...]:
    return tuple(TimelineEntry(r.at, r.actor_name, r.action, dict(r.after or {})) for r in rows)


@dataclass(frozen=True)
class CaseDetail:
    """Everything about one case, as of one read."""

    id: int
    case_no: str
    order_no: str | None
    buyer_id: str
    order_total: Decimal | None
    type: CaseType
    state: CaseState
    reason: str
    quality: bool
    defect_location: str
    no_photo_possible: bool
    return_courier: str
    return_tracking_no: str | None
    card_in_parcel: CardInParcel
    wants: str
    unannounced: bool
    freight_payer: FreightPayer
    return_freight: Decimal
    free_freight_by: str | None
    free_freight_at: datetime | None
    early_exchange_by: str | None
    early_exchange_at: datetime | None
    signoff_result: str | None
    signoff_notes: str
    signoff_by: str | None
    signoff_at: datetime | None
    parcel_back_by: str | None
    parcel_back_at: datetime | None
    refund_amount: Decimal | None
    refund_method: str | None
    refund_reference: str
    freight_reimbursed: Decimal
    refund_by: str | None
    refund_at: datetime | None
    exchange_courier: str
    exchange_tracking_no: str | None
    exchange_by: str | None
    exchange_at: datetime | None
    exchange_printed_by: str | None
    exchange_printed_at: datetime | None
    exchange_print_count: int
    closed_by: str | None
    closed_at: datetime | None
    change_request_id: int | None
    opened_by: str
    opened_at: datetime
    updated_by: str
    updated_at: datetime
    version: int
    photos: tuple[PhotoMeta, ...]
    timeline: tuple[TimelineEntry, ...]
    # the customer told the exchange's number, and confirming receipt (docs/supervision.md)
    customer_told_channel: str | None = None
    customer_told_by: str | None = None
    customer_told_at: datetime | None = None
    customer_received_by: str | None = None
    customer_received_at: datetime | None = None
    platform_deadline: datetime | None = None

    @property
    def freight_due(self) -> Decimal:
        """What a refund reimburses of the return freight the customer advanced."""
        return case_rules.freight_due(self.freight_payer, self.return_freight)

    @property
    def freight_paid_back(self) -> Decimal | None:
        """The return freight reimbursed with the refund: only where the shop pays it, once
        the refund is recorded (None: nothing to show)."""
        if self.freight_payer is not FreightPayer.SHOP or not self.refund_by:
            return None
        return self.freight_reimbursed

    @property
    def suggested_refund(self) -> Decimal | None:
        """An exchange that left reimburses only the freight (amount 0); else the payment."""
        return Decimal(0) if self.state is CaseState.EXCHANGE_SHIPPED else self.order_total

    @property
    def claim_photo_count(self) -> int:
        """The customer's photos (the quality claim's evidence), not the warehouse's."""
        return sum(1 for p in self.photos if p.purpose == PhotoPurpose.CLAIM.value)

    def to_json(self) -> dict[str, Any]:
        return {
            "case_no": self.case_no,
            "order_no": self.order_no,
            "buyer_id": self.buyer_id,
            "type": self.type.value,
            "state": self.state.value,
            "reason": self.reason,
            "quality": self.quality,
            "defect_location": self.defect_location,
            "no_photo_possible": self.no_photo_possible,
            "return_courier": self.return_courier,
            "return_tracking_no": self.return_tracking_no,
            "card_in_parcel": self.card_in_parcel.value,
            "wants": self.wants,
            "unannounced": self.unannounced,
            "freight_payer": self.freight_payer.value,
            "return_freight": _money(self.return_freight),
            "free_freight": {"by": self.free_freight_by, "at": _stamp(self.free_freight_at)},
            "early_exchange": {
                "by": self.early_exchange_by,
                "at": _stamp(self.early_exchange_at),
            },
            "signoff": {
                "result": self.signoff_result,
                "notes": self.signoff_notes,
                "by": self.signoff_by,
                "at": _stamp(self.signoff_at),
            },
            "parcel_back": {"by": self.parcel_back_by, "at": _stamp(self.parcel_back_at)},
            "refund": {
                "amount": _money(self.refund_amount),
                "method": self.refund_method,
                "reference": self.refund_reference,
                "freight_reimbursed": _money(self.freight_reimbursed),
                "by": self.refund_by,
                "at": _stamp(self.refund_at),
            },
            "exchange": {
                "courier": self.exchange_courier,
                "tracking_no": self.exchange_tracking_no,
                "by": self.exchange_by,
                "at": _stamp(self.exchange_at),
                "printed_by": self.exchange_printed_by,
                "printed_at": _stamp(self.exchange_printed_at),
                "print_count": self.exchange_print_count,
            },
            "closed": {"by": self.closed_by, "at": _stamp(self.closed_at)},
            "customer_told": {
                "channel": self.customer_told_channel,
                "by": self.customer_told_by,
                "at": _stamp(self.customer_told_at),
            },
            "customer_received": {
                "by": self.customer_received_by,
                "at": _stamp(self.customer_received_at),
            },
            "platform_deadline": _stamp(self.platform_deadline),
            "change_request_id": self.change_request_id,
            "opened_by": self.opened_by,
            "opened_at": _stamp(self.opened_at),
            "version": self.version,
            "photos": [p.to_json() for p in self.photos],
            "timeline": [t.to_json() for t in self.timeline],
        }


def case_detail(
    case: Case, order: Order | None, photos: list[PhotoMeta], history: list[AuditRow]
) -> CaseDetail:
    return CaseDetail(
        id=case.id,
        case_no=case.case_no,
        order_no=order.order_no if order else None,
        buyer_id=order.buyer_id if order else "",
        order_total=order.total if order else None,
        type=CaseType(case.type),
        state=CaseState(case.state),
        reason=case.reason,
        quality=case.quality,
        defect_location=case.defect_location,
        no_photo_possible=case.no_photo_possible,
        return_courier=case.return_courier,
        return_tracking_no=case.return_tracking_no,
        card_in_parcel=CardInParcel(case.card_in_parcel),
        wants=case.wants,
        unannounced=case.unannounced,
        freight_payer=FreightPayer(case.freight_payer),
        return_freight=case.return_freight,
        free_freight_by=case.free_freight_by,
        free_freight_at=case.free_freight_at,
        early_exchange_by=case.early_exchange_by,
        early_exchange_at=case.early_exchange_at,
        signoff_result=case.signoff_result,
        signoff_notes=case.signoff_notes,
        signoff_by=case.signoff_by,
        signoff_at=case.signoff_at,
        parcel_back_by=case.parcel_back_by,
        parcel_back_at=case.parcel_back_at,
        refund_amount=case.refund_amount,
        refund_method=case.refund_method,
        refund_reference=case.refund_reference,
        freight_reimbursed=case.freight_reimbursed,
        refund_by=case.refund_by,
        refund_at=case.refund_at,
        exchange_courier=case.exchange_courier,
        exchange_tracking_no=case.exchange_tracking_no,
        exchange_by=case.exchange_by,
        exchange_at=case.exchange_at,
        exchange_printed_by=case.exchange_printed_by,
        exchange_printed_at=case.exchange_printed_at,
        exchange_print_count=case.exchange_print_count or 0,
        closed_by=case.closed_by,
        closed_at=case.closed_at,
        change_request_id=case.change_request_id,
        opened_by=case.opened_by,
        opened_at=case.opened_at,
        updated_by=case.updated_by,
        updated_at=case.updated_at,
        version=case.version,
        photos=tuple(photos),
        timeline=timeline(history),
        customer_told_channel=case.customer_told_channel,
        customer_told_by=case.customer_told_by,
        customer_told_at=case.customer_told_at,
        customer_received_by=case.customer_received_by,
        customer_received_at=case.customer_received_at,
        platform_deadline=case.platform_deadline,
    )
