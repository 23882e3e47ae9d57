"""The exchange order (换货单) printed by the order printer, on SQLite and PostgreSQL.

Refused before the warehouse signed for the return (unless a supervisor approved it on the
case), and for anyone but the printer; the PDF read back: the label at its roll's size and
the dispatch note, the recipient, the case number, the goods wanted, the 换货 mark and the
order's barcode decoded by zbar from a 203 dpi render. A failed write records nothing; a
reprint needs a reason and is recorded with it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.db import Database
from app.models import CaseState, CaseType, Role, SignoffResult
from app.models.errors import InvalidInput, PermissionDenied, TransitionRefused
from app.printing.data import LabelSize, SheetSize
from app.services.cases import exchange as case_exchange
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.core import audit
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from tests.case_helpers import shipped_orders
from tests.printing_helpers import barcodes, chinese_documents, page_sizes_mm, text
from tests.test_cli import afterdesk

WANTS = "黑色 42 码"
EARLY_REFUSAL = "No exchange is shipped before the warehouse has signed for the return"


def exchange_case(db: Database, staff: dict[Role, Actor], order_no: str, wants: str = WANTS) -> str:
    after = staff[Role.AFTERSALES]
    case = db.write(
        lambda s: cases.open_case(
            s, after, order_no, CaseType.EXCHANGE, reason="尺码小", wants=wants
        )
    )
    return case.case_no


def signed_for(db: Database, staff: dict[Role, Actor], case_no: str, tracking: str) -> None:
    after, warehouse = staff[Role.AFTERSALES], staff[Role.WAREHOUSE]
    db.write(lambda s: case_steps.record_return(s, after, case_no, tracking=tracking))
    db.write(lambda s: case_steps.signoff(s, warehouse, case_no, result=SignoffResult.AS_DESCRIBED))


def print_it(db: Database, actor: Actor, case_no: str, out: Path, **kw):  # type: ignore[no-untyped-def]
    return case_exchange.print_exchange(db, actor, case_no, out, **kw)


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    """The demo shop, every shop printing in Chinese (these tests read Chinese words)."""
    chinese_documents(shop_db)
    return shop_db


def printed_steps(db: Database, case_no: str) -> list[tuple[str, int, str]]:
    rows = db.read(lambda s: audit.history(s, "case", case_no))
    return [
        (r.actor_name, r.after["copy"], r.after["reason"])
        for r in rows
        if r.action == case_exchange.PRINT_ACTION
    ]


def assert_exchange_pdf(path: Path, tmp_path: Path, case_no: str, order: dict) -> None:
    """The label (100×150) then the A5 dispatch note, both to the original recipient."""
    assert page_sizes_mm(path.read_bytes()) == [(100, 150), (148, 210)]
    label, note = text(path, 1), text(path, 2)
    for page in (label, note):
        flat = "".join(page.split())
        assert "换货" in page and "EXCHANGE" not in page.upper(), page  # the shop's language
        assert case_no in flat and WANTS.replace(" ", "") in flat
        assert "".join(order["recipient_name"].split()) in flat
    assert "发货单" in note and "运单号：未分配" in note  # the exchange gets a new number
    assert barcodes(path, tmp_path, 1) == [order["order_no"]]
    assert barcodes(path, tmp_path, 2) == [order["order_no"]]


def _order(db: Database, order_no: str) -> dict:
    detail = db.read(lambda s: orders.get(s, order_no))
    return {"order_no": order_no, "recipient_name": detail.recipient.name}


# -- the service ----------------------------------------------------------------------------------
def test_refused_before_signoff_allowed_after_and_listed_until_printed(
    shop_db, shop_staff, tmp_path
) -> None:
    order_no = shipped_orders(shop_db, 1)[0]
    case_no = exchange_case(shop_db, shop_staff, order_no)
    printer = shop_staff[Role.PRINTER]
    out = tmp_path / "exchange.pdf"
    assert shop_db.read(case_exchange.waiting) == []
    with pytest.raises(TransitionRefused, match=EARLY_REFUSAL):
        print_it(shop_db, printer, case_no, out)
    assert not out.exists() and printed_steps(shop_db, case_no) == []

    signed_for(shop_db, shop_staff, case_no, "SF5550001112")
    (waiting,) = shop_db.read(case_exchange.waiting)
    assert (waiting.case_no, waiting.order_no, waiting.wants) == (case_no, order_no, WANTS)
    assert waiting.signoff_by == "赵强" and waiting.print_count == 0
    for role in (Role.AFTERSALES, Role.WAREHOUSE, Role.SUPERVISOR):
        with pytest.raises(PermissionDenied):
            print_it(shop_db, shop_staff[role], case_no, out)
    assert not out.exists()

    done = print_it(shop_db, printer, case_no, out)
    assert (done.copy, done.printed_by, done.reason, done.pdf.pages) == (1, "王芳", "", 2)
    assert_exchange_pdf(out, tmp_path, case_no, _order(shop_db, order_no))
    assert "补打" not in text(out)
    detail = shop_db.read(lambda s: cases.get(s, case_no))
    assert detail.state is CaseState.RECEIVED  # printing is not a move
    assert (detail.exchange_printed_by, detail.exchange_print_count) == ("王芳", 1)
    assert detail.to_json()["exchange"]["printed_by"] == "王芳"
    assert detail.timeline[-1].action == "case.exchange_printed"
    order_steps = shop_db.read(lambda s: audit.history(s, "order", order_no))
    assert order_steps[-1].action == "case.exchange_printed"
    assert shop_db.read(case_exchange.waiting) == []  # printed: off the list
    (again,) = shop_db.read(lambda s: case_exchange.waiting(s, include_printed=True))
    assert again.printed_by == "王芳" and again.print_count == 1

    # shipped: nothing left to print, and off every list
    after = shop_staff[Role.AFTERSALES]
    shop_db.write(
        lambda s: case_steps.exchange_shipped(
            s, after, case_no, tracking="SF8880001112", courier="顺丰"
        )
    )
    with pytest.raises(TransitionRefused, match="no exchange left to print"):
        print_it(shop_db, printer, case_no, tmp_path / "late.pdf", reason="丢了")
    assert shop_db.read(lambda s: case_exchange.waiting(s, include_printed=True)) == []


def test_early_exchange_with_a_supervisors_approval(shop_db, shop_staff, tmp_path) -> None:
    order_no = shipped_orders(shop_db, 2)[1]
    case_no = exchange_case(shop_db, shop_staff, order_no)
    supervisor = shop_staff[Role.SUPERVISOR]
    shop_db.write(
        lambda s: case_steps.approve(s, supervisor, case_no, early_exchange=True, reason="老客户")
    )
    (waiting,) = shop_db.read(case_exchange.waiting)
    assert waiting.state is CaseState.OPEN and waiting.early_exchange_by == "陈静"
    out = tmp_path / "early.pdf"
    done = print_it(
        shop_db,
        shop_staff[Role.PRINTER],
        case_no,
        out,
        label_size=LabelSize.L76X130,
        sheet_size=SheetSize.A4,
    )
    assert done.copy == 1
    assert page_sizes_mm(out.read_bytes()) == [(76, 130), (210, 297)]
    assert "换货" in text(out, 1) and case_no in "".join(text(out, 2).split())


def test_a_failed_write_records_nothing_and_a_reprint_needs_a_reason(
    shop_db, shop_staff, tmp_path, monkeypatch
) -> None:
    order_no = shipped_orders(shop_db, 3)[2]
    case_no = exchange_case(shop_db, shop_staff, order_no)
    signed_for(shop_db, shop_staff, case_no, "YT5550001113")
    printer = shop_staff[Role.PRINTER]
    version = shop_db.read(lambda s: cases.get(s, case_no)).version
    nowhere = tmp_path / "missing" / "exchange.pdf"
    with pytest.raises(InvalidInput, match="does not exist"):
        print_it(shop_db, printer, case_no, nowhere)
    with pytest.raises(InvalidInput, match=r"\.pdf"):
        print_it(shop_db, printer, case_no, tmp_path / "exchange.txt")
    assert printed_steps(shop_db, case_no) == []
    assert shop_db.read(lambda s: cases.get(s, case_no)).version == version

    # the transaction fails after the file was staged: no record, and no file left behind
    out = tmp_path / "exchange.pdf"

    def fail(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the commit did not happen")

    with monkeypatch.context() as m:
        m.setattr(case_exchange.cases, "record", fail)
        with pytest.raises(RuntimeError):
            print_it(shop_db, printer, case_no, out)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    assert printed_steps(shop_db, case_no) == []

    print_it(shop_db, printer, case_no, out)
    with pytest.raises(InvalidInput, match="say why it is printed again"):
        print_it(shop_db, printer, case_no, tmp_path / "again.pdf")
    assert not (tmp_path / "again.pdf").exists()
    again = print_it(shop_db, printer, case_no, tmp_path / "again.pdf", reason="标签被撕坏")
    assert (again.copy, again.reason) == (2, "标签被撕坏")
    assert "补打" in text(tmp_path / "again.pdf")
    assert printed_steps(shop_db, case_no) == [("王芳", 1, ""), ("王芳", 2, "标签被撕坏")]
    assert shop_db.read(lambda s: cases.get(s, case_no)).exchange_print_count == 2


def test_only_exchange_cases_print_an_exchange_order(shop_db, shop_staff, tmp_path) -> None:
    order_no = shipped_orders(shop_db, 4)[3]
    after = shop_staff[Role.AFTERSALES]
    ret = shop_db.write(lambda s: cases.open_case(s, after, order_no, CaseType.RETURN))
    with pytest.raises(InvalidInput, match="not an exchange"):
        print_it(shop_db, shop_staff[Role.PRINTER], ret.case_no, tmp_path / "x.pdf")


# -- the command line ------------------------------------------------------------------------------
def test_cli_lists_prints_and_reprints(db_url, tmp_path) -> None:
    assert afterdesk(db_url, "demo", "--orders", "60").returncode == 0
    chinese_documents(db_url)
    listed = afterdesk(db_url, "orders", "list", "--stage", "shipped", "--limit", "1", "--json")
    row = json.loads(listed.stdout)[0]
    order = {"order_no": row["order_no"], "recipient_name": row["recipient"]["name"]}
    opened = afterdesk(db_url, "case", "open", order["order_no"], "--type", "exchange",
                       "--wants", WANTS, "--json", user="aftersales")  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    case_no = json.loads(opened.stdout)["case_no"]
    out = tmp_path / "exchange.pdf"

    early = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), user="printer")
    assert early.returncode == 2 and EARLY_REFUSAL in early.stderr and not out.exists()
    empty = afterdesk(db_url, "print", "exchanges", "--json")
    assert json.loads(empty.stdout) == []

    steps = [
        ("case", "return", case_no, "--tracking", "SF1230004567", "--courier", "顺丰"),
        ("case", "signoff", case_no, "--result", "as_described"),
    ]
    for step, user in zip(steps, ("aftersales", "warehouse"), strict=True):
        done = afterdesk(db_url, *step, user=user)
        assert done.returncode == 0, done.stderr
    waiting = json.loads(afterdesk(db_url, "print", "exchanges", "--json").stdout)
    assert [(w["case_no"], w["wants"]) for w in waiting] == [(case_no, WANTS)]
    plain = afterdesk(db_url, "print", "exchanges")
    assert case_no in plain.stdout and "signed for by" in plain.stdout

    refused = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), user="warehouse")
    assert refused.returncode == 2 and "role" in refused.stderr and not out.exists()
    printed = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), "--json",
                        user="printer")  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    answer = json.loads(printed.stdout)
    assert (answer["copy"], answer["printed_by"], answer["pages"]) == (1, "王芳", 2)
    assert_exchange_pdf(out, tmp_path, case_no, order)
    assert json.loads(afterdesk(db_url, "print", "exchanges", "--json").stdout) == []
    shown = json.loads(afterdesk(db_url, "case", "show", case_no, "--json").stdout)
    assert shown["exchange"]["printed_by"] == "王芳" and shown["exchange"]["print_count"] == 1

    again = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), user="printer")
    assert again.returncode == 2 and "exists already" in again.stderr  # never over a file
    again = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), "--overwrite",
                      user="printer")  # fmt: skip
    assert again.returncode == 2 and "say why" in again.stderr
    again = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), "--overwrite",
                      "--reason", "卡纸", "--size", "100x180", user="printer")  # fmt: skip
    assert again.returncode == 0 and "copy 2" in again.stdout
    assert page_sizes_mm(out.read_bytes())[0] == (100, 180)
    listed_all = json.loads(afterdesk(db_url, "print", "exchanges", "--all", "--json").stdout)
    assert listed_all[0]["printed"]["count"] == 2
    bad = afterdesk(db_url, "print", "exchange", case_no, "--out", str(out), "--size", "9x9",
                    "--reason", "x", user="printer")  # fmt: skip
    assert bad.returncode == 2 and "Unknown label size" in bad.stderr
