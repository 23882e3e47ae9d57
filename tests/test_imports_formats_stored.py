"""Every fixture export, read by its reader and merged into SQLite and PostgreSQL: what is
stored, field by field, for an order of each format (issue 10, acceptance A1).

tests/imports/* check the readers without a database; here the same files go the whole way
(``open_reading`` + ``merge.import_orders``), so a field the merge drops or changes shows.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Order, Role, Shop
from app.services.core.actor import Actor
from app.services.imports import merge
from app.services.imports.reading import open_reading
from tests.test_imports_mappings import MAPPING

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
WECHAT_MAPPING = {**MAPPING, "status": "状态"}  # the dialog's mapping, with the status


def import_fixture(
    db: Database, actor: Actor, shop: str, *names: str, mapping: dict[str, str] | None = None
) -> merge.ImportSummary:
    paths = [FIXTURES / name for name in names]
    reading = open_reading(paths, mapping=mapping)
    return merge.import_orders(db, actor, reading, paths, shop=shop)


def stored(db: Database, shop: str, order_no: str) -> dict[str, Any]:
    """The order as a person sees it in AfterDesk: recipient, address, items, stage, notes."""

    def read(s) -> dict[str, Any]:
        o = s.execute(
            select(Order).join(Shop).where(Shop.name == shop, Order.order_no == order_no)
        ).scalar_one()
        return {
            "stage": o.stage,
            "recipient": (o.recipient_name, o.recipient_phone, o.sensitivity),
            "address": (o.country, o.province, o.city, o.district, o.street, o.postcode),
            "lines": list(o.address_lines or []),
            "items": [
                (i.sku, i.title, dict(i.attributes or {}), i.quantity, Decimal(i.price))
                for i in sorted(o.items, key=lambda i: i.position)
            ],
            "total": (Decimal(o.total), o.currency),
            "buyer_message": o.buyer_message,
            "special_requests": dict(o.extras or {}),
            "shipping": (o.courier, o.tracking_no or ""),
            "cash_on_delivery": bool(o.cash_on_delivery),
            "notes": [(n.text, n.author_name, n.kind) for n in o.notes],
        }

    return db.read(read)


CASES = [
    pytest.param(
        "悦步", ("taobao/ExportOrderList2019.csv", "taobao/ExportOrderDetailList2019.csv"), None,
        "3012345678901234567",
        {
            "stage": "paid",
            "recipient": ("张伟", "13812345678", "clear"),  # the leading ' is gone
            "address": ("CN", "浙江省", "杭州市", "西湖区", "文三路 100号 3幢501室", "310012"),
            "lines": [],
            "items": [
                ("XB-CAN-灰-40", "轻跑帆布鞋", {"颜色分类": "灰色", "尺码": "40"}, 2,
                 Decimal("99.00")),
                ("XB-SOCK-3", "运动袜三双装", {"颜色分类": "白色"}, 1, Decimal("59.00")),
            ],
            "total": (Decimal("257.00"), "CNY"),
            "buyer_message": "请周五前发货，谢谢",
            "special_requests": {"invoice": "杭州悦步科技有限公司"},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [("老客户，送贺卡", "淘宝 (导入)", "imported")],
        },
        id="taobao-2019-gbk",
    ),
    pytest.param(
        "悦步", ("taobao/ExportOrderList2019.csv", "taobao/ExportOrderDetailList2019.csv"), None,
        "3012345678901234568",
        {
            "stage": "shipped",
            "recipient": ("王小明", "13900001111", "clear"),
            "address": (
                "CN", "北京市", "北京市", "朝阳区", "建国路 88号 现代城1号楼1201", "100022",
            ),
            "lines": [],
            "items": [
                ("XB-CAN-黑-42", "轻跑帆布鞋", {"颜色分类": "黑色", "尺码": "42"}, 1,
                 Decimal("129.00")),
            ],
            "total": (Decimal("129.00"), "CNY"),
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("圆通速递", "YT1234567890123"),  # "No:" dropped
            "cash_on_delivery": False,
            "notes": [],
        },
        id="taobao-2019-shipped-municipality",
    ),
    pytest.param(
        "悦步", ("taobao/ExportOrderDetailList2024.csv", "taobao/ExportOrderList2024.csv"), None,
        "4012345678901234502",
        {
            "stage": "paid",
            "recipient": ("周杰", "13922223333", "clear"),
            "address": ("CN", "重庆市", "重庆市", "渝中区", "解放碑 步行街 8号", "400010"),
            "lines": [],
            "items": [("XB-SOCK-3B", "运动袜三双装", {"颜色分类": "黑色"}, 2, Decimal("99.00"))],
            "total": (Decimal("198.00"), "CNY"),
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [],
        },
        id="taobao-2024-utf8-bom",
    ),
    pytest.param(
        "京东自营店", ("jd/jd_orders.csv",), None, "290000000001",
        {
            "stage": "paid",
            "recipient": ("王**", "1******6198", "masked"),
            "address": ("CN", "北京市", "北京市", "朝阳区", "三环以内建国路88号院2号楼", ""),
            "lines": [],
            "items": [  # one row per SKU, grouped into one order
                ("XB-CAN-灰-40", "轻跑帆布鞋 灰色 40", {}, 2, Decimal("129.00")),
                ("XB-SOCK-3", "运动袜三双装 白色", {}, 1, Decimal("100.00")),
            ],
            "total": (Decimal("358.00"), "CNY"),
            "buyer_message": "工作日送货",
            "special_requests": {"invoice": "个人"},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [("核对尺码", "京东 (导入)", "imported")],
        },
        id="jd-masked",
    ),
    pytest.param(
        "抖店旗舰店", ("douyin/douyin_orders.csv",), None, "6920000000000000001",
        {
            "stage": "paid",
            "recipient": ("##E5B2A3F0C1D2##", "##9A8B7C6D5E4F##", "encrypted"),
            "address": ("CN", "湖北省", "武汉市", "洪山区", "##1F2E3D4C5B6A7988##", ""),
            "lines": [],
            "items": [
                ("XB-CAN-灰-39", "轻跑帆布鞋", {"颜色": "灰色", "尺码": "39"}, 1, Decimal("99.00")),
                ("XB-SOCK-3", "运动袜三双装", {"规格": "白色"}, 2, Decimal("29.50")),
            ],
            "total": (Decimal("158.00"), "CNY"),
            "buyer_message": "尽快发",
            "special_requests": {},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [],
        },
        id="douyin-encrypted",
    ),
    pytest.param(
        "抖店旗舰店", ("douyin/douyin_orders.csv",), None, "6920000000000000002",
        {
            "stage": "shipped",
            "recipient": ("孙丽", "13755556666", "clear"),
            "address": ("CN", "福建省", "厦门市", "思明区", "鹭江街道鹭江道 2号 1801", ""),
            "lines": [],
            "items": [
                ("XB-CAN-黑-41", "轻跑帆布鞋", {"颜色": "黑色", "尺码": "41"}, 1, Decimal("99.00")),
            ],
            "total": (Decimal("99.00"), "CNY"),
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("中通快递", "75300000000001"),  # the leading tab is gone
            "cash_on_delivery": True,
            "notes": [],
        },
        id="douyin-shipped-cod",
    ),
    pytest.param(
        "拼多多店", ("pinduoduo/pdd_orders.csv",), None, "261120-123456789012345",
        {
            "stage": "paid",
            "recipient": ("李*", "138****5678", "masked"),
            "address": ("CN", "河南省", "郑州市", "金水区", "花园路街道花园路 10号 ****", ""),
            "lines": [],
            "items": [
                ("XB-CAN-灰-38", "轻跑帆布鞋 透气休闲", {"规格": "灰色,38码"}, 2, Decimal("99.00")),
            ],
            "total": (Decimal("188.00"), "CNY"),  # written 188.00元
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [],
        },
        id="pinduoduo-masked",
    ),
    pytest.param(
        "拼多多店", ("pinduoduo/pdd_orders.csv",), None, "261119-123456789012346",
        {
            "stage": "shipped",
            "recipient": ("赵刚", "13911112222", "clear"),
            "address": ("CN", "天津市", "天津市", "和平区", "南营门街道南京路 20号", ""),
            "lines": [],
            "items": [("XB-SOCK-3", "运动袜三双装", {"规格": "白色"}, 1, Decimal("29.90"))],
            "total": (Decimal("29.90"), "CNY"),
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("极兔速递", "JT0000000001"),
            "cash_on_delivery": False,
            "notes": [],
        },
        id="pinduoduo-shipped",
    ),
    pytest.param(
        "Maple", ("shopify/orders_export.csv",), None, "#1001",
        {
            "stage": "paid",
            "recipient": ("Anna Keller", "+41 61 000 00 00", "clear"),
            "address": ("CH", "Basel-Stadt", "Basel", "", "", "4001"),  # '4001 → 4001
            "lines": ["Rheinweg 12", "3. Stock"],
            "items": [
                ("XB-CAN-GRY-40", "Canvas Runner - Grey / 40", {}, 1, Decimal("99.00")),
                ("XB-SOCK-3", "Sport Socks 3-pack", {}, 3, Decimal("13.00")),
            ],
            "total": (Decimal("145.00"), "CHF"),
            "buyer_message": "",
            "special_requests": {"other": "gift-message: Alles Gute!"},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [
                (
                    'Please leave at the door.\nRing twice,\n"back" entrance',
                    "Shopify (导入)",
                    "imported",
                )
            ],
        },
        id="shopify-abroad",
    ),
    pytest.param(
        "Maple", ("shopify/orders_export.csv",), None, "#1003",
        {
            "stage": "paid",  # pending, but cash on delivery: it prints
            "recipient": ("Maria Santos", "", "clear"),
            "address": ("PH", "", "Quezon City", "", "", "1100"),
            "lines": ["12 Mabini St"],
            "items": [
                ("XB-CAN-BLK-38", "Canvas Runner - Black / 38", {}, 1, Decimal("2450.00")),
            ],
            "total": (Decimal("2450.00"), "PHP"),
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("", ""),
            "cash_on_delivery": True,
            "notes": [],
        },
        id="shopify-cod",
    ),
    pytest.param(
        "微信小店", ("mapped/wechat_orders.xlsx",), WECHAT_MAPPING, "WX-0001",
        {
            "stage": "paid",
            "recipient": ("周芳", "13812340000", "clear"),  # a number cell, not 1.38e10
            "address": ("CN", "江苏省", "南京市", "鼓楼区", "中山路1号", ""),
            "lines": [],
            "items": [
                ("XB-CAN-灰-40", "轻跑帆布鞋", {"颜色": "灰色", "尺码": "40"}, 1, Decimal("99.00")),
                ("XB-SOCK-3", "运动袜三双装", {}, 2, Decimal("29.50")),
            ],
            "total": (Decimal("158.00"), "CNY"),  # no total column: the items' sum
            "buyer_message": "",
            "special_requests": {},
            "shipping": ("", ""),
            "cash_on_delivery": False,
            "notes": [],
        },
        id="mapped-xlsx",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("shop", "files", "mapping", "order_no", "expected"), CASES)
def test_each_format_is_stored_field_by_field(
    db, staff, shop, files, mapping, order_no, expected
) -> None:
    summary = import_fixture(db, staff[Role.PRINTER], shop, *files, mapping=mapping)
    assert summary.finished and summary.counts.refused == 0, summary.refused
    assert stored(db, shop, order_no) == expected


STAGES = [
    pytest.param(
        ("taobao/ExportOrderList2019.csv", "taobao/ExportOrderDetailList2019.csv"),
        {
            "3012345678901234567": "paid",
            "3012345678901234568": "shipped",
            "3012345678901234569": "delivered",
            "3012345678901234570": "closed",  # 交易关闭 after payment
            "3012345678901234571": "cancelled",  # 交易关闭, never paid
            "3012345678901234572": "awaiting_payment",
        },
        id="taobao",
    ),
    pytest.param(
        ("pinduoduo/pdd_orders.csv",),
        {
            "261120-123456789012345": "paid",
            "261119-123456789012346": "shipped",
            "261118-123456789012347": "closed",  # 未发货，退款成功
        },
        id="pinduoduo",
    ),
    pytest.param(
        ("shopify/orders_export.csv",),
        {"#1001": "paid", "#1002": "shipped", "#1003": "paid", "#1004": "cancelled",
         "#1005": "closed"},
        id="shopify",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("files", "stages"), STAGES)
def test_each_status_of_a_file_becomes_its_stage(db, staff, files, stages) -> None:
    import_fixture(db, staff[Role.PRINTER], "店", *files)
    found = db.read(lambda s: dict(s.execute(select(Order.order_no, Order.stage)).all()))
    assert found == stages


def test_the_orders_file_alone_keeps_the_skus_an_earlier_import_stored(
    db: Database, staff: dict[Role, Actor]
) -> None:
    """Taobao's pair imported, then its orders file alone (the items file left behind): the
    orders' SKUs and sizes stay; nothing changed on the platform, so nothing is updated."""
    printer = staff[Role.PRINTER]
    import_fixture(
        db,
        printer,
        "悦步",
        "taobao/ExportOrderList2019.csv",
        "taobao/ExportOrderDetailList2019.csv",
    )
    before = {no: stored(db, "悦步", no)["items"] for no in ("3012345678901234568",)}
    assert before["3012345678901234568"][0][0] == "XB-CAN-黑-42"
    again = import_fixture(db, printer, "悦步", "taobao/ExportOrderList2019.csv")
    assert again.counts.updated == 0 and again.counts.conflicts == 0
    assert {no: stored(db, "悦步", no)["items"] for no in before} == before
    # the pair again afterwards: still nothing new
    third = import_fixture(
        db,
        printer,
        "悦步",
        "taobao/ExportOrderList2019.csv",
        "taobao/ExportOrderDetailList2019.csv",
    )
    assert third.counts.updated == 0 and third.counts.conflicts == 0
