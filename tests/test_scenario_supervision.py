"""Scenarios (issue 13): deadlines, My tasks, the daily review, reminders and reassignments,
and the exchange's "customer told" step, through the command line on SQLite and PostgreSQL
with a fixed clock (AFTERDESK_NOW, app/services/supervision/clock.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.db import Database
from app.models import Role
from app.services.core import accounts
from tests.conftest import demo_actors
from tests.test_cli import afterdesk
from tests.test_scenario_cases import refused, run, shipped

NOW = datetime.now(UTC)
LATER = (NOW + timedelta(days=3)).isoformat()  # past every 24 h deadline, on the clock
SOON = (NOW + timedelta(minutes=5)).isoformat()


@pytest.fixture
def shop(db_url: str) -> str:
    result = afterdesk(db_url, "demo", "--orders", "60")
    assert result.returncode == 0, result.stderr
    return db_url


def at(url: str, when: str, *args: str, user: str, password: str = "demo") -> Any:
    result = afterdesk(url, *args, "--json", user=user, password=password, AFTERDESK_NOW=when)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def kind_of(review: dict, kind: str) -> dict:
    return next(k for k in review["kinds"] if k["kind"] == kind)


def paid_order(url: str) -> str:
    listed = afterdesk(url, "orders", "list", "--stage", "paid", "--limit", "1", "--json")
    return json.loads(listed.stdout)[0]["order_no"]


def test_a_refund_left_past_its_deadline_shows_in_the_review_and_in_after_sales_tasks(
    shop,
) -> None:
    case = run(shop, "case", "open", paid_order(shop), "--type", "refund_only", "--reason",
               "缺件", user="aftersales")["case_no"]  # fmt: skip
    # at once: a task of 李娜's with time left, not overdue
    mine = at(shop, SOON, "tasks", "--mine", user="aftersales")
    task = next(t for t in mine if t["key"] == case)
    assert (task["kind"], task["overdue"], task["owner"]) == ("refund_waiting", False, "李娜")
    assert task["opens"] == "case" and task["minutes_left"] > 60 * 23
    assert not any(
        t["key"] == case for t in at(shop, SOON, "tasks", "--overdue", user="aftersales")
    )
    # three days later it is overdue: first in her list and in the supervisor's review
    late = at(shop, LATER, "tasks", "--overdue", user="aftersales")
    assert late[0]["key"] == case and late[0]["overdue"] is True
    review = at(shop, LATER, "review", user="supervisor")
    refunds = kind_of(review, "refund_waiting")
    assert refunds["overdue"] == 1 and refunds["tasks"][0]["key"] == case
    assert refunds["tasks"][0]["owner"] == "李娜"
    # the printer has nothing of hers; only the supervisor reviews
    assert not any(t["key"] == case for t in at(shop, LATER, "tasks", user="printer"))
    refused(shop, "review", user="aftersales", says="This needs the")
    # refunded: the task is done
    run(shop, "case", "refund", case, "--amount", "1", "--method", "alipay", user="aftersales")
    review = at(shop, LATER, "review", user="supervisor")
    assert kind_of(review, "refund_waiting")["open"] == 0


def test_a_reminder_reaches_the_owner_and_a_reassignment_moves_the_task(shop) -> None:
    case = run(shop, "case", "open", paid_order(shop), "--type", "refund_only",
               user="aftersales")["case_no"]  # fmt: skip
    sent = at(shop, LATER, "remind", "refund_waiting", case, "--text", "今天下班前退款",
              user="supervisor")  # fmt: skip
    assert (sent["to"], sent["by"], sent["action"]) == ("李娜", "陈静", "remind")
    task = next(t for t in at(shop, LATER, "tasks", user="aftersales") if t["key"] == case)
    assert [(r["by"], r["text"]) for r in task["reminders"]] == [("陈静", "今天下班前退款")]
    # bad input: no text, a disabled account, an unknown task; nothing saved
    refused(shop, "remind", "refund_waiting", case, "--text", "  ", user="supervisor",
            says="Reminder cannot be empty")  # fmt: skip
    db = Database(shop)
    admin = demo_actors(db)[Role.ADMIN]
    db.write(lambda s: accounts.add_user(s, admin, "lina2", "周敏", "demo-pw-1", ["aftersales"]))
    db.write(lambda s: accounts.add_user(s, admin, "gone", "停用者", "demo-pw-1", ["aftersales"]))
    db.write(lambda s: accounts.set_active(s, admin, "gone", False))
    refused(shop, "reassign", "refund_waiting", case, "--to", "gone", user="supervisor",
            says="is disabled")  # fmt: skip
    refused(shop, "reassign", "refund_waiting", case, "--to", "printer", user="supervisor",
            says="is not After-sales")  # fmt: skip
    refused(shop, "reassign", "refund_waiting", case, "--to", "lina2", user="aftersales",
            says="This needs the")  # fmt: skip
    refused(shop, "remind", "refund_waiting", "SH20000101-0001", "--text", "x",
            user="supervisor", says="no open task")  # fmt: skip
    task = next(t for t in at(shop, LATER, "tasks", user="aftersales") if t["key"] == case)
    assert len(task["reminders"]) == 1 and task["owner"] == "李娜"
    moved = at(shop, LATER, "reassign", "refund_waiting", case, "--to", "lina2",
               user="supervisor")  # fmt: skip
    assert moved["to"] == "周敏"
    # the refund is theirs now (the platform's deadline, another task on the case, stays)
    left = at(shop, LATER, "tasks", user="aftersales")
    assert not any(t["key"] == case and t["kind"] == "refund_waiting" for t in left)
    theirs = at(shop, LATER, "tasks", user="lina2", password="demo-pw-1")
    assert next(t for t in theirs if t["key"] == case)["owner"] == "周敏"
    assert json.loads(afterdesk(shop, "audit", "verify", "--json").stdout)["ok"]
    db.dispose()


def test_an_exchange_shipped_but_not_told_shows_until_customer_told(shop) -> None:
    order = shipped(shop)[0]["order_no"]
    case = run(shop, "case", "open", order, "--type", "exchange", "--wants", "40码",
               user="aftersales")["case_no"]  # fmt: skip
    run(shop, "case", "return", case, "--tracking", "SF3000400050", user="aftersales")
    run(shop, "case", "signoff", case, "--result", "as_described", user="warehouse")
    run(shop, "case", "exchange-shipped", case, "--tracking", "SF3000400099",
        "--courier", "顺丰", user="aftersales")  # fmt: skip
    review = at(shop, LATER, "review", user="supervisor")
    told = kind_of(review, "exchange_not_told")
    assert [t["key"] for t in told["tasks"]] == [case] and told["overdue"] == 1
    refused(shop, "case", "customer-told", case, "--channel", "im", user="warehouse",
            says="This needs the")  # fmt: skip
    after = run(shop, "case", "customer-told", case, "--channel", "phone", user="aftersales")
    assert after["customer_told"]["channel"] == "phone" and after["customer_told"]["by"] == "李娜"
    assert "case.customer_told" in [t["action"] for t in after["timeline"]]
    review = at(shop, LATER, "review", user="supervisor")
    assert kind_of(review, "exchange_not_told")["open"] == 0
    assert [t["key"] for t in kind_of(review, "exchange_not_received")["tasks"]] == [case]
    refused(shop, "case", "customer-told", case, "--channel", "im", user="aftersales",
            says="already")  # fmt: skip
    run(shop, "case", "customer-received", case, user="aftersales")
    review = at(shop, LATER, "review", user="supervisor")
    assert kind_of(review, "exchange_not_received")["open"] == 0


def test_platform_deadline_and_the_days_review_record(shop) -> None:
    case = run(shop, "case", "open", paid_order(shop), "--type", "refund_only",
               user="aftersales")["case_no"]  # fmt: skip
    refused(shop, "case", "platform-deadline", case, "--at", "2020-01-01 10:00",
            user="aftersales", says="has passed already")  # fmt: skip
    assert run(shop, "case", "show", case)["platform_deadline"] is None
    due = (NOW + timedelta(hours=10)).astimezone().strftime("%Y-%m-%d %H:%M")
    run(shop, "case", "platform-deadline", case, "--at", due, user="aftersales")
    near = kind_of(at(shop, SOON, "review", user="supervisor"), "platform_refund")
    assert [t["key"] for t in near["tasks"]] == [case] and near["overdue"] == 0
    # the supervisor's day: not reviewed, then "reviewed by 陈静", once
    before = at(shop, SOON, "review", user="supervisor")
    assert before["reviewed"] == []
    done = at(shop, SOON, "review", "done", user="supervisor")
    assert done["by"] == "陈静"
    after = at(shop, SOON, "review", user="supervisor")
    assert [r["by"] for r in after["reviewed"]] == ["陈静"]
    result = afterdesk(shop, "review", "done", user="supervisor", AFTERDESK_NOW=SOON)
    assert result.returncode == 2 and "already" in result.stderr
    # an administrator sets how long a kind may take; a bad number is refused
    refused(shop, "deadline", "set", "refund_waiting", "soon", user="admin", says="not a number")
    assert afterdesk(shop, "deadline", "set", "refund_waiting", "2", user="admin").returncode == 0
    rows = at(shop, SOON, "deadline", "list", user="admin")
    assert next(r for r in rows if r["kind"] == "refund_waiting")["hours"] == 2
    # the procedure's shifts: a bad one refused; then the refund is due in working hours
    refused(shop, "deadline", "hours", "9-11", user="admin", says="is not a shift")
    assert (
        afterdesk(shop, "deadline", "hours", "09:00-11:30, 12:30-18:30", user="admin").returncode
        == 0
    )


def test_complaints_plug_into_the_task_lists(shop) -> None:
    opened = run(shop, "complaint", "open", "--channel", "phone", "--customer", "tb_y",
                 "--category", "发错货", "--priority", "urgent", "--text", "发错颜色",
                 user="aftersales")  # fmt: skip
    no = opened["complaint_no"]
    task = next(t for t in at(shop, SOON, "tasks", user="aftersales") if t["key"] == no)
    assert (task["kind"], task["owner"], task["overdue"]) == ("complaint", "李娜", False)
    review = at(shop, LATER, "review", user="supervisor")
    assert [t["key"] for t in kind_of(review, "complaint")["tasks"]] == [no]
    assert kind_of(review, "complaint")["overdue"] == 1
    # the supervisor gives it to another person: the complaint itself names them from now on
    moved = at(shop, LATER, "reassign", "complaint", no, "--to", "supervisor", user="supervisor")
    shown = at(shop, LATER, "complaint", "show", no, user="supervisor")
    assert moved["to"] == shown["owner"] == "陈静"
    assert no not in [t["key"] for t in at(shop, LATER, "tasks", user="aftersales")]
