"""The monthly score sheet from a month of recorded work (docs/scores.md), on both databases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models import AuditEntry, EntryState, MonthState, Role
from app.models.errors import InvalidInput, PermissionDenied, TransitionRefused
from app.services.scores import entries, export, money, money_rules, proposals, sheet
from tests.score_helpers import NOVEMBER, NOW, confirm_all, month_of_work, set_points


def _propose(db, supervisor):
    return db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))


def _sheet(db, actor, user=None):
    return db.read(lambda s: sheet.read(s, actor, NOVEMBER, user))


def test_a_month_of_work_yields_the_right_proposals_once(shop_db, shop_staff) -> None:
    work = month_of_work(shop_db, shop_staff)
    supervisor = shop_staff[Role.SUPERVISOR]
    first = _propose(shop_db, supervisor)
    found = {
        (e.username, e.rule.code, e.evidence_key, e.points)
        for p in _sheet(shop_db, supervisor).people
        for e in p.entries
    }
    assert found == {
        ("presales", "change_not_passed", work["forgotten"], -2),
        ("presales", "cancel_not_passed", work["cancel"], -2),
        ("printer", "request_not_acknowledged", work["late"], -2),
        ("aftersales", "free_freight_non_quality", work["free"], -3),
        ("aftersales", "defect_location_missing", work["unlocated"], -2),
        ("aftersales", "no_photo_free_freight", work["unphotographed"], -2),
        ("aftersales", "return_not_registered", work["parcel"], -1),
        # after-sales linked the warehouse's parcel: its late refund is theirs
        ("aftersales", "refund_late", work["parcel"], -3),
    }
    assert first.added == 8
    again = _propose(shop_db, supervisor)
    assert (again.found, again.added) == (8, 0)  # proposing twice does not double
    whole = _sheet(shop_db, supervisor)
    # nothing is deducted before a person confirms it
    assert all(p.points == 100 for p in whole.people)
    assert whole.proposed == 8


def test_proposals_carry_their_evidence_and_a_readable_reason(shop_db, shop_staff) -> None:
    work = month_of_work(shop_db, shop_staff)
    _propose(shop_db, shop_staff[Role.SUPERVISOR])
    mine = _sheet(shop_db, shop_staff[Role.PRINTER]).people[0]
    (entry,) = mine.entries
    assert entry.evidence_kind == "request" and entry.evidence_order_no
    assert f"Request #{work['late']}" in entry.reason_text()
    assert entry.recorded_by == "AfterDesk" and entry.state is EntryState.PROPOSED


@pytest.mark.parametrize(
    ("points", "deduction", "reward", "dismissal"),
    [
        (100, 0, 0, False),
        (90, 100, 0, False),
        (88, 140, 0, False),
        (80, 300, 0, False),
        (70, 600, 0, False),
        (60, 1000, 0, False),
        (59, 1000, 0, True),
        (110, 0, 100, False),
    ],
)
def test_points_and_money_at_each_band_edge(
    staff, db, points, deduction, reward, dismissal
) -> None:
    supervisor = staff[Role.SUPERVISOR]
    assert db.read(money_rules.current) == money.DEFAULT  # the procedure's, nothing stored
    set_points(db, supervisor, "printer", points)
    person = _sheet(db, supervisor, "printer").people[0]
    assert person.points == points
    assert person.money.deduction == Decimal(deduction)
    assert person.money.reward == Decimal(reward)
    assert person.money.dismissal is dismissal


def test_the_administrator_changes_the_money_rules_and_an_approved_month_keeps_its_own(
    staff, db
) -> None:
    supervisor, admin = staff[Role.SUPERVISOR], staff[Role.ADMIN]
    bands = money_rules.parse_bands("100-90:15, 90-80:20，80-60:50")
    assert bands == ((100, 90, 15), (90, 80, 20), (80, 60, 50))
    with pytest.raises(PermissionDenied):
        db.write(lambda s: money_rules.change(s, supervisor, reward=200))
    with pytest.raises(InvalidInput, match="95-80 does not fit"):
        db.write(lambda s: money_rules.change(s, admin, bands=((100, 90, 10), (95, 80, 20))))
    db.write(
        lambda s: money_rules.change(
            s, admin, bands=bands, reward=200, reward_at=105, dismissal_below=65
        )
    )
    for user, points in (("printer", 88), ("presales", 106), ("aftersales", 62)):
        set_points(db, supervisor, user, points)
    people = {p.person.username: p for p in _sheet(db, supervisor).people}
    assert people["printer"].money.deduction == Decimal(10 * 15 + 2 * 20)
    assert people["presales"].money.reward == Decimal(200)
    assert export.flag(people["presales"], lambda _c, t: t) == "105 or more: reward"
    aftersales = people["aftersales"]
    assert aftersales.money.deduction == Decimal(10 * 15 + 10 * 20 + 18 * 50)
    assert aftersales.money.dismissal  # 62 is below 65 now
    assert export.flag(aftersales, lambda _c, t: t) == "Below 65: dismissal"
    logged = db.read(
        lambda s: (
            s.execute(
                select(AuditEntry.actor_name).where(
                    AuditEntry.action == "setting", AuditEntry.entity_key == "score_money"
                )
            )
            .scalars()
            .all()
        )
    )
    assert logged == ["刘洋"]
    # approved, November keeps the rules it was approved under
    db.write(lambda s: sheet.submit(s, supervisor, NOVEMBER))
    db.write(lambda s: sheet.approve(s, admin, NOVEMBER))
    db.write(lambda s: money_rules.reset(s, admin))
    assert db.read(money_rules.current) == money.DEFAULT
    november = {p.person.username: p for p in _sheet(db, supervisor).people}
    assert november["printer"].money.deduction == Decimal(190)
    december = NOVEMBER.next()
    db.write(
        lambda s: entries.add(
            s, supervisor, "printer", "correction", "迟到", month=december, points=-12
        )
    )
    printer = db.read(lambda s: sheet.read(s, supervisor, december, "printer")).people[0]
    assert printer.money.deduction == Decimal(140)  # the procedure's again


def test_confirmations_and_manual_entries_total_and_the_supervisors_rule(
    shop_db, shop_staff
) -> None:
    month_of_work(shop_db, shop_staff)
    supervisor = shop_staff[Role.SUPERVISOR]
    _propose(shop_db, supervisor)
    whole = _sheet(shop_db, supervisor)
    free = next(
        e for p in whole.people for e in p.entries if e.rule.code == "return_not_registered"
    )
    shop_db.write(lambda s: entries.dismiss(s, supervisor, free.id, "客户没有在旺旺说过"))
    confirm_all(shop_db, supervisor)
    shop_db.write(
        lambda s: entries.add(s, supervisor, "warehouse", "overtime", "双十一加班", month=NOVEMBER)
    )
    shop_db.write(
        lambda s: entries.add(
            s, supervisor, "presales", "idea_adopted", "快捷短语", month=NOVEMBER, points=12
        )
    )
    points = {p.person.username: p.points for p in _sheet(shop_db, supervisor).people}
    assert points["presales"] == 100 - 2 - 2 + 12
    assert points["printer"] == 98
    assert points["aftersales"] == 90  # the dismissed proposal does not count
    assert points["warehouse"] == 105
    team = [points[u] for u in ("presales", "printer", "aftersales", "warehouse")]
    assert sum(p >= 100 for p in team) * 2 >= len(team)
    sup = next(p for p in _sheet(shop_db, supervisor).people if p.person.username == "supervisor")
    assert sup.money.team == Decimal(100)  # half the team at 100 or more


@pytest.mark.parametrize(
    ("team", "money"),
    [
        # three of four at 100 or more (+100), the printer below 60 (−100): they cancel out
        ({"printer": 59}, 0),
        # only the warehouse at 100: no bonus; the printer below 60: −100
        ({"printer": 59, "presales": 99, "aftersales": 99}, -100),
        # below 60 is the edge: 60 costs the supervisor nothing
        ({"printer": 60}, 100),
    ],
)
def test_the_supervisors_own_rule_anyone_below_60_costs_100(staff, db, team, money) -> None:
    supervisor = staff[Role.SUPERVISOR]
    for user, points in team.items():
        set_points(db, supervisor, user, points)
    people = {p.person.username: p for p in _sheet(db, supervisor).people}
    assert people["supervisor"].points == 100
    assert people["supervisor"].money.team == Decimal(money)
    assert people["supervisor"].money.net == Decimal(money)
    assert all(p.money.team == 0 for u, p in people.items() if u != "supervisor")


def test_approval_locks_the_month_and_a_correction_lands_in_the_next(shop_db, shop_staff) -> None:
    month_of_work(shop_db, shop_staff)
    supervisor, admin = shop_staff[Role.SUPERVISOR], shop_staff[Role.ADMIN]
    _propose(shop_db, supervisor)
    with pytest.raises(TransitionRefused, match="not decided"):
        shop_db.write(lambda s: sheet.submit(s, supervisor, NOVEMBER))
    confirm_all(shop_db, supervisor)
    with pytest.raises(PermissionDenied):
        shop_db.write(lambda s: sheet.approve(s, supervisor, NOVEMBER))
    shop_db.write(lambda s: sheet.submit(s, supervisor, NOVEMBER))
    approved = shop_db.write(lambda s: sheet.approve(s, admin, NOVEMBER))
    assert approved.state is MonthState.APPROVED
    entry = next(e for p in approved.people for e in p.entries)
    before = _sheet(shop_db, supervisor, entry.username).people[0].points
    with pytest.raises(TransitionRefused, match="locked"):
        shop_db.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    correction = shop_db.write(
        lambda s: entries.add(
            s,
            supervisor,
            entry.username,
            "correction",
            "误扣，退回",
            month=NOVEMBER,
            points=-entry.points,
            corrects=entry.id,
        )
    )
    assert correction.month == "2026-12"
    assert correction.corrects_id == entry.id
    assert correction.reason_text().startswith("[2026-11]")
    # November is unchanged; December starts from 100 with the signed correction
    assert _sheet(shop_db, supervisor, entry.username).people[0].points == before
    december = shop_db.read(lambda s: sheet.read(s, supervisor, NOVEMBER.next(), entry.username))
    assert december.people[0].points == 100 - entry.points
    assert december.people[0].entries[0].recorded_by == correction.recorded_by


def test_a_submitted_month_is_frozen_until_the_administrator_sends_it_back(
    shop_db, shop_staff
) -> None:
    month_of_work(shop_db, shop_staff)
    supervisor, admin = shop_staff[Role.SUPERVISOR], shop_staff[Role.ADMIN]
    _propose(shop_db, supervisor)
    confirm_all(shop_db, supervisor)
    shop_db.write(lambda s: sheet.submit(s, supervisor, NOVEMBER))
    decided = [(e.id, e.state) for p in _sheet(shop_db, supervisor).people for e in p.entries]
    entry = next(e for p in _sheet(shop_db, supervisor).people for e in p.entries)
    frozen = "The sheet of 2026-11 is submitted: nothing in it changes unless an administrator"
    for change in (
        lambda s: entries.add(s, supervisor, "warehouse", "overtime", "加班", month=NOVEMBER),
        lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW),
        lambda s: entries.confirm(s, supervisor, entry.id),
        lambda s: entries.dismiss(s, supervisor, entry.id, "不成立"),
    ):
        with pytest.raises(TransitionRefused, match=frozen):
            shop_db.write(change)
    after = [(e.id, e.state) for p in _sheet(shop_db, supervisor).people for e in p.entries]
    assert after == decided  # nothing added, nothing decided anew
    with pytest.raises(PermissionDenied):  # the supervisor cannot take it back
        shop_db.write(lambda s: sheet.reopen(s, supervisor, NOVEMBER))
    back = shop_db.write(lambda s: sheet.reopen(s, admin, NOVEMBER, "仓库加班漏了"))
    assert back.state is MonthState.OPEN and back.submitted_by is None
    logged = shop_db.read(
        lambda s: s.execute(
            select(AuditEntry.actor_name, AuditEntry.after).where(
                AuditEntry.action == "score.reopen"
            )
        ).one()
    )
    assert logged.actor_name == "刘洋" and logged.after["reason"] == "仓库加班漏了"
    added = shop_db.write(
        lambda s: entries.add(s, supervisor, "warehouse", "overtime", "加班", month=NOVEMBER)
    )
    assert added.month == "2026-11"
    with pytest.raises(TransitionRefused, match="only a submitted sheet is sent back"):
        shop_db.write(lambda s: sheet.reopen(s, admin, NOVEMBER))
    shop_db.write(lambda s: sheet.submit(s, supervisor, NOVEMBER))
    assert shop_db.write(lambda s: sheet.approve(s, admin, NOVEMBER)).state is MonthState.APPROVED


def test_a_staff_member_reads_only_their_own_sheet(shop_db, shop_staff) -> None:
    month_of_work(shop_db, shop_staff)
    _propose(shop_db, shop_staff[Role.SUPERVISOR])
    presales = shop_staff[Role.PRESALES]
    own = _sheet(shop_db, presales)
    assert [p.person.username for p in own.people] == ["presales"]
    assert not own.everyone
    with pytest.raises(PermissionDenied):
        _sheet(shop_db, presales, "printer")
    assert _sheet(shop_db, presales, "presales").people[0].person.username == "presales"
    everyone = _sheet(shop_db, shop_staff[Role.ADMIN])
    assert {"presales", "printer", "aftersales", "warehouse", "supervisor"} <= {
        p.person.username for p in everyone.people
    }
