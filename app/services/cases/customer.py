"""After the exchange left: the customer told its tracking number (channel, time, who) and
the customer confirming they received it; and the platform's refund deadline of a case
(docs/supervision.md). Each is a step on the case's timeline; none moves the case's state,
and each ends a task in the supervisor's review."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.models import TellChannel
from app.models.errors import InvalidInput, TransitionRefused
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases.opening import get, load, record, touch
from app.services.cases.rows import CaseDetail
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.supervision import clock


def parse_channel(text: str) -> TellChannel:
    try:
        return TellChannel((text or "").strip().lower())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "“{text}” is not a channel: im, phone, sms or platform."
            ),
            text=text,
        ) from None


def customer_told(
    session: Session,
    actor: Actor,
    case_no: str,
    channel: TellChannel | str,
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """After-sales told the customer the exchange's tracking number (rule 6)."""
    how = parse_channel(channel) if isinstance(channel, str) else channel
    case = load(session, case_no, expected_version=expected_version)
    require(session, actor, Action.CASE_CUSTOMER_TOLD, case)
    if case.customer_told_at is not None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "{name} told the customer of case {case_no} already, at {time}."
            ),
            name=case.customer_told_by,
            case_no=case.case_no,
            time=short_time(case.customer_told_at),
        )
    touch(session, case, actor)
    case.customer_told_channel = how.value
    case.customer_told_by, case.customer_told_at = actor.display_name, case.updated_at
    record(session, actor, "case.customer_told", case, channel=how.value,
           tracking_no=case.exchange_tracking_no)  # fmt: skip
    return get(session, case.case_no)


def customer_received(
    session: Session, actor: Actor, case_no: str, *, expected_version: int | None = None
) -> CaseDetail:
    """The customer confirmed they have the exchange: the follow-up the procedure asks for."""
    case = load(session, case_no, expected_version=expected_version)
    require(session, actor, Action.CASE_CUSTOMER_RECEIVED, case)
    if case.customer_received_at is not None:
        raise TransitionRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Case {case_no}: receipt was confirmed already, by {name} at {time}."
            ),
            case_no=case.case_no,
            name=case.customer_received_by,
            time=short_time(case.customer_received_at),
        )
    touch(session, case, actor)
    case.customer_received_by, case.customer_received_at = actor.display_name, case.updated_at
    record(session, actor, "case.customer_received", case)
    return get(session, case.case_no)


def set_platform_deadline(
    session: Session,
    actor: Actor,
    case_no: str,
    at: datetime | str,
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """The platform's refund deadline as the platform shows it; one in the past is a typo."""
    at = parse_moment(at) if isinstance(at, str) else at
    case = load(session, case_no, expected_version=expected_version)
    require(session, actor, Action.CASE_PLATFORM_DEADLINE, case)
    if at <= clock.now(session):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The deadline {time} has passed already: check the date and time."
            ),
            time=short_time(at),
        )
    touch(session, case, actor)
    before = case.platform_deadline
    case.platform_deadline = at
    record(session, actor, "case.platform_deadline", case, deadline=at.isoformat(),
           before=before.isoformat() if before else None)  # fmt: skip
    return get(session, case.case_no)


def parse_moment(text: str) -> datetime:
    """``2026-12-08 18:00`` (the shop's time) or an ISO time with its zone."""
    try:
        at = datetime.fromisoformat((text or "").strip().replace("/", "-"))
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "“{text}” is not a date and time: write it as 2026-12-08 18:00."
            ),
            text=text,
        ) from None
    return at if at.tzinfo else at.astimezone()
