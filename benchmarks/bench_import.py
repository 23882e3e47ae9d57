"""Importing a large Taobao/Tmall export into the database (issue 10), and what another PC feels.

    python benchmarks/bench_import.py [--orders 100000] [--dir DIR] [--db URL ...]

For each database (default: a SQLite file and the PostgreSQL bench database), in a process of
its own so that "peak" is that import's memory: a fresh database with the demo's staff and 100
orders; then

* **first**: the export (orders + items files) into a new shop, every order new;
* **unchanged**: the same orders again in another file (a byte more, so not recognised as the
  same file): every order compared, nothing written;
* **newer**: the next export of the same orders (a third shipped with tracking, a few closed);

while another process adds a note to a demo order every 0.1 s and records how long each
waited (the import's chunks are short transactions: the target is under 1 s). The figures go
to benchmarks/IMPORTS.md. Targets: first < 30 s SQLite / < 45 s PostgreSQL, unchanged < 10 s,
peak memory < 500 MB, a note waits < 1 s.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import label, recreate  # noqa: E402

# databases of its own: the other benchmarks keep their million-order demo
DEFAULT_DBS = (
    f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-import.sqlite'}",
    "postgresql://postgres@127.0.0.1:5432/afterdesk_bench_import",
)
PAIR = ("ExportOrderList.csv", "ExportOrderDetailList.csv")


def _exports(folder: Path, orders: int, newer: bool) -> list[Path]:
    """The generated export (made once per size; the same seed gives the same files)."""
    paths = [folder / name for name in PAIR]
    if not all(p.exists() for p in paths):
        folder.mkdir(parents=True, exist_ok=True)
        args = ["--taobao", str(orders), "--shopify", "0"] + (["--newer"] if newer else [])
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "make_platform_exports.py"),
                str(folder),
                *args,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return paths


def _unchanged_copy(paths: list[Path], folder: Path) -> list[Path]:
    """The same orders in a file that is not byte for byte the same (a trailing blank line)."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = [folder / p.name for p in paths]
    for source, copy in zip(paths, copies, strict=True):
        shutil.copyfile(source, copy)
    with open(copies[0], "ab") as handle:
        handle.write(b"\r\n")
    return copies


def _note_writer(url: str, order_no: str, stop: str, out: str) -> None:
    """Another PC: a note every 0.1 s, each timed from asking to committed."""
    from app.db import Database
    from app.services.core import accounts
    from app.services.orders import notes

    db = Database(url)
    actor = accounts.sign_in(db, "presales", "demo")
    waits: list[float] = []
    while not os.path.exists(stop):
        start = time.perf_counter()
        db.write(lambda s: notes.add(s, actor, order_no, "客户来电询问发货时间"))
        waits.append(time.perf_counter() - start)
        time.sleep(0.1)
    db.dispose()
    Path(out).write_text(json.dumps(waits))


def _import(
    url: str, paths: list[Path], with_notes: bool, shop: str = "Bench 淘宝店"
) -> dict[str, float]:
    from app.db import Database
    from app.services.core import accounts
    from app.services.imports import merge
    from app.services.imports.reading import open_reading
    from app.services.orders import lookup

    db = Database(url)
    actor = accounts.sign_in(db, "printer", "demo")
    order_no = db.read(lambda s: lookup.list_page(s, limit=1))[0].order_no
    figures: dict[str, float] = {}
    writer = None
    stop = Path(tempfile.gettempdir()) / f"afterdesk-bench-stop-{os.getpid()}"
    waits_file = Path(tempfile.gettempdir()) / f"afterdesk-bench-waits-{os.getpid()}.json"
    stop.unlink(missing_ok=True)
    if with_notes:
        writer = multiprocessing.get_context("spawn").Process(
            target=_note_writer, args=(url, order_no, str(stop), str(waits_file))
        )
        writer.start()
        time.sleep(2.0)  # its imports and sign-in, before the clock starts
    start = time.perf_counter()
    reading = open_reading(paths)
    summary = merge.import_orders(db, actor, reading, paths, shop=shop)
    figures["seconds"] = time.perf_counter() - start
    figures.update(
        new=summary.counts.new,
        updated=summary.counts.updated,
        unchanged=summary.counts.unchanged,
        conflicts=summary.counts.conflicts,
        refused=summary.counts.refused,
    )
    if writer is not None:
        stop.touch()
        writer.join()
        waits = sorted(json.loads(waits_file.read_text()))
        figures["notes"] = len(waits)
        figures["note_max"] = waits[-1] if waits else 0.0
        figures["note_p95"] = waits[int(0.95 * (len(waits) - 1))] if waits else 0.0
        stop.unlink(missing_ok=True)
        waits_file.unlink(missing_ok=True)
    db.dispose()
    return figures


def child(url: str, folder: Path, orders: int) -> None:
    """One database: fresh, then first / unchanged / newer; prints one JSON line."""
    from app import migrations
    from app.db import Database
    from app.services.core import demo

    first_files = _exports(folder / f"taobao-{orders}", orders, newer=False)
    newer_files = _exports(folder / f"taobao-{orders}-newer", orders, newer=True)
    unchanged_files = _unchanged_copy(first_files, folder / f"taobao-{orders}-again")
    recreate(url)
    db = Database(url)
    migrations.upgrade(db)
    db.write(lambda s: demo.fill(s, 100))
    db.dispose()
    result = {"db": label(url), "orders": orders}
    result["first"] = _import(url, first_files, with_notes=True)
    result["peak_mb_first"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["unchanged"] = _import(url, unchanged_files, with_notes=True)
    result["newer"] = _import(url, newer_files, with_notes=False)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result, ensure_ascii=False), flush=True)


def arguments(description: str | None, orders: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--orders", type=int, default=orders)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "afterdesk-import-bench"
    )
    parser.add_argument("--db", action="append", help="database URL (repeatable)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args()


def each_database(script: str, args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """Each database's figures, measured by ``script --child URL`` in a process of its own."""
    for url in args.db or DEFAULT_DBS:
        done = subprocess.run(
            [sys.executable, script, "--child", url, "--dir", str(args.dir),
             "--orders", str(args.orders)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        yield json.loads(done.stdout.strip().splitlines()[-1])


def step_line(step: str, f: dict[str, float]) -> str:
    line = (
        f"  {step:<9} {f['seconds']:6.1f} s  new {f['new']:,} "
        f"updated {f['updated']:,} unchanged {f['unchanged']:,} "
        f"conflicts {f['conflicts']:,} refused {f['refused']:,}"
    )
    if "note_max" in f:
        line += (
            f"  | another PC's note: {int(f['notes'])} written, "
            f"p95 {f['note_p95'] * 1000:.0f} ms, max {f['note_max'] * 1000:.0f} ms"
        )
    return line


def main() -> None:
    args = arguments(__doc__, 100_000)
    if args.child:
        child(args.child, args.dir, args.orders)
        return
    for r in each_database(__file__, args):
        print(f"{r['db']}: {r['orders']:,} Taobao orders (peak {r['peak_mb']:.0f} MB)")
        for step in ("first", "unchanged", "newer"):
            print(step_line(step, r[step]), flush=True)


if __name__ == "__main__":
    main()
