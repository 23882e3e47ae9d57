"""Waybill numbers from a pool (issue 11): a 10,000-order batch that takes its numbers from the
shops' pools, against the same batch of orders that have their numbers already.

    python benchmarks/bench_waybills.py [--orders 10000] [--db URL]

Both batches draw real labels with a waybill barcode. The pool's own steps are timed too: the
plan (the next free numbers, in the batch's read), the claim (guarded UPDATE of the numbers) and
the stage move that writes the numbers on the orders in the same UPDATE, in the write that
records the batch while every other PC's write waits, against the plain batch's stage move.
Prints its figures; asserts nothing. Target: < 1 s more than without a pool.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import bindparam, select, update

from app import migrations
from app.db import Database
from app.models import Order, Setting, Shop
from app.services.core import accounts, demo
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import pools
from app.services.dispatch.senders import COURIER_SETTING
from app.services.orders import moves
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000, help="orders in each batch")
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    n = args.orders
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.sqlite"
        db = Database(url)
        migrations.upgrade(db)
        db.write(lambda s: demo.fill(s, int(2 * n / PAID_SHARE * 1.05)))
        printer = _printer(db)
        admin = _admin(db)
        waiting = db.read(lambda s: printing.waiting(s, cutoff="", limit=10**7))
        ready = [w for w in waiting if not w.holds]
        numbered, pooled = ready[:n], ready[n : 2 * n]
        print(f"{len(ready):,} orders ready to print; two batches of {len(pooled):,}")

        # batch 1: the orders have their numbers already (typed or imported)
        def give(s) -> None:  # type: ignore[no-untyped-def]
            table = Order.__table__
            s.execute(
                update(table)
                .where(table.c.id == bindparam("oid"))
                .values(courier="顺丰速运", tracking_no=bindparam("n")),
                [{"oid": w.id, "n": f"SF{10**12 + k:013d}"} for k, w in enumerate(numbered)],
            )

        db.write(give)

        # batch 2: the shops print with 中通 by default and have a pool each
        def default_zto(s) -> None:  # type: ignore[no-untyped-def]
            for shop in s.execute(select(Shop)).scalars():
                s.add(Setting(key=COURIER_SETTING.format(id=shop.id), value="中通快递"))

        db.write(default_zto)
        shops = db.read(lambda s: list(s.scalars(select(Shop.name))))
        t0 = time.perf_counter()
        for k, shop in enumerate(shops):
            first = 773_000_000_000 + k * 10_000_000
            db.write(
                lambda s, sh=shop, a=first: pools.load(
                    s, admin, "ZTO", sh, first_last=f"{a}-{a + n + 999}"
                )
            )
        print(
            f"pools loaded: {len(shops)} × {n + 1000:,} numbers in {time.perf_counter() - t0:.1f} s"
        )

        pools.plan = timed("plan", pools.plan)  # type: ignore[method-assign]
        pools.claim = timed("claim", pools.claim)  # type: ignore[method-assign]
        # the stage move, which writes the pool numbers on the orders in the same UPDATE
        moves.move_many = timed("move", moves.move_many)  # type: ignore[method-assign]
        results, steps = {}, {}
        for name, batch in (("without a pool", numbered), ("from the pools", pooled)):
            out = Path(tmp) / f"{name}.pdf"
            TIMES.clear()
            t0 = time.perf_counter()
            result = printing.run_batch(
                db,
                printer,
                out=out,
                labels_out=out.with_suffix(".labels.pdf"),
                order_nos=[w.order_no for w in batch],
            )
            results[name], steps[name] = time.perf_counter() - t0, dict(TIMES)
            assert len(result.printed) == len(batch) and not result.packing_labels
            print(
                f"batch of {len(batch):,} orders {name}: {results[name]:.2f} s "
                f"(stage move {TIMES.get('move', 0) * 1000:.0f} ms)"
            )
        backend = db.url.get_backend_name()
        plain, pool = steps["without a pool"], steps["from the pools"]
        added = pool["plan"] + pool["claim"] + pool["move"] - plain["move"]
        print(
            f"{backend}: pool batch − plain batch = "
            f"{results['from the pools'] - results['without a pool']:+.2f} s; the pool's steps: "
            f"plan {pool['plan'] * 1000:.0f} ms (read), claim {pool['claim'] * 1000:.0f} ms + "
            f"stage move with the numbers {pool['move'] * 1000:.0f} ms against "
            f"{plain['move'] * 1000:.0f} ms without (in the write); added by the pool "
            f"{added:.2f} s"
        )
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
