"""Plain views of complaints and disputes for the screens, the command line and the PDF."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from app.models import Complaint, ComplaintStep, Dispute
from app.models.complaint_enums import Channel, ComplaintState, Outcome, Priority, StepKind


def _iso(at: datetime | None) -> str | None:
    return at.isoformat(timespec="seconds") if at else None


@dataclass(frozen=True)
class StepView:
    kind: StepKind
    text: str
    by: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "text": self.text, "by": self.by, "at": _iso(self.at)}


@dataclass(frozen=True)
class ComplaintView:
    complaint_no: str
    state: ComplaintState
    channel: Channel
    customer: str
    order_no: str | None
    category: str
    priority: Priority
    text: str
    owner: str
    about: str | None
    confirmed_by: str | None
    confirmed_at: datetime | None
    respond_due: datetime
    resolve_due: datetime
    responded_at: datetime | None
    escalated_by: str | None
    escalated_at: datetime | None
    resolved_at: datetime | None
    followed_up_at: datetime | None
    satisfaction: tuple[int, int, int] | None  # attitude, speed, accuracy
    opened_by: str
    opened_at: datetime
    version: int
    now: datetime  # the moment "overdue" was judged at
    steps: tuple[StepView, ...] = ()

    @property
    def due(self) -> datetime | None:
        """The next deadline: the first response's, then the resolution's; none once resolved."""
        if self.responded_at is None:
            return self.respond_due
        if self.resolved_at is None:
            return self.resolve_due
        return None

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due <= self.now

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data |= {
            "state": self.state.value,
            "channel": self.channel.value,
            "priority": self.priority.value,
            "due": _iso(self.due),
            "overdue": self.overdue,
            "satisfaction": (
                dict(zip(("attitude", "speed", "accuracy"), self.satisfaction, strict=True))
                if self.satisfaction
                else None
            ),
            "steps": [s.to_json() for s in self.steps],
        }
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = _iso(value)
        return data


def step_view(step: ComplaintStep) -> StepView:
    return StepView(StepKind(step.kind), step.text, step.by_name, step.at)


def complaint_view(
    c: Complaint, order_no: str | None, now: datetime, steps: list[ComplaintStep] | None = None
) -> ComplaintView:
    scores = (c.attitude, c.speed, c.accuracy)
    return ComplaintView(
        complaint_no=c.complaint_no,
        state=ComplaintState(c.state),
        channel=Channel(c.channel),
        customer=c.customer,
        order_no=order_no,
        category=c.category,
        priority=Priority(c.priority),
        text=c.text,
        owner=c.owner_name,
        about=c.about_name,
        confirmed_by=c.confirmed_by,
        confirmed_at=c.confirmed_at,
        respond_due=c.respond_due,
        resolve_due=c.resolve_due,
        responded_at=c.responded_at,
        escalated_by=c.escalated_by,
        escalated_at=c.escalated_at,
        resolved_at=c.resolved_at,
        followed_up_at=c.followed_up_at,
        satisfaction=None if None in scores else (c.attitude, c.speed, c.accuracy),  # type: ignore[arg-type]
        opened_by=c.opened_by,
        opened_at=c.opened_at,
        version=c.version,
        now=now,
        steps=tuple(step_view(s) for s in steps or ()),
    )


@dataclass(frozen=True)
class DisputeView:
    dispute_no: str
    platform: str
    order_no: str
    case_no: str | None
    deadline: datetime
    claim: str
    owner: str
    opened_by: str
    opened_at: datetime
    outcome: Outcome | None
    outcome_note: str
    outcome_by: str | None
    outcome_at: datetime | None
    now: datetime

    @property
    def overdue(self) -> bool:
        return self.outcome is None and self.deadline <= self.now

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data |= {"outcome": self.outcome.value if self.outcome else None, "overdue": self.overdue}
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = _iso(value)
        return data


def dispute_view(d: Dispute, order_no: str, case_no: str | None, now: datetime) -> DisputeView:
    return DisputeView(
        dispute_no=d.dispute_no,
        platform=d.platform,
        order_no=order_no,
        case_no=case_no,
        deadline=d.deadline,
        claim=d.claim,
        owner=d.owner_name,
        opened_by=d.opened_by,
        opened_at=d.opened_at,
        outcome=Outcome(d.outcome) if d.outcome else None,
        outcome_note=d.outcome_note,
        outcome_by=d.outcome_by,
        outcome_at=d.outcome_at,
        now=now,
    )
