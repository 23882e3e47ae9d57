"""Every benchmark on SQLite and on PostgreSQL (``make benchmarks``).

    python benchmarks/run_all.py [--db URL ...] [--orders N] [--skip-demo]

Each database is filled once by ``bench_demo.py`` (which times ``afterdesk demo``);
the query benchmarks then measure that database.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _common import DEFAULT_DBS, DEFAULT_ORDERS

HERE = Path(__file__).resolve().parent
QUERIES = (
    "bench_lookup.py",
    "bench_search.py",
    "bench_list.py",
    "bench_startup.py",
    "bench_cli.py",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", action="append", help="database URL (repeatable)")
    parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS)
    parser.add_argument(
        "--skip-demo", action="store_true", help="reuse a loaded database if it has N orders"
    )
    args = parser.parse_args()
    failed = 0
    for url in args.db or DEFAULT_DBS:
        scripts = QUERIES if args.skip_demo else ("bench_demo.py", *QUERIES)
        for script in scripts:
            cmd = [sys.executable, str(HERE / script), "--db", url, "--orders", str(args.orders)]
            failed += subprocess.run(cmd, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
