"""Shopify: the orders export (``orders_export.csv``) and the products export (catalogue).

Orders: one row per line item, grouped by Name (#1001); the order's own columns are filled on
its first row only. The stage comes from Financial Status + Fulfillment Status + Cancelled at;
a Payment Method / Gateway saying cash on delivery marks the order so (it may print unpaid).
Products: one row per variant (and rows for extra images); Title and the options' names are
on a product's first row only, so they are carried down by Handle. docs/imports.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports import cells
from app.services.imports.addresses import province_from_latin
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
    CatalogueEntry,
    ImportedItem,
    ImportedOrder,
    PlatformStatus,
    Record,
    RefusedRow,
)
from app.services.imports.sources import Source

FIELDS: Aliases = {
    "name": ("Name",),
    "email": ("Email",),
    "financial": ("Financial Status",),
    "fulfillment": ("Fulfillment Status",),
    "paid_at": ("Paid at",),
    "created_at": ("Created at",),
    "cancelled_at": ("Cancelled at",),
    "currency": ("Currency",),
    "total": ("Total",),
    "item_quantity": ("Lineitem quantity",),
    "item_name": ("Lineitem name",),
    "item_price": ("Lineitem price",),
    "item_sku": ("Lineitem sku",),
    "ship_name": ("Shipping Name",),
    "ship_phone": ("Shipping Phone",),
    "phone": ("Phone", "Billing Phone"),
    "address1": ("Shipping Address1", "Shipping Street"),
    "address2": ("Shipping Address2",),
    "city": ("Shipping City",),
    "zip": ("Shipping Zip",),
    "province": ("Shipping Province Name", "Shipping Province"),
    "country": ("Shipping Country",),
    "notes": ("Notes",),
    "note_attributes": ("Note Attributes",),
    "payment_method": ("Payment Method", "Payment Gateway", "Gateway"),
    "shipping_method": ("Shipping Method",),
}
REQUIRED = ("name", "financial", "created_at", "total", "item_quantity", "item_name", "item_price")
SIGNATURE = ("Name", "Financial Status", "Lineitem name")

PRODUCT_FIELDS: Aliases = {
    "handle": ("Handle",),
    "title": ("Title",),
    "sku": ("Variant SKU",),
    "barcode": ("Variant Barcode",),
    **{f"option{n}_name": (f"Option{n} Name",) for n in (1, 2, 3)},
    **{f"option{n}_value": (f"Option{n} Value",) for n in (1, 2, 3)},
}
PRODUCT_SIGNATURE = ("Handle", "Variant SKU")

_COD = re.compile(r"cash on delivery|\bcod\b|货到付款", re.IGNORECASE)


def is_products_file(headers: list[str]) -> bool:
    return all(name in headers for name in PRODUCT_SIGNATURE)


def status_of(financial: str, fulfillment: str, cancelled: bool, column: str) -> PlatformStatus:
    financial = financial.lower().strip()
    shipped = fulfillment.lower().strip() in {"fulfilled", "shipped"}
    if financial in {"refunded"}:
        return PlatformStatus.REFUNDED
    if financial == "voided":
        return PlatformStatus.CANCELLED
    if cancelled:
        if financial in {"paid", "partially_refunded"}:
            return PlatformStatus.CLOSED
        return PlatformStatus.CANCELLED
    if financial in {"pending", "authorized", "partially_paid", "unpaid", "expired"}:
        return PlatformStatus.SHIPPED if shipped else PlatformStatus.AWAITING_PAYMENT
    if financial in {"paid", "partially_refunded"}:
        return PlatformStatus.SHIPPED if shipped else PlatformStatus.PAID
    raise unknown_status(column, financial)


def read(source: Source) -> Iterator[Record]:
    columns = Columns(source.headers, FIELDS)
    yield from read_orders(source, columns, "name", _order)


def _order(rows: list[Bound]) -> ImportedOrder:
    head = rows[0]
    paid_at = head.moment("paid_at", zone=UTC)
    cancelled = head.moment("cancelled_at", zone=UTC) is not None
    status = status_of(
        head.text("financial", need=True),
        head.text("fulfillment"),
        cancelled,
        head.columns.name("financial"),
    )
    lines = tuple(
        line
        for line in (head.text("address1", limit=200), head.text("address2", limit=200))
        if line
    )
    country = head.text("country", limit=40).upper()  # ISO code; "" for an order not shipped
    if country and not (len(country) == 2 and country.isalpha()):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The column {column} holds “{value}”, not a two-letter country code."
            ),
            column=head.columns.name("country"),
            value=country[:40],
        )
    province = head.limited("province")
    if country == "CN":  # 浙江省 for the slips, not Zhejiang
        province = province_from_latin(province)
    address = Address(
        country=country,
        province=province,
        city=head.limited("city"),
        postcode=head.limited_as("zip", "postcode"),
        lines=lines,
        # a Chinese address from Shopify still needs a street for the slips
        street=cells.bounded(" ".join(lines), head.columns.name("address1"), cells.LIMITS["street"])
        if country == "CN"
        else "",
    )
    name = head.limited_as("ship_name", "recipient_name")
    phone = cells.bounded(
        head.text("ship_phone") or head.text("phone"),
        head.columns.name("ship_phone"),
        cells.LIMITS["recipient_phone"],
    )
    payment = head.text("payment_method", limit=200)
    return ImportedOrder(
        line=head.line,
        order_no=head.limited_as("name", "order_no"),
        status=status,
        ordered_at=head.required_moment("created_at", zone=UTC),
        paid_at=paid_at,
        buyer_id=cells.bounded(
            head.text("email") or head.text("phone"),
            head.columns.name("email"),
            cells.LIMITS["buyer_id"],
        ),
        recipient_name=name,
        recipient_phone=phone,
        address=address,
        sensitivity=sensitivity(name, phone),
        total=head.amount("total"),
        currency=(head.text("currency", limit=3) or "USD").upper(),
        items=tuple(_item(row) for row in rows),
        seller_memo=head.text("notes"),
        special_requests=_note_attributes(head.text("note_attributes")),
        cash_on_delivery=bool(_COD.search(payment)),
    )


def _item(row: Bound) -> ImportedItem:
    return ImportedItem(
        title=row.text("item_name", limit=cells.LIMITS["title"], need=True),
        sku=row.limited_as("item_sku", "sku"),
        attributes={},
        quantity=row.quantity("item_quantity"),
        price=row.amount("item_price"),
    )


def _note_attributes(text: str) -> dict[str, str]:
    """``Note Attributes`` (``gift-message: Happy birthday``, one a line) → a special request."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return {"other": "; ".join(lines)} if lines else {}


