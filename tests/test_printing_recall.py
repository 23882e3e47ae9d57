"""The two-copy recall slip and the printed register, read back as a courier and a clerk would.

Each copy of the slip is rendered on its own at 203 dpi, one bit deep, and zbar must read
its three numbers; pdftotext finds both copies' labels; pdffonts finds every font
embedded. The service records who printed the slip; the command line writes both documents.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from app.db import Database
from app.models import CaseState, CaseType, Role, Shop, Stage
from app.models.errors import InvalidInput, PermissionDenied, TransitionRefused, UserError
from app.printing.recall_slip import RecallSlip, recall_slip_pdf
from app.printing.register_pdf import RegisterSheet, register_pdf
from app.services.cases import documents as case_print
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.cases.register import COLUMNS, RegisterFilter
from app.services.core import audit
from app.services.orders import lookup as orders
from tests.printing_helpers import chinese_documents, fonts, page_sizes_mm, text, write
from tests.test_cli import afterdesk

A4_DOTS = (1679, 2374)  # A4 at 203 dpi
HALF = A4_DOTS[1] // 2
NAME = "A&B <王小明>"

SLIP = RecallSlip(
    case_no="SH20261124-0001",
    order_no="3861000123456789012",
    shop="悦步鞋履旗舰店",
    courier="顺丰速运",
    tracking_no="SF1234567890123",
    recipient_name=NAME,
    recipient_phone="13800138000",
    address="浙江省杭州市西湖区文三路478号华星时代广场A座，3幢1203室（前台代收）",
    reason="客户不要了，要求退回",
    opened_by="李娜",
    opened_at=datetime(2026, 11, 24, 2, 30, tzinfo=UTC),
    return_address="浙江省杭州市余杭区良睦路1399号退货组",
    sender_name="悦步客服",
    sender_phone="0571-88886666",
)


def copy_barcodes(path: Path, tmp_path: Path, copy: int) -> list[str]:
    """zbar on one copy only (0 top, 1 bottom): it merges equal codes within one image."""
    prefix = tmp_path / f"copy{copy}"
    crop = ["-x", "0", "-y", str(copy * HALF), "-W", str(A4_DOTS[0]), "-H", str(HALF)]
    subprocess.run(["pdftoppm", "-r", "203", "-mono", *crop, str(path), prefix], check=True)
    image = next(tmp_path.glob(f"copy{copy}*.pbm"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
    image.unlink()
    return sorted(out.stdout.split())


def copy_text(path: Path, copy: int) -> str:
    """pdftotext of one half of the A4 page (points at its default 72 dpi)."""
    crop = ["-x", "0", "-y", str(copy * 421), "-W", "595", "-H", "421"]
    args = ["pdftotext", "-raw", *crop, str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True).stdout


def assert_slip(path: Path, tmp_path: Path, case_no: str, order_no: str, tracking: str) -> None:
    assert page_sizes_mm(path.read_bytes()) == [(210, 297)]
    embedded = fonts(path)
    assert embedded and all(f["emb"] == "yes" for f in embedded), embedded
    top, bottom = copy_text(path, 0), copy_text(path, 1)
    assert "存根联" in top and "快递联" not in top
    assert bottom.splitlines()[0].endswith("快递联")  # its note names the shop copy
    for half in (top, bottom):
        assert "快递员签字" in half and "日期" in half and case_no in half
    assert "原包裹已收到" in top and "签收人" in top and "原包裹已收到" not in bottom
    assert "沿此线剪开" in text(path) and "✂" in text(path)
    wanted = sorted([case_no, order_no, tracking])
    assert copy_barcodes(path, tmp_path, 0) == wanted  # each number, once per copy
    assert copy_barcodes(path, tmp_path, 1) == wanted


def test_slip_two_copies_barcodes_fonts_and_customer_text(tmp_path) -> None:
    result = recall_slip_pdf(SLIP, printed_by="李娜", printed_at=SLIP.opened_at)
    path = write(tmp_path, result.data, "slip.pdf")
    assert result.pages == 1 and result.warnings == ()
    assert_slip(path, tmp_path, SLIP.case_no, SLIP.order_no, SLIP.tracking_no)
    whole = text(path)
    assert whole.count(NAME) == 2  # printed as written, on both copies
    for field in ("13800138000", "华星时代广场A座", "顺丰速运", "客户不要了", "良睦路1399号"):
        assert whole.count(field) == 2, field
    assert "补打" not in whole


def test_long_numbers_take_a_second_row_and_still_scan(tmp_path) -> None:
    long = "JD" + "0123456789" * 3 + "ABCDEFGH"  # 40 characters: the longest number we keep
    slip = replace(SLIP, tracking_no=long, reason="很长的原因，" * 80, address="地址" * 200)
    result = recall_slip_pdf(slip, reprint=True)
    path = write(tmp_path, result.data, "long.pdf")
    assert_slip(path, tmp_path, slip.case_no, slip.order_no, long)
    assert "补打" in text(path)


def test_a_character_no_font_has_is_spelled_out_and_reported(tmp_path) -> None:
    result = recall_slip_pdf(replace(SLIP, recipient_name="𠮷野家"))
    path = write(tmp_path, result.data)
    assert "[U+20BB7]野家" in text(path) and "U+20BB7" in result.warnings[0]


def test_register_sheet_wraps_repeats_its_header_and_numbers_pages(tmp_path) -> None:
    row = ["2026.11.24", "SH20261124-0001", "3861000123456789012", "tb_wang&<123>", "退货"]
    row += ["鞋底开胶，客户要求退货并退还运费。" * 3, "是", "左脚鞋头", 2, "顺丰", "SF1234567890"]
    row += ["是", "", "已登记", "", "", "", ""]
    rows = [[*row[:1], f"SH20261124-{n:04d}", *row[2:]] for n in range(1, 61)]
    sheet = RegisterSheet(
        "售后登记表", "2026.11.01 – 2026.11.30", COLUMNS, rows, "第 {page}/{pages} 页"
    )
    result = register_pdf(sheet)
    path = write(tmp_path, result.data, "register.pdf")
    assert result.pages >= 2 and set(page_sizes_mm(result.data)) == {(297, 210)}
    first, second = text(path, 1), text(path, 2)
    assert "售后登记表" in first and "2026.11.01 – 2026.11.30" in first
    assert f"第 1/{result.pages} 页" in first and f"第 2/{result.pages} 页" in second
    for page in (first, second):  # the header row on every page
        assert "售后登记表" in page and "Date" in page and "Exchange" in page
    assert "tb_wang&<123>" in "".join(first.split()) and "SH20261124-0001" in first
    assert "SH20261124-0060" in text(path, result.pages)
    assert all(f["emb"] == "yes" for f in fonts(path))


def test_register_never_breaks_a_tracking_number(tmp_path) -> None:
    """The longest numbers couriers give stay whole on one line (pdftotext -layout)."""
    numbers = [
        "JT3001234567890123456",
        "SF1234567890123",
        "YT9876543210987654321",
        "773012345678901",
    ]
    rows = []
    for n, number in enumerate(numbers, 1):
        row = ["2026.11.24", f"SH20261124-{n:04d}", "3861000123456789012", "tb_wang", "退货"]
        row += ["尺码不合适", "否", "", 0, "顺丰", number, "否", "", "已登记", "", "", "", number]
        rows.append(row)
    sheet = RegisterSheet("售后登记表", "2026.11.24", COLUMNS, rows)
    path = write(tmp_path, register_pdf(sheet).data, "register.pdf")
    args = ["pdftotext", "-layout", str(path), "-"]
    layout = subprocess.run(args, capture_output=True, text=True).stdout
    lines = layout.splitlines()
    for number in numbers:
        assert sum(line.count(number) for line in lines) == 2, (number, layout)


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    """The demo shop, every shop printing in Chinese (these tests read Chinese words)."""
    chinese_documents(shop_db)
    return shop_db


# -- through the service, on SQLite and PostgreSQL ---------------------------------------------
def _recall(db, staff) -> tuple[str, str, str]:
    order = db.read(lambda s: orders.list_page(s, stage=Stage.SHIPPED, limit=1))[0]
    case = db.write(
        lambda s: cases.open_case(
            s, staff[Role.AFTERSALES], order.order_no, CaseType.RECALL, reason="客户不要了"
        )
    )
    assert case.return_tracking_no
    return case.case_no, order.order_no, case.return_tracking_no


def no_return_address(db: Database | str) -> None:
    database = Database(db) if isinstance(db, str) else db
    database.write(lambda s: s.execute(update(Shop).values(return_address="")))
    if isinstance(db, str):
        database.dispose()


def test_a_shop_without_return_address_is_told_before_printing(
    shop_db, shop_staff, tmp_path
) -> None:
    """The slip's “退回至” would be blank: refused, saying where to set the address."""
    case_no, _, _ = _recall(shop_db, shop_staff)
    no_return_address(shop_db)
    out = tmp_path / "slip.pdf"
    with pytest.raises(InvalidInput, match=r"no return address.*Shops page.*print sender"):
        case_print.print_recall_slip(shop_db, shop_staff[Role.AFTERSALES], case_no, out=out)
    assert not out.exists()
    steps = shop_db.read(lambda s: audit.history(s, "case", case_no))
    assert not any(r.action == "case.recall_slip" for r in steps)


