"""Printing speed: a 10,000-order batch from the database, and label generation alone.

    python benchmarks/bench_print.py [--orders 10000] [--db URL]

Prints its figures; asserts nothing (ARCHITECTURE.md: tests never assert on time).
Targets (issue 4): batch < 15 s; labels ≥ 1,000/s and ≤ 1.3× a bare ReportLab script
drawing the same pages; < 2 KB per label in the PDF.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen.canvas import Canvas

from app import migrations
from app.db import Database
from app.models import Role
from app.printing import barcodes, fonts, label
from app.printing.data import LabelSize
from app.services.core import accounts, demo
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import slips as print_slips

PAID_SHARE = 0.26  # about a quarter of the demo shop's orders wait to print


def _printer(db: Database) -> Actor:
    def read(session):  # type: ignore[no-untyped-def]
        user = next(u for u in accounts.list_users(session) if u.username == "printer")
        return Actor(user.id, user.username, user.display_name, user.roles)

    assert Role.PRINTER
    return db.read(read)


def bare_draw(pages: list) -> bytes:  # type: ignore[type-arg]
    """The same pages drawn with plain ReportLab calls and every position precomputed."""
    buf = io.BytesIO()
    c = Canvas(buf, pageCompression=1, invariant=1, initialFontName=fonts.MAIN)
    for page in pages:
        c.setPageSize(page.size)
        for op in page.ops:
            kind = op[0]
            if kind in ("t", "w"):
                x, y, text, size = op[1], op[2], op[3], op[4]
                c.setFont(fonts.MAIN, size)
                c.drawString(x, y, text)
            elif kind in ("r", "d"):
                c.rect(op[1], op[2], op[3], op[4], stroke=1, fill=0)
            elif kind == "h":
                c.line(op[1], op[3], op[2], op[3])
            elif kind == "b":
                p = op[1]
                m = p.dots * barcodes.DOT
                path = c.beginPath()
                for start, run in barcodes.bars(p.data):
                    path.rect(p.x + (10 + start) * m, p.y + 12, run * m, p.bar_height)
                c.drawPath(path, stroke=0, fill=1)
                c.drawCentredString(p.x + p.width / 2, p.y, p.data)
        c.showPage()
    c.save()
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000, help="orders in the batch")
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.sqlite"
        db = Database(url)
        migrations.upgrade(db)
        started = time.perf_counter()
        db.write(lambda s: demo.fill(s, int(args.orders / PAID_SHARE * 1.03)))
        print(f"demo shop loaded in {time.perf_counter() - started:.1f} s")
        waiting = db.read(lambda s: printing.waiting(s, cutoff="", limit=10**7))
        order_nos = [w.order_no for w in waiting[: args.orders]]
        printer = _printer(db)

        # label generation alone: slips from the database, then plan + draw
        slips = db.read(
            lambda s: [
                print_slips.slip_for(o)
                for o in print_slips.load_orders(s, [w.id for w in waiting[:2000]])
            ]
        )
        fonts.register()
        label.labels_pdf(slips[:50])  # warm caches (font subsets, widths)
        best_ours = best_bare = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            ours = label.labels_pdf(slips)
            best_ours = min(best_ours, time.perf_counter() - t0)
            pages = label.plan_all(slips, LabelSize.L100X150, fonts.Glyphs())
            t0 = time.perf_counter()
            bare = bare_draw(pages)
            best_bare = min(best_bare, time.perf_counter() - t0)
        n = len(slips)
        print(f"labels alone: {n / best_ours:,.0f} labels/s ({n} labels in {best_ours:.2f} s)")
        print(
            f"bare ReportLab, same pages: {n / best_bare:,.0f} labels/s; "
            f"ours / bare = {best_ours / best_bare:.2f}×"
        )
        print(f"label PDF: {len(ours.data) / n:,.0f} bytes per label ({len(bare) / n:,.0f} bare)")

        # the whole batch: database → PDF with labels and dispatch notes → recorded
        out, labels_out = Path(tmp) / "batch.pdf", Path(tmp) / "labels.pdf"
        t0 = time.perf_counter()
        result = printing.run_batch(
            db, printer, out=out, labels_out=labels_out, order_nos=order_nos, cutoff=""
        )
        elapsed = time.perf_counter() - t0
        count = len(result.printed)
        print(
            f"batch of {count:,} orders ({db.url.get_backend_name()}): {elapsed:.1f} s "
            f"({count / elapsed:,.0f} orders/s); sheets {os.path.getsize(out) / 1e6:.1f} MB, "
            f"labels {os.path.getsize(labels_out) / 1e6:.1f} MB = "
            f"{os.path.getsize(labels_out) / count:,.0f} bytes per label"
        )
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
