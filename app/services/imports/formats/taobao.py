"""Taobao / Tmall: 订单报表 (``ExportOrderList*.csv``) + 宝贝报表 (``ExportOrderDetailList*``).

The orders file has one row per order; the items file one row per item, joined on 订单编号
and possibly in another order, so it is indexed in memory first (a few hundred bytes an item).
Without the items file an order of one kind of item still reads (title and count from the
orders file); an order of several kinds is refused, since the orders file does not say how
many of each. Columns differ between years, hence the aliases. docs/imports.md.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports import cells
from app.services.imports.addresses import split_address
from app.services.imports.formats.common import (
    Aliases,
    Bound,
    Columns,
    read_orders,
    sensitivity,
    unknown_status,
)
from app.services.imports.records import (
    ImportedItem,
    ImportedOrder,
    PlatformStatus,
    Record,
    RefusedRow,
)
from app.services.imports.sources import Row, Source

ORDER_FIELDS: Aliases = {
    "order_no": ("订单编号", "订单号", "主订单编号"),
    "buyer_id": ("买家会员名", "买家昵称", "买家会员号"),
    "status": ("订单状态",),
    "total": ("买家实际支付金额", "实付款", "实付金额", "买家实付金额"),
    "recipient_name": ("收货人姓名", "收货人"),
    "address": ("收货地址", "收货人地址"),
    "changed_address": ("修改后的收货地址",),
    "mobile": ("联系手机", "手机号", "手机"),
    "phone": ("联系电话", "固定电话"),
    "ordered_at": ("订单创建时间", "创建时间", "下单时间"),
    "paid_at": ("订单付款时间", "付款时间", "支付时间"),
    "titles": ("宝贝标题", "商品标题"),
    "kinds": ("宝贝种类", "商品种类"),
    "count": ("宝贝总数量", "商品总数量", "宝贝数量"),
    "sku": ("商家编码", "商品编码"),
    "buyer_message": ("买家留言",),
    "seller_memo": ("订单备注", "商家备注", "卖家备注"),
    "invoice": ("发票抬头",),
    "changed_sku": ("修改后的sku", "修改后的SKU"),
    "courier": ("物流公司", "快递公司"),
    "tracking_no": ("物流单号", "运单号", "快递单号"),
}
ORDER_REQUIRED = (
    "order_no",
    "buyer_id",
    "status",
    "total",
    "recipient_name",
    "address",
    "ordered_at",
)
# the headers that tell a Taobao orders file from the others
ORDER_SIGNATURE = ("订单编号", "买家会员名", "收货地址")

ITEM_FIELDS: Aliases = {
    "order_no": ("订单编号", "主订单编号"),
    "title": ("标题", "宝贝标题", "商品标题"),
    "price": ("价格", "单价", "商品价格"),
    "quantity": ("购买数量", "数量", "宝贝数量"),
    "attributes": ("商品属性", "销售属性", "宝贝属性"),
    "sku": ("商家编码", "外部系统编号", "商品编码"),
    "line_id": ("子订单编号", "子订单号"),
}
ITEM_REQUIRED = ("order_no", "title", "price", "quantity")
ITEM_SIGNATURE = ("订单编号", "标题", "购买数量")

STATUSES = {
    "等待买家付款": PlatformStatus.AWAITING_PAYMENT,
    "买家已付款，等待卖家发货": PlatformStatus.PAID,
    "卖家部分发货": PlatformStatus.PAID,
    "卖家已发货，等待买家确认": PlatformStatus.SHIPPED,
    "交易成功": PlatformStatus.DELIVERED,
}
CLOSED = "交易关闭"


def is_orders_file(headers: list[str]) -> bool:
    return all(name in headers for name in ORDER_SIGNATURE)


def is_items_file(headers: list[str]) -> bool:
    return all(name in headers for name in ITEM_SIGNATURE) and "收货地址" not in headers


def status_of(raw: str, paid: bool, column: str) -> PlatformStatus:
    text = raw.replace(",", "，").strip()
    if text.startswith(CLOSED):
        return PlatformStatus.CLOSED if paid else PlatformStatus.CANCELLED
    if text in STATUSES:
        return STATUSES[text]
    raise unknown_status(column, raw)


@dataclass
class ItemIndex:
    """The items file's rows by order number, only the columns an item needs, still raw.

    The file has to be read whole before the first order (it may be in another order), so
    this pass only splits the lines; each item is parsed when its order is (a quick preview).
    An item is kept as one string, ``line␟cell␟cell…`` (one string an item, a list for an
    order of several): some 250 bytes an item, where lists of cells took 700.
    """

    columns: Columns  # over the kept columns, named as in the file
    rows: dict[str, str | list[str]]

    def packed(self, order_no: str) -> list[str]:
        """The order's item rows as kept (for its source digest: no parsing)."""
        found = self.rows.get(order_no)
        return [] if found is None else [found] if isinstance(found, str) else found

    def of(self, order_no: str) -> list[Row]:
        found = self.rows.get(order_no)
        if found is None:
            return []
        packed = [found] if isinstance(found, str) else found
        rows = []
        for text in packed:
            line, *values = text.split(_SEP)
            rows.append(Row(int(line), values))
        return rows


_SEP = "\x1f"  # a control character: cleaning removes it from cells anyway


