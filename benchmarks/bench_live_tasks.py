"""Live task lists (issue 13): from a commit on one PC to the row shown on another.

    python benchmarks/bench_live_tasks.py [--db URL] [--orders 1000000] [--samples 30]

This process is the PC that shows: the printer's My tasks and the supervisor's daily review,
offscreen, with the app's live updates (PostgreSQL: LISTEN/NOTIFY read on the GUI thread;
SQLite: the change feed polled every second). A second process is the other PC: on each
turn it records a cancellation the customer confirmed, which puts a request with the printer
(a task that just became due), and prints the wall-clock time its commit returned. The figure
is from that commit to the request's row shown in My tasks, and in the review (both pages'
"loaded" signals, with the row in it). The promise: within 1 s on PostgreSQL, 3 s on SQLite.
Prints its figures; asserts nothing. Uses its own databases (``…bench-live``).
"""

from __future__ import annotations

import json
import os
import random
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, arguments, demo_database, header, report

# the other PC: on each line read, a confirmed cancellation of the next paid order; prints the
# request's id and when its commit returned. Its requests are taken off the printer's queue
# (done) when it ends, and any left by an earlier run when it starts.
OTHER_PC = """
import json, sys, time
from sqlalchemy import select
from app.db import Database
from app.models import ChangeRequest, RequestState, Stage
from app.models.errors import UserError
from app.services.changes import requests as changes
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
MARK = "bench-live"
url, samples = sys.argv[1], int(sys.argv[2])
db = Database(url)

def actor(name):
    user = db.read(lambda s: next(u for u in accounts.list_users(s) if u.username == name))
    return Actor(user.id, user.username, user.display_name, user.roles)

asker, printer = actor("presales"), actor("printer")

def clear():
    ids = db.read(lambda s: s.execute(select(ChangeRequest.id).where(
        ChangeRequest.state == RequestState.OPEN.value,
        ChangeRequest.summary.contains(MARK))).scalars().all())
    for request_id in ids:
        db.write(lambda s: changes.acknowledge(s, printer, request_id, MARK))

clear()
paid = iter(r.order_no for r in db.read(
    lambda s: orders.list_page(s, stage=Stage.PAID, limit=samples * 3 + 50)))
print("ready", flush=True)
for line in sys.stdin:
    while True:
        order_no = next(paid)
        try:
            made = db.write(lambda s: changes.request_cancel(
                s, asker, order_no, reason=MARK, confirmed=True))
            break
        except UserError:
            continue  # a cancellation under way already
    print(json.dumps([made.id, time.time()]), flush=True)
clear()
"""


def main() -> None:
    args = arguments(__doc__ or "", samples=30)
    if args.db.endswith("afterdesk-bench.sqlite"):
        args.db = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-live.sqlite'}"
    elif args.db.endswith("/afterdesk_bench"):
        args.db += "_live"
    db = demo_database(args.db, args.orders)
    header("live task lists", args.db, args.orders)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.models import Role
    from app.services.core import accounts
    from app.services.core.actor import Actor
    from app.services.supervision.deadlines import TaskKind
    from app.views.kit.live import LiveUpdates
    from app.views.kit.ops import bind_database, hub, wait_for_ops
    from app.views.supervision.my_tasks_page import MyTasksPage
    from app.views.supervision.review_page import ReviewPage

    app = QApplication.instance() or QApplication([])
    bind_database(db)
    users = {u.username: u for u in db.read(accounts.list_users)}
    people = {
        role: Actor(u.id, u.username, u.display_name, u.roles)
        for role in (Role.PRINTER, Role.SUPERVISOR)
        if (u := users[role.value])
    }
    tasks = MyTasksPage(people[Role.PRINTER])
    review = ReviewPage(people[Role.SUPERVISOR])
    shown: dict[str, dict[int, float]] = {"My tasks": {}, "Daily review": {}}

    def requests_in(rows) -> set[int]:  # type: ignore[no-untyped-def]
        return {int(t.key) for t in rows if t.kind is TaskKind.PRINTER_REQUEST}

    def tasks_loaded(_n: int) -> None:
        at = time.time()
        for request_id in requests_in(tasks.model._rows):
            shown["My tasks"].setdefault(request_id, at)

    def review_loaded() -> None:
        at = time.time()
        assert review.review is not None
        for kind in review.review.lists:
            for request_id in requests_in(kind.tasks):
                shown["Daily review"].setdefault(request_id, at)

    tasks.tasks_loaded.connect(tasks_loaded)
    review.review_loaded.connect(review_loaded)
    for page in (tasks, review):
        page.resize(1300, 700)
        page.show()
    live = LiveUpdates(db)
    live.changes_seen.connect(hub().changes_seen)

    def spin(until, seconds: float = 20.0) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: until() and loop.quit())
        timer.start(2)
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        timer.stop()

    listening: list[bool] = []
    live.listening_changed.connect(listening.append)
    live.start()
    if not db.is_sqlite:
        spin(lambda: bool(listening))
    spin(lambda: review.review is not None and tasks.listing is not None)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PC, args.db, str(args.samples)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert other.stdin is not None and other.stdout is not None
    if other.stdout.readline().strip() != "ready":
        raise SystemExit("the other PC did not start")
    latencies: dict[str, list[float]] = {"My tasks": [], "Daily review": []}
    rng = random.Random(args.seed)
    for _ in range(args.samples):
        # the pages settle from the last turn; a random wait, so the commits fall anywhere in
        # SQLite's poll interval rather than at one phase of it
        spin(lambda: False, 0.3 + rng.random())
        other.stdin.write("go\n")
        other.stdin.flush()
        made: list[tuple[int, float]] = []

        def seen(out=other.stdout, made=made) -> bool:  # type: ignore[no-untyped-def]
            if not made and select.select([out], [], [], 0)[0]:
                request_id, at = json.loads(out.readline())
                made.append((request_id, at))
            return bool(made) and all(made[0][0] in got for got in shown.values())

        spin(seen)
        if not made:
            raise SystemExit("the other PC recorded nothing")
        request_id, committed = made[0]
        for where, got in shown.items():
            if request_id in got:
                latencies[where].append((got[request_id] - committed) * 1000)
    other.stdin.close()
    other.wait(timeout=120)
    promise = 3_000 if db.is_sqlite else 1_000
    for where, values in latencies.items():
        if len(values) < args.samples:
            print(f"  {where}: {args.samples - len(values)} of {args.samples} not seen in 20 s")
        if values:
            report(f"commit on another PC → row in {where}", values, promise)
    live.stop()
    wait_for_ops()
    for page in (tasks, review):
        page.close()
    app.processEvents()
    bind_database(None)
    db.dispose()


if __name__ == "__main__":
    main()
