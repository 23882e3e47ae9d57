"""Shipments back to the platform (issue 11): each platform's layout and courier spelling,
an export gives only what is new, a changed waybill number goes out again, text stays text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from app.db import Database
from app.models import ExportedShipment, Order, Role, Shop, Stage
from app.models.errors import InvalidInput, NotFound, PermissionDenied
from app.services.imports.records import FormatId, PlatformStatus
from app.services.orders import editing
from app.services.shipping import exports
from tests.import_helpers import numbered, run, shopify, taobao
from tests.test_imports_merge import _order

TMALL, SHOPIFY = "悦步鞋履旗舰店", "Maple & Pine Outfitters"


def _shipped(db: Database, shop: str) -> list[tuple[str, str, str]]:
    return [
        (no, courier, str(tracking))
        for no, courier, tracking in db.read(
            lambda s: s.execute(
                select(Order.order_no, Order.courier, Order.tracking_no)
                .join(Shop, Shop.id == Order.shop_id)
                .where(
                    Shop.name == shop,
                    Order.stage.in_(exports.SHIPPED),
                    Order.tracking_no.is_not(None),
                )
                .order_by(Order.id)
            ).all()
        )
    ]


def _csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


def _xlsx(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_taobao_export_gives_new_shipments_once(shop_db, shop_staff, tmp_path) -> None:
    printer = shop_staff[Role.PRINTER]
    shipped = _shipped(shop_db, TMALL)
    assert shipped
    done = exports.export(shop_db, printer, TMALL, "taobao", tmp_path / "1.csv")
    rows = _csv(tmp_path / "1.csv")
    assert rows[0] == ["订单编号", "物流公司", "运单号"]
    assert [r[0] for r in rows[1:]] == [no for no, _, _ in shipped] and done.count == len(shipped)
    assert {r[1] for r in rows[1:]} <= {
        "顺丰速运",
        "圆通速递",
        "中通快递",
        "韵达快递",
        "EMS",
        "京东快递",
    }

    # the courier re-issued one label: only that order goes out again, with its new number
    order_no = shipped[0][0]
    shop_db.write(
        lambda s: editing.set_tracking(
            s, printer, order_no, courier=shipped[0][1], tracking_no="SF9990001112223",
            expected_version=None,
        )
    )  # fmt: skip
    again = exports.export(shop_db, printer, TMALL, "taobao", tmp_path / "2.csv")
    assert [(s.order_no, s.tracking_no, s.again) for s in again.shipments] == [
        (order_no, "SF9990001112223", True)
    ]
    empty = exports.export(shop_db, printer, TMALL, "taobao", tmp_path / "3.csv")
    assert empty.count == 0 and _csv(tmp_path / "3.csv") == [["订单编号", "物流公司", "运单号"]]


@pytest.mark.parametrize(
    ("fmt", "headers", "jd_name"),
    [
        ("jd", ["订单号", "物流公司", "运单号"], "京东快递"),
        ("douyin", ["订单编号", "快递公司", "快递单号"], "京东快递"),
        ("pdd", ["订单号", "快递公司", "快递单号"], "京东快递"),
    ],
)
def test_excel_layouts_of_jd_douyin_and_pdd(
    shop_db, shop_staff, tmp_path, fmt, headers, jd_name
) -> None:
    out = tmp_path / f"{fmt}.xlsx"
    exports.export(shop_db, shop_staff[Role.PRINTER], TMALL, fmt, out)
    rows = _xlsx(out)
    assert rows[0] == headers
    by_no = {str(r[0]): r for r in rows[1:]}
    for no, courier, tracking in _shipped(shop_db, TMALL):
        assert by_no[no][2] == tracking and isinstance(by_no[no][0], str)
        if courier == "京东物流":  # the demo's spelling becomes the platform's
            assert by_no[no][1] == jd_name


def test_shopify_fulfillment_columns_and_english_courier_names(
    shop_db, shop_staff, tmp_path
) -> None:
    out = tmp_path / "orders_fulfillments.csv"
    exports.export(shop_db, shop_staff[Role.PRINTER], SHOPIFY, "shopify", out)
    rows = _csv(out, encoding="utf-8")
    assert rows[0] == [
        "Name", "Command", "Line: Type", "Fulfillment: Status", "Fulfillment: Tracking Company",
        "Fulfillment: Tracking Number", "Fulfillment: Send Receipt",
    ]  # fmt: skip
    assert all(r[1:4] == ["UPDATE", "Fulfillment Line", "success"] for r in rows[1:])
    assert {r[4] for r in rows[1:]} <= {
        "SF Express", "YTO Express", "ZTO Express", "Yunda Express", "China EMS (ePacket)",
        "JD Logistics",
    }  # fmt: skip


def test_text_that_looks_like_a_formula_stays_text(shop_db, shop_staff, tmp_path) -> None:
    printer = shop_staff[Role.PRINTER]
    no = _shipped(shop_db, TMALL)[0][0]
    evil = '=HYPERLINK("http://x.example","快递")'
    shop_db.write(
        lambda s: s.execute(update(Order).where(Order.order_no == no).values(courier=evil))
    )
    exports.export(shop_db, printer, TMALL, "csv", tmp_path / "a.csv")
    row = next(r for r in _csv(tmp_path / "a.csv") if r[0] == no)
    assert row[2] == "'" + evil
    shop_db.write(
        lambda s: s.execute(
            update(Order).where(Order.order_no == no).values(tracking_no="SF1231231231")
        )
    )
    exports.export(shop_db, printer, TMALL, "jd", tmp_path / "b.xlsx")
    cell = next(
        r for r in load_workbook(tmp_path / "b.xlsx").active.iter_rows() if r[0].value == no
    )[1]
    assert cell.data_type == "s" and cell.value == evil


def test_bad_export_requests_change_nothing(shop_db, shop_staff, tmp_path) -> None:
    printer = shop_staff[Role.PRINTER]
    with pytest.raises(NotFound, match="There is no shop"):
        exports.export(shop_db, printer, "没有的店", "taobao", tmp_path / "x.csv")
    with pytest.raises(InvalidInput, match="Unknown export format"):
        exports.export(shop_db, printer, TMALL, "ebay", tmp_path / "x.csv")
    with pytest.raises(PermissionDenied):
        exports.export(shop_db, shop_staff[Role.WAREHOUSE], TMALL, "taobao", tmp_path / "x.csv")
    (tmp_path / "taken.csv").write_text("keep")
    with pytest.raises(InvalidInput, match="exists already"):
        exports.export(shop_db, printer, TMALL, "taobao", tmp_path / "taken.csv")
    assert (tmp_path / "taken.csv").read_text() == "keep"
    assert not (tmp_path / "x.csv").exists()
    count = shop_db.read(
        lambda s: s.execute(select(func.count()).select_from(ExportedShipment)).scalar_one()
    )
    assert count == 0
    assert Stage.SHIPPED.value in exports.SHIPPED


def test_what_the_platform_shipped_itself_is_never_uploaded_again(db, staff, tmp_path) -> None:
    """A shop's history imported (shipped on the platform, new in the file or moved there by
    a later import): its first export is empty; a parcel sent again under a new number in
    AfterDesk goes out, once. The same for Shopify's fulfilments."""
    printer = staff[Role.PRINTER]
    shipped = PlatformStatus.SHIPPED
    run(db, printer, tmp_path, numbered([
        taobao("T1", shipped, courier="圆通速递", tracking_no="YT1234567890123"),
        taobao("T2"),
    ]))  # fmt: skip
    run(db, printer, tmp_path, [taobao("T2", shipped, courier="顺丰速运",
                                       tracking_no="SF1234567890123")])  # fmt: skip
    run(db, printer, tmp_path, [shopify("#1", shipped, courier="UPS", tracking_no="1Z999AA10")],
        shop="Maple", platform="shopify", format=FormatId.SHOPIFY)  # fmt: skip
    assert {_order(db, no, shop).stage for no, shop in
            (("T1", TMALL), ("T2", TMALL), ("#1", "Maple"))} == {"shipped"}  # fmt: skip
    first = exports.export(db, printer, TMALL, "taobao", tmp_path / "1.csv")
    assert first.count == 0 and _csv(tmp_path / "1.csv") == [["订单编号", "物流公司", "运单号"]]
    assert exports.export(db, printer, "Maple", "shopify", tmp_path / "1s.csv").count == 0

    for no, courier, number in (("T2", "顺丰速运", "SF9990001112223"), ("#1", "UPS", "1Z999AA11")):
        db.write(
            lambda s, no=no, courier=courier, number=number: editing.set_tracking(
                s, printer, no, courier=courier, tracking_no=number, expected_version=None
            )
        )
    again = exports.export(db, printer, TMALL, "taobao", tmp_path / "2.csv")
    assert _csv(tmp_path / "2.csv")[1:] == [["T2", "顺丰速运", "SF9990001112223"]]
    assert [s.again for s in again.shipments] == [False]  # the platform has the old number
    resent = exports.export(db, printer, "Maple", "shopify", tmp_path / "2s.csv")
    assert [(s.order_no, s.tracking_no) for s in resent.shipments] == [("#1", "1Z999AA11")]
    assert exports.export(db, printer, TMALL, "taobao", tmp_path / "3.csv").count == 0
    assert exports.export(db, printer, "Maple", "shopify", tmp_path / "3s.csv").count == 0
