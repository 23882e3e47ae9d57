"""Change requests: a customer's change or cancellation, and the printer's acknowledgement.

docs/domain.md rules 2 and 3: what a change costs depends on how far the order has
gone, and the printer hears of it through the system, never by word of mouth.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime
from app.models.entities import Order
from app.models.i18n import QT_TRANSLATE_NOOP


class RequestKind(enum.StrEnum):
    ADDRESS = "address"
    ATTRIBUTE = "attribute"
    SPECIAL = "special"
    CANCEL = "cancel"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    RequestKind.ADDRESS: QT_TRANSLATE_NOOP("RequestKind", "Address change"),
    RequestKind.ATTRIBUTE: QT_TRANSLATE_NOOP("RequestKind", "Item change"),
    RequestKind.SPECIAL: QT_TRANSLATE_NOOP("RequestKind", "Special request"),
    RequestKind.CANCEL: QT_TRANSLATE_NOOP("RequestKind", "Cancellation"),
}


class SpecialKind(enum.StrEnum):
    COURIER = "courier"
    INVOICE = "invoice"
    CARD = "card"
    DELIVERY = "delivery"
    OTHER = "other"

    @property
    def label(self) -> str:
        return SPECIAL_LABELS[self]


SPECIAL_LABELS = {
    SpecialKind.COURIER: QT_TRANSLATE_NOOP("SpecialKind", "Courier"),
    SpecialKind.INVOICE: QT_TRANSLATE_NOOP("SpecialKind", "Invoice title (发票抬头)"),
    SpecialKind.CARD: QT_TRANSLATE_NOOP("SpecialKind", "Greeting card (贺卡)"),
    SpecialKind.DELIVERY: QT_TRANSLATE_NOOP("SpecialKind", "Delivery time"),
    SpecialKind.OTHER: QT_TRANSLATE_NOOP("SpecialKind", "Other"),
}


class RequestPath(enum.StrEnum):
    """What has to happen, decided by the order's stage when the request was made."""

    APPLY = "apply"  # not printed: changed in the system, the printer is told
    AMEND_SLIPS = "amend_slips"  # printed: retrieve dispatch note and label, amend or reprint
    RETRIEVE_PARCEL = "retrieve_parcel"  # packed: retrieve the parcel, reprint
    VOID = "void"  # cancel, not printed: the printer voids it
    RETRIEVE_SLIPS_VOID = "retrieve_slips_void"  # cancel, printed: retrieve slips, void
    RETRIEVE_PARCEL_VOID = "retrieve_parcel_void"  # cancel, packed: parcel back to stock, void
    HANDOVER = "handover"  # shipped: after-sales takes it (recall or exchange)

    @property
    def label(self) -> str:
        return PATH_LABELS[self]


PATH_LABELS = {
    RequestPath.APPLY: QT_TRANSLATE_NOOP(
        "RequestPath", "Not printed yet: changed in the system; the order printer is told."
    ),
    RequestPath.AMEND_SLIPS: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already printed: the printer retrieves the dispatch note and label from the "
        "warehouse and amends or reprints them.",
    ),
    RequestPath.RETRIEVE_PARCEL: QT_TRANSLATE_NOOP(
        "RequestPath", "Already packed: the printer retrieves the parcel and reprints."
    ),
    RequestPath.VOID: QT_TRANSLATE_NOOP(
        "RequestPath", "Not printed yet: the order printer voids the order; after-sales refunds."
    ),
    RequestPath.RETRIEVE_SLIPS_VOID: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already printed: the printer retrieves and destroys the slips, then voids the order; "
        "after-sales refunds.",
    ),
    RequestPath.RETRIEVE_PARCEL_VOID: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already packed: the parcel is retrieved and the goods go back to stock, then the "
        "order is voided; after-sales refunds.",
    ),
    RequestPath.HANDOVER: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already shipped: this cannot be changed here. The order goes to after-sales "
        "(recall or exchange) with the request attached.",
    ),
}


class RequestState(enum.StrEnum):
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # recorded, customer not yet confirmed
    OPEN = "open"  # with the order printer
    DONE = "done"  # the printer acknowledged it
    HANDED_OVER = "handed_over"  # with after-sales
    WITHDRAWN = "withdrawn"  # the customer changed their mind before confirming

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS = {
    RequestState.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP(
        "RequestState", "Waiting for the customer's confirmation"
    ),
    RequestState.OPEN: QT_TRANSLATE_NOOP("RequestState", "With the order printer"),
    RequestState.DONE: QT_TRANSLATE_NOOP("RequestState", "Done"),
    RequestState.HANDED_OVER: QT_TRANSLATE_NOOP("RequestState", "Handed to after-sales"),
    RequestState.WITHDRAWN: QT_TRANSLATE_NOOP("RequestState", "Withdrawn"),
}


class ChangeRequest(Base):
    __tablename__ = "change_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    kind: Mapped[str] = mapped_column(String(16))
    path: Mapped[str] = mapped_column(String(24))
    stage_at_request: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(24))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # {"old": {...}, "new": {...}} plus what the kind needs (item sku, special kind, reason)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)  # old → new in words, for queues and notes
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_by_name: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    confirmed_by_name: Mapped[str | None] = mapped_column(String(64))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by_name: Mapped[str | None] = mapped_column(String(64))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_remark: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    order: Mapped[Order] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_change_requests_state_id", "state", "id"),
        Index("ix_change_requests_order_id", "order_id"),
    )
