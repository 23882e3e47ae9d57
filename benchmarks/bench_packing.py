"""The packing desk's speed (issue 11 §2): scan to the order on screen, item scan to tick.

    python benchmarks/bench_packing.py [--db URL] [--orders 1000000] [--samples 200]

Targets at 1,000,000 orders: a dispatch note's scan to the order on the packing desk's
screen < 100 ms; an item's scan to its tick < 50 ms. Measured on the screen itself
(offscreen, through its operation runner and worker thread) and, below it, the service.
Every variant SKU of the demo gets a product barcode first, so half the item scans are
product barcodes. Uses its own databases (``…bench-packing``): packing changes orders.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from _common import arguments, demo_database, header, report, timed
from sqlalchemy import select

from app import migrations
from app.models import Order, Role, Shop, Stage, User
from app.services.core.actor import Actor
from app.services.core.demo_data import COLOURS, PRODUCTS
from app.services.packing import barcodes, desk


def _actor(db, username: str, role: Role) -> Actor:  # type: ignore[no-untyped-def]
    user = db.read(lambda s: s.execute(select(User).where(User.username == username)).scalar_one())
    return Actor(user.id, user.username, user.display_name, frozenset({role}))


def _barcodes(db, admin: Actor) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """An EAN-like barcode for every variant SKU of every shop; SKU → barcode."""
    skus = [
        f"{sku}-{colour}-{value}"
        for sku, _t, _p, _d, values in PRODUCTS
        for value in values
        for colour in COLOURS
    ]
    codes = {sku: f"69{n:011d}" for n, sku in enumerate(skus, 1)}
    shops = db.read(lambda s: list(s.execute(select(Shop.name)).scalars()))
    for shop in shops:
        pairs = [(n, code, sku) for n, (sku, code) in enumerate(codes.items(), 1)]
        db.write(lambda s, shop=shop, pairs=pairs: barcodes.load(s, admin, shop, pairs))
    return codes


def _printed(db, count: int, rng: random.Random) -> list[str]:  # type: ignore[no-untyped-def]
    """Printed orders with a waybill number, sampled across the table."""

    def pick(session):  # type: ignore[no-untyped-def]
        top = session.execute(select(Order.id).order_by(Order.id.desc()).limit(1)).scalar_one()
        found: list[str] = []
        while len(found) < count:
            start = rng.randrange(1, top)
            found += session.execute(
                select(Order.order_no)
                .where(
                    Order.id >= start,
                    Order.stage == Stage.PRINTED.value,
                    Order.tracking_no.is_not(None),
                )
                .order_by(Order.id)
                .limit(3)
            ).scalars()
        return found[:count]

    return db.read(pick)  # type: ignore[no-any-return]


def service_figures(  # type: ignore[no-untyped-def]
    db, warehouse: Actor, orders: list[str], codes: dict[str, str]
) -> None:
    report(
        "service: dispatch note → desk order (read)",
        [timed(lambda n=n: db.read(lambda s: desk.scan_order(s, warehouse, n))) for n in orders],
        100,
    )
    report(
        "service: unknown barcode refused (read)",
        [timed(lambda n=n: _refused(db, warehouse, f"9{n}")) for n in orders[:50]],
        100,
    )
    shown = [db.read(lambda s, n=n: desk.scan_order(s, warehouse, n)) for n in orders[:50]]
    times = []
    for order in shown:
        code = codes.get(order.lines[0].sku, order.lines[0].sku)
        times.append(timed(lambda o=order, c=code: desk.check_item(o, {}, c)))
    report("service: item scan → tick (no database)", times, 50)


def _refused(db, actor: Actor, code: str) -> None:  # type: ignore[no-untyped-def]
    try:
        db.read(lambda s: desk.scan_order(s, actor, code))
    except Exception:
        return


def screen_figures(  # type: ignore[no-untyped-def]
    db, warehouse: Actor, orders: list[str], codes: dict[str, str], pack: int
) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen's size-hint notes
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.views.kit.ops import bind_database, wait_for_ops
    from app.views.packing.packing_page import PackingPage

    app = QApplication.instance() or QApplication([])
    bind_database(db)

    def until(signal, start) -> float:  # type: ignore[no-untyped-def]
        """From the scan to the signal that the screen shows it (an item's tick is shown
        before the scan returns: no event loop is waited for then)."""
        loop = QEventLoop()
        end: list[float] = []

        def seen(*_args: object) -> None:
            end.append(time.perf_counter())
            loop.quit()

        signal.connect(seen)
        QTimer.singleShot(10_000, loop.quit)
        begin = time.perf_counter()
        start()
        if not end:
            loop.exec()
        signal.disconnect(seen)
        return ((end[0] if end else time.perf_counter()) - begin) * 1000

    page = PackingPage(warehouse)
    page.resize(1200, 800)
    page.show()
    to_screen, to_tick, to_packed = [], [], []
    for n, order_no in enumerate(orders):
        page.clear()
        to_screen.append(until(page.order_shown, lambda o=order_no: page.scan(o)))
        order = page.order
        if order is None or order.stops:
            continue
        for line in order.lines:
            for i in range(line.quantity):
                code = codes.get(line.sku, line.sku) if i % 2 == 0 else line.sku
                to_tick.append(until(page.item_checked, lambda c=code: page.scan(c)))
        if n < pack:  # the label's number: the one write
            to_packed.append(
                until(page.order_packed, lambda w=order.tracking_no: page.scan(str(w)))
            )
    report("screen: dispatch note scan → order on screen", to_screen, 100)
    report("screen: item scan → ticked on screen", to_tick, 50)
    if to_packed:
        report("screen: label scan → packed (one write; no target)", to_packed)
    wait_for_ops()
    page.close()
    app.processEvents()
    bind_database(None)


def main() -> None:
    args = arguments(__doc__ or "", samples=200)
    if args.db.endswith("afterdesk-bench.sqlite"):
        args.db = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-packing.sqlite'}"
    db = demo_database(args.db, args.orders)
    migrations.upgrade(db)
    header("packing desk", args.db, args.orders)
    warehouse = _actor(db, "warehouse", Role.WAREHOUSE)
    codes = _barcodes(db, _actor(db, "admin", Role.ADMIN))
    rng = random.Random(args.seed)
    orders = _printed(db, 2 * args.samples, rng)
    service_figures(db, warehouse, orders[: args.samples], codes)
    screen_figures(db, warehouse, orders[args.samples :], codes, pack=min(50, args.samples))
    db.dispose()


if __name__ == "__main__":
    main()
