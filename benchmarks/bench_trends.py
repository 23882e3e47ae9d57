"""Trend charts (issue 13 §5): twelve weeks of figures per shop in under a second.

    python benchmarks/bench_trends.py [--db URL] [--orders 1000000] [--samples 20]

The demo's 1,000,000 orders are paid within the last 30 days, so every one of them falls in
the charts' twelve weeks (the worst case: a shop's whole history inside the window). The
100,000 cases of the after-sales benchmark (bench_cases._fill) are spread over the twelve
weeks, half of them refunded, a third of those for quality. Uses its own databases
(``…bench-trends``), like the after-sales benchmark, since it rewrites the cases.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from _common import arguments, demo_database, header, report, timed
from bench_cases import _fill
from sqlalchemy import bindparam, delete, insert, select, update

from app import migrations
from app.models import Case, Order, Role, Shop, User
from app.services.core.actor import Actor
from app.services.supervision import trends
from app.services.supervision.trends import Measure

CASES = 100_000
TARGET_MS = 1000


def spread_cases(db, seed: int) -> None:  # type: ignore[no-untyped-def]
    """Opened over the last twelve weeks; every second one refunded 1–120 hours later."""
    rng = random.Random(seed)
    now = datetime.now(UTC)

    def work(session):  # type: ignore[no-untyped-def]
        ids = list(session.execute(select(Case.id)).scalars())
        rows = []
        for cid in ids:
            opened = now - timedelta(seconds=rng.randrange(84 * 24 * 3600))
            refunded = opened + timedelta(hours=rng.randrange(1, 120))
            refund = cid % 2 == 0 and refunded < now
            rows.append(
                {
                    "cid": cid,
                    "o": opened,
                    "r": refunded if refund else None,
                    "a": Decimal("59.00") if refund else None,
                }
            )
        statement = (
            update(Case.__table__)
            .where(Case.__table__.c.id == bindparam("cid"))
            .values(
                opened_at=bindparam("o"), refund_at=bindparam("r"), refund_amount=bindparam("a")
            )
        )
        for chunk in range(0, len(rows), 10_000):
            session.execute(statement, rows[chunk : chunk + 10_000])

    db.write(work)
    db.refresh_statistics(("cases",))


COMPLAINTS = 20_000
DISPUTES = 2_000
CATEGORIES = ("发错货", "质量问题", "物流", "态度", "少件", "其他")


def fill_service(db, seed: int) -> None:  # type: ignore[no-untyped-def]
    """20,000 complaints and 2,000 disputes over the twelve weeks (issue 13's speed figures)."""
    from app.models import Complaint, Dispute

    rng = random.Random(seed)
    now = datetime.now(UTC)

    def work(session):  # type: ignore[no-untyped-def]
        # rows of an earlier run (this writes no complaint steps: they are append-only)
        session.execute(delete(Complaint))
        session.execute(delete(Dispute))
        user = session.execute(select(User).where(User.username == "aftersales")).scalar_one()
        shops = list(session.execute(select(Shop.id)).scalars())
        top = session.execute(select(Order.id).order_by(Order.id.desc()).limit(1)).scalar_one()
        rows = []
        for i in range(COMPLAINTS):
            opened = now - timedelta(seconds=rng.randrange(84 * 24 * 3600))
            due = opened + timedelta(hours=rng.choice((2, 24, 48)))
            answered = opened + timedelta(minutes=rng.randrange(10, 3000))
            rows.append(
                {
                    "complaint_no": f"TS{opened:%Y%m%d}-{i:05d}",
                    "channel": "phone", "customer": "王芳", "shop_id": rng.choice(shops),
                    "category": rng.choice(CATEGORIES), "priority": "general", "text": "",
                    "state": "responded" if answered < now else "open",
                    "owner_id": user.id, "owner_name": user.display_name,
                    "respond_due": due, "resolve_due": due + timedelta(days=2),
                    "responded_at": answered if answered < now else None,
                    "opened_by_id": user.id, "opened_by": user.display_name, "opened_at": opened,
                    "version": 1,
                }
            )  # fmt: skip
        for chunk in range(0, len(rows), 5000):
            session.execute(insert(Complaint), rows[chunk : chunk + 5000])
        disputes = []
        for i in range(DISPUTES):
            opened = now - timedelta(seconds=rng.randrange(84 * 24 * 3600))
            decided = opened + timedelta(days=rng.randrange(1, 10))
            disputes.append(
                {
                    "order_id": rng.randrange(1, top + 1), "platform": "taobao",
                    "dispute_no": f"WQ{i:08d}", "deadline": opened + timedelta(days=3),
                    "claim": "未收到货", "owner_id": user.id, "owner_name": user.display_name,
                    "opened_by": user.display_name, "opened_at": opened,
                    "outcome": rng.choice(("won", "lost")) if decided < now else None,
                    "outcome_note": "", "outcome_at": decided if decided < now else None,
                    "version": 1,
                }
            )  # fmt: skip
        session.execute(insert(Dispute), disputes)

    db.write(work)
    db.refresh_statistics(("complaints", "disputes"))


def main() -> None:
    args = arguments(__doc__ or "", samples=20)
    if args.db.endswith("afterdesk-bench.sqlite"):
        args.db = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-trends.sqlite'}"
    elif args.db.endswith("/afterdesk_bench"):
        args.db += "_trends"
    db = demo_database(args.db, args.orders)
    migrations.upgrade(db)
    header("trends", args.db, args.orders)
    start = time.perf_counter()
    _fill(db, CASES, args.seed)
    spread_cases(db, args.seed)
    fill_service(db, args.seed)
    print(
        f"  ({CASES:,} cases, {COMPLAINTS:,} complaints, {DISPUTES:,} disputes in "
        f"{time.perf_counter() - start:.1f} s)"
    )

    def read(session):  # type: ignore[no-untyped-def]
        user = session.execute(select(User).where(User.username == "supervisor")).scalar_one()
        shop = session.execute(select(Shop.id).order_by(Shop.id).limit(1)).scalar_one()
        in_shop = session.execute(
            select(Order.shop_id, Order.id).where(Order.shop_id == shop).limit(1)
        ).first()
        return Actor(user.id, user.username, user.display_name, frozenset({Role.SUPERVISOR})), (
            in_shop[0] if in_shop else shop
        )

    actor, shop_id = db.read(read)
    now = datetime.now(UTC)
    every = db.read(lambda s: trends.figures(s, actor, now))
    print(
        f"  (twelve weeks, every shop: {sum(w.paid_orders for w in every.weeks):,} paid orders, "
        f"{sum(w.refunds for w in every.weeks):,} refunds)"
    )
    for title, shop in (("every shop", None), ("one shop", shop_id)):
        cpu: list[float] = []
        report(
            f"12 weeks' figures, {title}",
            [
                cpu_timed(lambda s=shop: db.read(lambda x: trends.figures(x, actor, now, s)), cpu)
                for _ in range(args.samples)
            ],
            TARGET_MS,
        )
        report("  CPU time of this process (SQLite: the query's own work)", cpu)
    busiest = max(every.weeks, key=lambda w: w.refunds).week
    listed = db.read(lambda s: trends.counted_cases(s, actor, Measure.REFUND_RATE, busiest))
    report(
        f"a bar's list ({len(listed):,} refunded cases of a week)",
        [
            timed(
                lambda: db.read(
                    lambda s: trends.counted_cases(s, actor, Measure.REFUND_RATE, busiest)
                )
            )
            for _ in range(max(3, args.samples // 4))
        ],
        TARGET_MS,
    )
    for title, shop in (("every shop", None), ("one shop", shop_id)):
        report(
            f"the Trends tab, {title}: read and drawn on screen",
            screen_times(db, actor, max(3, args.samples // 4), shop),
            TARGET_MS,
        )
    db.dispose()


def cpu_timed(fn, cpu: list[float]) -> float:  # type: ignore[no-untyped-def]
    """Wall milliseconds; the process's CPU milliseconds appended to ``cpu``: on a machine
    shared with other jobs the wall time includes the waits for a core, the CPU time not."""
    start = time.process_time()
    wall = timed(fn)
    cpu.append((time.process_time() - start) * 1000)
    return wall


def screen_times(db, actor: Actor, samples: int, shop_id: int | None) -> list[float]:  # type: ignore[no-untyped-def]
    """From the panel asking for the figures to its charts drawn (offscreen Qt), every shop's
    or, chosen in the panel's list of shops, one shop's."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from app.views.kit.ops import bind_database, wait_for_ops

    app = QApplication.instance() or QApplication([])
    bind_database(db)
    start = time.perf_counter()
    from app.views.supervision.trends_panel import TrendsPanel  # Qt Charts loads here

    panel = TrendsPanel(actor)
    panel.resize(1300, 740)
    panel.show()
    times, cpu = [], []
    for i in range(samples + 1):
        loop = QEventLoop()
        panel.loaded.connect(loop.quit)
        if i:
            start, cpu_start = time.perf_counter(), time.process_time()
            panel.load()
        loop.exec()
        panel.loaded.disconnect(loop.quit)
        app.processEvents()  # the charts paint
        times.append((time.perf_counter() - start) * 1000)
        if i:
            cpu.append((time.process_time() - cpu_start) * 1000)
        elif shop_id is not None:  # the person chooses the shop (its figures then load)
            while panel.shop.findData(shop_id) < 0:
                app.processEvents()
            loop = QEventLoop()
            panel.loaded.connect(loop.quit)
            panel.shop.setCurrentIndex(panel.shop.findData(shop_id))
            loop.exec()
            panel.loaded.disconnect(loop.quit)
    print(f"  (the panel's first opening, with Qt Charts' loading in the first: {times[0]:.0f} ms)")
    report("  CPU time of this process (SQLite: query and drawing)", cpu)
    wait_for_ops()
    bind_database(None)
    return times[1:]


if __name__ == "__main__":
    main()
