"""Supervision speed (issue 13): My tasks and the daily review, first page, as screens.

    python benchmarks/bench_supervision.py [--db URL] [--orders 1000000] [--samples 30]

At 1,000,000 orders, 100,000 cases (bench_cases' mix of states and kinds, spread over 400
days), 20,000 complaints (over the same 400 days; those older than two weeks followed up and
closed) and 50 staff (cases and complaints spread over 20 after-sales people): My tasks of an
after-sales person and the supervisor's daily review each show their first page < 200 ms,
timed from the reload to the page's "loaded" signal (offscreen, through the operation runner
and its worker thread), and the services alone below them. My tasks the first time, as a
person waits for it every morning, is timed in fresh processes of the desktop app from the
click on Sign in to its first rows (cold_tasks.py). Uses its own databases
(``…bench-supervision``), so the other benchmarks' databases keep their schema.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from _common import ROOT, arguments, demo_database, header, report, timed
from bench_cases import _fill
from sqlalchemy import event, func, insert, select, update

from app import migrations
from app.models import Case, CaseState, Complaint, ComplaintState, Order, Role, User, UserRole
from app.models.complaint_enums import DEFAULT_CATEGORIES, Channel, Priority
from app.services.core.actor import Actor
from app.services.supervision import review as reviews
from app.services.supervision import tasks as task_lists

STAFF = 50
AFTERSALES = 20
COMPLAINTS = 20_000
TYPING_S = 2.0  # the sign-in dialog is up that long before the click: a password typed
LOOKING_S = 3.0  # a supervisor looks at a page that long before opening the next


def _staff(db) -> list[int]:  # type: ignore[no-untyped-def]
    """50 accounts in all (the demo's six and 44 more); the after-sales people's ids."""

    def work(session):  # type: ignore[no-untyped-def]
        demo = session.execute(select(User).where(User.username == "aftersales")).scalar_one()
        have = session.execute(select(User.id).where(User.username.like("bench%"))).all()
        if not have:
            for n in range(STAFF - 6):
                role = Role.AFTERSALES if n < AFTERSALES - 1 else Role.PRESALES
                user_id = session.execute(
                    insert(User).returning(User.id),
                    [
                        {
                            "username": f"bench{n:02d}",
                            "display_name": f"员工{n:02d}",
                            "signature_key": f"bench-{n:02d}",
                            "password_hash": demo.password_hash,
                            "active": True,
                            "created_at": demo.created_at,
                            "version": 1,
                        }
                    ],
                ).scalar_one()
                session.execute(insert(UserRole), [{"user_id": user_id, "role": role.value}])
        ids = session.execute(
            select(UserRole.user_id).where(UserRole.role == Role.AFTERSALES.value)
        ).scalars()
        return sorted(set(ids))

    return list(db.write(work))


def _spread(db, people: list[int], seed: int) -> None:  # type: ignore[no-untyped-def]
    """Each case opened by one of the after-sales people; cases older than two weeks are
    settled (refunded or closed), as a working shop's are: bench_cases' mix leaves 1 in 7 of
    400 days' cases waiting for a refund, which no shop has."""
    rng = random.Random(seed)

    def work(session):  # type: ignore[no-untyped-def]
        newest = session.execute(select(func.max(Case.opened_at))).scalar_one()
        settled = newest - timedelta(days=14)
        session.execute(
            update(Case)
            .where(Case.opened_at < settled, Case.id % 2 == 0)
            .values(state=CaseState.CLOSED.value)
        )
        session.execute(
            update(Case)
            .where(Case.opened_at < settled, Case.id % 2 == 1)
            .values(state=CaseState.REFUNDED.value)
        )
        ids = session.execute(select(Case.id)).scalars().all()
        by: dict[int, list[int]] = {}
        for case_id in ids:
            by.setdefault(rng.choice(people), []).append(case_id)
        for person, cases in by.items():
            for i in range(0, len(cases), 5000):
                session.execute(
                    update(Case).where(Case.id.in_(cases[i : i + 5000])).values(opened_by_id=person)
                )

    db.write(work)
    db.refresh_statistics(("cases",))


def _complaints(db, people: list[int], seed: int) -> None:  # type: ignore[no-untyped-def]
    """20,000 complaints over the cases' 400 days (one in three on an order), owned by the
    after-sales people; those older than two weeks followed up and closed, the recent ones
    spread over waiting, responded and resolved. Added once."""
    rng = random.Random(seed + 1)

    def work(session):  # type: ignore[no-untyped-def]
        if session.execute(select(Complaint.id).limit(1)).first() is not None:
            return
        newest = session.execute(select(func.max(Case.opened_at))).scalar_one()
        names = dict(session.execute(select(User.id, User.display_name)).all())
        top = session.execute(select(func.max(Order.id))).scalar_one()
        order_ids = rng.sample(range(1, top + 1), COMPLAINTS // 3)
        shops = dict(
            session.execute(select(Order.id, Order.shop_id).where(Order.id.in_(order_ids))).all()
        )
        span = timedelta(days=400) / COMPLAINTS
        recent = [ComplaintState.OPEN, ComplaintState.RESPONDED, ComplaintState.RESOLVED]
        rows = []
        for i in range(COMPLAINTS):
            at = newest - span * (COMPLAINTS - 1 - i)
            fresh = newest - at < timedelta(days=14)
            state = rng.choice(recent) if fresh else ComplaintState.CLOSED
            owner = rng.choice(people)
            order_id = order_ids[i // 3] if i % 3 == 0 and i // 3 < len(order_ids) else None
            responded = at + timedelta(hours=1) if state is not ComplaintState.OPEN else None
            rows.append(
                {
                    "complaint_no": f"TS{at:%Y%m%d}-{i:05d}",
                    "channel": rng.choice(list(Channel)).value,
                    "customer": f"买家{i:05d}",
                    "order_id": order_id,
                    "shop_id": shops.get(order_id) if order_id else None,
                    "category": rng.choice(DEFAULT_CATEGORIES),
                    "priority": rng.choice(list(Priority)).value,
                    "text": "发货太慢",
                    "state": state.value,
                    "owner_id": owner,
                    "owner_name": names[owner],
                    "respond_due": at + timedelta(hours=24),
                    "resolve_due": at + timedelta(hours=48),
                    "responded_by": names[owner] if responded else None,
                    "responded_at": responded,
                    "opened_by_id": owner,
                    "opened_by": names[owner],
                    "opened_at": at,
                    "version": 1,
                }
            )
        for chunk in range(0, len(rows), 5000):
            session.execute(insert(Complaint), rows[chunk : chunk + 5000])

    db.write(work)
    db.refresh_statistics(("complaints",))


def _queries(db) -> list[str]:  # type: ignore[no-untyped-def]
    """Every statement the database runs from now on (to count a page's queries)."""
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    return seen


def _actor(db, username: str) -> Actor:  # type: ignore[no-untyped-def]
    user = db.read(lambda s: s.execute(select(User).where(User.username == username)).scalar_one())
    return Actor(user.id, user.username, user.display_name, frozenset(user.role_set))


def main() -> None:
    args = arguments(__doc__ or "", samples=30)
    if args.db.endswith("afterdesk-bench.sqlite"):
        args.db = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-supervision.sqlite'}"
    elif args.db.endswith("/afterdesk_bench"):
        args.db += "_supervision"
    db = demo_database(args.db, args.orders)
    migrations.upgrade(db)
    header("supervision", args.db, args.orders)
    start = time.perf_counter()
    if db.read(lambda s: s.execute(select(Case.id).limit(1)).first()) is None:
        _fill(db, 100_000, args.seed)
    people = _staff(db)
    _spread(db, people, args.seed)
    _complaints(db, people, args.seed)
    took = time.perf_counter() - start
    print(f"  (100,000 cases, {COMPLAINTS:,} complaints, {STAFF} staff, set up in {took:.1f} s)")
    clerk = _actor(db, "bench00")
    boss = _actor(db, "supervisor")
    mine = db.read(lambda s: task_lists.my_tasks(s, clerk))
    seen = db.read(lambda s: reviews.review(s, boss))
    open_ = {k.spec.kind.value: (k.open, k.overdue) for k in seen.lists}
    print(f"  (bench00 has {len(mine.tasks)} tasks on the first page; open/overdue {open_})")
    print(
        f"  (bench00's kinds shown/open: {[(c.kind.value, c.shown, c.open) for c in mine.counts]})"
    )
    report(
        "service: My tasks, first page (50 of each kind)",
        [
            timed(lambda: db.read(lambda s: task_lists.my_tasks(s, clerk, counts=False)))
            for _ in range(args.samples)
        ],
        200,
    )
    page = db.read(lambda s: task_lists.my_tasks(s, clerk, counts=False))
    report(
        "service: My tasks, then the counts of full pages",
        [
            timed(lambda: db.read(lambda s: task_lists.counted(s, clerk, page)))
            for _ in range(args.samples)
        ],
    )
    printer = _actor(db, "printer")  # a backlog of unprinted orders, beside requests
    report(
        "service: the printer's My tasks, first page",
        [
            timed(lambda: db.read(lambda s: task_lists.my_tasks(s, printer, counts=False)))
            for _ in range(args.samples)
        ],
        200,
    )
    report(
        "service: the printer's My tasks, with counts",
        [
            timed(lambda: db.read(lambda s: task_lists.my_tasks(s, printer)))
            for _ in range(args.samples)
        ],
    )
    first = db.read(lambda s: reviews.review(s, boss, limit=50, counts=False))
    queries = _queries(db)
    db.read(lambda s: task_lists.my_tasks(s, clerk, counts=False))
    mine_q = len(queries)
    queries.clear()
    db.read(lambda s: reviews.review(s, boss, limit=50, counts=False))
    print(f"  (queries: My tasks {mine_q}, the review's first pages {len(queries)})")
    queries.clear()
    report(
        "service: daily review, first page (50) of each kind",
        [
            timed(lambda: db.read(lambda s: reviews.review(s, boss, limit=50, counts=False)))
            for _ in range(args.samples)
        ],
        200,
    )
    report(
        "service: daily review, then the counts of full pages",
        [
            timed(lambda: db.read(lambda s: reviews.counted(s, boss, first.lists, first.now)))
            for _ in range(args.samples)
        ],
    )
    screens(db, clerk, boss, args.samples)
    db.dispose()
    cold(args.db, min(args.samples, 10))


def cold(url: str, runs: int) -> None:
    """My tasks the first time, in ``runs`` fresh processes of the desktop app (bench00); then
    the supervisor's (the demo's 陈静) first openings of the daily review and of Trends."""
    ms = _fresh_runs(url, runs, "bench00")
    report("fresh app: click on Sign in → My tasks' rows", [m["rows"] for m in ms], 200)
    report("fresh app: password checked → My tasks' rows", [m["rows"] - m["signed"] for m in ms])
    report("fresh app: main window shown → My tasks' rows", [m["rows"] - m["shown"] for m in ms])
    ms = _fresh_runs(url, runs, "supervisor", LOOKING_S)
    report("fresh app: supervisor's Sign in → My tasks' rows", [m["rows"] for m in ms], 200)
    report("fresh app: daily review's first opening → rows", [m["review"] for m in ms], 200)
    report("fresh app: first opening of Trends → charts drawn", [m["trends"] for m in ms], 1000)


def _fresh_runs(url: str, runs: int, username: str, looking_s: float = 0.0) -> list[dict]:
    marks = []
    with tempfile.TemporaryDirectory() as config:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        env["AFTERDESK_CONFIG_DIR"] = config
        command = [sys.executable, str(ROOT / "benchmarks" / "cold_tasks.py"), url]
        for _ in range(runs):
            child = subprocess.run(
                [*command, username, "demo", str(TYPING_S), str(looking_s)],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            line = next((x for x in child.stdout.splitlines() if x.startswith("MARKS ")), None)
            if line is None:
                raise SystemExit(f"My tasks showed no rows in a fresh process:\n{child.stderr}")
            marks.append(json.loads(line[6:]))
    return [{k: v * 1000 for k, v in m.items()} for m in marks]


def screens(db, clerk: Actor, boss: Actor, samples: int) -> None:  # type: ignore[no-untyped-def]
    """The pages as a person sees them: offscreen, through the runner's worker."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.views.kit.ops import bind_database, wait_for_ops
    from app.views.supervision.my_tasks_page import MyTasksPage
    from app.views.supervision.review_page import ReviewPage

    app = QApplication.instance() or QApplication([])
    bind_database(db)

    def until(signal, start) -> float:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(20_000, loop.quit)
        begin = time.perf_counter()
        start()
        loop.exec()
        signal.disconnect(loop.quit)
        return (time.perf_counter() - begin) * 1000

    def rows_then_counts(page) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        """From the reload to the rows shown, and to their counts shown (ms)."""
        marks: dict[str, float] = {}
        loop = QEventLoop()

        def counted() -> None:
            marks["counts"] = time.perf_counter()
            loop.quit()

        def shown() -> None:
            marks.setdefault("rows", time.perf_counter())

        page.review_loaded.connect(shown)
        page.counts_loaded.connect(counted)
        QTimer.singleShot(20_000, loop.quit)
        begin = time.perf_counter()
        page.reload()
        loop.exec()
        page.review_loaded.disconnect(shown)
        page.counts_loaded.disconnect(counted)
        return (marks["rows"] - begin) * 1000, (marks["counts"] - begin) * 1000

    loop_times = []  # each page built inside the timing, as at sign-in
    for _ in range(min(samples, 10)):
        loop = QEventLoop()
        begin = time.perf_counter()
        page = MyTasksPage(clerk)
        page.tasks_loaded.connect(loop.quit)
        page.resize(1300, 700)
        page.show()
        QTimer.singleShot(20_000, loop.quit)
        loop.exec()
        loop_times.append((time.perf_counter() - begin) * 1000)
        page.close()
        page.deleteLater()
    report("screen: My tasks built and shown with its first page", loop_times, 200)
    tasks = MyTasksPage(clerk)
    tasks.show()
    until(tasks.tasks_loaded, lambda: None)
    report(
        "screen: My tasks reloaded (a change seen)",
        [until(tasks.tasks_loaded, tasks.reload) for _ in range(samples)],
        200,
    )
    review = ReviewPage(boss)
    review.resize(1300, 700)
    review.show()
    until(review.counts_loaded, lambda: None)
    rows, counts = zip(*(rows_then_counts(review) for _ in range(samples)), strict=True)
    report("screen: daily review reloaded, first page of each kind", rows, 200)
    report("screen: daily review reloaded, then the counts shown", counts)
    wait_for_ops()
    tasks.close()
    review.close()
    app.processEvents()
    bind_database(None)


if __name__ == "__main__":
    main()
