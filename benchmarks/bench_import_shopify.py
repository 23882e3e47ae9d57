"""Importing a 10,000-order Shopify export into the database (issue 10, target < 5 s).

    python benchmarks/bench_import_shopify.py [--orders 10000] [--dir DIR] [--db URL ...]

For each database (default: a SQLite file and the PostgreSQL bench database), in a process of
its own: a fresh database with the demo's staff and 100 orders; then the Shopify
``orders_export.csv`` of ``make_platform_exports.py`` (about 1.4 rows an order, a twentieth of
the orders with a multi-line Notes memo) into a new shop ("first", every order new, while
another PC adds a note every 0.1 s), and the same orders again in a file that is not byte for
byte the same ("unchanged"). Timed from ``open_reading`` to the end of
``merge.import_orders``, as the Import page and ``afterdesk import orders`` do it. Figures in
benchmarks/IMPORTS.md.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import label, recreate  # noqa: E402
from benchmarks.bench_import import (  # noqa: E402
    _import,
    _unchanged_copy,
    arguments,
    each_database,
    step_line,
)

SHOP = "Bench Shopify"


def child(url: str, folder: Path, orders: int) -> None:
    from app import migrations
    from app.db import Database
    from app.services.core import demo
    from benchmarks.make_platform_exports import write_shopify

    made = folder / f"shopify-{orders}"
    export = made / "orders_export.csv"
    if not export.exists():
        write_shopify(made, orders)
    again = _unchanged_copy([export], folder / f"shopify-{orders}-again")
    recreate(url)
    db = Database(url)
    migrations.upgrade(db)
    db.write(lambda s: demo.fill(s, 100))
    db.dispose()
    result = {"db": label(url), "orders": orders, "mb": export.stat().st_size / 1e6}
    result["first"] = _import(url, [export], with_notes=True, shop=SHOP)
    result["unchanged"] = _import(url, again, with_notes=False, shop=SHOP)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result, ensure_ascii=False), flush=True)


def main() -> None:
    args = arguments(__doc__, 10_000)
    if args.child:
        child(args.child, args.dir, args.orders)
        return
    for r in each_database(__file__, args):
        print(
            f"{r['db']}: {r['orders']:,} Shopify orders, {r['mb']:.1f} MB "
            f"(peak {r['peak_mb']:.0f} MB)"
        )
        for step in ("first", "unchanged"):
            print(step_line(step, r[step]), flush=True)


if __name__ == "__main__":
    main()
