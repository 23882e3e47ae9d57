"""The score sheet and the roster through ``afterdesk``: privilege, printed and exported sheets
read back (docs/scores.md)."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from app.models import Role
from app.services.roster import rotation
from tests.printing_helpers import text
from tests.score_helpers import NOVEMBER, month_of_work
from tests.test_cli import afterdesk


def test_a_staff_member_cannot_read_anothers_sheet(shop_db, shop_staff, db_url) -> None:
    month_of_work(shop_db, shop_staff)
    proposed = afterdesk(db_url, "score", "propose", "--month", "2026-11", user="supervisor")
    assert proposed.returncode == 0, proposed.stderr
    own = afterdesk(db_url, "score", "show", "--month", "2026-11", "--json", user="printer")
    assert own.returncode == 0, own.stderr
    people = json.loads(own.stdout)["people"]
    assert [p["user"] for p in people] == ["printer"]
    assert people[0]["entries"][0]["rule"] == "request_not_acknowledged"
    other = afterdesk(
        db_url, "score", "show", "--month", "2026-11", "--user", "presales", user="printer"
    )
    assert other.returncode == 2 and "This needs the" in other.stderr
    assert other.stdout == ""
    export = afterdesk(
        db_url, "score", "export", "--month", "2026-11", "--out", "x.pdf", user="printer"
    )
    assert export.returncode == 2 and "This needs the" in export.stderr


def test_the_sheet_confirmed_exported_and_printed_in_chinese(
    shop_db, shop_staff, db_url, tmp_path
) -> None:
    month_of_work(shop_db, shop_staff)
    run = lambda *a, user="supervisor": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    assert run("score", "propose", "--month", "2026-11").returncode == 0
    sheet = json.loads(run("score", "show", "--month", "2026-11", "--json").stdout)
    ids = [e["id"] for p in sheet["people"] for e in p["entries"]]
    for entry_id in ids[1:]:
        assert run("score", "confirm", str(entry_id)).returncode == 0
    dismissed = run("score", "dismiss", str(ids[0]), "--reason", "客户没有说过")
    assert dismissed.returncode == 0, dismissed.stderr
    added = run(
        "score",
        "add",
        "warehouse",
        "--rule",
        "overtime",
        "--reason",
        "=双十一加班",
        "--month",
        "2026-11",
    )
    assert added.returncode == 0, added.stderr
    assert run("score", "submit", "2026-11").returncode == 0
    assert run("score", "approve", "2026-11").returncode == 2  # the boss approves
    assert run("score", "approve", "2026-11", user="admin").returncode == 0
    pdf, xlsx = tmp_path / "sheet.pdf", tmp_path / "sheet.xlsx"
    assert run("score", "export", "--month", "2026-11", "--out", str(pdf)).returncode == 0
    assert run("score", "export", "--month", "2026-11", "--out", str(xlsx)).returncode == 0
    summary = text(pdf, 1)
    assert "奖罚评分表 2026-11" in summary and "已批准" in summary
    assert "王芳" in summary and "98" in summary  # the printer lost 2 points
    pages = [text(pdf, n) for n in range(2, 7)]
    printer = next(p for p in pages if "(printer)" in p)
    assert "处理好之后没有及时反馈给客服" in printer and "-2" in printer
    book = load_workbook(xlsx)
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    reason = next(r for r in rows if r[4] == "=双十一加班")
    assert reason[3] == "+5"
    cell = next(
        c for row in book.worksheets[1].iter_rows() for c in row if c.value == "=双十一加班"
    )
    assert cell.data_type == "s"  # text, never a live formula


def test_the_roster_printed_and_read_back(staff, db, db_url, tmp_path) -> None:
    db.write(lambda s: rotation.generate(s, staff[Role.SUPERVISOR], NOVEMBER))
    pdf = tmp_path / "roster.pdf"
    result = afterdesk(
        db_url,
        "roster",
        "print",
        "--month",
        "2026-11",
        "--out",
        str(pdf),
        user="presales",
        lang="zh_CN",
    )
    assert result.returncode == 0, result.stderr
    page = text(pdf, 1)
    assert "值班表 2026-11" in page
    assert "客服早班 09:00-11:30, 12:30-18:30" in page
    assert "客服晚班 13:00-17:30, 18:30-23:30" in page
    for name in ("张三", "李娜", "王芳"):
        assert name in page
    assert "30" in page and "日" in page


def test_a_request_on_the_command_line_while_no_printer_is_on_shift_warns(
    shop_db, shop_staff, db_url
) -> None:
    from datetime import datetime

    from app.models import Stage
    from tests.score_helpers import free_orders

    today = datetime.now().astimezone().date()
    shop_db.write(
        lambda s: rotation.set_shift(
            s, shop_staff[Role.SUPERVISOR], today, "presales", "service_early"
        )
    )  # today's roster: nobody at the printer's desk
    order_no = free_orders(shop_db, Stage.PAID, 1)[0]
    result = afterdesk(db_url, "change", "cancel", order_no, "--confirmed", user="presales")
    assert result.returncode == 0, result.stderr
    assert "No order printer is on shift now" in result.stderr
