"""Shift swaps (换班): asked by the two people, in effect only once the supervisor approves.

The procedure (shared/seeds 001, 一(五) 考勤制度 and 三(三); docs/scores.md "The roster's rules"):
a swap counts only with the supervisor's approval (一(五) 10, 三(三) 2); no one swaps on two days
running (一(五) 6 不允许连续换班: refused); more than 3 swaps a month (一(五) 6) are allowed but
flagged, and each one beyond 3 costs 2 points (三(三) 14: the score sheet proposes the entry).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import RosterDay, RosterSwap, SwapState
from app.models.errors import InvalidInput, NotFound, TransitionRefused
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import record_id
from app.services.roster import people
from app.services.scores.months import Month

FREE_SWAPS = 3  # 每人每月换班不得超过3次


@dataclass(frozen=True)
class SwapView:
    id: int
    day: date
    user_a: str
    user_b: str
    reason: str
    state: SwapState
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    # the people for whom this swap is one beyond the month's 3 (approved, or if approved)
    beyond: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "day": self.day.isoformat(),
            "user_a": self.user_a,
            "user_b": self.user_b,
            "reason": self.reason,
            "state": self.state.value,
            "requested_by": self.requested_by,
            "requested_at": self.requested_at.isoformat(),
            "decided_by": self.decided_by,
            "beyond_three": list(self.beyond),
        }


def _view(session: Session, row: RosterSwap, beyond: frozenset[int] = frozenset()) -> SwapView:
    names = people.by_ids(session, {row.user_a_id, row.user_b_id})
    return SwapView(
        row.id,
        row.day,
        names[row.user_a_id].username,
        names[row.user_b_id].username,
        row.reason,
        SwapState(row.state),
        row.requested_by,
        row.requested_at,
        row.decided_by,
        tuple(names[u].username for u in (row.user_a_id, row.user_b_id) if u in beyond),
    )


def _over(session: Session, row: RosterSwap) -> frozenset[int]:
    """Who already has the month's 3 approved swaps besides this one (this one is beyond)."""
    counts = Counter(
        u
        for other in approved_in_month(session, Month(row.day.year, row.day.month))
        if other.id != row.id
        for u in (other.user_a_id, other.user_b_id)
    )
    return frozenset(u for u in (row.user_a_id, row.user_b_id) if counts[u] >= FREE_SWAPS)


def _day_row(session: Session, day: date, user_id: int, username: str) -> RosterDay:
    row = session.get(RosterDay, (day, user_id), with_for_update=True)
    if row is None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "{username} has no shift on {day} to swap."),
            username=username,
            day=day.isoformat(),
        )
    return row


def refuse_consecutive(
    session: Session, day: date, user_ids: dict[int, str], states: list[str], skip: int = 0
) -> None:
    """不允许连续换班 (一(五) 6): refused when either person has a swap (in ``states``) the day
    before or after."""
    found = session.execute(
        select(RosterSwap)
        .where(
            RosterSwap.day.in_([day - timedelta(days=1), day + timedelta(days=1)]),
            RosterSwap.state.in_(states),
            or_(RosterSwap.user_a_id.in_(list(user_ids)), RosterSwap.user_b_id.in_(list(user_ids))),
            RosterSwap.id != skip,
        )
        .order_by(RosterSwap.day, RosterSwap.id)
        .limit(1)
    ).scalar_one_or_none()
    if found is None:
        return
    who = found.user_a_id if found.user_a_id in user_ids else found.user_b_id
    raise TransitionRefused(
        QT_TRANSLATE_NOOP(
            "UserError",
            "{username} already has a swap on {other} (#{id}): the procedure allows no swaps "
            "on consecutive days.",
        ),
        username=user_ids[who],
        other=found.day.isoformat(),
        id=found.id,
    )


LIVE = [SwapState.REQUESTED.value, SwapState.APPROVED.value]


def request(
    session: Session, actor: Actor, day: date, colleague: str, reason: str = ""
) -> SwapView:
    """The asker swaps their shift of ``day`` with a colleague's; the roster is unchanged
    until the supervisor approves."""
    require(session, actor, Action.ROSTER_SWAP)
    other = people.by_name(session, colleague)
    if other.user_id == actor.user_id:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Swap with a colleague, not yourself."))
    mine = _day_row(session, day, actor.user_id, actor.username)
    theirs = _day_row(session, day, other.user_id, other.username)
    if mine.shift_code == theirs.shift_code:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "You and {username} work the same shift on {day}."),
            username=other.username,
            day=day.isoformat(),
        )
    refuse_consecutive(
        session, day, {actor.user_id: actor.username, other.user_id: other.username}, LIVE
    )
    row = RosterSwap(
        day=day,
        user_a_id=actor.user_id,
        user_b_id=other.user_id,
        reason=reason.strip()[:500],
        state=SwapState.REQUESTED.value,
        requested_by=actor.display_name,
        requested_at=db_now(session),
    )
    session.add(row)
    session.flush()
    _audit(session, actor, "roster.swap", row)
    return _view(session, row, _over(session, row))


