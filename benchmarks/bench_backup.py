"""The daily backup of a large SQLite database while a person keeps working (issue 12 §5).

    python benchmarks/bench_backup.py [--db URL] [--orders 1000000] [--copy-from FILE]
                                      [--pages 0]

Another process adds a note to an order every 0.2 s, as a person at another screen would,
and times each of its writes; meanwhile ``backups.take`` copies the database (SQLite's
online backup), checks the copy (integrity_check, audit verify) and rotates the folder. The
figure is the writer's waits during the backup: the target is < 0.5 s at any moment.
``--pages N`` copies in steps of N pages instead (with a 5 ms pause), the way the backup
API is often used, to show why AfterDesk copies in one step: another connection's write
between two steps starts the copy over. ``--copy-from`` takes an existing bench database
(e.g. another benchmark's 1,000,000 orders) instead of loading the demo, and upgrades it.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import SQLITE_DEFAULT, demo_database, percentile
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app import migrations
from app.db import Database
from app.models import Order, Role, User
from app.services.core import backups
from app.services.core.actor import Actor
from app.services.orders import notes

BENCH_DB = SQLITE_DEFAULT.replace("afterdesk-bench.sqlite", "afterdesk-bench-backup.sqlite")


def writer(url: str, stop: Path) -> None:
    """The person at work: a note every 0.2 s; prints "epoch ms" per write."""
    db = Database(url)
    user = db.read(
        lambda s: s.execute(select(User).where(User.username == "presales")).scalar_one()
    )
    actor = Actor(user.id, user.username, user.display_name, frozenset({Role.PRESALES}))
    top = db.read(lambda s: s.execute(select(Order.order_no).limit(5000)).scalars().all())
    rng = random.Random(7)
    while not stop.exists():
        order_no = rng.choice(top)
        start = time.perf_counter()
        db.write(lambda s, o=order_no: notes.add(s, actor, o, "客户来电询问发货时间"))
        print(f"{time.time():.3f} {(time.perf_counter() - start) * 1000:.1f}", flush=True)
        time.sleep(0.2)
    db.dispose()


def stepped_copy(db_file: Path, target: Path, pages: int, limit_s: float = 120.0) -> str:
    """Copy in steps of ``pages``; how it went (finished, or restarted until given up)."""
    restarts, last_remaining, began = 0, None, time.perf_counter()

    def progress(_status: int, remaining: int, total: int) -> None:
        nonlocal restarts, last_remaining
        if last_remaining is not None and remaining > last_remaining:
            restarts += 1
        last_remaining = remaining
        if time.perf_counter() - began > limit_s:
            raise TimeoutError

    src, dest = sqlite3.connect(db_file), sqlite3.connect(target)
    try:
        src.backup(dest, pages=pages, progress=progress, sleep=0.005)
        outcome = f"finished in {time.perf_counter() - began:.1f} s"
    except TimeoutError:
        outcome = f"NOT finished after {limit_s:.0f} s"
    finally:
        src.close()
        dest.close()
    return f"{outcome}, {restarts} restarts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=BENCH_DB)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--copy-from", type=Path, help="an existing bench database to copy")
    parser.add_argument("--pages", type=int, default=0, help="copy in steps of N pages")
    parser.add_argument("--writer", nargs=2, metavar=("URL", "STOP"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer[0], Path(args.writer[1]))
        return
    db_file = Path(make_url(args.db).database or "")
    if args.copy_from:
        print(f"copying {args.copy_from} …", flush=True)
        for end in ("", "-wal", "-shm"):
            Path(f"{db_file}{end}").unlink(missing_ok=True)
        src, dest = sqlite3.connect(args.copy_from), sqlite3.connect(db_file)
        src.backup(dest)
        src.close()
        dest.close()
        db = Database(args.db)
        migrations.upgrade(db, backup_first=False)
    else:
        db = demo_database(args.db, args.orders)
    orders = db.read(lambda s: s.query(Order).count())
    size = db_file.stat().st_size / 2**20
    print(f"== backup while working · sqlite · {orders:,} orders · {size:,.0f} MiB", flush=True)
    work = Path(tempfile.mkdtemp(prefix="afterdesk-bench-backup-"))
    stop = work / "stop"
    person = subprocess.Popen(
        [sys.executable, __file__, "--writer", args.db, str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)  # the person's baseline
    began = time.time()
    if args.pages:
        outcome = stepped_copy(db_file, work / "stepped.sqlite", args.pages)
        print(f"  copy in steps of {args.pages} pages: {outcome}", flush=True)
    else:
        start = time.perf_counter()
        db.backup_to(work / "copy.sqlite")
        copied = time.perf_counter() - start
        start = time.perf_counter()
        checked = backups.check_file(work / "copy.sqlite")
        check = time.perf_counter() - start
        print(f"  copy (one backup step)       {copied:6.1f} s", flush=True)
        print(f"  check (integrity + audit of {checked.audit_entries:,} entries) {check:6.1f} s")
    ended = time.time()
    time.sleep(2)
    stop.touch()
    out, _ = person.communicate(timeout=60)
    rows = [tuple(map(float, line.split())) for line in out.splitlines() if line.strip()]
    # a write that was waiting while the backup ran counts, however late it ended
    during = [ms for at, ms in rows if began <= at and at - ms / 1000 <= ended]
    before = [ms for at, ms in rows if at < began]
    for title, values in (("the person's writes before", before), ("during the backup", during)):
        if values:
            print(
                f"  {title:<28} n={len(values):<4} p50 {statistics.median(values):7.1f} ms  "
                f"p95 {percentile(values, 0.95):7.1f} ms  max {max(values):7.1f} ms",
                flush=True,
            )
    slow = [ms for ms in during if ms >= 500]
    print(f"  waits of 0.5 s or more during the backup: {len(slow)}", flush=True)
    print(json.dumps({"during_max_ms": max(during, default=0), "slow": len(slow)}))
    db.dispose()


if __name__ == "__main__":
    main()
