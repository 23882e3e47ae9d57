"""Taobao/Tmall 订单报表 + 宝贝报表, both years' column sets, field by field."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from app.services.imports.records import (
    Address,
    FormatId,
    ImportedItem,
    PlatformStatus,
    Sensitivity,
)
from tests.imports.helpers import FIXTURES, read_all

TAOBAO = FIXTURES / "taobao"
CHINA = timezone(timedelta(hours=8))


def test_2019_gbk_orders_joined_with_items_given_in_either_order() -> None:
    reading, orders, refused = read_all(
        TAOBAO / "ExportOrderDetailList2019.csv", TAOBAO / "ExportOrderList2019.csv"
    )
    assert reading.format is FormatId.TAOBAO and reading.platform == "taobao"
    assert reading.files == ("ExportOrderList2019.csv", "ExportOrderDetailList2019.csv")
    assert refused == []
    assert reading.progress is not None and reading.progress() == 1.0
    order = orders["3012345678901234567"]
    assert order.line == 2
    assert order.status is PlatformStatus.PAID
    assert order.ordered_at == datetime(2026, 11, 20, 10, 1, 2, tzinfo=CHINA)
    assert order.paid_at == datetime(2026, 11, 20, 10, 3, 15, tzinfo=CHINA)
    assert order.buyer_id == "小林爱跑步"
    assert order.recipient_name == "张伟"
    assert order.recipient_phone == "13812345678"
    assert order.address == Address(
        province="浙江省",
        city="杭州市",
        district="西湖区",
        street="文三路 100号 3幢501室",
        postcode="310012",
    )
    assert order.sensitivity is Sensitivity.CLEAR
    assert order.total == Decimal("257.00") and order.currency == "CNY"
    assert order.items == (
        ImportedItem(
            "轻跑帆布鞋", "XB-CAN-灰-40", {"颜色分类": "灰色", "尺码": "40"}, 2, Decimal("99.00")
        ),
        ImportedItem("运动袜三双装", "XB-SOCK-3", {"颜色分类": "白色"}, 1, Decimal("59.00")),
    )
    assert order.buyer_message == "请周五前发货，谢谢"
    assert order.seller_memo == "老客户，送贺卡"
    assert order.special_requests == {"invoice": "杭州悦步科技有限公司"}
    assert not order.address_changed_on_platform and not order.sku_changed_on_platform


def test_2019_statuses_couriers_and_amounts_in_yuan() -> None:
    _, orders, _ = read_all(
        TAOBAO / "ExportOrderList2019.csv", TAOBAO / "ExportOrderDetailList2019.csv"
    )
    statuses = {number[-2:]: order.status for number, order in orders.items()}
    assert statuses == {
        "67": PlatformStatus.PAID,
        "68": PlatformStatus.SHIPPED,
        "69": PlatformStatus.DELIVERED,
        "70": PlatformStatus.CLOSED,  # 交易关闭 after payment
        "71": PlatformStatus.CANCELLED,  # 交易关闭 never paid
        "72": PlatformStatus.AWAITING_PAYMENT,
    }
    shipped = orders["3012345678901234568"]
    assert (shipped.courier, shipped.tracking_no) == ("圆通速递", "YT1234567890123")
    assert shipped.ordered_at == datetime(2026, 11, 19, 9, 30, tzinfo=CHINA)
    assert shipped.address.province == "北京市" and shipped.address.city == "北京市"
    assert orders["3012345678901234569"].total == Decimal("58.00")  # written 58.00元
    assert orders["3012345678901234569"].address.district == ""  # 东莞 has no districts
    assert orders["3012345678901234572"].paid_at is None


def test_orders_file_alone_reads_single_kind_orders_and_refuses_mixed_ones() -> None:
    _, orders, refused = read_all(TAOBAO / "ExportOrderList2019.csv")
    assert "3012345678901234568" in orders
    single = orders["3012345678901234569"]
    assert single.items == (ImportedItem("运动袜三双装", "", {}, 2, Decimal("29.00")),)
    assert [(r.line, r.order_no) for r in refused] == [(2, "3012345678901234567")]
    assert refused[0].problem.message() == (
        "The order 3012345678901234567 has 2 kinds of items and the orders file does not say how "
        "many of each: import it together with its items file (ExportOrderDetailList…)."
    )
    assert refused[0].raw["订单编号"] == '="3012345678901234567"'


def test_2024_columns_with_the_platforms_own_changes() -> None:
    reading, orders, refused = read_all(
        TAOBAO / "ExportOrderList2024.csv", TAOBAO / "ExportOrderDetailList2024.csv"
    )
    assert reading.format is FormatId.TAOBAO and refused == []
    changed = orders["4012345678901234501"]
    assert changed.address == Address(
        province="四川省",
        city="成都市",
        district="高新区",
        street="天府三街 99号 B座 808室",
        postcode="610094",
    )
    assert changed.address_changed_on_platform
    assert changed.items == (
        ImportedItem(
            "登山鞋",
            "XB-HIKE-卡其-43",
            {"颜色分类": "军绿", "尺码": "43"},
            1,
            Decimal("1299.00"),
            "4012345678901234511",
        ),
    )
    assert changed.sku_changed_on_platform
    assert changed.total == Decimal("1299.00")  # written ¥1,299.00
    assert changed.seller_memo == "改地址已确认"  # 商家备注 in this year's columns
    assert changed.buyer_id == "t**9"
    plain = orders["4012345678901234502"]
    assert plain.address.province == "重庆市" and plain.address.district == "渝中区"
    assert not plain.address_changed_on_platform
