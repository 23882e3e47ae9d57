"""A shipping label is never printed without courier and waybill number by accident (issue 11,
section 1): the batch asks, prints a packing label marked as not a shipping label, or holds the
order back; a label with its number carries it as a barcode decodable at 203 dpi."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import PrintBatch, Role, Stage
from app.services.dispatch import batches as printing
from app.services.dispatch import waybills
from app.services.dispatch.batch_waybills import WaybillsMissing, WithoutWaybill, lacking
from app.services.orders import lookup as orders
from tests.printing_helpers import barcodes, chinese_documents, text
from tests.test_cli import afterdesk


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    chinese_documents(shop_db)
    return shop_db


def _waiting(db: Database) -> list[str]:
    return [w.order_no for w in db.read(lambda s: printing.waiting(s, cutoff="")) if not w.holds]


def test_asked_the_batch_says_how_many_lack_a_number_and_records_nothing(
    shop_db, shop_staff, tmp_path
) -> None:
    printer = shop_staff[Role.PRINTER]
    waiting = _waiting(shop_db)
    first = waiting[0]
    shop_db.write(lambda s: waybills.assign_waybill(s, printer, first, "SF", "SF1234567890123"))
    count = shop_db.read(lambda s: lacking(s, printer, cutoff=""))
    assert count == len(waiting) - 1
    with pytest.raises(WaybillsMissing) as asked:
        printing.run_batch(
            shop_db, printer, out=tmp_path / "b.pdf", cutoff="", without_waybill=WithoutWaybill.ASK
        )
    assert f"{count} orders of this batch have no courier" in asked.value.message()
    assert shop_db.read(lambda s: s.scalar(select(func.count()).select_from(PrintBatch))) == 0
    assert not (tmp_path / "b.pdf").exists()


def test_packing_labels_say_they_are_not_shipping_labels(shop_db, shop_staff, tmp_path) -> None:
    printer = shop_staff[Role.PRINTER]
    with_number, without = _waiting(shop_db)[:2]
    shop_db.write(
        lambda s: waybills.assign_waybill(s, printer, with_number, "顺丰速运", "SF1234567890123")
    )
    labels = tmp_path / "labels.pdf"
    result = printing.run_batch(
        shop_db,
        printer,
        out=tmp_path / "b.pdf",
        labels_out=labels,
        order_nos=[with_number, without],
        without_waybill=WithoutWaybill.PACKING,
    )
    assert result.packing_labels == (without,)
    assert any("print packing labels" in w.message() for w in result.warnings)
    pages = {
        result.printed.index(with_number) + 1: "shipping",
        result.printed.index(without) + 1: "",
    }
    for page, kind in pages.items():
        flat = "".join(text(labels, page).split())
        if kind:  # the shipping label: courier, number, both barcodes
            assert "顺丰速运" in flat and "SF1234567890123" in flat and "非快递面单" not in flat
            assert barcodes(labels, tmp_path, page) == sorted([with_number, "SF1234567890123"])
        else:  # the packing label: marked, and no waybill barcode to scan by mistake
            assert "打包标签—非快递面单" in flat and "非快递面单·不能寄出" in flat
            assert barcodes(labels, tmp_path, page) == [without]


def test_holding_back_prints_only_the_orders_with_numbers(shop_db, shop_staff, tmp_path) -> None:
    printer = shop_staff[Role.PRINTER]
    waiting = _waiting(shop_db)
    shop_db.write(lambda s: waybills.assign_waybill(s, printer, waiting[0], "EMS", "EA123456785CN"))
    result = printing.run_batch(
        shop_db, printer, out=tmp_path / "b.pdf", cutoff="", without_waybill=WithoutWaybill.HOLD
    )
    assert result.printed == (waiting[0],) and not result.packing_labels
    assert {n for n, _ in result.held} >= set(waiting[1:])
    assert (
        "has no courier or no waybill number: held back" in dict(result.held)[waiting[1]].message()
    )
    assert shop_db.read(lambda s: orders.get(s, waiting[1])).stage == Stage.PAID.value


def test_the_command_line_asks_too(db_url, tmp_path) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "30").returncode == 0
    out = tmp_path / "b.pdf"
    asked = afterdesk(db_url, "print", "batch", "--no-cutoff", "--out", str(out), user="printer")
    assert asked.returncode == 2 and "have no courier or no waybill number" in asked.stderr
    assert "--without-waybill packing" in asked.stderr and not out.exists()
    held = afterdesk(db_url, "print", "batch", "--no-cutoff", "--without-waybill", "hold",
                     "--out", str(out), "--json", user="printer")  # fmt: skip
    assert held.returncode == 2 and "No order can be printed now" in held.stderr
    done = afterdesk(db_url, "print", "batch", "--no-cutoff", "--without-waybill", "packing",
                     "--out", str(out), "--json", user="printer")  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["packing_labels"] == result["printed"] and result["printed"]
