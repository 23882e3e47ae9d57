"""Every bad input of issue 10 through ``afterdesk import orders`` (a real process), on SQLite
and PostgreSQL: the message the user reads, and a database left as it was (orders, items,
notes, the audit log), while the good orders of the same file are still recognised.

The shop already holds the Taobao 2019 export minus one order (…568); each bad file is that
export again with a bad line added, so a refusal that let anything through would show.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.db import Database
from app.models import Note, Order, OrderItem, Role, Shop
from app.services.core import audit
from app.services.imports import mappings, merge
from app.services.imports.reading import open_reading
from tests.test_cli import afterdesk

FIXTURES = Path(__file__).parent / "fixtures" / "imports"
ORDERS = FIXTURES / "taobao" / "ExportOrderList2019.csv"
ITEMS = FIXTURES / "taobao" / "ExportOrderDetailList2019.csv"
SHOP = "悦步"
WECHAT = "微信小店"
LEFT_OUT = "3012345678901234568"  # kept out of the shop: the bad line is this order


def _lines() -> list[str]:
    return [line for line in ORDERS.read_bytes().decode("gbk").split("\r\n") if line]


def _gbk(path: Path, lines: list[str]) -> Path:
    path.write_bytes("\r\n".join(lines).encode("gbk") + b"\r\n")
    return path


def _base() -> list[str]:
    return [line for line in _lines() if LEFT_OUT not in line]


def _left_out() -> str:
    [line] = [line for line in _lines() if LEFT_OUT in line]
    return line


def _with(line: str) -> Callable[[Path], list[str]]:
    """The shop's export again, with ``line`` added at the end (line 7 of the file)."""

    def build(tmp: Path) -> list[str]:
        return [str(_gbk(tmp / "ExportOrderList.csv", [*_base(), line])), str(ITEMS)]

    return build


def _another_kind(tmp: Path) -> list[str]:
    path = tmp / "report.csv"
    path.write_text("订单号,客户姓名,金额\n1,张三,10\n", encoding="utf-8")
    return [str(path)]


def _garbled(tmp: Path) -> list[str]:
    """GBK bytes shown as UTF-8 by another program and saved again."""
    text = "\r\n".join(_lines()).encode("gbk").decode("utf-8", errors="replace")
    path = tmp / "ExportOrderList.csv"
    path.write_text(text, encoding="utf-8")
    return [str(path), str(ITEMS)]


def _empty(tmp: Path) -> list[str]:
    path = tmp / "ExportOrderList.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n")
    return [str(path)]


def _header_only(tmp: Path) -> list[str]:
    return [str(_gbk(tmp / "ExportOrderList.csv", _lines()[:1])), str(ITEMS)]


def _truncated(tmp: Path) -> list[str]:
    path = tmp / "ExportOrderList.csv"
    path.write_bytes("\r\n".join([*_base(), _left_out()[:40]]).encode("gbk"))  # no line end
    return [str(path), str(ITEMS)]


def _twice(tmp: Path) -> list[str]:
    """An order the shop has, again further down with another buyer message."""
    first = _base()[1]
    return _with(first.replace("请周五前发货，谢谢", "不要发圆通"))(tmp)


def _formula(tmp: Path) -> list[str]:
    book = Workbook()
    sheet = book.active
    sheet.append(["单号", "下单日期", "姓名", "地址", "商品", "数量", "单价"])
    sheet.append(["WX-9", "2026-11-20 10:00:00", "吴强", "江苏省南京市鼓楼区中山路2号", "鞋", 1,
                  "=F2*99"])  # fmt: skip
    path = tmp / "wechat.xlsx"
    book.save(path)
    return [str(path), "--shop", WECHAT]


def _replaced(old: str, new: str) -> Callable[[Path], list[str]]:
    return _with(_left_out().replace(old, new, 1))


CUT = "ExportOrderList.csv ends in the middle of line 7: the file was cut short."
CASES = [
    pytest.param(_another_kind, 2, "report.csv is not an order export AfterDesk knows.",
                 id="another-kind"),
    pytest.param(_garbled, 2, "The column names of ExportOrderList.csv are garbled",
                 id="gbk-read-as-utf8"),
    pytest.param(_empty, 2, "ExportOrderList.csv is empty.", id="empty"),
    pytest.param(_header_only, 2, "ExportOrderList.csv has its column names but no orders.",
                 id="header-only"),
    pytest.param(_truncated, 0, f"line 7 ({LEFT_OUT}): {CUT}", id="truncated-last-line"),
    pytest.param(_twice, 0, "line 7 (3012345678901234567): The order 3012345678901234567 is in "
                 "the file twice with different values (first at line 2)", id="twice"),
    pytest.param(_replaced("2026/11/19 09:30,", "2026-13-45 09:30,"), 0,
                 f"line 7 ({LEFT_OUT}): The column 订单创建时间 holds “2026-13-45 09:30”, not a "
                 "real date.", id="impossible-date"),
    pytest.param(_replaced("129.00", "-129.00"), 0,
                 f"line 7 ({LEFT_OUT}): The column 买家实际支付金额 holds a negative amount "
                 "(-129.00).", id="negative-amount"),
    pytest.param(_replaced("129.00", "一百"), 0,
                 f"line 7 ({LEFT_OUT}): The column 买家实际支付金额 holds “一百”, not an amount.",
                 id="non-numeric-amount"),
    pytest.param(_replaced(",王小明,", "," + "王" * 10_000 + ","), 0,
                 f"line 7 ({LEFT_OUT}): The column 收货人姓名 holds 10000 characters; at most "
                 "100 fit.", id="10000-characters"),
    pytest.param(_formula, 0, "line 2 (WX-9): Line 2 holds a formula in 单价; save the sheet "
                 "with values only", id="xlsx-formula"),
]  # fmt: skip


