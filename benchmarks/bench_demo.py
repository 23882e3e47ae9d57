"""``afterdesk demo --orders N`` on a fresh database: seconds and rows per second.

Target (issue 2): 1,000,000 orders in under 90 s.
"""

from __future__ import annotations

from _common import arguments, header, run_demo
from sqlalchemy import text

from app.db import Database

TARGET_S = 90.0


def main() -> None:
    args = arguments(__doc__ or "")
    header("demo load", args.db, args.orders)
    seconds = run_demo(args.db, args.orders)
    db = Database(args.db)

    def counts(session):  # type: ignore[no-untyped-def]
        return {
            t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("orders", "order_items", "name_grams", "notes")
        }

    rows = db.read(counts)
    db.dispose()
    total = sum(rows.values())
    verdict = "met" if seconds < TARGET_S or args.orders < 1_000_000 else "NOT met"
    print(f"  afterdesk demo --orders {args.orders:,}: {seconds:.1f} s  (target < 90 s: {verdict})")
    print(
        f"  {args.orders / seconds:,.0f} orders/s; {total / seconds:,.0f} rows/s over "
        + ", ".join(f"{n:,} {t}" for t, n in rows.items())
    )


if __name__ == "__main__":
    main()
