"""While a 2,000-order reprint runs, how long does a note added on another PC wait?

    python benchmarks/bench_reprint_lock.py [--db postgresql://…/afterdesk_bench_reprint]
                                            [--orders 8000] [--reprint 2000]

A second process (another PC: its own connection) adds a note every 50 ms for as long as
the reprint runs and reports how long each took. The reprint draws from a read and records
in one short write (services/dispatch/recording.py), so a note waits at most for that
recording, never for the drawing. Prints its figures; asserts nothing. Target (issue 9):
every note < 0.5 s on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.models import Role
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import records as print_records
from benchmarks._common import ROOT, demo_database, header, percentile

PG_BENCH = "postgresql://postgres@127.0.0.1:5432/afterdesk_bench_reprint"

# the other PC: adds notes until the stop file appears, then prints when each began and its
# wait in ms
OTHER_PC = """
import json, sys, time
from pathlib import Path
from app.db import Database
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.orders import notes
url, order_no, stop, ready = sys.argv[1:5]
db = Database(url)
user = db.read(lambda s: next(u for u in accounts.list_users(s) if u.username == "presales"))
actor = Actor(user.id, user.username, user.display_name, user.roles)
waits = []
Path(ready).touch()
while not Path(stop).exists():
    at, start = time.time(), time.perf_counter()
    db.write(lambda s: notes.add(s, actor, order_no, "客户来电询问发货时间"))
    waits.append((at, (time.perf_counter() - start) * 1000))
    time.sleep(0.05)
print(json.dumps(waits))
"""


def _printer(db) -> Actor:  # type: ignore[no-untyped-def]
    user = db.read(lambda s: next(u for u in accounts.list_users(s) if u.username == "printer"))
    assert Role.PRINTER in user.roles
    return Actor(user.id, user.username, user.display_name, user.roles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=PG_BENCH, help="database URL (default %(default)s)")
    parser.add_argument("--orders", type=int, default=8000, help="orders in the demo")
    parser.add_argument("--reprint", type=int, default=2000, help="orders in the reprint")
    args = parser.parse_args()
    url, orders, wanted = args.db, args.orders, args.reprint
    header("a note on another PC while a 2,000-order reprint runs", url, orders)
    db = demo_database(url, orders)
    printer = _printer(db)
    folder = Path(tempfile.mkdtemp(prefix="afterdesk-bench-"))
    waiting = [w.order_no for w in db.read(lambda s: printing.waiting(s, cutoff=""))]
    if len(waiting) < wanted:
        raise SystemExit(f"only {len(waiting)} orders wait to print: use more --orders")
    batch = printing.run_batch(db, printer, out=folder / "batch.pdf", order_nos=waiting[:wanted])
    print(f"  batch {batch.batch_no}: {len(batch.printed):,} orders printed", flush=True)

    stop, ready = folder / "stop", folder / "ready"
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PC, url, batch.printed[-1], str(stop), str(ready)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    while not ready.exists():
        time.sleep(0.05)
    writes: list[tuple[float, float]] = []  # when the reprint's write transactions ran
    write = db.write

    def timed_write(fn):  # type: ignore[no-untyped-def]
        began = time.time()
        try:
            return write(fn)
        finally:
            writes.append((began, time.time()))

    db.write = timed_write  # type: ignore[method-assign]
    start = time.perf_counter()
    done = print_records.run_reprint(
        db, printer, reason="基准测试", batch_no=batch.batch_no, out=folder / "again.pdf"
    )
    took = time.perf_counter() - start
    stop.touch()
    timeline = json.loads(other.communicate()[0])
    waits = [w for _, w in timeline]
    print(f"  reprint of {len(done.order_nos):,} orders: {took:.1f} s", flush=True)
    # a note that overlapped the reprint's write may have waited for its lock; the others
    # waited only for a CPU shared with the drawing (two drawing processes on two cores)
    locked = [w for at, w in timeline if any(at <= e and at + w / 1000 >= b for b, e in writes)]
    print(
        f"  the reprint's write: {sum(e - b for b, e in writes) * 1000:.0f} ms; notes overlapping "
        f"it: n={len(locked)} max {max(locked, default=0):.1f} ms; the others max "
        f"{max((w for w in waits if w not in locked), default=0):.1f} ms",
        flush=True,
    )
    print(
        f"  notes added meanwhile: n={len(waits)}  p50 {percentile(waits, 0.5):.1f} ms  "
        f"p95 {percentile(waits, 0.95):.1f} ms  max {max(waits):.1f} ms  "
        f"target max < 500 ms: {'met' if max(waits) < 500 else 'NOT met'}",
        flush=True,
    )
    db.dispose()


if __name__ == "__main__":
    main()
