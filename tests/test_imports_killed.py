"""An import killed mid-way (kill -9: no cleanup runs) is completed by the same file, with
nothing doubled (issue 10, Reliability; docs/imports.md). A real process, really killed."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import ImportRun, Note, Order, OrderItem, Role, Shop
from app.models.errors import InvalidInput
from app.services.core import audit
from app.services.imports import chunks, merge
from app.services.imports.plan import Counts
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


# -- a big file is read by a process of its own (chunks.read_chunks) ------------------------
def _stored(db, shop: str) -> list[tuple]:
    def read(s) -> list[tuple]:
        rows = s.execute(
            select(Order).join(Shop).where(Shop.name == shop).order_by(Order.order_no)
        ).scalars()
        return [
            (o.order_no, o.recipient_name, o.recipient_phone, o.province, o.city, o.district,
             o.street, o.stage, o.total, o.platform_values,
             [(i.sku, i.title, i.attributes, i.quantity, i.price) for i in o.items])
            for o in rows
        ]  # fmt: skip

    return db.read(read)


@pytest.mark.slow
def test_a_file_read_by_a_process_of_its_own_comes_in_the_same(
    db, staff, tmp_path, monkeypatch
) -> None:
    printer = staff[Role.PRINTER]
    paths = _export(tmp_path)
    by_thread = merge.import_orders(
        db, printer, open_reading(paths), paths, shop="线程店", chunk=20
    )
    monkeypatch.setattr(chunks, "PROCESS_BYTES", 0)  # as a file of 4 MB or more is read
    fractions: list[float] = []
    by_process = merge.import_orders(
        db, printer, open_reading(paths), paths, shop="进程店", chunk=20,
        progress=lambda fraction, _counts: fractions.append(fraction),
    )  # fmt: skip
    assert by_process.finished and by_process.counts == by_thread.counts
    assert by_process.counts.new == 120
    assert _stored(db, "进程店") == _stored(db, "线程店")  # field by field
    assert fractions == sorted(fractions) and fractions[-1] == 1.0  # the progress bar moves
    assert not multiprocessing.active_children()  # the reader is gone


@pytest.mark.slow
def test_cancel_or_a_killed_reader_process_keeps_what_came_in(
    db, staff, tmp_path, monkeypatch
) -> None:
    printer = staff[Role.PRINTER]
    paths = _export(tmp_path)
    monkeypatch.setattr(chunks, "PROCESS_BYTES", 0)
    stopped = merge.import_orders(
        db, printer, open_reading(paths), paths, shop=SHOP, chunk=20, cancel=lambda: True
    )
    assert stopped.cancelled and stopped.counts.new == 20
    assert not multiprocessing.active_children()  # Cancel stops the reader too

    def kill_the_reader(_fraction: float, _counts: Counts) -> None:
        for child in multiprocessing.active_children():
            os.kill(child.pid or 0, signal.SIGKILL)

    with pytest.raises(InvalidInput) as refused:
        merge.import_orders(
            db, printer, open_reading(paths), paths, shop=SHOP, chunk=20,
            progress=kill_the_reader,
        )  # fmt: skip
    assert refused.value.template == chunks.READER_DIED
    run = db.read(lambda s: s.execute(select(ImportRun)).scalar_one())
    assert not run.finished and run.new == _counts(db)[0] < 120  # whole orders, counted
    again = merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP, chunk=20)
    assert again.finished and _counts(db)[0] == 120  # the same file completes it
