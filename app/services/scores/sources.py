"""Where proposals come from: one small function per rule, reading a month of records.

Each source takes the month (``Period``) and returns ``Proposal`` rows: who, which rule, the
evidence (order, case, request, complaint, swap) and a reason template with its values. The
supervisor confirms or dismisses every one (entries.py); ``SOURCES`` lists them, so a rule
whose records arrive later (issue 13's deadlines and complaints) adds one function here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import Session

from app.models import (
    AuditEntry,
    Case,
    CasePhoto,
    ChangeRequest,
    FreightPayer,
    Order,
    PhotoPurpose,
    RequestKind,
    RequestPath,
    RequestState,
    Role,
    RosterDay,
    SignoffResult,
    User,
    UserRole,
)
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases.owner import case_owner
from app.services.changes.queries import overdue_minutes
from app.services.roster import swaps
from app.services.roster.shifts import ShiftView, shifts
from app.services.scores.months import Month
from app.services.supervision import worktime


@dataclass(frozen=True)
class Proposal:
    rule: str  # the rule's code
    user_id: int
    evidence_kind: str
    evidence_key: str
    order_no: str
    reason: str  # English template, translated when shown (context "ScoreReason")
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.rule}:{self.evidence_kind}:{self.evidence_key}:{self.user_id}"[:120]


@dataclass
class Period:
    session: Session
    month: Month
    start: datetime  # UTC
    end: datetime  # UTC, exclusive
    now: datetime  # what is "still not done" is judged at min(end, now)
    _printers: dict[date, list[int]] | None = None
    _shift_of: dict[tuple[date, int], ShiftView] = field(default_factory=dict)
    _names: dict[str, int] | None = None

    @property
    def cutoff(self) -> datetime:
        return min(self.end, self.now)

    def printers_on_duty(self, at: datetime) -> list[int]:
        """The printers the roster had at work at a moment; every printer if no roster."""
        if self._printers is None:
            known = shifts(self.session)
            days = self.month.days()
            rows = self.session.execute(
                select(RosterDay).where(RosterDay.day >= days[0], RosterDay.day <= days[-1])
            ).scalars()
            self._printers = {}
            for r in rows:
                if known[r.shift_code].team == "printer":
                    self._printers.setdefault(r.day, []).append(r.user_id)
                    self._shift_of[r.day, r.user_id] = known[r.shift_code]
        local = at.astimezone()
        on_roster = self._printers.get(local.date())
        if on_roster is None:
            return self.all_printers()
        return [u for u in on_roster if self._shift_of[local.date(), u].covers(local)]

    def all_printers(self) -> list[int]:
        return list(
            self.session.execute(
                select(User.id)
                .join(UserRole, UserRole.user_id == User.id)
                .where(User.active, UserRole.role == Role.PRINTER.value)
                .order_by(User.id)
            ).scalars()
        )

    def user_by_name(self, name: str | None) -> int | None:
        if not name:
            return None
        if self._names is None:  # one read for the month: signatures are unique (0009)
            rows = self.session.execute(select(User.display_name, User.id))
            self._names = {n: i for n, i in rows}
        return self._names.get(name)


Source = Callable[[Period], Iterable[Proposal]]


def stamp(at: datetime) -> str:
    return f"{at.astimezone():%Y-%m-%d %H:%M}"


# -- pre-sales: a change (or cancellation) never passed to the printer -----------------------
def changes_not_passed(period: Period) -> Iterator[Proposal]:
    """Recorded in the month, never confirmed to the printer, and the order moved on
    without it (printed, packed or shipped as it was)."""
    rows = period.session.execute(
        select(
            ChangeRequest.id,
            ChangeRequest.kind,
            ChangeRequest.requested_by_id,
            ChangeRequest.requested_at,
            Order.order_no,
        )
        .join(Order, Order.id == ChangeRequest.order_id)
        .where(
            ChangeRequest.state == RequestState.AWAITING_CONFIRMATION.value,
            ChangeRequest.requested_at >= period.start,
            ChangeRequest.requested_at < period.end,
            Order.stage != ChangeRequest.stage_at_request,
        )
    )
    for rid, kind, user_id, at, order_no in rows:
        cancel = kind == RequestKind.CANCEL.value
        yield Proposal(
            "cancel_not_passed" if cancel else "change_not_passed",
            user_id,
            "request",
            str(rid),
            order_no,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Request #{id} on order {order_no}, recorded {at}, never reached the printer; "
                "the order went on without it.",
            ),
            {"id": rid, "order_no": order_no, "at": stamp(at)},
        )


# -- printer: a request not acknowledged in time (the queue's overdue setting) --------------
def requests_not_acknowledged(period: Period) -> Iterator[Proposal]:
    limit = timedelta(minutes=overdue_minutes(period.session))
    hours = worktime.hours_for(period.session)
    rows = period.session.execute(
        select(
            ChangeRequest.id,
            ChangeRequest.confirmed_at,
            ChangeRequest.done_at,
            ChangeRequest.done_by_name,
            Order.order_no,
        )
        .join(Order, Order.id == ChangeRequest.order_id)
        .where(
            ChangeRequest.path != RequestPath.HANDOVER.value,
            ChangeRequest.confirmed_at >= period.start,
            ChangeRequest.confirmed_at < period.end,
            ChangeRequest.state.in_([RequestState.OPEN.value, RequestState.DONE.value]),
        )
    )
    for rid, since, done_at, done_by, order_no in rows:
        if since is None:  # the query asks for a confirmation time; the type does not know
            continue
        until = done_at or period.cutoff
        waited = worktime.between(since, until, hours)
        if waited <= limit:
            continue
        who = [u] if (u := period.user_by_name(done_by)) else period.printers_on_duty(since)
        minutes = int(waited.total_seconds() // 60)
        for user_id in who:
            yield Proposal(
                "request_not_acknowledged",
                user_id,
                "request",
                str(rid),
                order_no,
                QT_TRANSLATE_NOOP(
                    "ScoreReason",
                    "Request #{id} on order {order_no} reached the printer {at} and waited "
                    "{minutes} min (allowed {limit} min).",
                ),
                {
                    "id": rid,
                    "order_no": order_no,
                    "at": stamp(since),
                    "minutes": minutes,
                    "limit": int(limit.total_seconds() // 60),
                },
            )


# -- after-sales: the register's evidence and freight rules ---------------------------------
def _cases(period: Period, *conditions: Any) -> Iterable[Any]:
    return period.session.execute(
        select(Case.id, Case.case_no, case_owner(), Order.order_no)
        .outerjoin(Order, Order.id == Case.order_id)
        .where(Case.opened_at >= period.start, Case.opened_at < period.end, *conditions)
    )


def _case_proposal(rule: str, row: Any, reason: str) -> Proposal:
    _id, case_no, user_id, order_no = row
    return case_proposal(rule, case_no, user_id, order_no, reason)


def case_proposal(
    rule: str, case_no: str, user_id: int, order_no: str | None, reason: str, **extra: Any
) -> Proposal:
    """A proposal whose evidence is a case (its order opens too); ``extra`` fills the reason."""
    params = {"case_no": case_no, "order_no": order_no or "", **extra}
    return Proposal(rule, user_id, "case", case_no, order_no or "", reason, params)


def free_freight_non_quality(period: Period) -> Iterator[Proposal]:
    """The shop pays the freight of a case that is no quality claim, without a supervisor's
    approval."""
    for row in _cases(
        period,
        Case.quality.is_(False),
        Case.freight_payer == FreightPayer.SHOP.value,
        Case.free_freight_at.is_(None),
    ):
        yield _case_proposal(
            "free_freight_non_quality",
            row,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Case {case_no} (order {order_no}): the shop pays the freight of a non-quality "
                "case, without a supervisor's approval.",
            ),
        )


def defect_location_missing(period: Period) -> Iterator[Proposal]:
    """A quality claim the warehouse signed for while the register did not say where the
    defect is: the goods could not be checked against it."""
    for row in _cases(
        period, Case.quality.is_(True), Case.defect_location == "", Case.signoff_at.is_not(None)
    ):
        yield _case_proposal(
            "defect_location_missing",
            row,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Case {case_no} (order {order_no}): a quality claim received by the warehouse "
                "without the defect's location.",
            ),
        )


def no_photo_free_freight(period: Period) -> Iterator[Proposal]:
    """Free freight on a quality claim without a customer photo, and the warehouse did not
    find the defect described."""
    photo = exists().where(
        and_(CasePhoto.case_id == Case.id, CasePhoto.purpose == PhotoPurpose.CLAIM.value)
    )
    for row in _cases(
        period,
        Case.quality.is_(True),
        Case.no_photo_possible.is_(False),
        Case.freight_payer == FreightPayer.SHOP.value,
        Case.signoff_result == SignoffResult.NOT_AS_DESCRIBED.value,
        ~photo,
    ):
        yield _case_proposal(
            "no_photo_free_freight",
            row,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Case {case_no} (order {order_no}): free freight promised without a photo; "
                "the warehouse did not find the defect.",
            ),
        )


def returns_not_registered(period: Period) -> Iterator[Proposal]:
    """A parcel came back that nobody registered (unannounced), later linked to its order:
    proposed to the after-sales person who linked it (the chat decides, seed rule 六-1)."""
    rows = period.session.execute(
        select(Case.case_no, AuditEntry.actor_id, Order.order_no)
        .join(Order, Order.id == Case.order_id)
        .join(
            AuditEntry,
            and_(
                AuditEntry.entity == "case",
                AuditEntry.entity_key == Case.case_no,
                AuditEntry.action == "case.link",
            ),
        )
        .where(
            Case.unannounced.is_(True), Case.opened_at >= period.start, Case.opened_at < period.end
        )
    )
    for case_no, user_id, order_no in rows:
        if user_id is None:
            continue
        yield Proposal(
            "return_not_registered",
            user_id,
            "case",
            case_no,
            order_no,
            QT_TRANSLATE_NOOP(
                "ScoreReason",
                "Case {case_no}: a parcel for order {order_no} came back unannounced; check "
                "the chat whether the customer had told after-sales.",
            ),
            {"case_no": case_no, "order_no": order_no},
        )


# -- anyone: swaps beyond 3 a month (the roster) --------------------------------------------
def swaps_beyond_three(period: Period) -> Iterator[Proposal]:
    for user_id, swap in swaps.beyond_free(period.session, period.month):
        yield Proposal(
            "swap_over_3",
            user_id,
            "swap",
            str(swap.id),
            "",
            QT_TRANSLATE_NOOP(
                "ScoreReason", "Swap #{id} on {day} is more than {free} swaps this month."
            ),
            {"id": swap.id, "day": swap.day.isoformat(), "free": swaps.FREE_SWAPS},
        )


SOURCES: tuple[Source, ...] = (
    changes_not_passed,
    requests_not_acknowledged,
    free_freight_non_quality,
    defect_location_missing,
    no_photo_free_freight,
    returns_not_registered,
    swaps_beyond_three,
)
