"""After-sales cases (售后单) and their photo evidence (docs/domain.md rules 5 and 6).

A case is one row of the paper register (售后登记表): what the customer asked, the
evidence, the return parcel, the warehouse's signature, the refund and the exchange.
Every stamp is a name frozen at signing time plus the database time.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime
from app.models.case_enums import CardInParcel, FreightPayer
from app.models.entities import Order

Money = Numeric(12, 2)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(20), unique=True)  # SH20261124-0001
    # no order for an unannounced parcel until after-sales finds out whose it is
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    # evidence (rule 6): a quality claim needs photos and the defect's place
    quality: Mapped[bool] = mapped_column(Boolean, default=False)
    defect_location: Mapped[str] = mapped_column(String(200), default="")
    no_photo_possible: Mapped[bool] = mapped_column(Boolean, default=False)
    # the parcel coming back
    return_courier: Mapped[str] = mapped_column(String(40), default="")
    return_tracking_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    card_in_parcel: Mapped[str] = mapped_column(String(8), default=CardInParcel.UNKNOWN.value)
    wants: Mapped[str] = mapped_column(String(200), default="")  # wanted in exchange
    unannounced: Mapped[bool] = mapped_column(Boolean, default=False)
    # freight: who pays, and what the customer advanced to be reimbursed
    freight_payer: Mapped[str] = mapped_column(String(10), default=FreightPayer.CUSTOMER.value)
    return_freight: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    free_freight_by: Mapped[str | None] = mapped_column(String(64))
    free_freight_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    early_exchange_by: Mapped[str | None] = mapped_column(String(64))
    early_exchange_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the warehouse's signature on the register (验货签字)
    signoff_result: Mapped[str | None] = mapped_column(String(20))
    signoff_notes: Mapped[str] = mapped_column(Text, default="")
    signoff_by: Mapped[str | None] = mapped_column(String(64))
    signoff_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # recall: the printer's 原包裹已收到
    parcel_back_by: Mapped[str | None] = mapped_column(String(64))
    parcel_back_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # refund
    refund_amount: Mapped[Decimal | None] = mapped_column(Money)
    refund_method: Mapped[str | None] = mapped_column(String(10))
    refund_reference: Mapped[str] = mapped_column(String(100), default="")
    freight_reimbursed: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    refund_by: Mapped[str | None] = mapped_column(String(64))
    refund_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)  # trends
    # exchange dispatched
    exchange_courier: Mapped[str] = mapped_column(String(40), default="")
    exchange_tracking_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    exchange_by: Mapped[str | None] = mapped_column(String(64))
    exchange_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the exchange order (label and dispatch note) the printer printed; the last print wins
    exchange_printed_by: Mapped[str | None] = mapped_column(String(64))
    exchange_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    exchange_print_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the exchange parcel packed and labelled at the packing desk
    exchange_packed_by: Mapped[str | None] = mapped_column(String(64))
    exchange_packed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the customer told the exchange's tracking number, and confirming they received it
    # (docs/supervision.md): channel, time and who, also on the case's timeline
    customer_told_channel: Mapped[str | None] = mapped_column(String(16))
    customer_told_by: Mapped[str | None] = mapped_column(String(64))
    customer_told_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    customer_received_by: Mapped[str | None] = mapped_column(String(64))
    customer_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the platform's refund deadline (it refunds by itself after it), entered or imported;
    # none: the shop's default per platform counts from the case's opening
    platform_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the pre-sales request that handed the order over, if any
    change_request_id: Mapped[int | None] = mapped_column(ForeignKey("change_requests.id"))
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # who handles the case when that is not who opened it: the after-sales person who linked a
    # parcel the warehouse registered unannounced (opened_by stays who registered it)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    # photos are read by query (never loaded with the case: they are megabytes)
    order: Mapped[Order | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # the register pages newest first within a state or a type
    __table_args__ = (
        Index("ix_cases_state_id", "state", "id"),
        Index("ix_cases_type_id", "type", "id"),
        # the task lists: the open cases of a state, oldest first
        Index("ix_cases_state_opened_at", "state", "opened_at"),
    )


class CasePhoto(Base):
    """One piece of evidence: the original bytes untouched, plus copies for the screen."""

    __tablename__ = "case_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    purpose: Mapped[str] = mapped_column(String(12))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(200), default="")
    original: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    display: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # no GPS, about 1920 px
    display_mime: Mapped[str] = mapped_column(String(32))
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # JPEG, ≤ 256 px
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)

    # the same picture twice on one case is a mistake, not more evidence
    __table_args__ = (UniqueConstraint("case_id", "sha256", name="uq_case_photos_case_sha256"),)
