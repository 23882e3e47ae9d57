"""The duty roster through ``afterdesk roster``: a swap asked by the two people, the
supervisor's day edits, regenerating a month, who is on duty now (docs/scores.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.models import Role
from app.services.roster import rotation, swaps
from tests.printing_helpers import table_cells, text
from tests.score_helpers import NOVEMBER
from tests.test_cli import afterdesk


def test_a_swap_is_asked_agreed_and_approved_on_the_command_line(staff, db, db_url) -> None:
    db.write(lambda s: rotation.generate(s, staff[Role.SUPERVISOR], NOVEMBER))
    run = lambda *a, user="presales": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    asked = run("roster", "swap", "2026-11-03", "aftersales", "--reason", "家里有事")
    assert asked.returncode == 0, asked.stderr
    assert "aftersales" in asked.stdout and "roster agree 1" in asked.stdout, asked.stdout
    early = run("roster", "approve", "1", user="supervisor")
    assert early.returncode != 0 and "等待 aftersales 同意" in early.stderr, early.stderr
    mine = run("roster", "agree", "1")  # the asker cannot agree for the colleague
    assert mine.returncode != 0 and "只有 aftersales" in mine.stderr, mine.stderr
    agreed = run("roster", "agree", "1", user="aftersales")
    assert agreed.returncode == 0, agreed.stderr
    listed = json.loads(run("roster", "swaps", "--month", "2026-11", "--json").stdout)
    assert listed[0]["state"] == "agreed" and listed[0]["agreed_at"]
    assert run("roster", "approve", "1", user="supervisor").returncode == 0
    shown = json.loads(run("roster", "show", "--month", "2026-11", "--json").stdout)
    days = {p["username"]: p["days"]["2026-11-03"] for p in shown["people"]}
    assert (days["presales"], days["aftersales"]) == ("service_early", "service_late")
    # a second one, taken back by the colleague before the supervisor saw it
    assert run("roster", "swap", "2026-11-05", "aftersales").returncode == 0
    assert run("roster", "withdraw", "2", user="printer").returncode != 0  # not theirs
    withdrawn = run("roster", "withdraw", "2", user="aftersales")
    assert withdrawn.returncode == 0 and "#2" in withdrawn.stdout, withdrawn.stderr
    text = run("roster", "swaps", "--month", "2026-11").stdout
    assert "#1 2026-11-03 presales ⇄ aftersales · 已批准" in text, text
    assert "#2 2026-11-05 presales ⇄ aftersales · 已撤回" in text, text


def test_the_supervisor_sets_a_day_and_staff_may_not(staff, db, db_url) -> None:
    """`roster set` in the user's language; refused to staff; kept by `roster generate`."""
    run = lambda *a, user="supervisor": afterdesk(db_url, *a, user=user, lang="zh_CN")  # noqa: E731
    assert run("roster", "generate", "--month", "2026-11").returncode == 0
    off = run("roster", "set", "2026-11-03", "presales", "off")
    assert off.returncode == 0, off.stderr
    assert off.stdout.strip() == "2026-11-03 presales：休息", off.stdout
    early = run("roster", "set", "2026-11-04", "printer", "service_early")
    assert early.stdout.strip() == "2026-11-04 printer：客服早班", early.stdout
    refused = run("roster", "set", "2026-11-05", "presales", "off", user="presales")
    assert refused.returncode == 2 and "需要" in refused.stderr, refused.stderr
    unknown = run("roster", "set", "2026-11-05", "presales", "night")
    assert unknown.returncode != 0 and "night" in unknown.stderr, unknown.stderr
    again = run("roster", "generate", "--month", "2026-11")
    assert again.returncode == 0, again.stderr
    assert "主管设置的日子：2" in again.stdout, again.stdout
    shown = json.loads(run("roster", "show", "--month", "2026-11", "--json").stdout)
    days = {p["username"]: p["days"] for p in shown["people"]}
    assert days["presales"]["2026-11-03"] is None
    assert days["presales"]["2026-11-05"] == "service_late"  # staff's edit refused
    assert days["printer"]["2026-11-04"] == "service_early"
    shifts = run("roster", "shifts", user="presales").stdout
    assert "客服" in shifts and "打单" in shifts and "service " not in shifts, shifts


