"""What went out on a day: the printer's batches, the hand-over manifests and the exchanges
shipped (issue 11), each listed by the shop's calendar day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Handover, Order, PrintBatch
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action


@dataclass(frozen=True)
class BatchOfDay:
    batch_no: str
    printed_at: datetime
    printed_by: str
    orders: int


@dataclass(frozen=True)
class ManifestOfDay:
    manifest_no: str
    courier: str
    confirmed_at: datetime
    confirmed_by: str
    parcels: int


@dataclass(frozen=True)
class ExchangeOfDay:
    case_no: str
    order_no: str
    courier: str
    tracking_no: str
    shipped_at: datetime
    shipped_by: str


@dataclass(frozen=True)
class Day:
    day: date
    batches: tuple[BatchOfDay, ...]
    manifests: tuple[ManifestOfDay, ...]
    exchanges: tuple[ExchangeOfDay, ...]


def bounds(day: date) -> tuple[datetime, datetime]:
    """The shop's day (this PC's time zone) as a UTC interval [start, end)."""
    start = datetime.combine(day, time()).astimezone()
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def of_day(session: Session, actor: Actor, day: date) -> Day:
    require(session, actor, Action.HANDOVER_READ)
    start, end = bounds(day)
    batches = session.execute(
        select(PrintBatch.batch_no, PrintBatch.printed_at, PrintBatch.printed_by_name,
               PrintBatch.order_count)
        .where(PrintBatch.printed_at >= start, PrintBatch.printed_at < end)
        .order_by(PrintBatch.printed_at)
    )  # fmt: skip
    manifests = session.execute(
        select(Handover.manifest_no, Handover.courier, Handover.confirmed_at,
               Handover.confirmed_by_name, Handover.parcel_count)
        .where(Handover.confirmed_at >= start, Handover.confirmed_at < end)
        .order_by(Handover.confirmed_at)
    )  # fmt: skip
    exchanges = session.execute(
        select(Case.case_no, Order.order_no, Case.exchange_courier, Case.exchange_tracking_no,
               Case.exchange_at, Case.exchange_by)
        .outerjoin(Order, Order.id == Case.order_id)
        .where(Case.exchange_at >= start, Case.exchange_at < end)
        .order_by(Case.exchange_at)
    )  # fmt: skip
    return Day(
        day,
        tuple(BatchOfDay(*r) for r in batches),
        tuple(
            ManifestOfDay(str(no), courier, at, by, n)
            for no, courier, at, by, n in manifests
            if at is not None
        ),
        tuple(
            ExchangeOfDay(c, o or "", courier, t or "", at, by or "")
            for c, o, courier, t, at, by in exchanges
            if at is not None
        ),
    )
