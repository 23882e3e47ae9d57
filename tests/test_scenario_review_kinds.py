"""Scenarios (issue 13): each kind of work the daily review lists, through the command line on
SQLite and PostgreSQL with a fixed clock (AFTERDESK_NOW). The review lists open work with its
time left; a task becomes *due* (overdue, counted as overdue, in its owner's ``tasks
--overdue``) at its deadline, not a minute before, and leaves the review and the task lists
when it is done.

Records are stamped with the database's clock as they are made (a change request, a case, a
parcel), so "now" is fixed relative to the real time of the test; complaints and disputes take
their own times from AFTERDESK_NOW (docs/supervision.md).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from tests.test_cli import afterdesk
from tests.test_scenario_cases import run

MINUTE = timedelta(minutes=1)


@pytest.fixture
def shop(db_url: str) -> str:
    result = afterdesk(db_url, "demo", "--orders", "60")
    assert result.returncode == 0, result.stderr
    return db_url


def at(url: str, when: datetime, *args: str, user: str) -> Any:
    result = afterdesk(url, *args, "--json", user=user, AFTERDESK_NOW=when.isoformat())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def reviewed(url: str, when: datetime, kind: str) -> dict[str, Any]:
    """The review's list of ``kind`` at ``when`` (every row: the demo's backlog is small)."""
    review = at(url, when, "review", "--limit", "500", user="supervisor")
    return next(k for k in review["kinds"] if k["kind"] == kind)


def row(url: str, when: datetime, kind: str, key: str) -> dict[str, Any] | None:
    return next((t for t in reviewed(url, when, kind)["tasks"] if t["key"] == key), None)


def tasks(url: str, when: datetime, user: str, *, overdue: bool = False) -> list[tuple[str, str]]:
    """(kind, key) of what ``user`` has to do at ``when``."""
    extra = ["--overdue"] if overdue else []
    listed = at(url, when, "tasks", *extra, "--limit", "500", user=user)
    return [(t["kind"], t["key"]) for t in listed]


def assert_due_at(url: str, kind: str, key: str, deadline: datetime, owner: str) -> None:
    """Listed with time left a minute before its deadline; overdue, also in its owner's
    ``tasks --overdue``, a minute after."""
    before, after = deadline - MINUTE, deadline + MINUTE
    early = row(url, before, kind, key)
    assert early is not None and early["overdue"] is False, early
    assert datetime.fromisoformat(early["deadline"]) == deadline
    assert 0 <= early["minutes_left"] <= 1
    assert (kind, key) in tasks(url, before, owner)
    assert (kind, key) not in tasks(url, before, owner, overdue=True)
    late = row(url, after, kind, key)
    assert late is not None and late["overdue"] is True, late
    assert reviewed(url, after, kind)["overdue"] >= 1
    assert (kind, key) in tasks(url, after, owner, overdue=True)


def assert_gone(url: str, when: datetime, kind: str, key: str, owner: str) -> None:
    assert row(url, when, kind, key) is None
    assert (kind, key) not in tasks(url, when, owner)


def refused(url: str, when: datetime, *args: str, user: str, says: str) -> None:
    result = afterdesk(url, *args, "--json", user=user, AFTERDESK_NOW=when.isoformat())
    assert result.returncode == 2 and result.stdout == "", result.stdout
    assert says in result.stderr, result.stderr


def stamped(value: str) -> datetime:
    """A stamp as the database wrote it, to the second (the deadlines count from it)."""
    return datetime.fromisoformat(value).astimezone(UTC)


def order_of(url: str, stage: str, *, shop: str | None = None, other: bool = False) -> dict:
    """The newest order at ``stage`` (of ``shop``, or of any other shop but it)."""
    listed = afterdesk(url, "orders", "list", "--stage", stage, "--limit", "100", "--json")
    found = json.loads(listed.stdout)
    if shop is not None:
        found = [o for o in found if (o["shop"] == shop) != other]
    return found[0]


def confirmed_address_change(url: str, order_no: str) -> dict[str, Any]:
    asked = run(url, "change", "address", order_no, "--street", "文三路100号", user="presales")
    assert asked["state"] == "awaiting_confirmation"
    return asked


def test_a_printer_request_is_overdue_after_30_minutes(shop) -> None:
    order = order_of(shop, "paid")["order_no"]
    asked = confirmed_address_change(shop, order)
    req = run(shop, "change", "confirm", str(asked["id"]), user="presales")
    assert req["state"] == "open"
    since = stamped(req["confirmed_at"])
    key = str(req["id"])
    assert_due_at(shop, "printer_request", key, since + timedelta(minutes=30), owner="printer")
    # the printer's own setting moves it: 60 minutes
    assert afterdesk(shop, "requests", "overdue", "60", user="admin").returncode == 0
    assert row(shop, since + timedelta(minutes=45), "printer_request", key)["overdue"] is False
    run(shop, "requests", "done", key, user="printer")
    assert_gone(shop, since + timedelta(hours=2), "printer_request", key, owner="printer")


def test_a_change_unconfirmed_after_n_hours_is_the_askers(shop) -> None:
    assert (
        afterdesk(shop, "deadline", "set", "change_unconfirmed", "2", user="admin").returncode == 0
    )
    order = order_of(shop, "paid")["order_no"]
    asked = confirmed_address_change(shop, order)
    key = str(asked["id"])
    since = stamped(asked["requested_at"])
    assert row(shop, since + MINUTE, "change_unconfirmed", key)["owner"] == "张三"
    assert_due_at(shop, "change_unconfirmed", key, since + timedelta(hours=2), owner="presales")
    # the customer confirms: it leaves the asker and goes to the printer
    run(shop, "change", "confirm", key, user="presales")
    later = since + timedelta(hours=3)
    assert_gone(shop, later, "change_unconfirmed", key, owner="presales")
    assert row(shop, later, "printer_request", key) is not None


def cutoff_after(paid: datetime, cutoff: time) -> datetime:
    """The same-day promise: paid before the day's cut-off, printed by it; after, by the next."""
    local = paid.astimezone()
    due = datetime.combine(local.date(), cutoff).astimezone()
    return due if local < due else due + timedelta(days=1)


