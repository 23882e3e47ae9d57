"""The command line's answer time, whole process: ``afterdesk --help``, ``scan CODE`` and
``orders find``, each run as a user types it (a fresh Python process, start to exit).

The clock starts before the process is spawned and stops when it has exited. The codes are
orders sampled from the demo database: a parcel's tracking number for ``scan`` (the demo has
no cases, so each answers "not registered" with its order, exit status 1) and an order
number for ``orders find``. The commands sign in as the demo's ``supervisor`` (who may scan
and read orders) through ``$AFTERDESK_USER``/``$AFTERDESK_PASSWORD``, in the Chinese UI.
Targets (issue 9): ``--help`` < 0.3 s, ``scan`` and ``orders find`` < 0.5 s.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time

from _common import ROOT, arguments, demo_database, header, report
from sqlalchemy import select

from app.models import Order

TARGETS_MS = {"--help": 300, "scan": 500, "orders find": 500}


def run(argv: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Milliseconds from spawning ``python -m app ARGV`` to its exit; its CPU time goes to
    ``cpu`` (user + system: what the process needs whatever else the machine is doing)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append((after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime) * 1000)
    if result.returncode not in (0, 1) or result.stderr:  # 1: scanned, "not registered"
        raise SystemExit(f"afterdesk {' '.join(argv)} failed: {result.stderr.strip()}")
    return elapsed


def main() -> None:
    args = arguments(__doc__ or "", samples=20)
    db = demo_database(args.db, args.orders)
    rng = random.Random(args.seed)
    rows = db.read(
        lambda s: s.execute(
            select(Order.tracking_no, Order.order_no).where(Order.tracking_no.is_not(None))
        ).all()
    )
    db.dispose()
    picks = rng.sample(rows, min(args.samples, len(rows)))
    header("command line, whole process", args.db, args.orders)
    with tempfile.TemporaryDirectory() as config:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "AFTERDESK_DB": args.db,
            "AFTERDESK_CONFIG_DIR": config,
            "AFTERDESK_USER": "supervisor",
            "AFTERDESK_PASSWORD": "demo",
            "LANG": "zh_CN.UTF-8",
        }
        # an installed AfterDesk has its byte code (pip and the bundle compile it); a shell
        # with PYTHONDONTWRITEBYTECODE set would compile ~50 of our modules in every run
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "--help": [["--help"] for _ in picks],
            "scan": [["scan", tracking] for tracking, _ in picks],
            "orders find": [["orders", "find", order_no] for _, order_no in picks],
        }
        for argv in commands.values():
            run(argv[0], env)  # warm the disk cache and the byte-code cache
        for title, argvs in commands.items():
            cpu: list[float] = []
            report(f"afterdesk {title}", [run(a, env, cpu) for a in argvs], TARGETS_MS[title])
            report("  CPU time of that process", cpu)
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
