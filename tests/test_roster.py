"""The duty roster (docs/scores.md): the rotation, swaps that count only once approved,
who is on duty, and the swap rule's proposals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.models import Role, SwapState
from app.models.errors import InvalidInput, PermissionDenied, TransitionRefused
from app.services.roster import duty, rotation, shifts, swaps
from app.services.scores import proposals, sheet
from app.services.scores.months import Month
from tests.score_helpers import NOVEMBER, NOW


def _generate(db, staff, month=NOVEMBER):
    return db.write(lambda s: rotation.generate(s, staff[Role.SUPERVISOR], month))


def test_rotation_changes_every_five_days(db, staff) -> None:
    grid = _generate(db, staff)
    ids = {p.username: p.user_id for p in grid.people}
    day = lambda n: date(2026, 11, n)  # noqa: E731
    pre, after = ids["presales"], ids["aftersales"]
    # by account name: aftersales starts early, presales late; they change on the 6th
    assert grid.cells[after, day(1)] == grid.cells[after, day(5)] == "service_early"
    assert grid.cells[pre, day(1)] == "service_late"
    assert grid.cells[after, day(6)] == "service_late"
    assert grid.cells[pre, day(6)] == "service_early"
    assert grid.cells[ids["printer"], day(17)] == "printer_early"
    assert (ids["warehouse"], day(1)) not in grid.cells  # the warehouse has no desk shift


def test_on_duty_follows_the_shifts_hours(db, staff) -> None:
    _generate(db, staff)
    at = lambda d, h, m=0: datetime(2026, 11, d, h, m).astimezone()  # noqa: E731
    names = lambda t: {d.person.username for d in db.read(lambda s: duty.on_duty_at(s, t))}  # noqa: E731
    assert names(at(2, 10)) == {"aftersales", "printer"}
    assert names(at(2, 12)) == set()  # lunch for everyone on the early shifts
    assert names(at(2, 19)) == {"presales"}  # the late shift only
    assert db.read(lambda s: duty.printer_missing_at(s, at(2, 20)))
    assert not db.read(lambda s: duty.printer_missing_at(s, at(2, 10)))
    # a day without a roster: nothing to warn about
    assert not db.read(lambda s: duty.printer_missing_at(s, datetime(2027, 1, 2, 20).astimezone()))


def _agreed(db, staff, day: int):
    """A swap presales asks and aftersales agrees to: it waits for the supervisor."""
    swap = db.write(
        lambda s: swaps.request(s, staff[Role.PRESALES], date(2026, 11, day), "aftersales")
    )
    return db.write(lambda s: swaps.agree(s, staff[Role.AFTERSALES], swap.id))


def test_a_swap_is_asked_by_the_two_and_counts_once_the_supervisor_approves(db, staff) -> None:
    """requested (by one) → agreed (by the other) → approved (by the supervisor): the
    supervisor cannot approve what the colleague has not agreed to."""
    _generate(db, staff)
    presales, after, supervisor = (
        staff[Role.PRESALES], staff[Role.AFTERSALES], staff[Role.SUPERVISOR]
    )  # fmt: skip
    at = datetime(2026, 11, 3, 20).astimezone()
    on_duty = lambda: {d.person.username for d in db.read(lambda s: duty.on_duty_at(s, at))}  # noqa: E731
    swap = db.write(
        lambda s: swaps.request(s, presales, date(2026, 11, 3), "aftersales", "家里有事")
    )
    assert swap.state is SwapState.REQUESTED and swap.agreed_at is None
    with pytest.raises(TransitionRefused, match="waits for aftersales to agree"):
        db.write(lambda s: swaps.approve(s, supervisor, swap.id))
    with pytest.raises(TransitionRefused, match="Only aftersales can agree"):
        db.write(lambda s: swaps.agree(s, presales, swap.id))  # not the asker
    assert on_duty() == {"presales"}  # asked, not agreed: nothing changed
    agreed = db.write(lambda s: swaps.agree(s, after, swap.id))
    assert agreed.state is SwapState.AGREED and agreed.agreed_at is not None
    assert on_duty() == {"presales"}  # agreed, not approved: nothing changed
    with pytest.raises(PermissionDenied):
        db.write(lambda s: swaps.approve(s, presales, swap.id))
    assert swaps.actions_for(agreed, supervisor) == {"approve", "refuse"}
    assert swaps.actions_for(agreed, presales) == {"withdraw"}
    db.write(lambda s: swaps.approve(s, supervisor, swap.id))
    assert on_duty() == {"aftersales"}
    with pytest.raises(TransitionRefused, match="already “Approved”"):
        db.write(lambda s: swaps.withdraw(s, after, swap.id))  # too late to take back


def test_either_person_withdraws_a_swap_before_approval(db, staff) -> None:
    _generate(db, staff)
    presales, after = staff[Role.PRESALES], staff[Role.AFTERSALES]
    asked = db.write(lambda s: swaps.request(s, presales, date(2026, 11, 3), "aftersales"))
    with pytest.raises(TransitionRefused, match="Only presales or aftersales can withdraw"):
        db.write(lambda s: swaps.withdraw(s, staff[Role.PRINTER], asked.id))
    gone = db.write(lambda s: swaps.withdraw(s, after, asked.id))  # the colleague says no
    assert (gone.state, gone.decided_by) == (SwapState.WITHDRAWN, "李娜")
    with pytest.raises(TransitionRefused, match="already “Withdrawn”"):
        db.write(lambda s: swaps.agree(s, after, asked.id))
    agreed = _agreed(db, staff, 5)  # a withdrawn swap does not block the days next to it
    taken_back = db.write(lambda s: swaps.withdraw(s, presales, agreed.id))  # the asker
    assert taken_back.state is SwapState.WITHDRAWN
    listed = db.read(lambda s: swaps.of_month(s, presales, NOVEMBER))
    assert [s.state for s in listed] == [SwapState.WITHDRAWN] * 2
    grid = db.read(lambda s: rotation.grid(s, presales, NOVEMBER))
    ids = {p.username: p.user_id for p in grid.people}
    assert grid.cells[ids["presales"], date(2026, 11, 3)] == "service_late"  # unchanged


def test_swaps_beyond_three_a_month_are_proposed(db, staff) -> None:
    _generate(db, staff)
    supervisor = staff[Role.SUPERVISOR]
    for n in (2, 4, 6, 8, 10):  # every other day: no swaps on consecutive days
        swap = _agreed(db, staff, n)
        db.write(lambda s, i=swap.id: swaps.approve(s, supervisor, i))
    result = db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    assert result.added == 4  # the 4th and 5th swap, for each of the two people
    whole = db.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    found = sorted((e.username, e.points) for p in whole.people for e in p.entries)
    assert found == [("aftersales", -2)] * 2 + [("presales", -2)] * 2


def test_a_staff_member_cannot_edit_the_roster(db, staff) -> None:
    with pytest.raises(PermissionDenied):
        db.write(lambda s: rotation.generate(s, staff[Role.PRESALES], Month(2026, 11)))


def test_no_one_swaps_on_consecutive_days(db, staff) -> None:
    """一(五) 6 不允许连续换班: refused, naming the other swap; a refused one does not count."""
    _generate(db, staff)
    presales, after, supervisor = (
        staff[Role.PRESALES], staff[Role.AFTERSALES], staff[Role.SUPERVISOR]
    )  # fmt: skip
    first = db.write(lambda s: swaps.request(s, presales, date(2026, 11, 3), "aftersales"))
    for day in (2, 4):  # the day before and the day after, asked by either person
        with pytest.raises(TransitionRefused) as refused:
            db.write(lambda s, d=day: swaps.request(s, after, date(2026, 11, d), "presales"))
        assert "2026-11-03" in str(refused.value) and "consecutive days" in str(refused.value)
    db.write(lambda s: swaps.refuse(s, supervisor, first.id))
    again = db.write(lambda s: swaps.request(s, after, date(2026, 11, 4), "presales"))
    assert again.day == date(2026, 11, 4)


def test_a_fourth_swap_in_a_month_is_flagged_before_and_after_approval(db, staff) -> None:
    """一(五) 6 and 三(三) 14: more than 3 is allowed but flagged (it costs 2 points each)."""
    _generate(db, staff)
    presales, supervisor = staff[Role.PRESALES], staff[Role.SUPERVISOR]
    for n in (2, 4, 6):
        swap = _agreed(db, staff, n)
        assert swap.beyond == ()
        db.write(lambda s, i=swap.id: swaps.approve(s, supervisor, i))
    fourth = db.write(lambda s: swaps.request(s, presales, date(2026, 11, 8), "aftersales"))
    assert fourth.beyond == ("presales", "aftersales")
    listed = db.read(lambda s: swaps.of_month(s, supervisor, NOVEMBER))
    assert [s.beyond for s in listed] == [()] * 3 + [("presales", "aftersales")]
    fourth = db.write(lambda s: swaps.agree(s, staff[Role.AFTERSALES], fourth.id))
    assert fourth.beyond == ("presales", "aftersales")
    approved = db.write(lambda s: swaps.approve(s, supervisor, fourth.id))
    assert approved.beyond == ("presales", "aftersales")


def test_the_shop_adds_a_warehouse_shift_and_the_rotation_fills_it(db, staff) -> None:
    """The procedure gives hours for service and printers only; the shop adds its own shift
    for the warehouse and the rotation gives it to the warehouse's people."""
    supervisor = staff[Role.SUPERVISOR]
    with pytest.raises(PermissionDenied):
        db.write(
            lambda s: shifts.define(
                s, staff[Role.WAREHOUSE], "warehouse_day", team="warehouse",
                name_zh="仓库班", name_en="Warehouse day", hours="08:30-12:00, 13:00-17:30",
            )
        )  # fmt: skip
    with pytest.raises(InvalidInput):
        db.write(
            lambda s: shifts.define(
                s, supervisor, "warehouse_day", team="warehouse",
                name_zh="仓库班", name_en="Warehouse day", hours="17:30-08:30",
            )
        )  # fmt: skip
    made = db.write(
        lambda s: shifts.define(
            s, supervisor, "Warehouse_Day", team="warehouse",
            name_zh="仓库班", name_en="Warehouse day", hours="08:30-12:00,13:00-17:30",
        )
    )  # fmt: skip
    assert (made.code, made.hours_text) == ("warehouse_day", "08:30-12:00, 13:00-17:30")
    grid = _generate(db, staff)
    ids = {p.username: p.user_id for p in grid.people}
    assert {grid.cells[ids["warehouse"], d] for d in grid.days} == {"warehouse_day"}
    assert grid.cells[ids["printer"], date(2026, 11, 9)] == "printer_early"
    at = datetime(2026, 11, 9, 8, 45).astimezone()
    assert {d.person.username for d in db.read(lambda s: duty.on_duty_at(s, at))} == {"warehouse"}


