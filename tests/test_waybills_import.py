"""Waybill numbers from an e-waybill tool's export, and typed for one order (issue 11,
section 1): quirks of real exports (GBK, ="…" numbers, header names with trailing spaces,
XLSX), numbers checked against the couriers' patterns, refused rows listed by line, and the
batch then printing those orders' dispatch notes only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from app.db import Database
from app.models import Role
from app.models.errors import InvalidInput, PermissionDenied
from app.services.dispatch import batches as printing
from app.services.dispatch import waybill_import, waybills
from app.services.orders import lookup as orders
from tests.printing_helpers import chinese_documents, text
from tests.test_cli import afterdesk

FIXTURE = Path(__file__).parent / "fixtures" / "waybills" / "cainiao_waybills_gbk.csv"


def _gbk_export(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """As 菜鸟's print component exports: GBK, ="…" numbers, header names with a space."""
    lines = ["订单编号 ,物流公司 ,运单号 ,打印时间"]
    lines += [f'="{o}",{c},="{n}",2026-12-05 09:12:01' for o, c, n in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def _waiting(db: Database) -> list[str]:
    return [w.order_no for w in db.read(lambda s: printing.waiting(s, cutoff="")) if not w.holds]


def test_the_fixture_reads_as_the_tool_wrote_it() -> None:
    rows, broken = waybill_import.read(FIXTURE)
    assert not broken
    assert [(r.line, r.order_no, r.courier, r.number) for r in rows] == [
        (2, "3861000123456789012", "中通快递", "773012345678"),
        (3, "3861000123456789013", "顺丰速运", "SF1234567890123"),
        (5, "3861000123456789014", "圆通速递", "ZT0000001"),
        (6, "3861000123456789015", "闪电快递", "AB1234567"),
    ]


def test_an_export_is_recorded_and_its_orders_print_notes_only(
    shop_db, shop_staff, tmp_path
) -> None:
    chinese_documents(shop_db)
    printer = shop_staff[Role.PRINTER]
    a, b, c, typed = _waiting(shop_db)[:4]
    export = _gbk_export(
        tmp_path / "waybills.csv",
        [
            (a, "中通快递", "773012345678"),
            (b, "顺丰", "SF1234567890123"),
            (c, "圆通速递", "ZT0000001"),  # not a YTO number
            ("NO-SUCH-ORDER", "中通快递", "773012345679"),
            (typed, "闪电快递", "AB1234567"),
        ],
    )
    rows, broken = waybill_import.read(export)
    with pytest.raises(PermissionDenied):
        shop_db.write(
            lambda s: waybill_import.import_waybills(s, shop_staff[Role.WAREHOUSE], rows, broken)
        )
    result = shop_db.write(lambda s: waybill_import.import_waybills(s, printer, rows, broken))
    assert result.recorded == (a, b)
    refused = {r.line: r.problem.message() for r in result.refused}
    assert sorted(refused) == [4, 5, 6]
    assert "YT\\d{13,15}" in refused[4] and "There is no order NO-SUCH-ORDER" in refused[5]
    assert "No courier “闪电快递” is known" in refused[6]
    order = shop_db.read(lambda s: orders.get(s, b))
    assert (order.courier, order.tracking_no) == ("顺丰速运", "SF1234567890123")
    again = shop_db.write(lambda s: waybill_import.import_waybills(s, printer, rows, broken))
    assert again.recorded == () and again.unchanged == 2  # the same file twice: nothing new

    # typed for one order (a hand-written waybill): checked the same way
    with pytest.raises(InvalidInput, match="is not a 圆通速递 waybill number"):
        shop_db.write(lambda s: waybills.assign_waybill(s, printer, typed, "YTO", "YT12"))
    with pytest.raises(InvalidInput, match=f"already order {a}'s"):
        shop_db.write(lambda s: waybills.assign_waybill(s, printer, typed, "ZTO", "773012345678"))
    shop_db.write(lambda s: waybills.assign_waybill(s, printer, typed, "YTO", "YT1234567890123"))

    out, labels = tmp_path / "batch.pdf", tmp_path / "labels.pdf"
    printed = printing.run_batch(
        shop_db, printer, out=out, labels_out=labels, order_nos=[a, b, typed]
    )
    assert sorted(printed.printed) == sorted([a, b, typed]) and not printed.packing_labels
    assert len(PdfReader(labels).pages) == 1  # the tool printed a's and b's labels
    assert "YT1234567890123" in text(labels, 1)
    notes = "".join(text(out).split())
    assert all(no in notes for no in (a, b, typed))  # every order's dispatch note


def test_an_xlsx_export_of_pinduoduo(shop_db, shop_staff, tmp_path) -> None:
    printer = shop_staff[Role.PRINTER]
    first = _waiting(shop_db)[0]
    book = Workbook()
    sheet = book.active
    sheet.append(["订单号", "商品", "快递公司", "快递单号"])
    sheet.append([first, "经典帆布鞋", "京东快递", "JDVA01234567890"])
    path = tmp_path / "拼多多电子面单.xlsx"
    book.save(path)
    rows, broken = waybill_import.read(path)
    result = shop_db.write(lambda s: waybill_import.import_waybills(s, printer, rows, broken))
    assert result.recorded == (first,) and not result.refused
    assert shop_db.read(lambda s: orders.get(s, first)).tracking_no == "JDVA01234567890"


def test_a_file_without_the_columns_is_refused(tmp_path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("订单编号,金额\n1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not an e-waybill export"):
        waybill_import.read(other)


def test_the_command_line(db_url, tmp_path) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "30").returncode == 0
    listed = json.loads(afterdesk(db_url, "print", "waiting", "--no-cutoff", "--json",
                                  user="printer").stdout)  # fmt: skip
    a, b = [w["order_no"] for w in listed if not w["held"]][:2]
    export = _gbk_export(tmp_path / "w.csv", [(a, "中通", "773012345678"), (b, "中通", "1")])
    done = afterdesk(db_url, "import", "waybills", str(export), user="printer")
    assert done.returncode == 0, done.stderr
    assert "recorded for 1 orders" in done.stdout and "line 3" in done.stdout
    # every row refused: exit 1, each reason said, nothing recorded
    bad = _gbk_export(tmp_path / "bad.csv", [(a, "中通", "2"), (b, "闪电快递", "773012345679")])
    refused = afterdesk(db_url, "import", "waybills", str(bad), user="printer")
    assert refused.returncode == 1, refused.stderr
    assert "recorded for 0 orders, 0 unchanged, 2 rows refused" in refused.stdout
    assert "line 2" in refused.stderr and "line 3" in refused.stderr
    assert "every row was refused" in refused.stderr
    as_json = afterdesk(db_url, "import", "waybills", str(bad), "--json", user="printer")
    assert as_json.returncode == 1 and len(json.loads(as_json.stdout)["refused"]) == 2
    shown = json.loads(afterdesk(db_url, "orders", "show", a, "--json").stdout)
    assert shown["tracking_no"] == "773012345678"
    typed = afterdesk(db_url, "waybills", "set", b, "EMS", "EA123456785CN", "--json",
                      user="warehouse")  # fmt: skip
    assert typed.returncode == 0, typed.stderr
    assert json.loads(typed.stdout)["tracking_no"] == "EA123456785CN"
    wrong = afterdesk(db_url, "waybills", "set", b, "EMS", "EA12", user="warehouse", lang="zh_CN")
    assert wrong.returncode == 2 and "不是EMS的运单号" in wrong.stderr
