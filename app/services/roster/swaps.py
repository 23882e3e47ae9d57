"""Shift swaps (换班): asked by the two people, in effect only once the supervisor approves.

One person asks (``request``), the colleague agrees (``agree``), the supervisor approves
(``approve``: the two shifts of the day are exchanged) or refuses; either of the two withdraws
it before the approval (``withdraw``). The moves are the table ``MOVES``; who may take each
is ``why_not``'s (the views enable their buttons from it).

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
from app.models.errors import InvalidInput, NotFound, TransitionRefused, UserError
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action, may
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
    decided_by: str | None  # who approved, refused or withdrew it
    # the people for whom this swap is one beyond the month's 3 (approved, or if approved)
    beyond: tuple[str, ...] = ()
    agreed_at: datetime | None = None

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
            "agreed_at": self.agreed_at.isoformat() if self.agreed_at else None,
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
        row.agreed_at,
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


def _two_shifts(
    session: Session, day: date, a: tuple[int, str], b: tuple[int, str]
) -> tuple[RosterDay, RosterDay]:
    """The two people's days, each with a shift, and different shifts: something to swap."""
    first, second = _day_row(session, day, *a), _day_row(session, day, *b)
    if first.shift_code == second.shift_code:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{a} and {b} work the same shift on {day}."),
            a=a[1],
            b=b[1],
            day=day.isoformat(),
        )
    return first, second


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


WAITING = frozenset({SwapState.REQUESTED, SwapState.AGREED})
LIVE = [SwapState.REQUESTED.value, SwapState.AGREED.value, SwapState.APPROVED.value]
# the swap's state table: action → (the states it moves from, the state it moves to)
MOVES: dict[str, tuple[frozenset[SwapState], SwapState]] = {
    "agree": (frozenset({SwapState.REQUESTED}), SwapState.AGREED),
    "approve": (frozenset({SwapState.AGREED}), SwapState.APPROVED),
    "refuse": (WAITING, SwapState.REFUSED),
    "withdraw": (WAITING, SwapState.WITHDRAWN),
}
# the capability each action needs; who of the staff may is the swap's (why_not)
NEEDS = {
    "agree": Action.ROSTER_SWAP,
    "approve": Action.ROSTER_EDIT,
    "refuse": Action.ROSTER_EDIT,
    "withdraw": Action.ROSTER_SWAP,
}


def request(
    session: Session, actor: Actor, day: date, colleague: str, reason: str = ""
) -> SwapView:
    """The asker swaps their shift of ``day`` with a colleague's; the roster is unchanged
    until the colleague agreed and the supervisor approved."""
    require(session, actor, Action.ROSTER_SWAP)
    other = people.by_name(session, colleague)
    if other.user_id == actor.user_id:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "Swap with a colleague, not yourself."))
    _two_shifts(session, day, (actor.user_id, actor.username), (other.user_id, other.username))
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


def why_not(action: str, swap: SwapView, actor: Actor) -> UserError | None:
    """None if ``actor`` may take ``action`` on ``swap`` now; else the reason. The state
    table first, then who: the colleague agrees, either of the two withdraws."""
    came_from, _to = MOVES[action]
    if swap.state not in came_from:
        if action == "approve" and swap.state is SwapState.REQUESTED:
            return TransitionRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Swap #{id} waits for {username} to agree: the supervisor approves a swap "
                    "the two people asked for.",
                ),
                id=swap.id,
                username=swap.user_b,
            )
        return TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Swap #{id} is already “{state}”."),
            id=swap.id,
            state=Label(swap.state.label, "SwapState"),
        )
    if action == "agree" and actor.username != swap.user_b:
        return TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Only {username} can agree to swap #{id}."),
            username=swap.user_b,
            id=swap.id,
        )
    if action == "withdraw" and actor.username not in (swap.user_a, swap.user_b):
        return TransitionRefused(
            QT_TRANSLATE_NOOP("UserError", "Only {a} or {b} can withdraw swap #{id}."),
            a=swap.user_a,
            b=swap.user_b,
            id=swap.id,
        )
    return None


def actions_for(swap: SwapView, actor: Actor) -> frozenset[str]:
    """What ``actor`` may do with ``swap`` now (the Roster page's buttons)."""
    return frozenset(a for a in MOVES if may(NEEDS[a], actor) and why_not(a, swap, actor) is None)


def _move(session: Session, actor: Actor, swap_id: int, action: str) -> RosterSwap:
    """Check and take one move of the table; the caller stamps what the move records."""
    require(session, actor, NEEDS[action])
    record_id(swap_id, Label(QT_TRANSLATE_NOOP("Field", "Swap")))
    row = session.get(RosterSwap, swap_id, with_for_update=True)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no swap #{id}."), id=swap_id)
    problem = why_not(action, _view(session, row), actor)
    if problem is not None:
        raise problem
    row.state = MOVES[action][1].value
    return row


def agree(session: Session, actor: Actor, swap_id: int) -> SwapView:
    """The colleague agrees: the swap is the two people's, and waits for the supervisor."""
    row = _move(session, actor, swap_id, "agree")
    row.agreed_at = db_now(session)
    session.flush()
    _audit(session, actor, "roster.swap_agree", row)
    return _view(session, row, _over(session, row))


def withdraw(session: Session, actor: Actor, swap_id: int) -> SwapView:
    """Either of the two takes the swap back before the supervisor approved it."""
    return _decide(session, actor, swap_id, "withdraw")


def approve(session: Session, actor: Actor, swap_id: int) -> SwapView:
    """The supervisor approves: the two people's shifts of the day are exchanged."""
    row = _move(session, actor, swap_id, "approve")
    names = people.by_ids(session, {row.user_a_id, row.user_b_id})
    both = {u: names[u].username for u in (row.user_a_id, row.user_b_id)}
    refuse_consecutive(session, row.day, both, [SwapState.APPROVED.value], skip=row.id)
    # the roster may have changed since it was asked (the supervisor's edit of the day)
    a, b = _two_shifts(session, row.day, *both.items())
    a.shift_code, b.shift_code = b.shift_code, a.shift_code
    row.decided_by, row.decided_at = actor.display_name, db_now(session)
    session.flush()
    _audit(session, actor, "roster.swap_approve", row)
    return _view(session, row, _over(session, row))


def refuse(session: Session, actor: Actor, swap_id: int) -> SwapView:
    return _decide(session, actor, swap_id, "refuse")


def _decide(session: Session, actor: Actor, swap_id: int, action: str) -> SwapView:
    """A move that ends the swap without changing the roster, stamped with who and when."""
    row = _move(session, actor, swap_id, action)
    row.decided_by, row.decided_at = actor.display_name, db_now(session)
    session.flush()
    _audit(session, actor, f"roster.swap_{action}", row)
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
        if SwapState(r.state) in WAITING:
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