def test_who_is_on_duty_now_follows_the_clock(staff, db, db_url) -> None:
    """`roster now` at a fixed clock (AFTERDESK_NOW, the shop's local time)."""
    db.write(lambda s: rotation.generate(s, staff[Role.SUPERVISOR], NOVEMBER))

    def now(when: str, *args: str, lang: str = "zh_CN") -> str:
        result = afterdesk(db_url, "roster", "now", *args, user="warehouse", lang=lang,
                           AFTERDESK_NOW=when)  # fmt: skip
        assert result.returncode == 0, result.stderr
        return result.stdout

    morning = now("2026-11-02 10:00")
    assert "李娜 (aftersales) · 客服早班" in morning and "王芳 (printer) · 打单早班" in morning
    assert "张三" not in morning  # presales works late these five days
    assert json.loads(now("2026-11-02 19:00", "--json")) == [
        {"user": "presales", "shift": "service_late"}
    ]
    assert now("2026-11-02 12:00", lang="en").strip() == "Nobody is on duty now."  # lunch
    assert "客服早班" in now("2026-11-07 10:00")  # the next block: presales early
    assert "张三 (presales)" in now("2026-11-07 10:00")


def _print(db_url: str, out: Path, lang: str) -> None:
    printed = afterdesk(
        db_url, "roster", "print", "--month", "2026-11", "--out", str(out),
        user="presales", lang=lang,
    )  # fmt: skip
    assert printed.returncode == 0, printed.stderr


def test_the_printed_roster_read_back_cell_by_cell(staff, db, db_url, tmp_path) -> None:
    """Who works which shift on a given day, read from the PDF's grid (the approved swap and
    the supervisor's day off included); English cells keep whole marks; pages n of N."""
    supervisor = staff[Role.SUPERVISOR]
    db.write(lambda s: rotation.generate(s, supervisor, NOVEMBER))
    swap = db.write(
        lambda s: swaps.request(s, staff[Role.PRESALES], date(2026, 11, 3), "aftersales")
    )
    db.write(lambda s: swaps.agree(s, staff[Role.AFTERSALES], swap.id))
    db.write(lambda s: swaps.approve(s, supervisor, swap.id))
    db.write(lambda s: rotation.set_shift(s, supervisor, date(2026, 11, 30), "printer", None))
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    _print(db_url, zh, "zh_CN")
    _print(db_url, en, "en")
    cells = table_cells(zh, 1, "人员")
    assert cells["张三", "2"] == "客服晚班" and cells["李娜", "2"] == "客服早班"
    assert cells["张三", "3"] == "客服早班" and cells["李娜", "3"] == "客服晚班"  # swapped
    assert cells["张三", "6"] == "客服早班"  # the next block
    assert cells["王芳", "29"] == "打单早班" and ("王芳", "30") not in cells  # a day off
    assert "第 1 页，共 2 页" in text(zh, 1) and "第 2 页，共 2 页" in text(zh, 2)
    marks = table_cells(en, 1, "Person")
    assert (marks["张三", "3"], marks["李娜", "3"], marks["王芳", "29"]) == ("SE", "SL", "P")
    assert set(marks[name, str(d)] for name in ("张三", "李娜") for d in range(1, 31)) == {
        "SE", "SL"
    }  # fmt: skip
    first = text(en, 1)
    assert "SE Service early 09:00-11:30, 12:30-18:30" in first and "Servi\n" not in first
    assert "page 1 of 2" in first and "page 2 of 2" in text(en, 2)
    assert "SL Service late Customer service 13:00-17:30, 18:30-23:30" in text(en, 2)
