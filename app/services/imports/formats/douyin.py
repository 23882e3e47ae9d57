"""抖店 (Douyin): 抖店 → 订单 → 订单管理 → 导出. One row per 子订单编号 under its 主订单编号.

UTF-8 with a BOM; long ids start with a tab so Excel keeps them as text; the recipient's
name, phone and street come encrypted (``##…``) unless decrypted in the 抖店 first; 省 / 市 /
区 / 街道 / 详细地址 are separate columns. An amount is a sub-order's, so the order's total is
their sum. docs/imports.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.services.imports.formats import chinese
from app.services.imports.formats.common import Aliases
from app.services.imports.records import PlatformStatus, Record
from app.services.imports.sources import Source

FIELDS: Aliases = {
    "order_no": ("主订单编号",),
    "line_id": ("子订单编号",),
    "title": ("选购商品", "商品名称"),
    "attributes": ("商品规格",),
    "quantity": ("商品数量",),
    "sku": ("商家编码", "货号"),
    "price": ("商品单价", "商品金额"),  # 商品金额 is the unit price in older exports
    "total": ("订单应付金额", "应付金额", "订单实付金额"),
    "status": ("订单状态",),
    "ordered_at": ("订单提交时间", "下单时间"),
    "paid_at": ("支付完成时间", "支付时间"),
    "buyer_id": ("买家昵称", "用户昵称"),
    "recipient_name": ("收件人", "收货人"),
    "recipient_phone": ("收件人手机号", "收件人电话", "联系电话"),
    "province": ("省",),
    "city": ("市",),
    "district": ("区",),
    "town": ("街道",),
    "detail": ("详细地址",),
    "postcode": ("邮编",),
    "buyer_message": ("买家留言",),
    "seller_memo": ("商家备注",),
    "invoice": ("发票抬头",),
    "courier": ("快递公司", "物流公司"),
    "tracking_no": ("快递单号", "运单号", "物流单号"),
    "payment_method": ("支付方式",),
}
REQUIRED = (
    "order_no",
    "title",
    "quantity",
    "price",
    "status",
    "ordered_at",
    "recipient_name",
    "province",
    "city",
    "detail",
)
SIGNATURE = ("主订单编号", "子订单编号")
STATUSES: chinese.StatusRules = (
    ("待支付", PlatformStatus.AWAITING_PAYMENT),
    ("待付款", PlatformStatus.AWAITING_PAYMENT),
    ("备货中", PlatformStatus.PAID),
    ("待发货", PlatformStatus.PAID),
    ("部分发货", PlatformStatus.PAID),
    ("已发货", PlatformStatus.SHIPPED),
    ("已完成", PlatformStatus.DELIVERED),
    ("已签收", PlatformStatus.DELIVERED),
    ("已关闭", chinese.CLOSED_OR_CANCELLED),
    ("已取消", chinese.CLOSED_OR_CANCELLED),
)
SHAPE = chinese.Shape(FIELDS, STATUSES, total_per_row=True)


def read(source: Source) -> Iterator[Record]:
    return chinese.read(source, SHAPE)