def test_generating_again_keeps_the_supervisors_days_and_the_approved_swaps(db, staff) -> None:
    """The edits and the approved swaps go back on top of the new rotation, in the order they
    were made: the month reads as before, and the swaps stay approved and true."""
    supervisor = staff[Role.SUPERVISOR]
    _generate(db, staff)
    set_day = lambda d, user, code: db.write(  # noqa: E731
        lambda s: rotation.set_shift(s, supervisor, date(2026, 11, d), user, code)
    )
    set_day(3, "presales", None)  # a day off
    set_day(4, "printer", "service_early")
    swap = _agreed(db, staff, 6)
    db.write(lambda s: swaps.approve(s, supervisor, swap.id))
    set_day(6, "aftersales", None)  # after the swap: the swap's shift, then off
    before = db.read(lambda s: rotation.grid(s, supervisor, NOVEMBER))
    again = _generate(db, staff)
    assert again.cells == before.cells
    assert again.kept == rotation.Kept(edits=3, swaps=1)
    ids = {p.username: p.user_id for p in again.people}
    assert (ids["presales"], date(2026, 11, 3)) not in again.cells
    assert again.cells[ids["printer"], date(2026, 11, 4)] == "service_early"
    assert again.cells[ids["presales"], date(2026, 11, 6)] == "service_late"  # swapped
    assert (ids["aftersales"], date(2026, 11, 6)) not in again.cells
    listed = db.read(lambda s: swaps.of_month(s, supervisor, NOVEMBER))
    assert [s.state for s in listed] == [SwapState.APPROVED]


