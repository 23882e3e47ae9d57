"""An import killed mid-way (kill -9: no cleanup runs) is completed by the same file, with
nothing doubled (issue 10, Reliability; docs/imports.md). A real process, really killed."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import ImportRun, Note, Order, OrderItem, Role
from app.services.core import audit
from app.services.imports import merge
from app.services.imports.reading import open_reading

ROOT = Path(__file__).resolve().parent.parent
SHOP = "悦步淘宝店"

# the child imports in chunks of 20 and kills itself once 40 orders have come in
CHILD = """
import os, signal, sys
from pathlib import Path
from app.db import Database
from app.models import Role
from app.services.core.actor import Actor
from app.services.imports import merge
from app.services.imports.reading import open_reading

url, user_id, shop = sys.argv[1], int(sys.argv[2]), sys.argv[3]
paths = [Path(p) for p in sys.argv[4:]]
actor = Actor(user_id, "printer", "王芳", frozenset({Role.PRINTER}))

def progress(_fraction, counts):
    if counts.new >= 40:
        os.kill(os.getpid(), signal.SIGKILL)

merge.import_orders(Database(url), actor, open_reading(paths), paths, shop=shop, chunk=20,
                    progress=progress)
"""


def _export(tmp_path: Path) -> list[Path]:
    subprocess.run(
        [sys.executable, "benchmarks/make_platform_exports.py", str(tmp_path), "--taobao", "120",
         "--shopify", "0"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )  # fmt: skip
    return [tmp_path / "ExportOrderList.csv", tmp_path / "ExportOrderDetailList.csv"]


def _counts(db) -> tuple[int, int, int]:
    def read(s) -> tuple[int, int, int]:
        return (
            s.scalar(select(func.count()).select_from(Order)),
            s.scalar(select(func.count()).select_from(OrderItem)),
            s.scalar(select(func.count()).select_from(Note)),
        )

    return db.read(read)


@pytest.mark.slow
def test_killed_mid_way_then_the_same_file_completes_it(db, db_url, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    paths = _export(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", CHILD, db_url, str(printer.user_id), SHOP, *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    run = db.read(lambda s: s.execute(select(ImportRun)).scalar_one())
    assert not run.finished and run.records_done == 40 and run.new == 40  # where it stopped
    orders, items, _notes = _counts(db)
    assert orders == 40 and items > 40  # whole orders: each with its items, none half-written

    again = merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP, chunk=20)
    assert again.resumed_after == 40 and again.finished and again.counts.new == 80
    done = _counts(db)
    assert done[0] == 120
    memos = select(func.count()).select_from(Note).group_by(Note.order_id)
    assert max(db.read(lambda s: s.scalars(memos).all()), default=1) == 1  # no memo twice
    whole = merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP)
    assert whole.already_imported and _counts(db) == done  # recognised, nothing done
    runs = db.read(lambda s: s.execute(select(ImportRun)).scalars().all())
    assert len(runs) == 1 and runs[0].finished and runs[0].new == 120
    assert db.read(audit.verify).ok
