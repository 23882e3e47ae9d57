"""The courier's hand-over (issue 11): 2,000 parcels scanned one by one into a courier's
list, then the manifest drawn and confirmed (its orders shipped).

    python benchmarks/bench_handover.py [--db URL] [--orders N] [--parcels 2000]

Targets: each scan < 100 ms however long the list has grown; the manifest PDF < 2 s.
Prints its figures; asserts nothing (ARCHITECTURE.md: tests never assert on time). The
parcels are demo orders not yet packed, made packed with a waybill of their own first (the
packing desk's work, not measured here). Default databases are this script's own.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import demo_database, header, report
from sqlalchemy import select, update

from app import migrations
from app.db import Database, db_now
from app.models import Order, Role, Stage
from app.printing.manifest import manifest_pdf
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.shipping import handover, handover_manifest

COURIER = "顺丰速运"
PG = "postgresql://postgres@127.0.0.1:5432/afterdesk_bench_handover"  # --db PG for PostgreSQL
SQLITE = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-handover.sqlite'}"


def _warehouse(db: Database) -> Actor:
    def read(session) -> Actor:  # type: ignore[no-untyped-def]
        user = next(u for u in accounts.list_users(session) if u.username == Role.WAREHOUSE.value)
        return Actor(user.id, user.username, user.display_name, user.roles)

    return db.read(read)


def _parcels(db: Database, n: int) -> list[str]:
    """``n`` orders not yet packed, made packed now with a courier and a waybill number."""

    def prepare(session) -> list[str]:  # type: ignore[no-untyped-def]
        ids = list(
            session.execute(
                select(Order.id)
                .where(Order.stage.in_([Stage.PAID.value, Stage.PRINTED.value]))
                .order_by(Order.id.desc())
                .limit(n)
            ).scalars()
        )
        now = db_now(session)
        numbers = []
        for oid in ids:  # one UPDATE each: each order gets its own waybill number
            number = f"SFB{oid:012d}"
            session.execute(
                update(Order)
                .where(Order.id == oid)
                .values(
                    stage=Stage.PACKED.value, courier=COURIER, tracking_no=number,
                    packed_at=now, updated_at=now,
                )
            )  # fmt: skip
            numbers.append(number)
        return numbers

    return db.write(prepare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=SQLITE)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--parcels", type=int, default=2000)
    args = parser.parse_args()
    db = demo_database(args.db, args.orders)
    migrations.upgrade(db)
    header("hand-over", args.db, args.orders)
    warehouse = _warehouse(db)
    numbers = _parcels(db, args.parcels)

    times: list[float] = []
    for number in numbers:
        start = time.perf_counter()
        db.write(lambda s, n=number: handover.scan(s, warehouse, COURIER, n))
        times.append((time.perf_counter() - start) * 1000)
    report(f"scan a parcel (list of 1 … {len(numbers):,})", times, 100)
    report("  the last 200 scans (longest list)", times[-200:], 100)
    print(f"  scans over 100 ms: {sum(t > 100 for t in times)} of {len(times):,}")

    drawn = db.read(lambda s: handover_manifest._draw(s, warehouse, COURIER))
    start = time.perf_counter()
    pdf = manifest_pdf(drawn.manifest)
    draw_s = time.perf_counter() - start
    verdict = "met" if draw_s < 2 else "NOT met"
    print(f"  manifest PDF, {len(numbers):,} parcels: {draw_s:.2f} s, {pdf.pages} pages, "
          f"{len(pdf.data) / 1024:.0f} KB  target < 2 s: {verdict}")  # fmt: skip
    out = Path(tempfile.mkdtemp(prefix="afterdesk-bench-")) / "manifest.pdf"
    start = time.perf_counter()
    done = handover.confirm(db, warehouse, COURIER, out)
    print(f"  confirm (read, draw, record, {done.count:,} orders shipped, file in place): "
          f"{time.perf_counter() - start:.2f} s")  # fmt: skip
    db.dispose()


if __name__ == "__main__":
    main()
