"""The shape JD, 抖店 and 拼多多 exports share: one row per item, Chinese statuses and addresses.

Each platform module names its columns and its status words; the order is built here. The
address is either one column (JD: split by ``addresses.split_address``) or 省 / 市 / 区 / 街道 /
详细地址 in their own columns (抖店, 拼多多). Masked (``1******6198``) or encrypted (``##…``)
recipient details are kept as given and marked. docs/imports.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from app.services.imports import cells
from app.services.imports.addresses import province_name, split_address
from app.services.imports.formats.common import (
    Aliases,
    Bound,
    Columns,
    read_orders,
    sensitivity,
    unknown_status,
)
from app.services.imports.records import (
    Address,
    ImportedItem,
    ImportedOrder,
    PlatformStatus,
    Record,
)
from app.services.imports.sources import Source

# the status word meaning "closed": CLOSED once paid, CANCELLED before payment
CLOSED_OR_CANCELLED = "closed-or-cancelled"
StatusRules = tuple[tuple[str, PlatformStatus | str], ...]


@dataclass(frozen=True)
class Shape:
    fields: Aliases
    statuses: StatusRules  # (word in the status, what it means), first match wins
    total_per_row: bool  # the amount column is the row's (summed), not the order's (repeated)


def status_of(raw: str, paid: bool, rules: StatusRules, column: str) -> PlatformStatus:
    text = raw.strip().lower()  # English words in a mapped file: Paid, SHIPPED…
    for word, meaning in rules:
        if word in text:
            if meaning == CLOSED_OR_CANCELLED:
                return PlatformStatus.CLOSED if paid else PlatformStatus.CANCELLED
            return PlatformStatus(meaning)
    raise unknown_status(column, raw)


def read(source: Source, shape: Shape) -> Iterator[Record]:
    columns = Columns(source.headers, shape.fields)

    def build(rows: list[Bound]) -> ImportedOrder:
        return _order(rows, shape)

    yield from read_orders(source, columns, "order_no", build)


def address_of(row: Bound) -> Address:
    if not row.columns.has("province"):
        found = split_address(row.text("address", limit=300, need=True))
        for part in ("province", "city", "district", "street", "postcode"):
            cells.bounded(getattr(found, part), row.columns.name("address"), cells.LIMITS[part])
        return found
    province = province_name(row.limited("province"))
    city = row.limited("city")
    district = row.limited("district")
    town = row.text("town", limit=100)
    detail = row.text("detail", limit=200)
    # some exports repeat the parts in 详细地址: drop them, longest first (天津市 before 天津)
    parts = sorted({row.raw("province").strip(), province, city, district, town} - {""}, key=len)
    stripped = True
    while stripped:
        stripped = False
        for known in reversed(parts):
            if detail.startswith(known):
                detail, stripped = detail[len(known) :].lstrip(), True
    street = cells.bounded(
        f"{town}{detail}" if town and not cells.is_encrypted(detail) else detail or town,
        row.columns.name("detail"),
        cells.LIMITS["street"],
    )
    return Address(
        province=province,
        city=city,
        district=district,
        street=street,
        postcode=row.limited("postcode"),
    )


def _order(rows: list[Bound], shape: Shape) -> ImportedOrder:
    head = rows[0]
    paid_at = head.moment("paid_at")
    if head.columns.has("status"):
        words = head.text("status", need=True)
        status = status_of(words, paid_at is not None, shape.statuses, head.columns.name("status"))
    else:  # a shop's own list without a status column: orders to send
        status = PlatformStatus.PAID
    name = head.limited("recipient_name")
    phone = head.limited("recipient_phone")
    address = address_of(head)
    items = tuple(_item(row) for row in rows)
    if not head.columns.has("total"):
        total = sum((item.price * item.quantity for item in items), Decimal("0.00"))
    elif shape.total_per_row:
        total = sum((row.amount("total", blank=Decimal(0)) for row in rows), Decimal("0.00"))
    else:
        total = head.amount("total")
    extras: dict[str, str] = {}
    if invoice := head.text("invoice", limit=200):
        extras["invoice"] = invoice
    return ImportedOrder(
        line=head.line,
        order_no=head.limited("order_no", need=True),
        status=status,
        ordered_at=head.required_moment("ordered_at"),
        paid_at=paid_at,
        buyer_id=head.limited("buyer_id"),
        recipient_name=name,
        recipient_phone=phone,
        address=address,
        sensitivity=sensitivity(name, phone, address.street),
        total=total,
        items=items,
        buyer_message=head.text("buyer_message"),
        seller_memo=head.text("seller_memo"),
        special_requests=extras,
        courier=head.limited("courier"),
        tracking_no=head.limited("tracking_no"),
        cash_on_delivery="货到付款" in head.text("payment_method", limit=100),
    )


def _item(row: Bound) -> ImportedItem:
    quantity = row.quantity("quantity")
    if row.columns.has("price"):
        price = row.amount("price")
    else:  # only the row's total is given (拼多多 商品总价(元))
        price = (row.amount("line_total") / quantity).quantize(Decimal("0.01"))
    return ImportedItem(
        title=row.text("title", limit=cells.LIMITS["title"], need=True),
        sku=row.limited("sku"),
        attributes=cells.attributes(row.raw("attributes")),
        quantity=quantity,
        price=price,
        platform_line_id=row.text("line_id", limit=64),
    )
