"""The packing desk's item check (docs/packing.md P3): an item's scan or a tick by hand against
what is still to pack, without the database (the order's codes were read with it)."""

from __future__ import annotations

from collections.abc import Mapping

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.packing.desk_order import (
    Attributes,
    DeskLine,
    DeskOrder,
    Tick,
    attribute_text,
)


# -- P3: the item check ----------
def remaining(order: DeskOrder, ticked: Mapping[int, int]) -> list[DeskLine]:
    return [line for line in order.lines if ticked.get(line.position, 0) < line.quantity]


def left_text(order: DeskOrder, ticked: Mapping[int, int]) -> str:
    return "; ".join(
        f"{x.title} {x.attribute_text} ({x.sku}) ×{x.quantity - ticked.get(x.position, 0)}"
        for x in remaining(order, ticked)
    )


def _stem(sku: str, attributes: Attributes) -> str:
    """The product part of a SKU built as PRODUCT-VALUE-VALUE (XZ-01-黑-40 → XZ-01), for a
    product the catalogue does not know."""
    parts = sku.split("-")
    values = {v for _k, v in attributes}
    while len(parts) > 1 and parts[-1] in values:
        parts.pop()
    return "-".join(parts)


def check_item(order: DeskOrder, ticked: Mapping[int, int], code: str) -> Tick:
    """One item scan against what is still to pack (no database: P3)."""
    text = (code or "").strip()
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Scan the item's barcode."))
    if order.stops:
        raise order.stops[0]
    sku = order.codes.get(text) or order.codes.get(text.casefold())
    lines = [line for line in order.lines if sku is not None and line.sku == sku]
    for line in lines:
        done = ticked.get(line.position, 0)
        if done < line.quantity:
            after = {**ticked, line.position: done + 1}
            return Tick(line.position, line, line.quantity - done - 1, not remaining(order, after))
    if lines:
        line = lines[0]
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "One too many: {title} {attributes} ({sku}) is ticked {quantity} times already, "
                "as many as ordered. Put this one back.",
            ),
            title=line.title,
            attributes=line.attribute_text,
            sku=line.sku,
            quantity=line.quantity,
        )
    wanted = remaining(order, ticked)
    scanned = sku or text
    known = order.variants.get(scanned)
    for line in wanted:
        same = (
            known[0] == line.title
            if known is not None
            else scanned.startswith(_stem(line.sku, line.attributes) + "-")
            and _stem(line.sku, line.attributes) != line.sku
        )
        if same and known is not None and known[1]:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Wrong size or colour: {code} is {its}. This order wants {title} "
                    "{attributes} ({sku}).",
                ),
                code=text,
                its=attribute_text(known[1]),
                title=line.title,
                attributes=line.attribute_text,
                sku=line.sku,
            )
        if same:  # the catalogue does not know its size: the code alone says it
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Wrong size or colour: {code}. This order wants {title} {attributes} ({sku}).",
                ),
                code=text,
                title=line.title,
                attributes=line.attribute_text,
                sku=line.sku,
            )
    raise InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "Wrong item: {code} is not in this order (not one of its SKUs or product "
            "barcodes). Still to pack: {left}.",
        ),
        code=text,
        left=left_text(order, ticked) or "—",
    )


def tick_by_hand(order: DeskOrder, ticked: Mapping[int, int], position: int) -> Tick:
    """A line ticked by hand, in a shop without item barcodes (or an exchange)."""
    if order.stops:
        raise order.stops[0]
    if not order.by_hand:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Items of {shop} are checked by scanning their barcodes, not ticked by hand "
                "(the shop's setting, on the Shops page).",
            ),
            shop=order.shop,
        )
    line = next((x for x in order.lines if x.position == position), None)
    if line is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "There is no such item line in this order.")
        )
    done = ticked.get(position, 0)
    if done >= line.quantity:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{title} {attributes} ({sku}) is ticked off already."),
            title=line.title,
            attributes=line.attribute_text,
            sku=line.sku,
        )
    after = {**ticked, position: done + 1}
    return Tick(position, line, line.quantity - done - 1, not remaining(order, after))
