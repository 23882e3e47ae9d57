"""JD (京东) POP: 商家后台 → 订单 → 订单查询与跟踪 → 导出. One row per SKU, grouped by 订单号.

The recipient's phone comes masked (``1******6198``) unless the shop has the right to see it;
the address is one column, mostly written without spaces. docs/imports.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.services.imports.formats import chinese
from app.services.imports.formats.common import Aliases
from app.services.imports.records import PlatformStatus, Record
from app.services.imports.sources import Source

FIELDS: Aliases = {
    "order_no": ("订单号", "订单编号"),
    "title": ("商品名称",),
    "sku": ("商家SKU", "货号", "商家编码", "商品货号"),
    "line_id": ("商品ID", "京东SKU"),
    "attributes": ("商品属性", "销售属性"),
    "quantity": ("订购数量", "商品数量", "数量"),
    "price": ("京东价", "商品单价", "单价"),
    "total": ("应付金额", "订单金额"),
    "status": ("订单状态",),
    "ordered_at": ("下单时间",),
    "paid_at": ("付款确认时间", "支付时间", "付款时间"),
    "buyer_id": ("下单帐号", "下单账号", "用户账号"),
    "recipient_name": ("客户姓名", "收货人"),
    "address": ("客户地址", "收货地址"),
    "recipient_phone": ("联系电话", "手机号", "收货人电话"),
    "buyer_message": ("订单备注", "买家备注"),
    "seller_memo": ("商家备注",),
    "invoice": ("发票抬头",),
    "courier": ("快递公司", "承运商"),
    "tracking_no": ("运单号", "快递单号"),
    "payment_method": ("支付方式",),
}
REQUIRED = (
    "order_no",
    "title",
    "quantity",
    "price",
    "total",
    "status",
    "ordered_at",
    "recipient_name",
    "address",
)
SIGNATURE = ("订单号", "商品ID", "客户姓名", "客户地址")
STATUSES: chinese.StatusRules = (
    ("等待付款", PlatformStatus.AWAITING_PAYMENT),
    ("等待出库", PlatformStatus.PAID),
    ("等待发货", PlatformStatus.PAID),
    ("暂停", PlatformStatus.PAID),
    ("等待确认收货", PlatformStatus.SHIPPED),
    ("已发货", PlatformStatus.SHIPPED),
    ("完成", PlatformStatus.DELIVERED),
    ("取消", chinese.CLOSED_OR_CANCELLED),
    ("锁定", chinese.CLOSED_OR_CANCELLED),
    ("删除", chinese.CLOSED_OR_CANCELLED),
)
SHAPE = chinese.Shape(FIELDS, STATUSES, total_per_row=False)


def read(source: Source) -> Iterator[Record]:
    return chinese.read(source, SHAPE)
