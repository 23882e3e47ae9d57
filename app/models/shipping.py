"""Hand-overs to the courier (交接) and shipment exports back to the platforms.

A hand-over list is open per courier until it is confirmed: then its manifest (交接单) has a
number, a time and the person who confirmed it, and its orders are shipped. An export
remembers the waybill number it gave for each order, so the next export gives only what is
new (or what got another waybill number since).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class Handover(Base):
    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    courier: Mapped[str] = mapped_column(String(40))
    # the courier while the list is open, NULL once confirmed: one open list per courier,
    # enforced by the database even when two PCs scan the first parcel at once
    open_courier: Mapped[str | None] = mapped_column(String(40), unique=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    manifest_no: Mapped[str | None] = mapped_column(String(20), unique=True)  # H20261206-0001
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    confirmed_by_name: Mapped[str] = mapped_column(String(64), default="")
    parcel_count: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class HandoverParcel(Base):
    """One order in a hand-over list: an order is handed over once (then it is shipped). An
    exchange parcel (docs/domain.md rule 6) is a row of its case instead, without an order:
    the original order left on an earlier list, and a case sends one exchange."""

    __tablename__ = "handover_parcels"

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), unique=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), unique=True)
    tracking_no: Mapped[str] = mapped_column(String(40), index=True)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scanned_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ShipmentExport(Base):
    """One file of shipments for a platform's bulk-ship upload (批量发货)."""

    __tablename__ = "shipment_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"), index=True)
    format: Mapped[str] = mapped_column(String(16))
    exported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    exported_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    row_count: Mapped[int] = mapped_column(Integer, default=0)


class ExportedShipment(Base):
    """The waybill number an export last gave the platform for an order."""

    __tablename__ = "exported_shipments"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    export_id: Mapped[int] = mapped_column(ForeignKey("shipment_exports.id"))
    tracking_no: Mapped[str] = mapped_column(String(40))

    __table_args__ = (Index("ix_exported_shipments_export_id", "export_id"),)