def test_a_paid_order_not_printed_by_the_cut_off(shop, tmp_path) -> None:
    assert afterdesk(shop, "print", "cutoff", "16:00", user="admin").returncode == 0
    order = order_of(shop, "paid")
    key = order["order_no"]
    due = cutoff_after(stamped(order["paid_at"]), time(16, 0))
    assert row(shop, due - MINUTE, "not_printed", key)["owner"] is None  # the printer's pool
    assert_due_at(shop, "not_printed", key, due, owner="printer")
    printed = afterdesk(shop, "print", "batch", "--no-cutoff", "--out", str(tmp_path / "b.pdf"),
                        "--without-waybill", "packing", user="printer")  # fmt: skip
    assert printed.returncode == 0, printed.stderr
    assert_gone(shop, due + timedelta(hours=1), "not_printed", key, owner="printer")


def test_made_to_order_goods_are_due_48_hours_after_payment(shop) -> None:
    order = order_of(shop, "packed")
    key, paid = order["order_no"], stamped(order["paid_at"])
    assert row(shop, paid + timedelta(hours=47), "made_to_order", key) is None
    run(shop, "orders", "made-to-order", key, user="presales")
    assert_due_at(shop, "made_to_order", key, paid + timedelta(hours=48), owner="printer")
    run(shop, "orders", "stage", key, "shipped", user="warehouse")
    assert_gone(shop, paid + timedelta(hours=49), "made_to_order", key, owner="printer")


def test_made_to_order_leaves_the_same_day_list(shop) -> None:
    order = order_of(shop, "paid")
    key, paid = order["order_no"], stamped(order["paid_at"])
    soon = paid + timedelta(hours=1)
    assert row(shop, soon, "not_printed", key) is not None
    run(shop, "orders", "made-to-order", key, user="presales")
    assert row(shop, soon, "not_printed", key) is None
    assert row(shop, soon, "made_to_order", key)["overdue"] is False


def test_an_unannounced_parcel_waits_for_after_sales(shop) -> None:
    parcel = run(shop, "case", "register-unannounced", "--tracking", "JT0009990001",
                 "--courier", "极兔", user="warehouse")  # fmt: skip
    key, since = parcel["case_no"], stamped(parcel["opened_at"])
    assert row(shop, since + MINUTE, "unannounced", key)["owner"] is None  # after-sales' pool
    assert_due_at(shop, "unannounced", key, since + timedelta(hours=24), owner="aftersales")
    order = order_of(shop, "shipped")["order_no"]
    run(shop, "case", "link", key, order, "--type", "return", user="aftersales")
    assert_gone(shop, since + timedelta(hours=25), "unannounced", key, owner="aftersales")


def test_a_dispute_is_due_by_the_platforms_deadline(shop) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    deadline = now + timedelta(days=2)
    order = order_of(shop, "shipped")["order_no"]
    opened = run(shop, "dispute", "open", order, "--no", "WQ3001", "--deadline",
                 deadline.astimezone().strftime("%Y-%m-%d %H:%M"), "--claim", "买家称未收到货",
                 user="aftersales")  # fmt: skip
    assert opened["owner"] == "李娜"
    listed = row(shop, now + timedelta(hours=1), "dispute", "WQ3001")
    assert listed["owner"] == "李娜" and listed["open_key"] == order
    assert_due_at(shop, "dispute", "WQ3001", deadline, owner="aftersales")
    run(shop, "dispute", "outcome", "WQ3001", "--result", "won", user="aftersales")
    assert_gone(shop, deadline + timedelta(hours=1), "dispute", "WQ3001", owner="aftersales")


