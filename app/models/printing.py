"""Printing records: batches, what each batch printed, reprints, and what the slips now say.

docs/domain.md rule 4: a batch knows its date, its printer and its orders; a reprint has a
reason; a slip printed before the order changed is stale until reprinted or amended.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class PrintBatch(Base):
    __tablename__ = "print_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_no: Mapped[str] = mapped_column(String(20), unique=True)  # P20261124-0001
    printed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    printed_by_name: Mapped[str] = mapped_column(String(64))  # the signature on the cover
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    shop_filter: Mapped[str] = mapped_column(String(100), default="")
    courier_filter: Mapped[str] = mapped_column(String(40), default="")
    cutoff: Mapped[str] = mapped_column(String(5), default="")  # HH:MM, "" = none
    label_size: Mapped[str] = mapped_column(String(8))
    order_count: Mapped[int] = mapped_column(Integer)


class PrintBatchOrder(Base):
    """One order in a batch, and the order version its slips show (never changes)."""

    __tablename__ = "print_batch_orders"

    batch_id: Mapped[int] = mapped_column(ForeignKey("print_batches.id"), primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    order_version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_print_batch_orders_order_id", "order_id"),)


class Reprint(Base):
    """Slips printed again with a reason. A whole-batch reprint is one row with no order
    (its orders are named in its audit entry); orders reprinted by name get a row each."""

    __tablename__ = "reprints"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("print_batches.id"))  # the original batch
    reason: Mapped[str] = mapped_column(Text)
    printed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    printed_by_name: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    order_version: Mapped[int | None] = mapped_column(Integer)  # None: a whole batch


class PrintedSlip(Base):
    """What the order's slips in the warehouse show now: updated by printing, reprinting,
    and by the printer acknowledging that they amended the slips by hand.

    ``slip_hash`` fingerprints the printed content, so a later change that does not touch
    the slips (packing, a stage move) does not mark them stale.
    """

    __tablename__ = "printed_slips"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("print_batches.id"))
    order_version: Mapped[int] = mapped_column(Integer)
    slip_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # batch, reprint, amended
    at: Mapped[datetime] = mapped_column(UTCDateTime)
