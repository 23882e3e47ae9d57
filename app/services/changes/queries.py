"""Reading change requests: the printer's queue, an asker's requests, an order's requests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import (
    ChangeRequest,
    Order,
    RequestKind,
    RequestPath,
    RequestState,
    Setting,
    Stage,
)
from app.models.errors import InvalidInput, NotFound
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.changes.rules import ACTIVE
from app.services.changes.texts import Address
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.rows import MASK, masked_phone, masked_text
from app.services.core.validation import record_id
from app.services.orders import lookup

OVERDUE_SETTING = "request_overdue_minutes"
DEFAULT_OVERDUE_MINUTES = 30


@dataclass(frozen=True)
class RequestView:
    id: int
    order_no: str
    kind: RequestKind
    path: RequestPath
    state: RequestState
    stage_at_request: Stage
    urgent: bool
    summary: str
    payload: dict[str, Any]
    requested_by: str
    requested_at: datetime
    confirmed_by: str | None
    confirmed_at: datetime | None
    done_by: str | None
    done_at: datetime | None
    done_remark: str
    version: int

    def waiting_since(self) -> datetime | None:
        """Since when the printer has had it (confirmation time), if still open."""
        return self.confirmed_at if self.state is RequestState.OPEN else None

    def is_overdue(self, now: datetime, minutes: int) -> bool:
        since = self.waiting_since()
        return since is not None and now - since > timedelta(minutes=minutes)

    def to_json(self) -> dict[str, Any]:
        stamp = lambda t: t.isoformat() if t else None  # noqa: E731
        return {
            "id": self.id,
            "order_no": self.order_no,
            "kind": self.kind.value,
            "path": self.path.value,
            "state": self.state.value,
            "stage_at_request": self.stage_at_request.value,
            "urgent": self.urgent,
            "summary": self.summary,
            "old": self.payload.get("old"),
            "new": self.payload.get("new"),
            "requested_by": self.requested_by,
            "requested_at": stamp(self.requested_at),
            "confirmed_by": self.confirmed_by,
            "confirmed_at": stamp(self.confirmed_at),
            "done_by": self.done_by,
            "done_at": stamp(self.done_at),
            "done_remark": self.done_remark,
        }


def view_of(req: ChangeRequest) -> RequestView:
    return RequestView(
        req.id,
        req.order.order_no,
        RequestKind(req.kind),
        RequestPath(req.path),
        RequestState(req.state),
        Stage(req.stage_at_request),
        req.urgent,
        req.summary,
        dict(req.payload),
        req.requested_by_name,
        req.requested_at,
        req.confirmed_by_name,
        req.confirmed_at,
        req.done_by_name,
        req.done_at,
        req.done_remark,
        req.version,
    )


def get(session: Session, request_id: int) -> RequestView:
    record_id(request_id, Label(QT_TRANSLATE_NOOP("Field", "Request")))
    req = session.execute(
        select(ChangeRequest)
        .where(ChangeRequest.id == request_id)
        .options(selectinload(ChangeRequest.order))
    ).scalar_one_or_none()
    if req is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no request #{id}."), id=request_id)
    return view_of(req)


def queue(
    session: Session,
    *,
    states: tuple[RequestState, ...] = (RequestState.OPEN,),
    asked_by: str | None = None,
    limit: int = 500,
) -> list[RequestView]:
    """Requests in these states, urgent first, then oldest first (the printer's queue)."""
    stmt = (
        select(ChangeRequest)
        .where(ChangeRequest.state.in_([s.value for s in states]))
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.urgent.desc(), ChangeRequest.id)
        .limit(limit)
    )
    if asked_by:
        stmt = stmt.where(ChangeRequest.requested_by_name == asked_by)
    return [view_of(r) for r in session.execute(stmt).scalars()]


def recent(session: Session, *, limit: int = 200) -> list[RequestView]:
    stmt = (
        select(ChangeRequest)
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.id.desc())
        .limit(limit)
    )
    return [view_of(r) for r in session.execute(stmt).scalars()]


def requests_of(session: Session, user_id: int, *, finished_limit: int = 100) -> list[RequestView]:
    """One asker's requests: all still under way (oldest first), then the latest finished."""
    mine = (
        select(ChangeRequest)
        .where(ChangeRequest.requested_by_id == user_id)
        .options(selectinload(ChangeRequest.order))
    )
    active = [s.value for s in ACTIVE]
    open_ = session.execute(
        mine.where(ChangeRequest.state.in_(active)).order_by(ChangeRequest.id)
    ).scalars()
    finished = session.execute(
        mine.where(ChangeRequest.state.not_in(active))
        .order_by(ChangeRequest.id.desc())
        .limit(finished_limit)
    ).scalars()
    return [view_of(r) for r in (*open_, *finished)]


def read_for_order(session: Session, actor: Actor, order_no: str) -> list[RequestView]:
    """``for_order`` for a person: an address change's addresses cut to the district and
    phones masked for those who may not see contact details (docs/permissions.md)."""
    views = for_order(session, order_no)
    return views if lookup.may_see_contact(session, actor) else [_masked(v) for v in views]


def _masked(view: RequestView) -> RequestView:
    remark = masked_text(view.done_remark, district="")
    if view.kind is not RequestKind.ADDRESS:
        summary = masked_text(view.summary, district="")
        return replace(view, summary=summary, done_remark=remark)
    hidden = {
        side: {
            **view.payload[side],
            "phone": masked_phone(view.payload[side]["phone"]),
            "street": MASK,
        }
        for side in ("old", "new")
    }
    old, new = (Address(**hidden[side]).line() for side in ("old", "new"))
    return replace(view, summary=f"{old} → {new}", payload=hidden, done_remark=remark)


def for_order(session: Session, order_no: str) -> list[RequestView]:
    stmt = (
        select(ChangeRequest)
        .join(Order)
        .where(Order.id == lookup.order_id(session, order_no))
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.id)
    )
    return [view_of(r) for r in session.execute(stmt).scalars()]


def open_for_order_ids(session: Session, order_ids: list[int]) -> dict[int, list[RequestView]]:
    """Open and unconfirmed requests per order: printing checks these first."""
    if not order_ids:
        return {}
    stmt = (
        select(ChangeRequest)
        .where(
            ChangeRequest.order_id.in_(order_ids),
            ChangeRequest.state.in_([s.value for s in ACTIVE]),
        )
        .options(selectinload(ChangeRequest.order))
        .order_by(ChangeRequest.id)
    )
    found: dict[int, list[RequestView]] = {}
    for req in session.execute(stmt).scalars():
        found.setdefault(req.order_id, []).append(view_of(req))
    return found


def overdue_minutes(session: Session) -> int:
    setting = session.get(Setting, OVERDUE_SETTING)
    try:
        return max(1, int(setting.value)) if setting else DEFAULT_OVERDUE_MINUTES
    except ValueError:
        return DEFAULT_OVERDUE_MINUTES


def set_overdue_minutes(session: Session, actor: Actor, minutes: int) -> int:
    require(session, actor, Action.REQUEST_SETTINGS)
    if not 1 <= minutes <= 24 * 60:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Give a time between 1 and 1440 minutes.")
        )
    setting = session.get(Setting, OVERDUE_SETTING)
    before = setting.value if setting else str(DEFAULT_OVERDUE_MINUTES)
    if setting is None:
        session.add(Setting(key=OVERDUE_SETTING, value=str(minutes)))
    else:
        setting.value = str(minutes)
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="setting",
        entity="setting",
        entity_key=OVERDUE_SETTING,
        before={"value": before},
        after={"value": str(minutes)},
    )
    return minutes
