"""Trends of complaints and disputes: dispute rate, disputes lost, complaints by category and
first responses within their deadline, per local week and shop (fixed clock, see test_trends)."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import Role
from app.services.core.actor import Actor
from app.services.supervision import trends
from app.services.supervision.trends import Measure
from tests.test_trends import W23, W30, fill
from tests.trend_helpers import NOW, Said, add_complaints, add_disputes


def service_fill(db: Database) -> dict[str, list[str]]:
    made = fill(db)  # paid that week: 4 orders of 旗舰店, 1 of Outlet
    a, b = made["ids"]
    made["disputes_a"] = add_disputes(
        db,
        a,
        [
            ("2026-11-24 10:00", "lost", "2026-11-30 07:00"),  # lost on Monday: this week
            ("2026-11-25 10:00", "won", "2026-11-26 10:00"),
        ],
    )
    made["disputes_b"] = add_disputes(db, b, [("2026-11-24 10:00", "lost", "2026-11-27 10:00")])
    made["complaints_a"] = add_complaints(
        db,
        a,
        [
            Said("发错货", "2026-11-23 10:00", "2026-11-23 12:00", "2026-11-23 11:00"),  # on time
            Said("发错货", "2026-11-24 10:00", "2026-11-24 12:00", "2026-11-24 13:00"),  # late
            Said("质量问题", "2026-11-25 10:00", "2026-11-25 12:00"),  # never answered: late
            Said("质量问题", "2026-12-03 17:00", "2026-12-03 19:00"),  # due after now: not yet
        ],
    )
    made["complaints_b"] = add_complaints(
        db, b, [Said("物流", "2026-11-24 09:30", "2026-11-24 11:30", "2026-11-24 11:00")]
    )
    return made


def test_a_shops_disputes_and_complaints(db: Database, staff: dict[Role, Actor]) -> None:
    made = service_fill(db)
    a = made["ids"][0]
    got = db.read(lambda s: trends.figures(s, staff[Role.SUPERVISOR], NOW, a))
    week, this = got.weeks[W23], got.weeks[W30]
    assert week.value(Measure.DISPUTE_RATE) == pytest.approx(50.0)  # 2 disputes, 4 paid orders
    assert (week.value(Measure.DISPUTES_LOST), this.value(Measure.DISPUTES_LOST)) == (0, 1)
    assert week.service.by_category == (("发错货", 2), ("质量问题", 1))
    assert week.value(Measure.COMPLAINTS) == 3 and this.value(Measure.COMPLAINTS) == 1
    assert (week.service.responses_due, week.service.responses_on_time) == (3, 1)
    assert week.value(Measure.RESPONSES_ON_TIME) == pytest.approx(100 / 3)
    assert this.service.responses_due == 0  # its deadline is still ahead


def test_every_shops_disputes_and_complaints(db: Database, staff: dict[Role, Actor]) -> None:
    service_fill(db)
    week = db.read(lambda s: trends.figures(s, staff[Role.SUPERVISOR], NOW)).weeks[W23]
    assert week.value(Measure.DISPUTE_RATE) == pytest.approx(60.0)  # 3 of 5
    assert week.value(Measure.DISPUTES_LOST) == 1  # Outlet's
    assert week.value(Measure.COMPLAINTS) == 4
    assert week.value(Measure.RESPONSES_ON_TIME) == pytest.approx(50.0)


def test_the_bars_list_their_disputes_and_complaints(
    db: Database, staff: dict[Role, Actor]
) -> None:
    made = service_fill(db)
    a = made["ids"][0]
    actor = staff[Role.SUPERVISOR]
    weeks = trends.weeks_ending(NOW)

    def listed(measure: Measure, week: int, shop: int | None) -> list:
        return db.read(lambda s: trends.counted(s, actor, measure, weeks[week], shop, NOW))

    assert [d.dispute_no for d in listed(Measure.DISPUTES_LOST, W30, a)] == made["disputes_a"][:1]
    assert [d.dispute_no for d in listed(Measure.DISPUTE_RATE, W23, None)] == [
        made["disputes_a"][0], made["disputes_b"][0], made["disputes_a"][1]
    ]  # fmt: skip
    assert [c.complaint_no for c in listed(Measure.COMPLAINTS, W23, a)] == made["complaints_a"][:3]
    answered = listed(Measure.RESPONSES_ON_TIME, W23, None)
    assert [c.complaint_no for c in answered] == [
        made["complaints_a"][0], made["complaints_b"][0], *made["complaints_a"][1:3]
    ]  # fmt: skip
    assert [c.on_time for c in answered] == [True, True, False, False]
