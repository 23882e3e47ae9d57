"""JD, 抖店, 拼多多, Shopify, the mapped CSV/XLSX and the Shopify catalogue, field by field."""

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from app.services.imports.reading import open_catalogue
from app.services.imports.records import (
    Address,
    CatalogueEntry,
    FormatId,
    ImportedItem,
    PlatformStatus,
    Sensitivity,
)
from tests.imports.helpers import FIXTURES, read_all

CHINA = timezone(timedelta(hours=8))


def test_jd_rows_per_sku_grouped_with_masked_recipient() -> None:
    reading, orders, refused = read_all(FIXTURES / "jd" / "jd_orders.csv")
    assert (reading.format, reading.platform, refused) == (FormatId.JD, "jd", [])
    order = orders["290000000001"]
    assert order.status is PlatformStatus.PAID
    assert order.recipient_name == "王**" and order.recipient_phone == "1******6198"
    assert order.sensitivity is Sensitivity.MASKED
    assert order.address == Address(
        province="北京市", city="北京市", district="朝阳区", street="三环以内建国路88号院2号楼"
    )
    assert order.items == (
        ImportedItem(
            "轻跑帆布鞋 灰色 40", "XB-CAN-灰-40", {}, 2, Decimal("129.00"), "100012345678"
        ),
        ImportedItem("运动袜三双装 白色", "XB-SOCK-3", {}, 1, Decimal("100.00"), "100012345679"),
    )
    assert order.total == Decimal("358.00")
    assert (order.buyer_id, order.buyer_message, order.seller_memo) == (
        "jd_user01",
        "工作日送货",
        "核对尺码",
    )
    assert order.special_requests == {"invoice": "个人"}
    cod = orders["290000000002"]
    assert cod.status is PlatformStatus.SHIPPED and cod.cash_on_delivery and cod.paid_at is None
    assert cod.sensitivity is Sensitivity.CLEAR
    assert (cod.address.city, cod.address.district) == ("苏州市", "昆山市")


def test_douyin_bom_tabs_sub_orders_and_encrypted_recipient() -> None:
    reading, orders, refused = read_all(FIXTURES / "douyin" / "douyin_orders.csv")
    assert (reading.format, refused) == (FormatId.DOUYIN, [])
    order = orders["6920000000000000001"]  # the leading tab is gone
    assert order.sensitivity is Sensitivity.ENCRYPTED
    assert order.recipient_name == "##E5B2A3F0C1D2##"
    assert order.address == Address(
        province="湖北省", city="武汉市", district="洪山区", street="##1F2E3D4C5B6A7988##"
    )
    assert order.total == Decimal("158.00")  # the sub-orders' amounts summed
    assert order.items == (
        ImportedItem(
            "轻跑帆布鞋",
            "XB-CAN-灰-39",
            {"颜色": "灰色", "尺码": "39"},
            1,
            Decimal("99.00"),
            "6920000000000000011",
        ),
        ImportedItem(
            "运动袜三双装",
            "XB-SOCK-3",
            {"规格": "白色"},
            2,
            Decimal("29.50"),
            "6920000000000000012",
        ),
    )
    assert order.status is PlatformStatus.PAID and order.buyer_message == "尽快发"
    shipped = orders["6920000000000000002"]
    assert shipped.status is PlatformStatus.SHIPPED and shipped.cash_on_delivery
    assert (shipped.courier, shipped.tracking_no) == ("中通快递", "75300000000001")
    assert shipped.address.street == "鹭江街道鹭江道 2号 1801"