def test_the_rotation_runs_on_from_the_month_before(db, staff) -> None:
    """October's last block (31st–4th) runs into November; each person keeps their half."""
    october = _generate(db, staff, Month(2026, 10))
    november = _generate(db, staff)
    ids = {p.username: p.user_id for p in november.people}
    after = ids["aftersales"]
    assert october.cells[after, date(2026, 10, 31)] == "service_early"
    for day in range(1, 5):  # the block begun on the 31st
        assert november.cells[after, date(2026, 11, day)] == "service_early"
    assert november.cells[after, date(2026, 11, 5)] == "service_late"
    assert november.cells[ids["presales"], date(2026, 11, 5)] == "service_early"


def test_a_newcomer_joins_the_smaller_half() -> None:
    from app.services.roster.people import Person

    def person(user_id: int) -> Person:
        return Person(user_id, f"u{user_id}", f"u{user_id}", frozenset({Role.PRESALES}))

    assert rotation.halves([person(1), person(2), person(3)], {}) == {1: 0, 2: 1, 3: 0}
    # 1 and 3 were early at the start of the rotation, 2 left: the newcomer 4 goes late
    assert rotation.halves([person(1), person(3), person(4)], {1: 0, 2: 1, 3: 0}) == {
        1: 0,
        3: 0,
        4: 1,
    }
