"""Trends: refund rate, quality-refund rate and time to refund per local week and shop.

conftest fixes the PCs' zone to Asia/Shanghai (the shop's); the clock is fixed at ``NOW``,
Thursday 3 December 2026, so the twelve weeks run from Monday 14 September to this week.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from app.db import Database
from app.models import Role
from app.models.errors import UserError
from app.services.core.actor import Actor
from app.services.supervision import trends
from app.services.supervision.trends import Measure
from tests.trend_helpers import NOW, Refund, add_orders, add_refunds, make_shops

# the last three weeks' Mondays
W16, W23, W30 = 9, 10, 11


def fill(db: Database) -> dict[str, list[str]]:
    """Two shops' orders and cases; the figures each week must show are in the tests."""
    shop = make_shops(db, "旗舰店", "Outlet")
    a, b = shop["旗舰店"], shop["Outlet"]
    cases_a = add_refunds(
        db,
        a,
        [
            # 48 h, quality, refunded in the week of 23 Nov; its order paid the week before
            Refund("2026-11-20 10:00", "2026-11-22 10:00", "2026-11-24 10:00", quality=True),
            # 6 h, refunded the day it was paid (week of 23 Nov)
            Refund("2026-11-23 09:00", "2026-11-23 12:00", "2026-11-23 18:00"),
            # not refunded: counts nowhere but its order's payment (week of 9 Nov)
            Refund("2026-11-10 10:00", "2026-11-25 10:00", None),
            # Monday 07:00 in Beijing is still Sunday in UTC: the shop's week is this one
            Refund("2026-11-30 06:00", "2026-11-29 07:00", "2026-11-30 07:00"),
            # freight reimbursed only (an exchange): no money back for the goods
            Refund("2026-11-10 11:00", "2026-11-24 10:00", "2026-11-26 10:00", amount="0"),
            # before the twelve weeks
            Refund("2026-08-01 10:00", "2026-08-02 10:00", "2026-09-01 10:00"),
        ],
    )
    # local Monday 00:10 is Sunday in UTC: paid in the week of 23 Nov all the same
    add_orders(db, a, ["2026-11-23 00:10", "2026-11-25 12:00", "2026-11-29 23:50"])
    add_orders(db, a, ["2026-11-22 23:50"])  # Sunday night: the week of 16 Nov
    cases_b = add_refunds(
        db, b, [Refund("2026-11-24 09:00", "2026-11-24 10:00", "2026-11-25 10:00", quality=True)]
    )
    return {"a": cases_a, "b": cases_b, "ids": [a, b]}


def supervisor(staff: dict[Role, Actor]) -> Actor:
    return staff[Role.SUPERVISOR]


def test_twelve_local_weeks_from_monday(db: Database) -> None:
    weeks = trends.weeks_ending(NOW)
    assert len(weeks) == 12
    assert weeks[0].monday == date(2026, 9, 14) and weeks[-1].monday == date(2026, 11, 30)
    assert all(w.monday.weekday() == 0 for w in weeks)
    assert weeks[-1].start.astimezone().hour == 0  # midnight in the shop, 16:00 UTC Sunday


def test_one_shops_weeks_count_its_refunds_against_its_paid_orders(
    db: Database, staff: dict[Role, Actor]
) -> None:
    made = fill(db)
    a = made["ids"][0]
    got = db.read(lambda s: trends.figures(s, supervisor(staff), NOW, a))
    week = got.weeks[W23]
    # paid that week: the 6 h refund's order and three more; refunded: the 48 h and the 6 h
    assert (week.paid_orders, week.refunds, week.quality_refunds) == (4, 2, 1)
    assert week.value(Measure.REFUND_RATE) == pytest.approx(50.0)
    assert week.value(Measure.QUALITY_REFUND_RATE) == pytest.approx(25.0)
    assert week.value(Measure.REFUND_HOURS) == pytest.approx(27.0)
    this = got.weeks[W30]
    assert (this.paid_orders, this.refunds) == (1, 1)
    assert this.value(Measure.REFUND_RATE) == pytest.approx(100.0)
    assert this.value(Measure.REFUND_HOURS) == pytest.approx(24.0)
    before = got.weeks[W16]
    assert (before.paid_orders, before.refunds) == (2, 0)
    assert before.value(Measure.REFUND_HOURS) == 0.0
    # the not-refunded case's order and the freight-only exchange's: week of 9 Nov
    assert got.weeks[8].paid_orders == 2 and got.weeks[8].refunds == 0
    assert sum(w.refunds for w in got.weeks) == 3  # nothing from before the twelve weeks


def test_every_shop_together(db: Database, staff: dict[Role, Actor]) -> None:
    fill(db)
    week = db.read(lambda s: trends.figures(s, supervisor(staff), NOW)).weeks[W23]
    assert (week.paid_orders, week.refunds, week.quality_refunds) == (5, 3, 2)
    assert week.value(Measure.REFUND_HOURS) == pytest.approx((48 + 6 + 24) / 3)


def test_a_bar_lists_the_cases_it_counts(db: Database, staff: dict[Role, Actor]) -> None:
    made = fill(db)
    a = made["ids"][0]
    actor = supervisor(staff)
    week = trends.weeks_ending(NOW)[W23]
    listed = db.read(lambda s: trends.counted_cases(s, actor, Measure.REFUND_RATE, week, a))
    assert [c.case_no for c in listed] == [made["a"][1], made["a"][0]]  # oldest refund first
    assert [round(c.hours) for c in listed] == [6, 48]
    assert {c.shop for c in listed} == {"旗舰店"}
    quality = db.read(
        lambda s: trends.counted_cases(s, actor, Measure.QUALITY_REFUND_RATE, week, None)
    )
    assert [c.case_no for c in quality] == [made["a"][0], made["b"][0]]


def test_only_the_supervisor_reads_the_trends(db: Database, staff: dict[Role, Actor]) -> None:
    with pytest.raises(UserError):
        db.read(lambda s: trends.figures(s, staff[Role.AFTERSALES], NOW))


@pytest.fixture
def berlin() -> Iterator[None]:
    """A shop in a zone with daylight saving (summer time ended on 25 October 2026)."""
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()


def test_weeks_across_a_daylight_saving_change(
    db: Database, staff: dict[Role, Actor], berlin: None
) -> None:
    weeks = trends.weeks_ending(NOW)
    assert weeks[5].end - weeks[5].start == timedelta(days=7, hours=1)  # 19 → 26 October
    shop = make_shops(db, "Laden")["Laden"]
    # Monday 26 October 00:30 in Berlin is still Sunday 23:30 UTC: the week of 26 October
    add_refunds(db, shop, [Refund("2026-10-20 10:00", "2026-10-25 00:30", "2026-10-26 00:30")])
    got = db.read(lambda s: trends.figures(s, supervisor(staff), NOW, shop))
    assert [w.refunds for w in got.weeks][5:7] == [0, 1]
    assert got.weeks[6].value(Measure.REFUND_HOURS) == pytest.approx(25.0)  # the hour gained