def index_items(source: Source) -> tuple[ItemIndex, list[RefusedRow]]:
    full = Columns(source.headers, ITEM_FIELDS)
    kept = list(full.index)
    pick = operator.itemgetter(*[full.index[field] for field in kept])
    columns = Columns([full.header[field] for field in kept], ITEM_FIELDS)
    order_at = full.index["order_no"]
    width = len(kept) - 1  # separators in a row's kept cells
    rows: dict[str, str | list[str]] = {}
    refused: list[RefusedRow] = []
    clean = cells.clean
    for row in source.rows:
        cells_ = row.cells
        order_no = clean(cells_[order_at]) if order_at < len(cells_) else ""
        if row.problem is not None or not order_no:
            problem = row.problem or InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "The column {column} is empty."),
                column=full.name("order_no"),
            )
            refused.append(RefusedRow(row.line, order_no, problem, source.raw(row)))
            continue
        values = _SEP.join(pick(cells_))
        if values.count(_SEP) != width:  # a cell held the separator: drop it
            values = _SEP.join(v.replace(_SEP, "") for v in pick(cells_))
        packed = f"{row.line}{_SEP}{values}"
        earlier = rows.get(order_no)
        if earlier is None:
            rows[order_no] = packed
        elif isinstance(earlier, str):
            rows[order_no] = [earlier, packed]
        else:
            earlier.append(packed)
    return ItemIndex(columns, rows), refused


def _item(row: Bound) -> ImportedItem:
    return ImportedItem(
        title=row.text("title", limit=cells.LIMITS["title"], need=True),
        sku=row.limited("sku"),
        attributes=cells.attributes(row.raw("attributes")),
        quantity=row.quantity("quantity"),
        price=row.amount("price"),
        platform_line_id=row.text("line_id", limit=64),
    )


def read(orders: Source, items: Source | None) -> Iterator[Record]:
    index = ItemIndex(Columns([], ITEM_FIELDS), {})
    if items is not None:
        index, refused = index_items(items)
        yield from refused
    columns = Columns(orders.headers, ORDER_FIELDS)

    def build(rows: list[Bound]) -> ImportedOrder:
        return _order(rows[0], index, items is not None)

    yield from read_orders(orders, columns, "order_no", build, one_row=True, joined=index.packed)


def _order(row: Bound, index: ItemIndex, with_items: bool) -> ImportedOrder:
    order_no = row.limited("order_no", need=True)
    paid_at = row.moment("paid_at")
    status = status_of(
        row.text("status", need=True), paid_at is not None, row.columns.name("status")
    )
    changed = row.text("changed_address", limit=300)
    address = split_address(changed or row.text("address", limit=300, need=True))
    for part in ("province", "city", "district", "street", "postcode"):
        cells.bounded(getattr(address, part), row.columns.name("address"), cells.LIMITS[part])
    name = row.limited("recipient_name")
    phone = cells.bounded(
        row.text("mobile") or row.text("phone"),
        row.columns.name("mobile"),
        cells.LIMITS["recipient_phone"],
    )
    from_summary = not index.of(order_no)
    items = _items_of(row, order_no, index, with_items)
    changed_sku = row.text("changed_sku", limit=200)
    sku_changed = bool(changed_sku) and len(items) == 1
    extras: dict[str, str] = {}
    if invoice := row.text("invoice", limit=200):
        extras["invoice"] = invoice
    if changed_sku and not sku_changed:  # which item it meant is not said: show it to a person
        extras["other"] = f"{row.columns.name('changed_sku')}: {changed_sku}"
    if sku_changed:
        attributes = cells.attributes(changed_sku)
        items = (
            ImportedItem(
                title=items[0].title,
                sku=items[0].sku,
                attributes=attributes,
                quantity=items[0].quantity,
                price=items[0].price,
                platform_line_id=items[0].platform_line_id,
            ),
        )
    return ImportedOrder(
        line=row.line,
        order_no=order_no,
        status=status,
        ordered_at=row.required_moment("ordered_at"),
        paid_at=paid_at,
        buyer_id=row.limited("buyer_id"),
        recipient_name=name,
        recipient_phone=phone,
        address=address,
        sensitivity=sensitivity(name, phone, address.street),
        total=row.amount("total"),
        items=items,
        buyer_message=row.text("buyer_message"),
        seller_memo=row.text("seller_memo"),
        special_requests=extras,
        courier=row.limited("courier"),
        tracking_no=_tracking(row.limited("tracking_no")),
        address_changed_on_platform=bool(changed),
        sku_changed_on_platform=sku_changed,
        items_from_summary=from_summary,
    )


def _tracking(value: str) -> str:
    """Older exports write ``No:YT1234…``; several parcels are separated by commas (first kept)."""
    value = value.removeprefix("No:").removeprefix("No：")
    return value.replace("，", ",").split(",")[0].strip()


def _items_of(
    row: Bound, order_no: str, index: ItemIndex, with_items: bool
) -> tuple[ImportedItem, ...]:
    entries = index.of(order_no)
    if entries:
        return tuple(_item(index.columns.bind(entry)) for entry in entries)
    kinds = row.text("kinds") or "1"
    if kinds.strip() not in {"", "1"}:
        if with_items:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "The items file has no items for the order {order_no}."
                ),
                order_no=order_no,
            )
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The order {order_no} has {kinds} kinds of items and the orders file does not say "
                "how many of each: import it together with its items file "
                "(ExportOrderDetailList…).",
            ),
            order_no=order_no,
            kinds=kinds,
        )
    count = row.quantity("count") if row.raw("count").strip() else 1
    total = row.amount("total")
    return (
        ImportedItem(
            title=row.text("titles", limit=cells.LIMITS["title"], need=True),
            sku=row.limited("sku"),
            attributes={},
            quantity=count,
            price=(total / count).quantize(Decimal("0.01")),
        ),
    )
