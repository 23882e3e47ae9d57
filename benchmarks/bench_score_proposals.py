"""The month's score-sheet proposals (issue 14) for a shop of 50 staff, 30,000 orders and
3,000 cases: every source reads the month, new proposals are written, once.

    python benchmarks/bench_score_proposals.py [--db URL] [--orders 30000] [--cases 3000]

Target: proposals for the month < 2 s. Prints its figures; asserts nothing (tests never
assert on time). The month's records are made directly in the database (cases with every
kind of failure the sources look for, change requests late or never passed on, a roster
with approved swaps); the timing is ``proposals.propose`` as the supervisor runs it, then
once more (nothing new: the idempotent path). Default databases are this script's own.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import demo_database, header
from sqlalchemy import delete, func, select

from app import migrations
from app.db import Database
from app.models import (
    Case,
    ChangeRequest,
    Order,
    Role,
    RosterDay,
    RosterSwap,
    ScoreEntry,
    ScoreMonth,
    User,
)
from app.services.core import accounts, audit
from app.services.core.actor import Actor
from app.services.roster import rotation
from app.services.scores import proposals
from app.services.scores.months import Month

PG = "postgresql://postgres@127.0.0.1:5432/afterdesk_bench_scores"  # --db PG for PostgreSQL
SQLITE = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-scores.sqlite'}"
MONTH = Month(2026, 11)
ROLES = [Role.PRESALES, Role.AFTERSALES, Role.PRINTER, Role.WAREHOUSE]


def _actor(db: Database, username: str) -> Actor:
    def read(session) -> Actor:  # type: ignore[no-untyped-def]
        user = next(u for u in accounts.list_users(session) if u.username == username)
        return Actor(user.id, user.username, user.display_name, user.roles)

    return db.read(read)


def _staff(db: Database, total: int) -> None:
    """Accounts up to ``total`` staff (the demo has six), roles spread like a shop's."""
    admin = _actor(db, "admin")
    have = db.read(lambda s: s.execute(select(func.count()).select_from(User)).scalar_one())
    for n in range(have, total):
        role = ROLES[n % len(ROLES)]
        db.write(
            lambda s, n=n, r=role: accounts.add_user(
                s, admin, f"staff{n:02d}", f"员工{n:02d}", "bench-pw-1", [r]
            )
        )


def _month_of_records(db: Database, cases: int, seed: int = 14) -> None:
    rng = random.Random(seed)
    start, _end = MONTH.bounds()

    def at() -> datetime:
        return start + timedelta(minutes=rng.randrange(30 * 24 * 60))

    def fill(session) -> None:  # type: ignore[no-untyped-def]
        session.execute(delete(ScoreEntry))
        session.execute(delete(ScoreMonth))
        session.execute(delete(Case).where(Case.case_no.like("BENCH%")))
        session.execute(delete(ChangeRequest).where(ChangeRequest.summary == "bench"))
        orders = list(session.execute(select(Order.id, Order.stage).limit(cases * 2)))
        users = [u for u in session.execute(select(User.id, User.display_name)).all()]
        linked = []
        for n in range(cases):
            opened, (order_id, _stage) = at(), orders[n]
            user_id, name = users[n % len(users)]
            kind = n % 10
            case = Case(
                case_no=f"BENCH{n:07d}",
                order_id=order_id,
                type="return",
                state="received" if kind in (1, 2) else "open",
                quality=kind in (1, 2),
                defect_location="" if kind == 1 else "鞋头",
                freight_payer="shop" if kind in (0, 2) else "customer",
                signoff_result="not_as_described" if kind == 2 else None,
                signoff_at=opened + timedelta(days=2) if kind in (1, 2) else None,
                unannounced=kind == 3,
                return_freight=Decimal("0"),
                opened_by_id=user_id,
                opened_by=name,
                opened_at=opened,
                updated_by=name,
                updated_at=opened,
            )
            session.add(case)
            if kind == 3:
                linked.append(("case.link", "case", case.case_no, None, {"order": order_id}))
        for n in range(cases):
            order_id, stage = orders[cases + n]
            user_id, name = users[n % len(users)]
            asked = at()
            confirmed = asked + timedelta(minutes=5) if n % 3 else None
            done = (
                confirmed + timedelta(minutes=rng.choice([5, 20, 90, 600]))
                if confirmed and n % 4
                else None
            )
            session.add(
                ChangeRequest(
                    order_id=order_id,
                    kind="special",
                    path="apply",
                    stage_at_request="paid" if n % 5 == 0 else stage,
                    state="done" if done else ("open" if confirmed else "awaiting_confirmation"),
                    urgent=False,
                    payload={},
                    summary="bench",
                    requested_by_id=user_id,
                    requested_by_name=name,
                    requested_at=asked,
                    confirmed_at=confirmed,
                    done_at=done,
                    done_by_name=name if done else None,
                    done_remark="",
                )
            )
        session.flush()
        # who linked the unannounced parcels: the audit log's case.link
        audit.record_many(session, actor_id=users[0][0], actor_name=users[0][1], entries=linked)

    db.write(fill)


def _roster(db: Database) -> None:
    supervisor = _actor(db, "supervisor")
    db.write(lambda s: rotation.generate(s, supervisor, MONTH))

    def swaps(session) -> None:  # type: ignore[no-untyped-def]
        session.execute(delete(RosterSwap))
        days = session.execute(
            select(RosterDay).where(RosterDay.day == date(2026, 11, 3))
        ).scalars()
        people = [d.user_id for d in days]
        for day in range(1, 29):
            for a, b in zip(people[0::2], people[1::2], strict=False):
                session.add(
                    RosterSwap(
                        day=date(2026, 11, day), user_a_id=a, user_b_id=b, reason="",
                        state="approved", requested_by="bench",
                        requested_at=datetime(2026, 11, day, 1).astimezone(),
                    )
                )  # fmt: skip

    db.write(swaps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=SQLITE)
    parser.add_argument("--orders", type=int, default=30_000)
    parser.add_argument("--cases", type=int, default=3_000)
    parser.add_argument("--staff", type=int, default=50)
    args = parser.parse_args()
    db = demo_database(args.db, args.orders)
    migrations.upgrade(db)
    header("score proposals", args.db, args.orders)
    _staff(db, args.staff)
    _month_of_records(db, args.cases)
    _roster(db)
    supervisor = _actor(db, "supervisor")
    now = datetime(2026, 12, 1, 9).astimezone()
    start = time.perf_counter()
    first = db.write(lambda s: proposals.propose(s, supervisor, MONTH, now=now))
    took = time.perf_counter() - start
    verdict = "met" if took < 2 else "NOT met"
    print(f"  propose {MONTH} ({args.staff} staff, {args.cases:,} cases, {args.cases:,} "
          f"requests): {first.found:,} found, {first.added:,} added in {took:.2f} s  "
          f"target < 2 s: {verdict}")  # fmt: skip
    start = time.perf_counter()
    again = db.write(lambda s: proposals.propose(s, supervisor, MONTH, now=now))
    print(f"  propose again (idempotent): {again.found:,} found, {again.added} added in "
          f"{time.perf_counter() - start:.2f} s")  # fmt: skip
    db.dispose()


if __name__ == "__main__":
    main()