def test_pinduoduo_split_address_masked_fields_and_yuan_columns() -> None:
    reading, orders, refused = read_all(FIXTURES / "pinduoduo" / "pdd_orders.csv")
    assert (reading.format, refused) == (FormatId.PINDUODUO, [])
    order = orders["261120-123456789012345"]
    assert order.sensitivity is Sensitivity.MASKED
    assert (order.recipient_name, order.recipient_phone) == ("李*", "138****5678")
    assert order.total == Decimal("188.00")
    assert order.items == (
        ImportedItem(
            "轻跑帆布鞋 透气休闲", "XB-CAN-灰-38", {"规格": "灰色,38码"}, 2, Decimal("99.00")
        ),
    )
    assert order.address == Address(
        province="河南省", city="郑州市", district="金水区", street="花园路街道花园路 10号 ****"
    )
    shipped = orders["261119-123456789012346"]
    assert shipped.status is PlatformStatus.SHIPPED
    # 天津 written short in 省; the parts repeated in 详细地址 are not doubled
    assert shipped.address == Address(
        province="天津市", city="天津市", district="和平区", street="南营门街道南京路 20号"
    )
    assert orders["261118-123456789012347"].status is PlatformStatus.CLOSED


def test_shopify_orders_grouped_by_name() -> None:
    reading, orders, refused = read_all(FIXTURES / "shopify" / "orders_export.csv")
    assert (reading.format, reading.platform, refused) == (FormatId.SHOPIFY, "shopify", [])
    order = orders["#1001"]
    assert order.line == 2
    assert order.status is PlatformStatus.PAID
    assert order.ordered_at == datetime(2026, 11, 20, 9, 1, 2, tzinfo=UTC)
    assert order.paid_at == datetime(2026, 11, 20, 9, 5, tzinfo=UTC)
    assert order.buyer_id == "anna.keller@example.com"
    assert (order.recipient_name, order.recipient_phone) == ("Anna Keller", "+41 61 000 00 00")
    assert order.address == Address(
        country="CH",
        province="Basel-Stadt",
        city="Basel",
        postcode="4001",
        lines=("Rheinweg 12", "3. Stock"),
    )
    assert order.total == Decimal("145.00") and order.currency == "CHF"
    assert order.items == (
        ImportedItem("Canvas Runner - Grey / 40", "XB-CAN-GRY-40", {}, 1, Decimal("99.00")),
        ImportedItem("Sport Socks 3-pack", "XB-SOCK-3", {}, 3, Decimal("13.00")),
    )
    assert order.seller_memo == 'Please leave at the door.\nRing twice,\n"back" entrance'
    assert order.special_requests == {"other": "gift-message: Alles Gute!"}
    assert not order.cash_on_delivery
    china = orders["#1002"]
    assert china.line == 6  # #1001's Notes took three lines of the file
    assert china.status is PlatformStatus.SHIPPED
    assert china.address == Address(
        country="CN",
        province="上海市",  # Shipping Province Name "Shanghai", for the Chinese slips
        city="上海市",
        street="南京西路 1266号 恒隆广场 2座 30楼",
        postcode="200040",
        lines=("南京西路 1266号", "恒隆广场 2座 30楼"),
    )
    cod = orders["#1003"]
    assert cod.status is PlatformStatus.AWAITING_PAYMENT and cod.cash_on_delivery
    assert cod.total == Decimal("2450.00")
    assert orders["#1004"].status is PlatformStatus.CANCELLED
    assert orders["#1004"].address.postcode == "02134"
    assert orders["#1005"].status is PlatformStatus.REFUNDED


def test_mapped_xlsx_through_the_callers_mapping() -> None:
    mapping = {
        "order_no": "单号",
        "ordered_at": "下单日期",
        "recipient_name": "姓名",
        "recipient_phone": "电话",
        "address": "地址",
        "title": "商品",
        "sku": "编码",
        "attributes": "规格",
        "quantity": "数量",
        "price": "单价",
        "status": "状态",
    }
    reading, orders, refused = read_all(FIXTURES / "mapped" / "wechat_orders.xlsx", mapping=mapping)
    assert (reading.format, reading.platform, refused) == (FormatId.MAPPED, "other", [])
    order = orders["WX-0001"]
    assert order.recipient_phone == "13812340000"  # a number cell, not 13812340000.0
    assert order.ordered_at == datetime(2026, 11, 20, 10, tzinfo=CHINA)
    assert order.address == Address(
        province="江苏省", city="南京市", district="鼓楼区", street="中山路1号"
    )
    assert order.items == (
        ImportedItem(
            "轻跑帆布鞋", "XB-CAN-灰-40", {"颜色": "灰色", "尺码": "40"}, 1, Decimal("99.00")
        ),
        ImportedItem("运动袜三双装", "XB-SOCK-3", {}, 2, Decimal("29.50")),
    )
    assert order.total == Decimal("158.00")  # no total column: the items' sum
    assert order.status is PlatformStatus.PAID and orders["WX-0002"].status is PlatformStatus.PAID
    assert reading.progress is not None and reading.progress() == 1.0


