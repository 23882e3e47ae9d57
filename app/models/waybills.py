"""Waybill numbers (运单号): the couriers' number patterns, and the number pools (号段 /
单号池) a courier's local branch issues to a shop.

Patterns are data (seeded by migration 0013 from docs/waybills.md, edited by an
administrator): a shop can add a courier or correct a pattern without a new release.
A pool number is taken by one order at most: ``order_id`` is set in the write transaction
that records the print batch, guarded by ``order_id IS NULL`` (app/services/dispatch/pools.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class CourierPattern(Base):
    """One courier: its code, the names orders spell it with, and its number pattern."""

    __tablename__ = "courier_patterns"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)  # SF, ZTO, …
    name: Mapped[str] = mapped_column(String(40))  # what labels and orders show: 顺丰速运
    # other spellings seen on orders and in exports (顺丰, 顺丰快递, SF Express …)
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    pattern: Mapped[str] = mapped_column(String(200))  # a full-match regular expression
    example: Mapped[str] = mapped_column(String(40), default="")
    # its numbers are issued in sequential runs (号段) that a FIRST-LAST range describes;
    # a number with a check digit (SF, EMS's S10) or letters inside cannot be counted through
    ranges: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by_name: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WaybillLoad(Base):
    """One load of numbers into a pool: who, when, how many, from what."""

    __tablename__ = "waybill_loads"

    id: Mapped[int] = mapped_column(primary_key=True)
    courier_code: Mapped[str] = mapped_column(ForeignKey("courier_patterns.code"))
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    source: Mapped[str] = mapped_column(String(300))  # the file's name, or FIRST-LAST
    count: Mapped[int] = mapped_column(Integer)
    loaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    loaded_by_name: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WaybillNumber(Base):
    """A number of a pool; free while ``order_id`` is empty."""

    __tablename__ = "waybill_numbers"

    id: Mapped[int] = mapped_column(primary_key=True)  # the pool hands numbers out by id
    courier_code: Mapped[str] = mapped_column(ForeignKey("courier_patterns.code"))
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    number: Mapped[str] = mapped_column(String(40))
    load_id: Mapped[int] = mapped_column(ForeignKey("waybill_loads.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), unique=True)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        # a courier never issues a number twice: loading it twice is refused
        UniqueConstraint("courier_code", "number", name="uq_waybill_numbers_courier_number"),
        # the next free numbers of a pool, in the order they were loaded
        Index("ix_waybill_numbers_pool", "courier_code", "shop_id", "order_id", "id"),
    )
