"""Reading platform exports, without a database (issue 10): detect + first page, whole file.

    python benchmarks/bench_import_read.py [--dir DIR] [--taobao 100000] [--shopify 10000]

Writes the exports with ``make_platform_exports.py`` (unless DIR already has them), then
times, each in a fresh process so its peak memory (max RSS) is its own:
- detect + preview: ``open_reading`` and the first 50 orders (target < 1 s);
- read: every record of the file, parsed and checked, no database.
Figures and the command that produced them go in benchmarks/IMPORTS.md.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

PAGE = 50
CASES = {
    "taobao-pair": ("ExportOrderList.csv", "ExportOrderDetailList.csv"),
    "taobao-orders": ("ExportOrderList.csv",),
    "shopify": ("orders_export.csv",),
}


def one(case: str, mode: str, directory: Path) -> None:
    from app.services.imports.reading import open_reading
    from app.services.imports.records import RefusedRow

    paths = [directory / name for name in CASES[case]]
    start = time.perf_counter()
    cpu = time.process_time()
    reading = open_reading(paths)
    limit = PAGE if mode == "preview" else None
    orders = refused = 0
    for record in itertools.islice(reading.records, limit):
        if isinstance(record, RefusedRow):
            refused += 1
        else:
            orders += 1
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu  # the machine is shared: CPU time varies less than wall time
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(path.stat().st_size for path in paths) / 1e6
    print(
        f"{case:14} {mode:8} {size:6.1f} MB  {orders:7} orders {refused:5} refused  "
        f"{seconds:6.2f} s (CPU {cpu:6.2f} s)  peak {peak:6.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "afterdesk-exports"
    )
    parser.add_argument("--taobao", type=int, default=100_000)
    parser.add_argument("--shopify", type=int, default=10_000)
    parser.add_argument("--one", nargs=2, metavar=("CASE", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], args.one[1], args.dir)
        return
    if not (args.dir / "ExportOrderList.csv").exists():
        subprocess.run(
            [sys.executable, str(HERE / "make_platform_exports.py"), str(args.dir),
             "--taobao", str(args.taobao), "--shopify", str(args.shopify)],
            check=True,
        )  # fmt: skip
    for case in CASES:
        for mode in ("preview", "read"):
            command = [sys.executable, __file__, "--dir", str(args.dir), "--one", case, mode]
            subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
