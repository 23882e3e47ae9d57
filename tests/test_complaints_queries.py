"""The questions other parts ask of complaints and disputes: the task lists' open work with
its deadlines, and the score sheet's "complaints confirmed against this person this month";
and the numbers, one sequence a day. The clock is fixed with AFTERDESK_NOW. SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.db import Database
from app.models import Role
from app.models.complaint_enums import Channel, Priority
from app.models.errors import InvalidInput
from app.services.complaints import complaints, disputes, queries
from app.services.core.actor import Actor
from app.services.supervision import clock
from tests.case_helpers import shipped_orders


def _open(db: Database, actor: Actor, priority: Priority, about: str | None = None) -> str:
    return db.write(
        lambda s: complaints.open_complaint(
            s, actor, channel=Channel.PHONE, customer="tb_客", category="服务态度",
            priority=priority, text="语气不好", about=about,
        )
    ).complaint_no  # fmt: skip


def _at(monkeypatch: pytest.MonkeyPatch, when: str) -> datetime:
    monkeypatch.setenv(clock.ENV, when)
    return datetime.fromisoformat(when).astimezone()


def test_numbers_run_per_day_and_are_never_reused(shop_db, shop_staff, monkeypatch) -> None:
    after = shop_staff[Role.AFTERSALES]
    _at(monkeypatch, "2026-11-28 23:50")
    first = [_open(shop_db, after, Priority.GENERAL) for _ in range(2)]
    _at(monkeypatch, "2026-11-29 00:10")  # the shop's next day
    assert first == ["TS20261128-0001", "TS20261128-0002"]
    assert _open(shop_db, after, Priority.GENERAL) == "TS20261129-0001"


def test_confirmed_against_a_person_by_month(shop_db, shop_staff, monkeypatch) -> None:
    after, boss = shop_staff[Role.AFTERSALES], shop_staff[Role.SUPERVISOR]
    presales = shop_staff[Role.PRESALES]
    _at(monkeypatch, "2026-11-30 22:00")
    november = _open(shop_db, after, Priority.GENERAL, about="presales")
    december = _open(shop_db, after, Priority.GENERAL, about="presales")
    _open(shop_db, after, Priority.GENERAL, about="presales")  # never confirmed
    other = _open(shop_db, after, Priority.GENERAL, about="printer")
    for no in (november, other):
        shop_db.write(lambda s, no=no: complaints.confirm(s, boss, no, "核实属实"))
    _at(monkeypatch, "2026-12-01 09:00")  # confirmed in the shop's December
    shop_db.write(lambda s: complaints.confirm(s, boss, december))
    found = shop_db.read(lambda s: queries.confirmed_against(s, presales.user_id, "2026-11"))
    assert [(c.complaint_no, c.confirmed_by) for c in found] == [(november, "陈静")]
    found = shop_db.read(lambda s: queries.confirmed_against(s, presales.user_id, "2026-12"))
    assert [c.complaint_no for c in found] == [december]
    with pytest.raises(InvalidInput, match="not a month"):
        shop_db.read(lambda s: queries.confirmed_against(s, presales.user_id, "十一月"))


def test_open_work_with_its_deadlines_for_the_task_lists(shop_db, shop_staff, monkeypatch) -> None:
    after = shop_staff[Role.AFTERSALES]
    _at(monkeypatch, "2026-11-28 10:00")
    general = _open(shop_db, after, Priority.GENERAL)
    urgent = _open(shop_db, after, Priority.URGENT)
    done = _open(shop_db, after, Priority.URGENT)
    shop_db.write(lambda s: complaints.resolve(s, after, done, "当场解决"))
    order_no = shipped_orders(shop_db, 1)[0]
    shop_db.write(
        lambda s: disputes.open_dispute(
            s, after, order_no, dispute_no="WQ1", deadline="2026-11-29 18:00", claim="未收到货"
        )
    )
    now = _at(monkeypatch, "2026-11-28 13:00")
    found = shop_db.read(lambda s: queries.open_with_deadlines(s, clock.now(s)))
    assert [(c.complaint_no, c.overdue, c.owner) for c in found] == [
        (urgent, True, "李娜"),  # due 12:00: late, on top
        (general, False, "李娜"),
    ]
    assert found[0].due == datetime(2026, 11, 28, 12, 0).astimezone()
    (d,) = shop_db.read(lambda s: disputes.open_with_deadlines(s, clock.now(s)))
    assert (d.dispute_no, d.owner, d.overdue) == ("WQ1", "李娜", False)
    assert d.now == now