def test_a_shops_default_platform_deadline_brings_its_refunds_near(shop) -> None:
    """No deadline entered on the case: the shop's default (48 h here, the team's 72 h) counts
    from the case's opening; the review shows it from 24 h before (the warning)."""
    order = order_of(shop, "paid")
    case = run(shop, "case", "open", order["order_no"], "--type", "refund_only",
               user="aftersales")["case_no"]  # fmt: skip
    opened = stamped(run(shop, "case", "show", case)["opened_at"])
    assert run(shop, "case", "show", case)["platform_deadline"] is None
    # the team's 72 h: not near 30 h after opening
    assert row(shop, opened + timedelta(hours=30), "platform_refund", case) is None
    set_ = afterdesk(shop, "deadline", "set", "platform_refund", "48", "--shop", order["shop"],
                     user="admin")  # fmt: skip
    assert set_.returncode == 0, set_.stderr
    due = opened + timedelta(hours=48)
    assert row(shop, due - timedelta(hours=24) - MINUTE, "platform_refund", case) is None
    near = row(shop, due - timedelta(hours=24) + MINUTE, "platform_refund", case)
    assert near is not None and near["overdue"] is False and near["owner"] == "李娜"
    assert_due_at(shop, "platform_refund", case, due, owner="aftersales")
    # an order of another shop keeps the team's 72 h
    elsewhere = order_of(shop, "paid", shop=order["shop"], other=True)["order_no"]
    theirs = run(shop, "case", "open", elsewhere, "--type", "refund_only",
                 user="aftersales")["case_no"]  # fmt: skip
    assert row(shop, opened + timedelta(hours=30), "platform_refund", theirs) is None
    assert row(shop, opened + timedelta(hours=49), "platform_refund", theirs)["overdue"] is False
    run(shop, "case", "refund", case, "--amount", "1", "--method", "alipay", user="aftersales")
    assert_gone(shop, due + timedelta(hours=1), "platform_refund", case, owner="aftersales")


T0 = datetime(2026, 11, 28, 10, 0).astimezone()  # a Saturday morning in the shop


def test_a_complaint_escalates_by_itself_at_its_resolution_deadline(shop) -> None:
    opened = at(
        shop, T0, "complaint", "open", "--channel", "phone", "--customer", "tb_小王",
        "--category", "发错货", "--priority", "general", "--text", "发错颜色", user="aftersales",
    )  # fmt: skip
    no = opened["complaint_no"]
    at(shop, T0 + timedelta(hours=1), "complaint", "respond", no, "--text", "已致歉，今天补发",
       user="aftersales")  # fmt: skip
    resolve_due = datetime.fromisoformat(opened["resolve_due"])
    assert resolve_due > T0 + timedelta(hours=24)
    # answered: due by its resolution deadline, owned by 李娜
    assert_due_at(shop, "complaint", no, resolve_due, owner="aftersales")
    just_before = at(shop, resolve_due - MINUTE, "complaint", "show", no, user="supervisor")
    assert [s["text"] for s in just_before["steps"] if s["kind"] == "auto_escalate"] == []
    late = resolve_due + timedelta(minutes=5)
    at(shop, late, "complaint", "list", user="supervisor")  # the first PC to look records it
    shown = at(shop, late, "complaint", "show", no, user="supervisor")
    (step,) = [s for s in shown["steps"] if s["kind"] == "auto_escalate"]
    assert (step["by"], step["text"], step["at"]) == ("AfterDesk", "resolve", opened["resolve_due"])
    assert shown["escalated_at"] == opened["resolve_due"]
    at(shop, late, "complaint", "resolve", no, "--text", "补发已签收", user="aftersales")
    assert_gone(shop, late, "complaint", no, owner="aftersales")


def test_a_missed_review_day_shows_and_a_past_day_is_read_with_date(shop) -> None:
    monday = datetime(2026, 12, 7, 9, 12).astimezone()
    done = at(shop, monday, "review", "done", user="supervisor")
    assert (done["date"], done["by"]) == ("2026-12-07", "陈静")
    # the day is the fixed clock's; the time it was recorded, the database's (docs/supervision.md)
    assert abs(datetime.fromisoformat(done["at"]) - datetime.now(UTC)) < timedelta(hours=1)
    wednesday = monday + timedelta(days=2)
    today = at(shop, wednesday, "review", user="supervisor")
    assert today["date"] == "2026-12-09" and today["reviewed"] == []
    assert "2026-12-08" in today["missed"] and "2026-12-07" not in today["missed"]
    assert today["kinds"]  # today's lists
    past = at(shop, wednesday, "review", "--date", "2026-12-07", user="supervisor")
    assert [(r["date"], r["by"]) for r in past["reviewed"]] == [("2026-12-07", "陈静")]
    assert past["kinds"] == []  # the lists are what is open now, not then
    missed = at(shop, wednesday, "review", "--date", "2026-12-08", user="supervisor")
    assert missed["reviewed"] == [] and "2026-12-07" not in missed["missed"]
    text = afterdesk(shop, "review", "--date", "2026-12-08", user="supervisor",
                     AFTERDESK_NOW=wednesday.isoformat())  # fmt: skip
    assert "Not reviewed yet on 2026-12-08." in text.stdout
    refused(shop, wednesday, "review", "--date", "2026-12-10", user="supervisor",
            says="has not come yet")  # fmt: skip
    refused(shop, wednesday, "review", "--date", "8.12.", user="supervisor", says="is not a date")
