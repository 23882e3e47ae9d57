"""Several PCs at once: processes writing notes and editing the same orders.

Nothing may be lost, nobody may see "database is locked", and a stale edit must
come back as a conflict naming who changed the order.
"""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest

from app.db import Database
from app.models import Role, Stage
from app.models.errors import Conflict, UserError
from app.services.core.actor import Actor
from app.services.orders import editing, notes
from app.services.orders import lookup as orders

WORKERS = 4
ROUNDS = 6


def _worker(url: str, me: Actor, order_nos: list[str], barrier, results) -> None:  # type: ignore[no-untyped-def]
    db = Database(url)
    outcome = {"notes": 0, "edits": 0, "conflicts": 0, "errors": []}
    try:
        for rnd in range(ROUNDS):
            target = order_nos[rnd % len(order_nos)]
            for order_no in order_nos:
                db.write(
                    lambda s, o=order_no, r=rnd: notes.add(
                        s, me, o, f"{me.username}-{os.getpid()}-{r}"
                    )
                )
                outcome["notes"] += 1
            seen = db.read(lambda s, t=target: orders.get(s, t))
            barrier.wait(timeout=60)  # everyone holds the same version now
            try:
                db.write(
                    lambda s, t=target, v=seen.version, r=rnd: editing.set_tracking(
                        s,
                        me,
                        t,
                        courier="顺丰速运",
                        tracking_no=f"SF{os.getpid()}{r:04d}",
                        expected_version=v,
                    )
                )
                outcome["edits"] += 1
            except Conflict as exc:
                outcome["conflicts"] += 1
                assert "changed by" in str(exc)
    except UserError as exc:  # e.g. "database stayed busy": must never happen
        outcome["errors"].append(f"{type(exc).__name__}: {exc}")
    except Exception as exc:
        outcome["errors"].append(repr(exc))
    finally:
        db.dispose()
        results.put(outcome)


@pytest.mark.slow
def test_processes_share_orders_without_losing_anything(shop_db, shop_staff, db_url) -> None:
    order_nos = [
        r.order_no
        for r in shop_db.read(lambda s: orders.list_page(s, stage=Stage.PRINTED, limit=3))
    ]
    before = {o: len(shop_db.read(lambda s, o=o: notes.for_order(s, o))) for o in order_nos}
    printer = shop_staff[Role.PRINTER]
    # the same person on four PCs: each process acts as the printer
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(WORKERS), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(db_url, printer, order_nos, barrier, results))
        for _ in range(WORKERS)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert [o["errors"] for o in outcomes] == [[]] * WORKERS
    # every note written is there
    total_notes = sum(o["notes"] for o in outcomes)
    after = {o: len(shop_db.read(lambda s, o=o: notes.for_order(s, o))) for o in order_nos}
    assert sum(after.values()) - sum(before.values()) == total_notes == WORKERS * ROUNDS * 3
    # exactly one edit per round wins; the others are told of the conflict
    assert sum(o["edits"] for o in outcomes) == ROUNDS
    assert sum(o["conflicts"] for o in outcomes) == ROUNDS * (WORKERS - 1)
    # each order's version counts exactly the edits that won
    versions = [shop_db.read(lambda s, o=o: orders.get(s, o)).version for o in order_nos]
    assert sum(v - 1 for v in versions) == ROUNDS
    from app.services.core import audit

    assert shop_db.read(audit.verify).ok
