"""Waybill numbers from a pool (issue 11): a 10,000-order batch that takes its numbers from the
shops' pools, against the same batch of orders that have their numbers already.

    python benchmarks/bench_waybills.py [--orders 10000] [--runs 5] [--db URL]

The two kinds of batch alternate (plain, pool, plain, pool, …, ``--runs`` of each) in one
database, each on its own 10,000 orders of the same demo, so the machine's load at any moment
weighs on both alike; the figure is the difference of the medians of the whole batch (read,
draw, record). Both batches draw real labels with a waybill barcode. The pool's own steps are
timed too: the plan (the next free numbers, in the batch's read), the claim (guarded UPDATE of
the numbers) and the stage move that writes the numbers on the orders in the same UPDATE, in
the write that records the batch while every other PC's write waits, against the plain
batch's stage move. Prints its figures; asserts nothing. Target: < 1 s more than without a
pool. The database is this script's own (a PostgreSQL database named afterdesk_bench…, dropped
and made again; by default a fresh SQLite file).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app import migrations
from app.db import Database
from app.models import Order, Setting, Shop
from app.services.core import accounts, demo
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import pool_loading, pools, waiting
from app.services.dispatch.senders import COURIER_SETTING
from app.services.orders import moves
from benchmarks._common import recreate
from benchmarks.bench_print import PAID_SHARE, _printer

TIMES: dict[str, float] = {}


def _admin(db: Database) -> Actor:
    def read(session):  # type: ignore[no-untyped-def]
        user = next(u for u in accounts.list_users(session) if u.username == "admin")
        return Actor(user.id, user.username, user.display_name, user.roles)

    return db.read(read)


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[name] = TIMES.get(name, 0.0) + time.perf_counter() - t0

    return run


def _ready(session: Session) -> list[tuple[int, str]]:
    """(id, order no.) of every order the Printing page would print now, oldest first; its
    holds read 10,000 orders at a time (PostgreSQL takes at most 65,535 values a statement)."""
    rows = session.execute(waiting.waiting_query(session, None, None, "")).all()
    held: set[int] = set()
    for start in range(0, len(rows), 10_000):
        checks = waiting.request_checks(session, [r[0] for r in rows[start : start + 10_000]])
        held.update(id_ for id_, (holds, _) in checks.items() if holds)
    return [(r[0], r[1]) for r in rows if r[0] not in held]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000, help="orders in each batch")
    parser.add_argument("--runs", type=int, default=5, help="batches of each kind, alternating")
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    n, runs = args.orders, args.runs
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.sqlite"
        recreate(url)
        db = Database(url)
        migrations.upgrade(db)
        t0 = time.perf_counter()
        db.write(lambda s: demo.fill(s, int(2 * runs * n / PAID_SHARE * 1.05)))
        print(f"demo filled in {time.perf_counter() - t0:.0f} s")
        printer = _printer(db)
        admin = _admin(db)
        ready = db.read(_ready)
        # run k prints slice k: plain batches the even slices, pool batches the odd ones
        slices = [ready[k * n : (k + 1) * n] for k in range(2 * runs)]
        numbered = [w for k in range(0, 2 * runs, 2) for w in slices[k]]
        print(f"{len(ready):,} orders ready to print; {runs} + {runs} batches of {n:,}")

        # the plain batches: the orders have their numbers already (typed or imported)
        def give(s) -> None:  # type: ignore[no-untyped-def]
            table = Order.__table__
            s.execute(
                update(table)
                .where(table.c.id == bindparam("oid"))
                .values(courier="顺丰速运", tracking_no=bindparam("n")),
                [{"oid": id_, "n": f"SF{10**12 + k:013d}"} for k, (id_, _) in enumerate(numbered)],
            )

        db.write(give)

        # the pool batches: the shops print with 中通 by default and have a pool each
        def default_zto(s) -> None:  # type: ignore[no-untyped-def]
            for shop in s.execute(select(Shop)).scalars():
                s.add(Setting(key=COURIER_SETTING.format(id=shop.id), value="中通快递"))

        db.write(default_zto)
        shops = db.read(lambda s: list(s.scalars(select(Shop.name))))
        t0 = time.perf_counter()
        size = runs * n + 1000  # enough for every pool batch even if all its orders are one shop's
        for k, shop in enumerate(shops):
            first = 773_000_000_000 + k * 10_000_000
            for a in range(first, first + size, pool_loading.MAX_RANGE):
                last = min(a + pool_loading.MAX_RANGE, first + size) - 1
                db.write(
                    lambda s, sh=shop, a=a, z=last: pools.load(
                        s, admin, "ZTO", sh, first_last=f"{a}-{z}"
                    )
                )
        print(f"pools loaded: {len(shops)} × {size:,} numbers in {time.perf_counter() - t0:.1f} s")

        pools.plan = timed("plan", pools.plan)  # type: ignore[method-assign]
        pools.claim = timed("claim", pools.claim)  # type: ignore[method-assign]
        # the stage move, which writes the pool numbers on the orders in the same UPDATE
        moves.move_many = timed("move", moves.move_many)  # type: ignore[method-assign]
        kinds = ("without a pool", "from the pools")
        wall: dict[str, list[float]] = {kind: [] for kind in kinds}
        steps: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
        for k, batch in enumerate(slices):
            name = kinds[k % 2]
            out = Path(tmp) / f"batch{k}.pdf"
            TIMES.clear()
            t0 = time.perf_counter()
            result = printing.run_batch(
                db,
                printer,
                out=out,
                labels_out=out.with_suffix(".labels.pdf"),
                order_nos=[no for _, no in batch],
            )
            wall[name].append(time.perf_counter() - t0)
            steps[name].append(dict(TIMES))
            assert len(result.printed) == len(batch) and not result.packing_labels
            print(
                f"  run {k + 1:2}: batch of {len(batch):,} orders {name}: {wall[name][-1]:.2f} s "
                f"(stage move {TIMES.get('move', 0) * 1000:.0f} ms)",
                flush=True,
            )
        backend = db.url.get_backend_name()
        median = statistics.median
        plain, pool = (median(wall[kind]) for kind in kinds)

        def step(kind: str, key: str) -> float:
            return median(t.get(key, 0.0) for t in steps[kind])

        # each pool batch against the plain batch just before it: the load of that minute
        pairs = sorted(b - a for a, b in zip(wall[kinds[0]], wall[kinds[1]], strict=True))
        print(
            f"  pool batch − the plain batch before it, smallest first: "
            f"{', '.join(f'{d:+.1f}' for d in pairs)} s; median {median(pairs):+.2f} s"
        )
        added = step(kinds[1], "plan") + step(kinds[1], "claim") + step(kinds[1], "move")
        added -= step(kinds[0], "move")
        print(
            f"{backend}, medians of {runs} alternating runs: plain batch {plain:.2f} s "
            f"(runs {', '.join(f'{t:.1f}' for t in wall[kinds[0]])}), pool batch {pool:.2f} s "
            f"(runs {', '.join(f'{t:.1f}' for t in wall[kinds[1]])}); "
            f"pool − plain = {pool - plain:+.2f} s  target < 1 s: "
            f"{'met' if pool - plain < 1 else 'NOT met'}"
        )
        print(
            f"  the pool's steps (medians): plan {step(kinds[1], 'plan') * 1000:.0f} ms (read), "
            f"claim {step(kinds[1], 'claim') * 1000:.0f} ms + stage move with the numbers "
            f"{step(kinds[1], 'move') * 1000:.0f} ms against {step(kinds[0], 'move') * 1000:.0f} "
            f"ms without (in the write); added by the pool {added:.2f} s"
        )
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
