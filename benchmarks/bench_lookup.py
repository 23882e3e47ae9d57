"""Exact lookups through the service layer: ``orders.find`` inside ``db.read``.

Order numbers, tracking numbers and phones sampled from the database, and misses.
Target (issue 2): p95 under 2 ms.
"""

from __future__ import annotations

import random

from _common import arguments, demo_database, header, report, timed
from sqlalchemy import func, select

from app.models import Order
from app.services.orders import lookup as orders

TARGET_MS = 2.0


def samples(db, count: int, rng: random.Random) -> list[tuple[str, str | None, str]]:  # type: ignore[no-untyped-def]
    def pick(session):  # type: ignore[no-untyped-def]
        top = session.execute(select(func.max(Order.id))).scalar_one()
        ids = [rng.randint(1, top) for _ in range(count)]
        stmt = select(Order.order_no, Order.tracking_no, Order.recipient_phone).where(
            Order.id.in_(ids)
        )
        return [tuple(r) for r in session.execute(stmt)]

    return db.read(pick)


def main() -> None:
    args = arguments(__doc__ or "")
    db = demo_database(args.db, args.orders)
    header("lookup by number or phone", args.db, args.orders)
    rng = random.Random(args.seed)
    rows = samples(db, args.samples, rng)
    kinds = {
        "order number (hit)": [r[0] for r in rows],
        "tracking number (hit)": [r[1] for r in rows if r[1]],
        "phone (hit)": [r[2] for r in rows],
        "order number (miss)": [str(3_000_000_000_000_000 + rng.randrange(10**9)) for _ in rows],
        "tracking number (miss)": [f"SF{rng.randrange(10**11, 10**12)}" for _ in rows],
        "phone (miss)": [f"10{rng.randrange(10**9):09d}" for _ in rows],
    }
    for values in kinds.values():  # warm the caches and the statement cache once
        for value in values[:20]:
            db.read(lambda s, v=value: orders.find(s, v))
    everything: list[float] = []
    for kind, values in kinds.items():
        found = 0
        times = []
        for value in values:
            hits: list = []
            times.append(
                timed(lambda v=value, h=hits: h.extend(db.read(lambda s: orders.find(s, v))))
            )
            found += bool(hits)
        everything.extend(times)
        report(f"{kind}, {found} found", times, TARGET_MS)
    report("all lookups", everything, TARGET_MS)
    db.dispose()


if __name__ == "__main__":
    main()