def test_service_prints_records_and_refuses(shop_db, shop_staff, tmp_path) -> None:
    case_no, order_no, tracking = _recall(shop_db, shop_staff)
    out = tmp_path / "slip.pdf"
    first = case_print.print_recall_slip(shop_db, shop_staff[Role.AFTERSALES], case_no, out=out)
    assert first.copy == 1 and first.printed_by == "李娜"
    assert_slip(out, tmp_path, case_no, order_no, tracking)
    printer = shop_staff[Role.PRINTER]
    again = case_print.print_recall_slip(shop_db, printer, case_no, out=tmp_path / "b.pdf")
    assert again.copy == 2 and "补打" in text(tmp_path / "b.pdf")
    steps = shop_db.read(lambda s: audit.history(s, "case", case_no))
    printed = [(r.actor_name, r.after["copy"]) for r in steps if r.action == "case.recall_slip"]
    assert printed == [("李娜", 1), ("王芳", 2)]
    assert shop_db.read(lambda s: cases.get(s, case_no)).state is CaseState.OPEN  # not a move

    nowhere = tmp_path / "missing" / "slip.pdf"
    with pytest.raises(PermissionDenied):
        case_print.print_recall_slip(
            shop_db, shop_staff[Role.WAREHOUSE], case_no, out=tmp_path / "w.pdf"
        )
    with pytest.raises(InvalidInput, match="does not exist"):
        case_print.print_recall_slip(shop_db, printer, case_no, out=nowhere)
    with pytest.raises(InvalidInput, match=r"\.pdf"):
        case_print.print_recall_slip(shop_db, printer, case_no, out=tmp_path / "slip.txt")
    shop_db.write(lambda s: case_steps.parcel_received(s, printer, case_no))
    with pytest.raises(TransitionRefused, match="still with the courier"):
        case_print.print_recall_slip(shop_db, printer, case_no, out=tmp_path / "late.pdf")
    steps = shop_db.read(lambda s: audit.history(s, "case", case_no))
    assert sum(r.action == "case.recall_slip" for r in steps) == 2  # refusals record nothing
    assert not nowhere.parent.exists() and not (tmp_path / "late.pdf").exists()
    assert not list(tmp_path.glob(".*.part"))

    other = shop_db.read(lambda s: orders.list_page(s, limit=1))[0].order_no
    complaint = shop_db.write(
        lambda s: cases.open_case(s, shop_staff[Role.AFTERSALES], other, CaseType.COMPLAINT)
    )
    with pytest.raises(UserError, match="not a parcel recall"):
        case_print.print_recall_slip(shop_db, printer, complaint.case_no)


