"""Each platform's bulk-ship upload (批量发货) as data: its file type, its column headers and
its own spelling of each courier. Where the layouts come from: docs/shipments.md."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.models.formats import name_key


class ExportFormat(enum.StrEnum):
    TAOBAO = "taobao"
    JD = "jd"
    DOUYIN = "douyin"
    PDD = "pdd"
    SHOPIFY = "shopify"
    CSV = "csv"


# the fields a row can carry; a layout lists those it needs, in its column order
ORDER_NO, COURIER, TRACKING_NO, SHOP, SHIPPED_AT = (
    "order_no",
    "courier",
    "tracking_no",
    "shop",
    "shipped_at",
)
THREE = (ORDER_NO, COURIER, TRACKING_NO)  # what the Chinese platforms' templates ask
# Shopify (Matrixify's Orders import): the rows of a fulfillment and what it says
CONSTANTS = {
    "command": "UPDATE",
    "line_type": "Fulfillment Line",
    "status": "success",
    "send_receipt": "TRUE",
}


@dataclass(frozen=True)
class Layout:
    headers: tuple[str, ...]
    fields: tuple[str, ...]  # one per header: a field above or a key of CONSTANTS
    xlsx: bool  # else CSV
    spelling: str  # the key of SPELLINGS for the courier column
    bom: bool = True  # a CSV with a BOM opens right in Excel and WPS


LAYOUTS: dict[ExportFormat, Layout] = {
    # 千牛 → 交易 → 批量发货: a CSV of order number, courier company and waybill number
    ExportFormat.TAOBAO: Layout(("订单编号", "物流公司", "运单号"), THREE, False, "cn"),
    # 京麦 → 订单 → 批量出库 (导入发货): an Excel sheet
    ExportFormat.JD: Layout(("订单号", "物流公司", "运单号"), THREE, True, "jd"),
    # 抖店 → 订单 → 批量发货: an Excel sheet
    ExportFormat.DOUYIN: Layout(("订单编号", "快递公司", "快递单号"), THREE, True, "cn"),
    # 拼多多商家后台 → 发货管理 → 批量发货: an Excel sheet
    ExportFormat.PDD: Layout(("订单号", "快递公司", "快递单号"), THREE, True, "cn"),
    # Shopify has no bulk fulfillment upload of its own: Matrixify's Orders import is the
    # usual way; its file name must contain "Order"
    ExportFormat.SHOPIFY: Layout(
        ("Name", "Command", "Line: Type", "Fulfillment: Status", "Fulfillment: Tracking Company",
         "Fulfillment: Tracking Number", "Fulfillment: Send Receipt"),
        (ORDER_NO, "command", "line_type", "status", COURIER, TRACKING_NO, "send_receipt"),
        False,
        "en",
        bom=False,
    ),
    # AfterDesk's own: every field, for a platform or tool not listed
    ExportFormat.CSV: Layout(
        ("order_no", "shop", "courier", "tracking_no", "shipped_at"),
        (ORDER_NO, SHOP, COURIER, TRACKING_NO, SHIPPED_AT),
        False,
        "as_is",
    ),
}  # fmt: skip

# a shop's platform (Shop.platform) → the layout its upload takes; any other: AfterDesk's CSV
FOR_PLATFORM: dict[str, ExportFormat] = {
    "taobao": ExportFormat.TAOBAO,
    "tmall": ExportFormat.TAOBAO,
    "jd": ExportFormat.JD,
    "douyin": ExportFormat.DOUYIN,
    "pinduoduo": ExportFormat.PDD,
    "pdd": ExportFormat.PDD,
    "shopify": ExportFormat.SHOPIFY,
}

# the couriers as AfterDesk's users write them (several spellings each) → one key
ALIASES: dict[str, str] = {
    name_key(alias): key
    for key, aliases in {
        "sf": ("顺丰速运", "顺丰", "顺丰快递", "SF", "SF Express"),
        "zto": ("中通快递", "中通", "ZTO", "ZTO Express"),
        "yto": ("圆通速递", "圆通", "圆通快递", "YTO", "YTO Express"),
        "yunda": ("韵达快递", "韵达", "韵达速递", "Yunda", "Yunda Express"),
        "sto": ("申通快递", "申通", "STO", "STO Express"),
        "ems": ("EMS", "邮政EMS", "中国邮政EMS", "China EMS"),
        "post": ("邮政快递包裹", "中国邮政", "邮政", "China Post"),
        "jd": ("京东快递", "京东物流", "京东", "JD", "JD Logistics"),
        "jt": ("极兔速递", "极兔", "极兔快递", "J&T", "J&T Express"),
        "deppon": ("德邦快递", "德邦", "德邦物流", "Deppon"),
    }.items()
    for alias in aliases
}
SPELLINGS: dict[str, dict[str, str]] = {
    # the names in the couriers lists of Taobao, Douyin and Pinduoduo
    "cn": {
        "sf": "顺丰速运", "zto": "中通快递", "yto": "圆通速递", "yunda": "韵达快递",
        "sto": "申通快递", "ems": "EMS", "post": "邮政快递包裹", "jd": "京东快递",
        "jt": "极兔速递", "deppon": "德邦快递",
    },
    # JD's own list names its own service 京东快递 and SF 顺丰快递
    "jd": {
        "sf": "顺丰快递", "zto": "中通快递", "yto": "圆通快递", "yunda": "韵达快递",
        "sto": "申通快递", "ems": "EMS", "post": "邮政快递包裹", "jd": "京东快递",
        "jt": "极兔速递", "deppon": "德邦快递",
    },
    # Shopify's carrier names (its tracking links are built from them)
    "en": {
        "sf": "SF Express", "zto": "ZTO Express", "yto": "YTO Express", "yunda": "Yunda Express",
        "sto": "STO Express", "ems": "China EMS (ePacket)", "post": "China Post",
        "jd": "JD Logistics", "jt": "J&T Express", "deppon": "Deppon",
    },
    "as_is": {},
}  # fmt: skip


def courier_for(layout: Layout, courier: str) -> str:
    """The courier in the platform's spelling; a courier it does not list, as written."""
    key = ALIASES.get(name_key(courier))
    return SPELLINGS[layout.spelling].get(key or "", courier)