def _load(session: Session, swap_id: int) -> RosterSwap:
    record_id(swap_id, Label(QT_TRANSLATE_NOOP("Field", "Swap")))
    row = session.get(RosterSwap, swap_id, with_for_update=True)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no swap #{id}."), id=swap_id)
    if row.state != SwapState.REQUESTED.value:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Swap #{id} is already “{state}”."),
            id=swap_id,
            state=Label(SwapState(row.state).label, "SwapState"),
        )
    return row


def approve(session: Session, actor: Actor, swap_id: int) -> SwapView:
    """The supervisor approves: the two people's shifts of the day are exchanged."""
    require(session, actor, Action.ROSTER_EDIT)
    row = _load(session, swap_id)
    names = people.by_ids(session, {row.user_a_id, row.user_b_id})
    both = {u: names[u].username for u in (row.user_a_id, row.user_b_id)}
    refuse_consecutive(session, row.day, both, [SwapState.APPROVED.value], skip=row.id)
    a = _day_row(session, row.day, row.user_a_id, names[row.user_a_id].username)
    b = _day_row(session, row.day, row.user_b_id, names[row.user_b_id].username)
    a.shift_code, b.shift_code = b.shift_code, a.shift_code
    row.state, row.decided_by, row.decided_at = (
        SwapState.APPROVED.value,
        actor.display_name,
        db_now(session),
    )
    session.flush()
    _audit(session, actor, "roster.swap_approve", row)
    return _view(session, row, _over(session, row))


def refuse(session: Session, actor: Actor, swap_id: int) -> SwapView:
    require(session, actor, Action.ROSTER_EDIT)
    row = _load(session, swap_id)
    row.state, row.decided_by, row.decided_at = (
        SwapState.REFUSED.value,
        actor.display_name,
        db_now(session),
    )
    session.flush()
    _audit(session, actor, "roster.swap_refuse", row)
    return _view(session, row)


def _audit(session: Session, actor: Actor, action: str, row: RosterSwap) -> None:
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action=action,
        entity="roster",
        entity_key=row.day.isoformat(),
        after={"swap": row.id, "a": row.user_a_id, "b": row.user_b_id, "state": row.state},
    )


def _in_month(month: Month) -> tuple[date, date]:
    days = month.days()
    return days[0], days[-1]


def of_month(session: Session, actor: Actor, month: Month) -> list[SwapView]:
    require(session, actor, Action.ROSTER_READ)
    first, last = _in_month(month)
    rows = list(
        session.execute(
            select(RosterSwap)
            .where(RosterSwap.day >= first, RosterSwap.day <= last)
            .order_by(RosterSwap.day, RosterSwap.id)
        ).scalars()
    )
    over: dict[int, set[int]] = {}
    for user_id, swap in beyond_free(session, month):
        over.setdefault(swap.id, set()).add(user_id)
    approved = Counter(
        u for r in rows if r.state == SwapState.APPROVED.value for u in (r.user_a_id, r.user_b_id)
    )
    for r in rows:  # one still waiting: beyond 3 if the supervisor approved it now
        if r.state == SwapState.REQUESTED.value:
            over[r.id] = {u for u in (r.user_a_id, r.user_b_id) if approved[u] >= FREE_SWAPS}
    return [_view(session, r, frozenset(over.get(r.id, ()))) for r in rows]


def approved_in_month(session: Session, month: Month) -> list[RosterSwap]:
    """Approved swaps of the month's days, in the order they were asked."""
    first, last = _in_month(month)
    return list(
        session.execute(
            select(RosterSwap)
            .where(
                RosterSwap.day >= first,
                RosterSwap.day <= last,
                RosterSwap.state == SwapState.APPROVED.value,
            )
            .order_by(RosterSwap.requested_at, RosterSwap.id)
        ).scalars()
    )


def beyond_free(session: Session, month: Month) -> list[tuple[int, RosterSwap]]:
    """(person, swap) for each approved swap past a person's third of the month."""
    seen: Counter[int] = Counter()
    over: list[tuple[int, RosterSwap]] = []
    for swap in approved_in_month(session, month):
        for user_id in (swap.user_a_id, swap.user_b_id):
            seen[user_id] += 1
            if seen[user_id] > FREE_SWAPS:
                over.append((user_id, swap))
    return over
