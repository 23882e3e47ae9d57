"""The mapped tables of the shared order database."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime
from app.models.enums import DocLanguage, Role, Stage


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    # display_name folded (NFKC, no spaces, case-folded): notes are signed with the name,
    # so two staff must never sign alike; NULL only in rows older than migration 0009
    signature_key: Mapped[str | None] = mapped_column(String(128), index=True, unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(r.role) for r in self.roles)


class SignInFailure(Base):
    """Failed sign-ins per user name and PC, known or not: each one slows the next answer."""

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # "name@pc"
    failures: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class UserRole(Base):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)

    user: Mapped[User] = relationship(back_populates="roles")


def _default_doc_language(context: Any) -> str:
    return DocLanguage.for_platform(context.get_current_parameters().get("platform")).value


class Shop(Base):
    __tablename__ = "shops"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    platform: Mapped[str] = mapped_column(String(32), default="taobao")
    # the sender block on shipping labels (columns, not settings: they belong to the shop)
    sender_name: Mapped[str] = mapped_column(String(64), default="")
    sender_phone: Mapped[str] = mapped_column(String(32), default="")
    return_address: Mapped[str] = mapped_column(String(300), default="")
    # the language of the shop's printed documents (DocLanguage); a new shop's follows its platform
    doc_language: Mapped[str] = mapped_column(
        String(8), default=_default_doc_language, server_default=DocLanguage.ZH.value
    )


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    # unique per shop, not globally: two Shopify shops both have #1001
    order_no: Mapped[str] = mapped_column(String(40), index=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"), index=True)
    buyer_id: Mapped[str] = mapped_column(String(100), index=True)
    buyer_message: Mapped[str] = mapped_column(Text, default="")
    recipient_name: Mapped[str] = mapped_column(String(100))
    # casefolded, spaces removed: what name searches compare against
    name_key: Mapped[str] = mapped_column(String(100), index=True)
    recipient_phone: Mapped[str] = mapped_column(String(32), index=True)
    province: Mapped[str] = mapped_column(String(40))
    city: Mapped[str] = mapped_column(String(40))
    district: Mapped[str] = mapped_column(String(40))
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(12), default="")
    # ISO 3166-1 alpha-2; an order abroad keeps its address lines (Address1, Address2…)
    country: Mapped[str] = mapped_column(String(2), default="CN", server_default="CN")
    address_lines: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # Sensitivity: clear, or masked/encrypted by the platform (then never printed as real)
    sensitivity: Mapped[str] = mapped_column(String(12), default="clear", server_default="clear")
    # an unpaid imported order has no payment time yet (stage awaiting payment)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    ordered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stage: Mapped[str] = mapped_column(String(16), default=Stage.PAID.value)
    courier: Mapped[str] = mapped_column(String(40), default="")
    tracking_no: Mapped[str | None] = mapped_column(String(40), index=True)
    # where the waybill number came from (WaybillSource): a number from an e-waybill tool's
    # export means that tool printed the shipping label, so a batch prints the note only
    waybill_source: Mapped[str | None] = mapped_column(String(8))
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    cash_on_delivery: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # the platform's own word for the order (PlatformStatus) and the values of the fields the
    # platform owns as the last import gave them: a later import tells a change made here
    # since then (a conflict) from a change made on the platform (applied)
    platform_status: Mapped[str | None] = mapped_column(String(20))
    platform_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the file's rows of the order at its last import, hashed: rows that read the same next
    # time are not parsed again (app/services/imports/formats/common.source_digest)
    source_digest: Mapped[str | None] = mapped_column(String(32))
    # the customer's special requests the slips must show: invoice title, card, delivery time…
    extras: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # who packed and labelled it at the packing desk, and when (the stage table's stamps)
    packed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    packed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    shop: Mapped[Shop] = relationship()
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])
    items: Mapped[list[OrderItem]] = relationship(
        back_populates="order", order_by="OrderItem.position", cascade="all, delete-orphan"
    )
    notes: Mapped[list[Note]] = relationship(back_populates="order", order_by="Note.id")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # the order list pages by id within a stage
    __table_args__ = (
        Index("ix_orders_stage_id", "stage", "id"),
        # a shop's paid orders per week, counted from the index alone (the trend charts)
        Index("ix_orders_shop_id_paid_at", "shop_id", "paid_at"),
        # supervision: paid orders not printed by the cut-off, oldest payment first
        Index("ix_orders_stage_paid_at", "stage", "paid_at"),
        UniqueConstraint("shop_id", "order_no", name="uq_orders_shop_id_order_no"),
    )


class OrderItem(Base):
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    sku: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    attributes: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    quantity: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))

    order: Mapped[Order] = relationship(back_populates="items")


class NameGram(Base):
    """Posting list of recipient-name bigrams (see app.services.orders.search_index)."""

    __tablename__ = "name_grams"

    gram: Mapped[str] = mapped_column(String(2), primary_key=True)
    # no foreign key: derived from the order's name, written with it (migration 0020)
    order_id: Mapped[int] = mapped_column(Integer, primary_key=True)

    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012


class Note(Base):
    """An order note: append-only, signed with its author and the database time.

    Database triggers refuse UPDATE and DELETE, so no door can rewrite one.
    """

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # the signature is frozen at writing time: a later rename does not rewrite history
    author_name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(24), default="free")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("notes.id"))

    order: Mapped[Order] = relationship(back_populates="notes")


class AuditEntry(Base):
    """One link of the hash-chained audit log (append-only, like notes)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_key: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_key"),)


class AuditHead(Base):
    """The chain's last link and length: removing the newest entries is noticed too."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer, default=0)


class ItemBarcode(Base):
    """A product barcode (EAN/UPC, a supplier's or the shop's own label) and the SKU it is:
    what the packing desk's scanner reads off an item. A SKU may have several."""

    __tablename__ = "item_barcodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    barcode: Mapped[str] = mapped_column(String(64))
    sku: Mapped[str] = mapped_column(String(64))
    loaded_by: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("shop_id", "barcode", name="uq_item_barcodes_shop_id_barcode"),
        Index("ix_item_barcodes_shop_id_sku", "shop_id", "sku"),
    )


class Setting(Base):
    """Settings the whole team shares (per-PC settings live in the user's config)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
