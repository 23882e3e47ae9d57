"""``afterdesk deadline set`` and ``deadline list`` say what a user reads: the kind's name in
their language, the hours as typed ("10 h", never "1E+1"), and for the kinds whose deadline is
not a number of hours what it is instead (the cut-off, the platform's, each complaint's
priority). English and Chinese, SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Shop
from tests.test_cli import afterdesk


@pytest.fixture
def shop(db_url: str) -> str:
    result = afterdesk(db_url, "demo", "--orders", "10")
    assert result.returncode == 0, result.stderr
    return db_url


def said(url: str, *args: str, lang: str = "en") -> str:
    language = ["--lang", "zh_CN"] if lang == "zh" else []
    result = afterdesk(url, *language, *args, user="admin")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_setting_a_deadline_confirms_it_plainly_in_english_and_chinese(shop) -> None:
    assert said(shop, "deadline", "set", "unannounced", "10") == (
        "Unannounced parcels waiting: 10 h, working hours.\n"
    )
    assert said(shop, "deadline", "set", "unannounced", "30", lang="zh") == (
        "待联系买家的无登记包裹：30 小时，按工作时间。\n"
    )
    assert said(shop, "deadline", "set", "made_to_order", "2.50") == (
        "Made-to-order goods past 48 h: 2.5 h, on the clock.\n"
    )
    db = Database(shop)
    name = db.read(lambda s: s.scalars(select(Shop.name).order_by(Shop.id)).first())
    db.dispose()
    assert said(shop, "deadline", "set", "platform_refund", "48", "--shop", name) == (
        f"Platform refund deadline near at {name}: 48 h, on the clock.\n"
    )
    assert said(shop, "deadline", "set", "platform_refund", "100", "--shop", name, lang="zh") == (
        f"平台退款期限将到（{name}）：100 小时，按自然时间。\n"
    )
    listed = said(shop, "deadline", "list")
    assert "unannounced              Unannounced parcels waiting: 30 h, working hours\n" in listed
    assert "E+" not in listed


def test_the_list_says_what_each_deadline_is(shop) -> None:
    listed = {line.split()[0]: line for line in said(shop, "deadline", "list").splitlines()}
    assert listed["dispute"].endswith(
        "Disputes on the platform: the platform's deadline, entered on each dispute"
    )
    assert listed["complaint"].endswith(
        "Complaints past a deadline: each complaint's priority (the complaint settings)"
    )
    assert listed["not_printed"].endswith(
        "Paid orders not printed by the cut-off: the same-day cut-off"
    )
    assert listed["refund_waiting"].endswith("Cases waiting for a refund: 24 h, working hours")
    assert listed["exchange_not_received"].endswith(": 120 h, on the clock")
    chinese = {
        line.split()[0]: line for line in said(shop, "deadline", "list", lang="zh").splitlines()
    }
    assert chinese["dispute"].endswith("平台维权中：平台规定的期限，在每个维权上录入")
    assert chinese["complaint"].endswith("超时的投诉：每个投诉的优先级（投诉设置）")
    assert chinese["not_printed"].endswith("截单前未打单的已付款订单：当天的截单时间")
    assert chinese["refund_waiting"].endswith("待退款的售后单：24 小时，按工作时间")
    rows = {r["kind"]: r for r in json.loads(said(shop, "deadline", "list", "--json"))}
    assert [rows[k]["from"] for k in ("dispute", "complaint", "not_printed", "unannounced")] == [
        "platform", "priority", "cutoff", "hours",
    ]  # fmt: skip
    assert rows["dispute"]["hours"] is None and rows["unannounced"]["hours"] == 24
