"""Orders and refunded cases at chosen times, for the trend charts' tests.

The trends count what happened in each week, so the records are written with the times the
test names (a fixed clock), as an import and the case steps would have stamped them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import count

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Case, CaseState, CaseType, Order, Shop, User

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)  # Thursday 18:00 in Beijing
_SEQ = count(1)


def local(text: str) -> datetime:
    """A Beijing wall-clock time as the aware UTC moment the database stores."""
    return datetime.fromisoformat(text).astimezone().astimezone(UTC)


@dataclass(frozen=True)
class Refund:
    paid: str  # local time the order was paid
    opened: str  # local time the case was opened
    refunded: str | None  # local time of the refund, None: not refunded
    quality: bool = False
    amount: str = "50.00"


def make_shops(db: Database, *names: str) -> dict[str, int]:
    def work(session: Session) -> dict[str, int]:
        shops = [Shop(name=name) for name in names]
        session.add_all(shops)
        session.flush()
        return {s.name: s.id for s in shops}

    return db.write(work)


def add_orders(db: Database, shop_id: int, paid: list[str]) -> list[str]:
    """Paid orders of the shop, one per local payment time; their numbers."""

    def work(session: Session) -> list[str]:
        orders = [_order(shop_id, local(at)) for at in paid]
        session.add_all(orders)
        return [o.order_no for o in orders]

    return db.write(work)


def add_refunds(db: Database, shop_id: int, refunds: list[Refund]) -> list[str]:
    """An order and a case per refund (refunded or not); the case numbers."""

    def work(session: Session) -> list[str]:
        user = session.execute(select(User).order_by(User.id).limit(1)).scalar_one()
        numbers = []
        for r in refunds:
            order = _order(shop_id, local(r.paid))
            session.add(order)
            session.flush()
            opened = local(r.opened)
            n = next(_SEQ)
            case = Case(
                case_no=f"SH{opened.astimezone():%Y%m%d}-{n:04d}",
                order_id=order.id,
                type=CaseType.RETURN.value,
                state=(CaseState.REFUNDED if r.refunded else CaseState.OPEN).value,
                reason="鞋底开胶" if r.quality else "尺码不合适",
                quality=r.quality,
                opened_by_id=user.id,
                opened_by=user.display_name,
                opened_at=opened,
                updated_by=user.display_name,
                updated_at=opened,
            )
            if r.refunded:
                case.refund_at = local(r.refunded)
                case.refund_amount = Decimal(r.amount)
                case.refund_by = user.display_name
            session.add(case)
            numbers.append(case.case_no)
        return numbers

    return db.write(work)


def _order(shop_id: int, paid_at: datetime) -> Order:
    n = next(_SEQ)
    return Order(
        order_no=f"T{n:010d}",
        shop_id=shop_id,
        buyer_id=f"buyer{n}",
        recipient_name="王芳",
        name_key="王芳",
        recipient_phone="13800000000",
        province="浙江省",
        city="杭州市",
        district="西湖区",
        street="文三路1号",
        paid_at=paid_at,
        stage="shipped",
        total=Decimal("100.00"),
        created_at=paid_at,
        updated_at=paid_at + timedelta(hours=1),
    )


@dataclass(frozen=True)
class Said:
    """A complaint: category, opened, first-response deadline, answered (local times)."""

    category: str
    opened: str
    due: str
    responded: str | None = None


def add_complaints(db: Database, shop_id: int, complaints: list[Said]) -> list[str]:
    from app.models import Complaint

    def work(session: Session) -> list[str]:
        user = session.execute(select(User).order_by(User.id).limit(1)).scalar_one()
        numbers = []
        for c in complaints:
            n = next(_SEQ)
            opened = local(c.opened)
            row = Complaint(
                complaint_no=f"TS{opened.astimezone():%Y%m%d}-{n:04d}",
                channel="phone",
                customer="王芳",
                shop_id=shop_id,
                category=c.category,
                priority="general",
                state="responded" if c.responded else "open",
                owner_id=user.id,
                owner_name=user.display_name,
                respond_due=local(c.due),
                resolve_due=local(c.due) + timedelta(days=2),
                responded_at=local(c.responded) if c.responded else None,
                responded_by=user.display_name if c.responded else None,
                opened_by_id=user.id,
                opened_by=user.display_name,
                opened_at=opened,
            )
            session.add(row)
            numbers.append(row.complaint_no)
        return numbers

    return db.write(work)


def add_disputes(
    db: Database, shop_id: int, disputes: list[tuple[str, str | None, str | None]]
) -> list[str]:
    """(opened, outcome, outcome time) per dispute, each on a new order of the shop."""
    from app.models import Dispute

    def work(session: Session) -> list[str]:
        user = session.execute(select(User).order_by(User.id).limit(1)).scalar_one()
        numbers = []
        for opened, outcome, decided in disputes:
            order = _order(shop_id, local(opened) - timedelta(days=10))
            session.add(order)
            session.flush()
            n = next(_SEQ)
            row = Dispute(
                order_id=order.id,
                platform="taobao",
                dispute_no=f"WQ{n:08d}",
                deadline=local(opened) + timedelta(days=3),
                claim="未收到货",
                owner_id=user.id,
                owner_name=user.display_name,
                opened_by=user.display_name,
                opened_at=local(opened),
                outcome=outcome,
                outcome_at=local(decided) if decided else None,
            )
            session.add(row)
            numbers.append(row.dispute_no)
        return numbers

    return db.write(work)
