"""拼多多: 商家后台 → 订单 → 订单查询 → 批量导出. One row per order (per goods, if several).

省 / 市 / 区 / 街道 / 详细地址 in their own columns; the recipient's name and phone come masked
unless the shop decrypts them; amounts are in columns named ``…(元)``. docs/imports.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.services.imports.formats import chinese
from app.services.imports.formats.common import Aliases
from app.services.imports.records import PlatformStatus, Record
from app.services.imports.sources import Source

FIELDS: Aliases = {
    "order_no": ("订单号", "订单编号"),
    "title": ("商品", "商品名称"),
    "attributes": ("商品规格", "规格"),
    "quantity": ("商品数量(件)", "商品数量"),
    "sku": ("商家编码-SKU维度", "商家编码-规格维度", "商家编码-商品维度", "商家编码"),
    "line_total": ("商品总价(元)", "商品总价"),
    "total": ("用户实付金额(元)", "用户实付金额", "实付金额(元)"),
    "status": ("订单状态",),
    "ordered_at": ("订单成交时间", "下单时间", "成团时间"),
    "paid_at": ("支付时间",),
    "buyer_id": ("买家昵称", "用户昵称"),
    "recipient_name": ("收货人",),
    "recipient_phone": ("手机", "收货人手机号", "联系电话"),
    "province": ("省",),
    "city": ("市",),
    "district": ("区",),
    "town": ("街道",),
    "detail": ("详细地址", "收货地址"),
    "postcode": ("邮编",),
    "buyer_message": ("买家留言",),
    "seller_memo": ("商家备注",),
    "invoice": ("发票抬头",),
    "courier": ("快递公司",),
    "tracking_no": ("快递单号", "运单号"),
    "payment_method": ("支付方式",),
}
REQUIRED = (
    "order_no",
    "title",
    "quantity",
    "line_total",
    "total",
    "status",
    "ordered_at",
    "recipient_name",
    "province",
    "city",
    "detail",
)
SIGNATURE = ("订单号", "商品数量(件)", "用户实付金额(元)")
STATUSES: chinese.StatusRules = (
    ("退款成功", PlatformStatus.CLOSED),
    ("取消", chinese.CLOSED_OR_CANCELLED),
    ("关闭", chinese.CLOSED_OR_CANCELLED),
    ("待支付", PlatformStatus.AWAITING_PAYMENT),
    ("未支付", PlatformStatus.AWAITING_PAYMENT),
    ("待发货", PlatformStatus.PAID),
    ("已发货", PlatformStatus.SHIPPED),
    ("已签收", PlatformStatus.DELIVERED),
    ("已收货", PlatformStatus.DELIVERED),
    ("交易成功", PlatformStatus.DELIVERED),
)
SHAPE = chinese.Shape(FIELDS, STATUSES, total_per_row=False)


def read(source: Source) -> Iterator[Record]:
    return chinese.read(source, SHAPE)
