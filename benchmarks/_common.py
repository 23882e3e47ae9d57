"""Shared helpers for the benchmarks: arguments, a demo database to measure, timing.

Benchmarks print their figures; tests never assert on time (ARCHITECTURE.md).
The databases they fill are their own: a SQLite file under the temporary folder
and a PostgreSQL database named ``afterdesk_bench…``, created and dropped here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from app.db import Database  # noqa: E402

DEFAULT_ORDERS = 1_000_000
SQLITE_DEFAULT = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench.sqlite'}"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/afterdesk_bench"
DEFAULT_DBS = (SQLITE_DEFAULT, PG_DEFAULT)


def arguments(description: str, *, samples: int = 300) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", default=SQLITE_DEFAULT, help="database URL (default %(default)s)")
    parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS, help="orders in the demo")
    parser.add_argument("--samples", type=int, default=samples, help="queries per kind")
    parser.add_argument("--seed", type=int, default=7, help="seed for choosing sample values")
    return parser.parse_args()


def label(url: str) -> str:
    return make_url(url).get_backend_name()


def recreate(url: str) -> None:
    """An empty database at ``url``: only our own bench file or bench database is dropped."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    name = parsed.database or ""
    if not name.startswith("afterdesk_bench"):
        raise SystemExit(f"refusing to drop {name!r}: bench databases are named afterdesk_bench…")
    admin = parsed.set(drivername="postgresql+psycopg", database="postgres")
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()


def run_demo(url: str, orders: int) -> float:
    """``afterdesk demo --orders N`` on a fresh database, as a user runs it; seconds."""
    recreate(url)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app", "--db", url, "demo", "--orders", str(orders)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return time.perf_counter() - start


def demo_database(url: str, orders: int) -> Database:
    """The database at ``url`` holding the demo with ``orders`` orders (loaded if not)."""
    from app.services.orders import lookup as order_service

    db = _open(url)
    count = None
    if db is not None:
        try:
            count = db.read(order_service.count)
        except Exception:
            count = None
        db.dispose()
    if count != orders:
        print(f"loading the demo with {orders:,} orders into {label(url)} …", flush=True)
        run_demo(url, orders)
    db = Database(url)
    return db


def _open(url: str) -> Database | None:
    try:
        db = Database(url)
        with db.engine.connect():
            pass
        return db
    except Exception:
        return None


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(title: str, times_ms: Iterable[float], target_ms: float | None = None) -> None:
    values = list(times_ms)
    p50, p95 = statistics.median(values), percentile(values, 0.95)
    verdict = ""
    if target_ms is not None:
        verdict = f"  target p95 < {target_ms:g} ms: {'met' if p95 < target_ms else 'NOT met'}"
    print(
        f"  {title:<44} n={len(values):<5} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  "
        f"max {max(values):8.2f} ms{verdict}",
        flush=True,
    )


def header(name: str, url: str, orders: int) -> None:
    print(f"== {name} · {label(url)} · {orders:,} orders · {url}", flush=True)