def test_service_prints_the_register_with_filters(shop_db, shop_staff, tmp_path) -> None:
    case_no, _, _ = _recall(shop_db, shop_staff)
    numbers = [r.order_no for r in shop_db.read(lambda s: orders.list_page(s, limit=60))]
    after = shop_staff[Role.AFTERSALES]

    def complaints(s) -> None:
        for n in numbers:
            cases.open_case(s, after, n, CaseType.COMPLAINT, reason="物流太慢，" * 6)

    shop_db.write(complaints)
    out = tmp_path / "register.pdf"
    pdf, count = case_print.print_register(shop_db, after, out=out)
    assert count == 61 and pdf.pages >= 2 and out.exists()
    assert "Return tracking" in text(out, 2) and "After-sales register" in text(out, 2)
    assert f"Page 2 of {pdf.pages}" in text(out, 2) and case_no in text(out, pdf.pages)
    today = shop_db.read(lambda s: cases.get(s, case_no)).opened_at.astimezone().date()
    only = RegisterFilter(types=(CaseType.RECALL,), date_from=today, date_to=today)
    pdf, count = case_print.print_register(shop_db, after, only, out=out, overwrite=True)
    assert count == 1 and pdf.pages == 1
    page = text(out)
    assert case_no in page and "Parcel recall" in page and f"{today:%Y.%m.%d}" in page
    empty = RegisterFilter(date_to=date(2000, 1, 1))
    assert case_print.print_register(shop_db, after, empty)[1] == 0