def read_products(source: Source) -> Iterator[CatalogueEntry | RefusedRow]:
    """One entry per variant with a SKU; image-only rows are skipped."""
    columns = Columns(source.headers, PRODUCT_FIELDS)
    handle, title, names = "", "", ["", "", ""]

    for row in source.rows:
        bound = columns.bind(row)
        if row.problem is not None:
            yield RefusedRow(row.line, "", row.problem, source.raw(row))
            continue
        try:
            this_handle = bound.text("handle", limit=255)
            if this_handle != handle:
                handle, title, names = this_handle, "", ["", "", ""]
            title = bound.limited_as("title", "title") or title
            for n in range(3):
                names[n] = bound.text(f"option{n + 1}_name", limit=100) or names[n]
            sku = bound.limited_as("sku", "sku")
            if not sku:
                continue
            options: dict[str, str] = {}
            for n in range(3):
                value = bound.text(f"option{n + 1}_value", limit=100)
                if value and not (names[n] == "Title" and value == "Default Title"):
                    options[names[n] or f"Option{n + 1}"] = value
            barcode = bound.text("barcode", limit=64)
            yield CatalogueEntry(sku=sku, title=title, attributes=options, barcode=barcode)
        except InvalidInput as problem:
            yield RefusedRow(row.line, "", problem, source.raw(row))
