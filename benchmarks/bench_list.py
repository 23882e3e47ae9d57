"""The order list: first page, a page deep in the list, per stage, and the total count.

``orders.list_page`` inside ``db.read`` (keyset paging, 200 rows a page).
Target (issue 2): the first page under 50 ms.
"""

from __future__ import annotations

from _common import arguments, demo_database, header, report, timed

from app.models import Stage
from app.services.orders import lookup as orders

TARGET_MS = 50.0


def main() -> None:
    args = arguments(__doc__ or "", samples=50)
    db = demo_database(args.db, args.orders)
    header("order list", args.db, args.orders)
    middle = args.orders // 2
    cases = {
        "first page, all stages": lambda s: orders.list_page(s),
        "page at the middle (keyset)": lambda s: orders.list_page(s, before_id=middle),
        **{
            f"first page, stage {stage.value}": (lambda s, st=stage: orders.list_page(s, stage=st))
            for stage in Stage
        },
        "count(), all stages": orders.count,
        "count(), stage shipped": lambda s: orders.count(s, stage=Stage.SHIPPED),
    }
    first_call = timed(lambda: db.read(orders.list_page))
    print(f"  first page on a fresh connection: {first_call:.2f} ms")
    for title, fn in cases.items():
        db.read(fn)  # warm up
        target = TARGET_MS if title.startswith("first page") else None
        report(title, [timed(lambda f=fn: db.read(f)) for _ in range(args.samples)], target)
    db.dispose()


if __name__ == "__main__":
    main()
