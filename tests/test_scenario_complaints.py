"""Scenarios: complaints (投诉) walked through the command line with a fixed clock.

The clock is fixed with AFTERDESK_NOW (services/supervision/clock.py), the shop's local time
(conftest fixes the zone to Asia/Shanghai). A complaint escalates by itself when its first
response is late: 2 h (urgent), 24 h (general), 48 h (a return or exchange request); the
escalation is recorded once, however many PCs read the list. The follow-up call closes it
with the customer's satisfaction. Bad input says why and saves nothing. SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from app.db import Database
from app.models import Setting
from tests.test_cli import afterdesk

T0 = datetime(2026, 11, 28, 10, 0)  # a Saturday morning in the shop


def at(moment: datetime) -> dict[str, str]:
    return {"AFTERDESK_NOW": moment.isoformat(sep=" ", timespec="minutes")}


@pytest.fixture
def shop(db_url: str) -> str:
    result = afterdesk(db_url, "demo", "--orders", "40")
    assert result.returncode == 0, result.stderr
    return db_url


def run(url: str, *args: str, user: str = "aftersales", when: datetime = T0) -> dict | list:
    result = afterdesk(url, *args, "--json", user=user, **at(when))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(url: str, *args: str, says: str, user: str = "aftersales", when: datetime = T0) -> None:
    result = afterdesk(url, *args, "--json", user=user, **at(when))
    assert result.returncode == 2 and result.stdout == "", result.stdout
    assert says in result.stderr, result.stderr


def open_complaint(url: str, priority: str, **kw: str) -> dict:
    extra = [x for k, v in kw.items() for x in (f"--{k}", v)]
    found = run(
        url, "complaint", "open", "--channel", "im", "--customer", "tb_小王",
        "--category", "回复慢", "--priority", priority, "--text", "问了半天没人回", *extra,
    )  # fmt: skip
    assert isinstance(found, dict)
    return found


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def auto_steps(view: dict) -> list[dict]:
    return [s for s in view["steps"] if s["kind"] == "auto_escalate"]


@pytest.mark.parametrize(
    ("priority", "hours"), [("urgent", 2), ("general", 24), ("return_exchange", 48)]
)
def test_a_complaint_escalates_by_itself_when_its_first_response_is_late(
    shop, priority: str, hours: int
) -> None:
    c = open_complaint(shop, priority)
    no = c["complaint_no"]
    assert no == "TS20261128-0001" and c["owner"] == "李娜"
    assert moment(c["respond_due"]) == (T0 + timedelta(hours=hours)).astimezone()
    just_before = T0 + timedelta(hours=hours, minutes=-1)
    listed = run(shop, "complaint", "list", when=just_before)
    assert [(r["complaint_no"], r["overdue"], r["escalated_at"]) for r in listed] == [
        (no, False, None)
    ]
    late = T0 + timedelta(hours=hours, minutes=5)
    listed = run(shop, "complaint", "list", "--overdue", when=late)
    assert [r["complaint_no"] for r in listed] == [no]
    shown = run(shop, "complaint", "show", no, user="supervisor", when=late)
    assert shown["overdue"] and shown["escalated_at"] == shown["respond_due"]
    (step,) = auto_steps(shown)
    # signed by the system, dated at the deadline, whoever's PC noticed it
    assert (step["by"], step["text"], step["at"]) == ("AfterDesk", "respond", shown["respond_due"])
    # the second PC to look (and the third) records nothing more
    run(shop, "complaint", "list", when=late + timedelta(hours=1))
    assert len(auto_steps(run(shop, "complaint", "show", no, when=late))) == 1


def test_deadlines_run_in_the_shops_working_hours(shop) -> None:
    db = Database(shop)
    db.write(
        lambda s: s.add(Setting(key="work_hours", value="09:00-11:30, 12:30-18:30, 18:30-23:30"))
    )
    db.dispose()
    evening = T0.replace(hour=23)
    c = run(
        shop, "complaint", "open", "--channel", "phone", "--customer", "tb_夜猫",
        "--category", "发错货", "--priority", "urgent", "--text", "发错颜色", when=evening,
    )  # fmt: skip
    # 30 minutes of the evening shift, then 1 h 30 from 9:00
    assert moment(c["respond_due"]) == datetime(2026, 11, 29, 10, 30).astimezone()
    shown = run(shop, "complaint", "show", c["complaint_no"], when=datetime(2026, 11, 29, 9, 0))
    assert not shown["overdue"] and not auto_steps(shown)


def test_the_follow_up_call_closes_it_with_satisfaction(shop) -> None:
    c = open_complaint(shop, "general", about="presales")
    no = c["complaint_no"]
    later = T0 + timedelta(hours=1)
    assert run(shop, "complaint", "respond", no, "--text", "已致歉，今天补发", when=later)[
        "state"
    ] == ("responded")
    refused(shop, "complaint", "follow-up", no, "--attitude", "5", "--speed", "5",
            "--accuracy", "5", says="not possible now", when=later)  # fmt: skip
    escalated = run(shop, "complaint", "escalate", no, "--text", "客户要求主管回电", when=later)
    assert escalated["escalated_by"] == "李娜"
    resolved = run(shop, "complaint", "resolve", no, "--text", "补发已签收", when=later)
    assert resolved["state"] == "resolved" and resolved["due"] is None
    # satisfaction outside 1–5: refused, nothing saved
    for bad in ("0", "6"):
        refused(shop, "complaint", "follow-up", no, "--attitude", bad, "--speed", "4",
                "--accuracy", "5", says="is not between 1 and 5", when=later)  # fmt: skip
    assert run(shop, "complaint", "show", no, when=later)["state"] == "resolved"
    closed = run(
        shop, "complaint", "follow-up", no, "--attitude", "5", "--speed", "4", "--accuracy", "5",
        "--text", "满意", when=later,
    )  # fmt: skip
    assert closed["state"] == "closed"
    assert closed["satisfaction"] == {"attitude": 5, "speed": 4, "accuracy": 5}
    kinds = [s["kind"] for s in closed["steps"]]
    assert kinds == ["open", "respond", "escalate", "resolve", "follow_up"]
    assert all(s["by"] == "李娜" and s["at"] for s in closed["steps"])
    # closed: no deadline, never late, never escalated by itself
    assert not run(shop, "complaint", "list", "--overdue", when=later + timedelta(days=30))
    # only the supervisor confirms it against the staff member it names
    refused(shop, "complaint", "confirm", no, says="Supervisor", when=later)
    confirmed = run(shop, "complaint", "confirm", no, user="supervisor", when=later)
    assert confirmed["confirmed_by"] == "陈静" and confirmed["about"] == "张三"
    refused(shop, "complaint", "confirm", no, user="supervisor", says="already confirmed",
            when=later)  # fmt: skip


def test_bad_input_is_refused_and_nothing_is_saved(shop) -> None:
    base = ["complaint", "open", "--channel", "im", "--customer", "tb_x", "--priority", "urgent",
            "--text", "发错货"]  # fmt: skip
    refused(shop, *base, "--category", "回复慢", "--order", "NO-SUCH-ORDER",
            says="There is no order NO-SUCH-ORDER")  # fmt: skip
    refused(shop, *base, "--category", "天气", says="is not one of the shop's categories")
    refused(shop, *base, "--category", "回复慢", "--owner", "warehouse",
            says="not in after-sales")  # fmt: skip
    assert run(shop, "complaint", "list") == []
    orders = run(shop, "orders", "list", "--stage", "shipped", "--limit", "1")
    order_no = orders[0]["order_no"]  # type: ignore[index]
    refused(shop, "dispute", "open", order_no, "--no", "WQ1", "--deadline", "2026-11-27 18:00",
            "--claim", "未收到货", says="has already passed")  # fmt: skip
    refused(shop, "dispute", "open", order_no, "--no", "WQ1", "--deadline", "下周五",
            "--claim", "未收到货", says="is not a date and time")  # fmt: skip
    assert run(shop, "dispute", "list") == []
    # the people who see complaints and disputes are after-sales and the supervisor
    refused(shop, "complaint", "list", user="warehouse", says="After-sales")
    refused(shop, "dispute", "list", user="presales", says="After-sales")


def test_a_dispute_is_opened_listed_by_deadline_and_ended(shop) -> None:
    orders = run(shop, "orders", "list", "--stage", "shipped", "--limit", "2")
    first, second = (o["order_no"] for o in orders)  # type: ignore[union-attr]
    late = run(shop, "dispute", "open", first, "--no", "WQ2001", "--deadline",
               "2026-11-30 18:00", "--claim", "买家称未收到货")  # fmt: skip
    soon = run(shop, "dispute", "open", second, "--no", "WQ2002", "--deadline",
               "2026-11-29 12:00", "--claim", "买家称少件")  # fmt: skip
    assert late["platform"] and soon["owner"] == "李娜"
    listed = run(shop, "dispute", "list", "--open", when=T0 + timedelta(days=1, hours=3))
    assert [(d["dispute_no"], d["overdue"]) for d in listed] == [
        ("WQ2002", True),
        ("WQ2001", False),
    ]
    refused(shop, "dispute", "open", second, "--no", "WQ2002", "--deadline", "2026-12-01",
            "--claim", "再来", says="already recorded")  # fmt: skip
    won = run(shop, "dispute", "outcome", "WQ2002", "--result", "won", "--note", "平台判卖家胜")
    assert (won["outcome"], won["outcome_by"]) == ("won", "李娜")
    refused(shop, "dispute", "outcome", "WQ2002", "--result", "lost", says="already ended")
    assert [d["dispute_no"] for d in run(shop, "dispute", "list", "--open")] == ["WQ2001"]
