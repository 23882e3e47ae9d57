"""New orders of a chunk: their rows (orders, items, name index, the platform's notes) built
as the database stores them and inserted with one statement per table, with the ids taken
here; the ORM's per-row cost would be most of an import's time otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.models import Stage
from app.models.formats import name_key
from app.services.core import bulk
from app.services.imports import shops
from app.services.imports.plan import Plan, money
from app.services.imports.records import ImportedOrder
from app.services.imports.runs import Context
from app.services.orders import search_index

IMPORTED_NOTE = "imported"  # Note.kind of a note the platform wrote (the seller's memo)


def _paid_at(record: ImportedOrder, stage: Stage | None) -> datetime | None:
    """When it was paid: the file's time; an order past payment whose file gives none, its
    order time (it sorts the print queue); None while unpaid or cancelled unpaid."""
    if record.paid_at is not None or stage in (Stage.AWAITING_PAYMENT, Stage.CANCELLED):
        return record.paid_at
    return record.ordered_at


def changed_on_platform(record: ImportedOrder, fields: Iterable[str] | None = None) -> str:
    """The platform's own change (Taobao 修改后的收货地址 / 修改后的sku), said in a note, so
    nobody takes the address or size for a mistake of the shop's; ``fields``: what this
    import changes on a known order (None: a new order)."""
    said = []
    if record.address_changed_on_platform and (fields is None or "recipient" in fields):
        said.append("收货地址")
    if record.sku_changed_on_platform and (fields is None or "items" in fields):
        said.append("商品规格（sku）")
    return f"买家已在平台上修改{'和'.join(said)}，已按修改后的导入" if said else ""


NEW_ORDER_COLUMNS = (
    "id", "order_no", "shop_id", "buyer_id", "buyer_message", "recipient_name", "name_key",
    "recipient_phone", "province", "city", "district", "street", "postcode", "country",
    "address_lines", "sensitivity", "paid_at", "ordered_at", "stage", "courier", "tracking_no",
    "total", "currency", "cash_on_delivery", "platform_status", "platform_values", "extras",
    "created_at", "updated_at", "updated_by_id", "version", "source_digest",
)  # fmt: skip
ITEM_COLUMNS = ("id", "order_id", "position", "sku", "title", "attributes", "quantity", "price")
NOTE_COLUMNS = (
    "id", "order_id", "author_id", "author_name", "created_at", "text", "flagged", "kind",
)  # fmt: skip


class _Raw:
    """Values as the database stores them, for ``bulk.insert_rows`` (executemany / COPY):
    the ORM's per-row cost is most of an import's time otherwise."""

    def __init__(self, session: Session) -> None:
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def time(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        naive = value.astimezone(UTC).replace(tzinfo=None)
        # SQLite: the text SQLAlchemy writes; PostgreSQL: timestamptz in UTC
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") + ("" if self.sqlite else "+00:00")

    def flag(self, value: bool) -> Any:
        return int(value) if self.sqlite else value

    @staticmethod
    def json(value: Any) -> str:
        if not value and isinstance(value, dict | list):
            return "{}" if isinstance(value, dict) else "[]"  # most attributes and lines
        return json.dumps(value, ensure_ascii=False)


def insert_new(
    session: Session, ctx: Context, plans: list[Plan], now: datetime, note_id: int
) -> dict[str, int]:
    """New orders, their items, name index and memos in one multi-row insert per table, with
    ids taken here (writers are serialised: no other insert can take them meanwhile);
    ``note_id``: the next free note id. Round trips counted: each costs more than a row."""
    raw = _Raw(session)
    order_id, item_id = bulk.next_ids(session, ("orders", "order_items"))
    stamp = raw.time(now)
    ids: dict[str, int] = {}
    orders: list[tuple[Any, ...]] = []
    items: list[tuple[Any, ...]] = []
    grams: list[tuple[Any, ...]] = []
    memos: list[tuple[Any, ...]] = []
    author = f"{shops.platform_name(ctx.platform)} (导入)"
    for p in plans:
        r, a = p.record, p.record.address
        key = name_key(r.recipient_name)[:100]
        ids[r.order_no] = order_id
        orders.append(
            (
                order_id, r.order_no, ctx.shop_id, r.buyer_id, r.buyer_message, r.recipient_name,
                key, r.recipient_phone, a.province, a.city, a.district, a.street, a.postcode,
                a.country or "CN", raw.json(list(a.lines)), r.sensitivity.value,
                raw.time(_paid_at(r, p.stage)), raw.time(r.ordered_at),
                (p.stage or Stage.PAID).value, r.courier, r.tracking_no or None,
                money(r.total), r.currency, raw.flag(r.cash_on_delivery), r.status.value,
                p.snapshot_text or raw.json(p.snapshot), raw.json(dict(r.special_requests)),
                stamp, stamp, ctx.actor.user_id, 1, r.source_digest or None,
            )
        )  # fmt: skip
        for position, i in enumerate(r.items):
            items.append(
                (item_id, order_id, position, i.sku, i.title, raw.json(dict(i.attributes)),
                 i.quantity, money(i.price))
            )  # fmt: skip
            item_id += 1
        grams.extend(search_index.gram_rows(order_id, key))
        for text in (p.memo, changed_on_platform(r)):
            if text:
                memos.append(
                    (note_id, order_id, ctx.actor.user_id, author, stamp, text, raw.flag(False),
                     IMPORTED_NOTE)
                )  # fmt: skip
                note_id += 1
        order_id += 1
    bulk.insert_rows(session, "orders", NEW_ORDER_COLUMNS, orders)
    bulk.insert_rows(session, "order_items", ITEM_COLUMNS, items)
    bulk.insert_rows(session, "name_grams", ("gram", "order_id"), grams)
    if memos:
        bulk.insert_rows(session, "notes", NOTE_COLUMNS, memos)
    bulk.sync_sequences(
        session, ("orders", "order_items", "notes") if memos else ("orders", "order_items")
    )
    return ids