def test_the_register_prints_in_the_shops_document_language(shop_db, shop_staff, tmp_path):
    """Chinese when every shop prints in Chinese, “中文 English” when the shops differ."""
    from app.i18n import CHINESE, Translator

    case_no, _, _ = _recall(shop_db, shop_staff)
    out = tmp_path / "register.pdf"
    only = RegisterFilter(types=(CaseType.RECALL,))
    case_print.print_register(
        shop_db,
        shop_staff[Role.AFTERSALES],
        only,
        out=out,
        chinese=Translator(CHINESE),
        overwrite=True,
    )
    page = text(out)
    assert "售后登记表" in page and "After-sales" not in page and "Return" not in page
    assert case_no in page
    shop_db.write(lambda s: s.execute(update(Shop).where(Shop.platform == "shopify").values(
        doc_language="en")))  # fmt: skip
    case_print.print_register(
        shop_db,
        shop_staff[Role.AFTERSALES],
        only,
        out=out,
        chinese=Translator(CHINESE),
        overwrite=True,
    )
    assert "售后登记表 After-sales register" in text(out)


# -- the command line, on SQLite and PostgreSQL -------------------------------------------------
def test_cli_recall_slip_and_register(db_url, tmp_path) -> None:
    assert afterdesk(db_url, "demo", "--orders", "60").returncode == 0
    chinese_documents(db_url)
    listed = afterdesk(db_url, "orders", "list", "--stage", "shipped", "--limit", "1", "--json")
    order = json.loads(listed.stdout)[0]
    opened = afterdesk(db_url, "case", "open", order["order_no"], "--type", "recall",
                       "--reason", "客户不要了", "--json", user="aftersales")  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    case_no = json.loads(opened.stdout)["case_no"]
    out = tmp_path / "slip.pdf"
    done = afterdesk(db_url, "print", "recall-slip", case_no, "--out", str(out), user="aftersales")
    assert done.returncode == 0, done.stderr
    assert case_no in done.stdout and str(out) in done.stdout
    assert_slip(out, tmp_path, case_no, order["order_no"], order["tracking_no"])
    again = afterdesk(db_url, "print", "recall-slip", case_no, "--out", str(out), "--json",
                      "--overwrite", user="printer")  # fmt: skip
    assert json.loads(again.stdout)["copy"] == 2
    zh = afterdesk(db_url, "--lang", "zh_CN", "print", "recall-slip", case_no,
                   "--out", str(out), "--overwrite", user="warehouse")  # fmt: skip
    assert zh.returncode == 2 and "角色" in zh.stderr and zh.stdout == ""
    no_return_address(db_url)
    blank = tmp_path / "blank.pdf"
    refused = afterdesk(db_url, "--lang", "zh_CN", "print", "recall-slip", case_no,
                        "--out", str(blank), user="aftersales")  # fmt: skip
    assert refused.returncode == 2 and "退货地址" in refused.stderr and "店铺" in refused.stderr
    assert not blank.exists()

    register = tmp_path / "register.pdf"
    filters = ("--type", "recall", "--state", "open", "--from", "2000-01-01", "--to", "2100-12-31")
    printed = afterdesk(db_url, "print", "register", "--out", str(register), *filters)
    assert printed.returncode == 0, printed.stderr
    assert "cases: 1" in printed.stdout
    page = text(register)
    assert "售后登记表" in page and case_no in page and "2000.01.01" in page  # as the shops
    bad = afterdesk(db_url, "print", "register", "--out", str(register), "--from", "yesterday")
    assert bad.returncode == 2 and "is not a date" in bad.stderr