def test_shopify_products_export_as_catalogue() -> None:
    reading = open_catalogue(FIXTURES / "shopify" / "products_export.csv")
    entries = list(reading.records)
    assert entries == [
        CatalogueEntry(
            "XB-CAN-GRY-40", "Canvas Runner", {"Color": "Grey", "Size": "40"}, "6900000000017"
        ),
        CatalogueEntry("XB-CAN-GRY-37", "Canvas Runner", {"Color": "Grey", "Size": "37"}),
        CatalogueEntry("XB-CAN-BLK-38", "Canvas Runner", {"Color": "Black", "Size": "38"}),
        CatalogueEntry("XB-SOCK-3", "Sport Socks 3-pack", {}),
    ]
    assert reading.progress() == 1.0


def test_a_platform_export_saved_as_xlsx_or_tab_separated(tmp_path: Path) -> None:
    """JD and 拼多多 also offer .xlsx downloads; some tools save exports tab-separated."""
    import csv

    from openpyxl import Workbook

    with (FIXTURES / "jd" / "jd_orders.csv").open(encoding="gbk", newline="") as handle:
        rows = list(csv.reader(handle))
    book = Workbook()
    for row in rows:
        book.active.append(row)
    xlsx = tmp_path / "jd_orders.xlsx"
    book.save(xlsx)
    reading, orders, refused = read_all(xlsx)
    assert (reading.format, refused) == (FormatId.JD, [])
    assert orders["290000000001"].recipient_phone == "1******6198"
    assert len(orders["290000000001"].items) == 2

    tsv = tmp_path / "jd_orders.txt"
    tsv.write_text("\n".join("\t".join(row) for row in rows), encoding="utf-8")
    reading, orders, refused = read_all(tsv)
    assert (reading.format, refused, len(orders)) == (FormatId.JD, [], 2)


def test_a_zipped_shopify_export(tmp_path: Path) -> None:
    """Shopify e-mails a large export as a zip holding orders_export_1.csv."""
    import zipfile

    archive = tmp_path / "orders_export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(FIXTURES / "shopify" / "orders_export.csv", "orders_export_1.csv")
    reading, orders, refused = read_all(archive)
    assert (reading.format, refused, len(orders)) == (FormatId.SHOPIFY, [], 5)
    assert orders["#1001"].seller_memo.startswith("Please leave at the door.\n")
    assert reading.progress is not None and reading.progress() == 1.0


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Unpaid", PlatformStatus.AWAITING_PAYMENT),
        ("Paid", PlatformStatus.PAID),
        ("SHIPPED", PlatformStatus.SHIPPED),
        ("awaiting_payment", PlatformStatus.AWAITING_PAYMENT),
        ("Cancelled", PlatformStatus.CANCELLED),
        ("refunded", PlatformStatus.REFUNDED),
        ("买家已付款，等待卖家发货", PlatformStatus.PAID),
        ("卖家已发货，等待买家确认", PlatformStatus.SHIPPED),
        ("待发货", PlatformStatus.PAID),
        ("已签收", PlatformStatus.DELIVERED),
    ],
)
def test_mapped_status_words(tmp_path: Path, word: str, status: PlatformStatus) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        f"no,date,name,address,item,qty,price,state\n"
        f"A1,2026-11-20 10:00,周芳,江苏省南京市鼓楼区中山路1号,鞋,1,99,{word}\n",
        encoding="utf-8",
    )
    mapping = {
        "order_no": "no", "ordered_at": "date", "recipient_name": "name", "address": "address",
        "title": "item", "quantity": "qty", "price": "price", "status": "state",
    }  # fmt: skip
    _, orders, refused = read_all(path, mapping=mapping)
    assert refused == [] and orders["A1"].status is status
