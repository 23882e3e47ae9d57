"""What imports keep: the shop's SKU catalogue, each import run, and the conflicts it found.

docs/imports.md ("How an import merges") says how these are used.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class CatalogueItem(Base):
    """A SKU the shop sells: seen in an import, imported as a catalogue, or typed by a person."""

    __tablename__ = "catalogue"

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    sku: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    attributes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    barcode: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("shop_id", "sku", name="uq_catalogue_shop_id_sku"),
        # the packing desk reads an item's barcode as its SKU
        Index("ix_catalogue_shop_id_barcode", "shop_id", "barcode"),
    )


class ImportRun(Base):
    """One import of one file (or an orders file with its items file), as far as it got.

    The same file again (same SHA-256, same shop) continues an unfinished run, or is
    recognised as done.
    """

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "orders" or "catalogue"
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    format: Mapped[str] = mapped_column(String(16))
    files: Mapped[list[str]] = mapped_column(JSON)  # the file names, orders file first
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # over the files, in any order
    by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    by_name: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    # records of the file taken in so far: a re-run skips them (each chunk commits this too)
    records_done: Mapped[int] = mapped_column(Integer, default=0)
    last_line: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    # [{"line", "order_no", "problem", "raw"}]: shown, and saved as a CSV to fix and retry
    refused_rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class ImportConflict(Base):
    """A field changed here since the last import that the platform now says otherwise."""

    __tablename__ = "import_conflicts"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_runs.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    field: Mapped[str] = mapped_column(String(32))
    ours: Mapped[Any] = mapped_column(JSON)  # AfterDesk's value (kept)
    theirs: Mapped[Any] = mapped_column(JSON)  # the platform's value (not applied)
    settled_by_name: Mapped[str | None] = mapped_column(String(64))
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    settled_how: Mapped[str | None] = mapped_column(String(16))  # "ours" or "theirs"
    remark: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_import_conflicts_order_id_field", "order_id", "field"),)