def _state(db: Database) -> tuple[int, ...]:
    """What a bad file must leave alone: orders, items, notes, shops and the audit log."""

    def read(s) -> tuple[int, ...]:
        counts = [
            s.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Order, OrderItem, Note, Shop)
        ]
        versions = s.execute(select(func.sum(Order.version))).scalar_one()
        return (*counts, versions, audit.count(s))

    return db.read(read)


@pytest.fixture
def shop_with_orders(db: Database, staff, tmp_path: Path) -> Database:
    """The shop holds the export minus one order; 微信小店 has its column mapping saved."""
    printer = staff[Role.PRINTER]
    paths = [_gbk(tmp_path / "ExportOrderList-base.csv", _base()), ITEMS]
    summary = merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP)
    assert summary.counts.new == 5 and summary.counts.refused == 0
    mapping = {"order_no": "单号", "ordered_at": "下单日期", "recipient_name": "姓名",
               "address": "地址", "title": "商品", "quantity": "数量", "price": "单价"}  # fmt: skip
    db.write(lambda s: mappings.save(s, printer, WECHAT, mapping, file="wechat.xlsx",
                                     headers=list(mapping.values())))  # fmt: skip
    return db


@pytest.mark.parametrize(("build", "code", "message"), CASES)
def test_a_bad_file_says_why_and_changes_nothing(
    shop_with_orders: Database, db_url: str, tmp_path: Path, build, code: int, message: str
) -> None:
    before = _state(shop_with_orders)
    args = build(tmp_path)
    if "--shop" not in args:
        args = [*args, "--shop", SHOP]
    result = afterdesk(db_url, "import", "orders", *args, user="printer")
    assert result.returncode == code, result.stderr
    said = result.stderr if code else result.stdout
    assert message in said, said
    if code == 0:  # the rest of the file read: the shop's orders recognised, unchanged
        assert "refused 1." in result.stdout and "New 0, updated 0," in result.stdout
    assert _state(shop_with_orders) == before
    assert shop_with_orders.read(audit.verify).ok


def test_the_refused_rows_saved_fixed_and_imported_again(
    shop_with_orders: Database, db_url: str, tmp_path: Path
) -> None:
    """``import history --refused RUN --out FILE``: the refused order as the platform wrote
    it, which, fixed in a spreadsheet, comes in whole with the items file (issue 10, R8)."""
    bad = _replaced("129.00", "-129.00")(tmp_path)
    assert (
        afterdesk(db_url, "import", "orders", *bad, "--shop", SHOP, user="printer").returncode == 0
    )
    runs = afterdesk(db_url, "import", "history", "--json", user="warehouse")
    run_id = json.loads(runs.stdout)[0]["id"]
    saved = tmp_path / "refused.csv"
    result = afterdesk(db_url, "import", "history", "--refused", str(run_id), "--out", str(saved),
                       user="warehouse")  # fmt: skip
    assert result.returncode == 0 and f"1 refused rows saved to {saved}" in result.stdout
    text = saved.read_text(encoding="utf-8-sig")
    assert "The column 买家实际支付金额 holds a negative amount (-129.00)." in text
    assert text.count(LEFT_OUT) == 1  # its row, as the platform wrote it

    fixed = tmp_path / "fixed.csv"  # as a spreadsheet program saves it after the fix
    fixed.write_text(text.replace("'-129.00", "129.00"), encoding="utf-8-sig")
    again = afterdesk(db_url, "import", "orders", str(fixed), str(ITEMS), "--shop", SHOP,
                      user="printer")  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "New 1, updated 0, unchanged 0, conflicts 0, refused 0." in again.stdout

    def order(s) -> tuple:
        o = s.execute(select(Order).where(Order.order_no == LEFT_OUT)).scalar_one()
        return o.total, o.tracking_no, [(i.sku, i.quantity) for i in o.items]

    assert shop_with_orders.read(order) == (Decimal("129.00"), "YT1234567890123",
                                            [("XB-CAN-黑-42", 1)])  # fmt: skip
    assert shop_with_orders.read(lambda s: s.execute(select(func.count()).select_from(Order))
                                 .scalar_one()) == 6  # fmt: skip
