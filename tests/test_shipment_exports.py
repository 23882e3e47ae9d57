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
from app.services.orders import editing
from app.services.shipping import exports

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
