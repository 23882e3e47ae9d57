"""The score sheet and the roster through ``afterdesk``: privilege, printed and exported sheets
read back (docs/scores.md)."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from sqlalchemy import select

from app.models import AuditEntry, CaseType, Role, Stage
from app.services.cases import opening as cases
from app.services.changes import requests as changes
from app.services.roster import rotation
from tests.printing_helpers import text
from tests.score_helpers import NOVEMBER, free_orders, month_of_work
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
    # the summary and five people's pages, numbered across the document
    for n, page in enumerate([summary, *pages], 1):
        assert f"第 {n} 页，共 6 页" in page, page
    assert text(pdf, 7) == ""
    assert "陈静：客户没有说过" in text(pdf)  # the dismissal, with its reason
    book = load_workbook(xlsx)
    people = {r[1]: r for r in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert people["printer"][2:7] == (98, 20, 0, None, -20)  # numbers Excel adds up
    assert all(isinstance(r[3], int) and isinstance(r[6], int) for r in people.values())
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    reason = next(r for r in rows if r[4] == "=双十一加班")
    assert reason[3] == 5
    cells = {c.value: c for row in book.worksheets[1].iter_rows() for c in row}
    assert cells["=双十一加班"].data_type == "s"  # a person's words: text, never a formula
    points = next(row[3] for row in book.worksheets[1].iter_rows() if row[4].value == "=双十一加班")
    assert points.data_type == "n" and points.number_format == "+0;-0;0"  # shown as +5


def test_a_submitted_month_refuses_changes_until_the_administrator_sends_it_back(
    staff, db, db_url
) -> None:
    run = lambda *a, user="supervisor": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    add = ("score", "add", "warehouse", "--rule", "overtime", "--reason", "加班", "--month")
    add += ("2026-11",)
    assert run("score", "submit", "2026-11").returncode == 0
    refused = run(*add)
    assert refused.returncode != 0
    assert "2026-11 的评分表已提交：管理员退回之前，不能再修改。" in refused.stderr, refused.stderr
    assert "已提交" in run("score", "propose", "--month", "2026-11").stderr
    assert run("score", "reopen", "2026-11").returncode == 2  # the administrator's
    back = run("score", "reopen", "2026-11", "--reason", "仓库加班漏了", user="admin")
    assert back.returncode == 0, back.stderr
    assert "已退回主管" in back.stdout
    assert run(*add).returncode == 0
    shown = json.loads(run("score", "show", "--month", "2026-11", "--json").stdout)
    assert shown["state"] == "open"
    assert [p["points"] for p in shown["people"] if p["user"] == "warehouse"] == [105]


def test_an_entry_by_hand_names_a_record_that_exists_and_brings_its_order(
    shop_db, shop_staff, db_url
) -> None:
    order_no, other = free_orders(shop_db, Stage.SHIPPED, 2)
    case_no = shop_db.write(
        lambda s: cases.open_case(s, shop_staff[Role.AFTERSALES], order_no, CaseType.RETURN)
    ).case_no
    request = shop_db.write(
        lambda s: changes.request_cancel(s, shop_staff[Role.PRESALES], other, reason="拍错了")
    )
    run = lambda *a: afterdesk(db_url, *a, user="supervisor", lang="zh_CN")  # noqa: E731
    add = ("score", "add", "aftersales", "--rule", "fixed_colleague", "--reason", "帮同事改错")
    for wrong, said in (
        (("--case", "SH20991231-0001"), "没有售后单 SH20991231-0001。"),
        (("--order", "NO-SUCH-ORDER"), "没有订单 NO-SUCH-ORDER。"),
        (("--request", "999999"), "没有请求 #999999。"),
        (("--request", "abc"), "没有请求 #abc。"),
        (("--complaint", "TS20991231-0001"), "没有投诉单 TS20991231-0001。"),
    ):
        refused = run(*add, *wrong)
        assert refused.returncode != 0 and said in refused.stderr, refused.stderr
    assert _entries(run, "aftersales") == []  # nothing saved
    assert run(*add, "--case", case_no.lower()).returncode == 0
    assert run(*add, "--request", f"#{request.id}").returncode == 0
    evidence = [e["evidence"] for e in _entries(run, "aftersales")]
    assert evidence == [
        {"kind": "case", "key": case_no, "order_no": order_no},
        {"kind": "request", "key": str(request.id), "order_no": other},
    ]


def _entries(run, user: str) -> list[dict]:
    shown = json.loads(run("score", "show", "--user", user, "--json").stdout)
    return shown["people"][0]["entries"]


def test_the_administrator_edits_a_rule_and_later_entries_and_proposals_follow(
    shop_db, shop_staff, db_url
) -> None:
    month_of_work(shop_db, shop_staff)
    run = lambda *a, user="admin": afterdesk(db_url, *a, user=user)  # noqa: E731
    overtime = ("score", "add", "warehouse", "--rule", "overtime", "--reason", "加班", "--month")
    overtime += ("2026-11",)
    assert run(*overtime, user="supervisor").returncode == 0  # +5, before the change
    refused = run("score", "rule", "overtime", "--points", "8", user="supervisor")
    assert refused.returncode == 2 and "This needs the" in refused.stderr
    changed = run("score", "rule", "overtime", "--points", "8")
    assert changed.returncode == 0 and "+8" in changed.stdout, changed.stderr
    assert run("score", "rule", "change_not_passed", "--points", "-5").returncode == 0
    off = run("score", "rule", "request_not_acknowledged", "--off")
    assert off.returncode == 0 and "(off)" in off.stdout
    assert run(*overtime, user="supervisor").returncode == 0
    assert run("score", "propose", "--month", "2026-11", user="supervisor").returncode == 0
    shown = json.loads(run("score", "show", "--month", "2026-11", "--json").stdout)
    points = {}
    for person in shown["people"]:
        for e in person["entries"]:
            points.setdefault((person["user"], e["rule"]), []).append(e["points"])
    assert points["warehouse", "overtime"] == [5, 8]  # the earlier entry keeps its points
    assert points["presales", "change_not_passed"] == [-5]
    assert points["presales", "cancel_not_passed"] == [-2]
    assert ("printer", "request_not_acknowledged") not in points  # turned off: not proposed
    by_hand = run(
        "score", "add", "printer", "--rule", "request_not_acknowledged", "--reason", "慢",
        user="supervisor",
    )  # fmt: skip
    assert by_hand.returncode != 0 and "is turned off" in by_hand.stderr
    logged = shop_db.read(
        lambda s: s.execute(
            select(AuditEntry.entity_key, AuditEntry.actor_name).where(
                AuditEntry.action == "score.rule"
            )
        ).all()
    )
    assert sorted(logged) == [
        ("change_not_passed", "刘洋"),
        ("overtime", "刘洋"),
        ("request_not_acknowledged", "刘洋"),
    ]


def test_the_money_rules_on_the_command_line(staff, db, db_url) -> None:
    """Everyone reads them; only the administrator changes them (audited); the sheet follows."""
    run = lambda *a, user="admin": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    shown = run("score", "money", "show", user="presales")
    assert shown.returncode == 0, shown.stderr
    assert "100–90：10 元, 90–80：20 元, 80–70：30 元, 70–60：40 元" in shown.stdout
    assert "低于 60 分：标记为解雇。" in shown.stdout
    assert run("score", "money", "set", "--reward", "200", user="supervisor").returncode == 2
    wrong = run("score", "money", "set", "--bands", "100-90")
    assert wrong.returncode != 0 and "“100-90”不是分数段" in wrong.stderr, wrong.stderr
    changed = run("score", "money", "set", "--bands", "100-90:15, 90-80:20", "--reward-at", "105")
    assert changed.returncode == 0, changed.stderr
    assert "100–90：15 元, 90–80：20 元（每分）" in changed.stdout
    assert "105 分及以上：奖励 100 元。" in changed.stdout
    add = ("score", "add", "printer", "--rule", "correction", "--points", "-12", "--reason")
    assert run(*add, "迟到", "--month", "2026-11", user="supervisor").returncode == 0
    sheet = json.loads(run("score", "show", "--month", "2026-11", "--json").stdout)
    printer = next(p for p in sheet["people"] if p["user"] == "printer")
    assert (printer["points"], printer["deduction"]) == (88, "190")
    assert json.loads(run("score", "money", "show", "--json").stdout)["reward_at"] == 105
    assert run("score", "money", "reset").returncode == 0
    sheet = json.loads(run("score", "show", "--month", "2026-11", "--json").stdout)
    printer = next(p for p in sheet["people"] if p["user"] == "printer")
    assert printer["deduction"] == "140"
    logged = db.read(
        lambda s: (
            s.execute(select(AuditEntry.actor_name).where(AuditEntry.entity_key == "score_money"))
            .scalars()
            .all()
        )
    )
    assert logged == ["刘洋", "刘洋"]


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


def test_swaps_on_the_command_line_follow_the_procedures_rules(staff, db, db_url) -> None:
    """Refused in the user's language (no swaps on consecutive days); a 4th swap is flagged."""
    db.write(lambda s: rotation.generate(s, staff[Role.SUPERVISOR], NOVEMBER))
    run = lambda *a, user="presales": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    for day in ("2026-11-02", "2026-11-04", "2026-11-06"):
        assert run("roster", "swap", day, "aftersales").returncode == 0
    refused = run("roster", "swap", "2026-11-05", "aftersales")
    assert refused.returncode != 0 and "连续" in refused.stderr, refused.stderr
    for swap_id in ("1", "2", "3"):
        assert run("roster", "agree", swap_id, user="aftersales").returncode == 0
        assert run("roster", "approve", swap_id, user="supervisor").returncode == 0
    fourth = run("roster", "swap", "2026-11-08", "aftersales")
    assert fourth.returncode == 0, fourth.stderr
    assert "本月换班超过3次" in fourth.stdout, fourth.stdout
    listed = run("roster", "swaps", "--month", "2026-11", user="supervisor")
    assert "超过3次" in listed.stdout, listed.stdout


def test_a_warehouse_shift_defined_on_the_command_line_is_on_the_printed_roster(
    staff, db, db_url, tmp_path
) -> None:
    run = lambda *a, user="supervisor": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    made = run(
        "roster", "shift", "warehouse_day", "--team", "warehouse", "--zh", "仓库班",
        "--en", "Warehouse day", "--hours", "08:30-12:00, 13:00-17:30",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "warehouse_day" in run("roster", "shifts", user="warehouse").stdout
    assert run("roster", "generate", "--month", "2026-11").returncode == 0
    pdf = tmp_path / "roster.pdf"
    printed = run("roster", "print", "--month", "2026-11", "--out", str(pdf), user="warehouse")
    assert printed.returncode == 0, printed.stderr
    page = text(pdf, 1)
    assert "赵强" in page and page.count("仓库\n班") == 30  # every day of the warehouse's
    shifts_page = text(pdf, 2)  # every shift in full, the shop's own too
    assert "仓库班" in shifts_page and "08:30-12:00, 13:00-17:30" in shifts_page
    assert "客服晚班" in shifts_page and "13:00-17:30, 18:30-23:30" in shifts_page
