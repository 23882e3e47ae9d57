"""Every file a command or dialog writes: never the database, never over a file unless told
to, the folder checked before any work, and no partial file on a full disk
(services/core/outputs.py)."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Order, PrintBatch, Role
from app.models.errors import InvalidInput
from app.services.cases import documents as case_print
from app.services.cases import exchange as case_exchange
from app.services.cases import register as case_register
from app.services.core import outputs
from app.services.dispatch import batches as printing
from app.services.dispatch import records as print_records
from tests.test_cli import afterdesk


def _orders(db: Database) -> int:
    return db.read(lambda s: s.execute(select(func.count()).select_from(Order)).scalar_one())


def _writers(db: Database, staff, out: Path) -> list[Callable[[], object]]:  # type: ignore[no-untyped-def]
    printer = staff[Role.PRINTER]
    order_no = db.read(lambda s: s.execute(select(Order.order_no).limit(1)).scalar_one())
    return [
        lambda: printing.run_batch(db, printer, out=out, cutoff=""),
        lambda: printing.run_batch(db, printer, out=Path("x.pdf"), labels_out=out, cutoff=""),
        lambda: print_records.run_reprint(db, printer, reason="x", out=out, order_nos=[order_no]),
        lambda: db.read(
            lambda s: print_records.preview(s, printer, [order_no], kind="labels", out=out)
        ),
        lambda: case_print.print_recall_slip(db, staff[Role.AFTERSALES], "C-NONE", out=out),
        lambda: case_exchange.print_exchange(db, printer, "C-NONE", out),
        lambda: case_print.print_register(db, staff[Role.AFTERSALES], out=out),
        lambda: db.read(lambda s: case_register.export_xlsx(s, staff[Role.AFTERSALES], out)),
    ]


@pytest.mark.parametrize("companion", ["", "-wal", "-shm"])
def test_no_writer_replaces_the_database(shop_db, shop_staff, companion) -> None:
    if not shop_db.is_sqlite:
        pytest.skip("a PostgreSQL database is no file of this PC")
    target = Path(shop_db.url.database or "")
    target = target.with_name(target.name + companion)
    before = target.read_bytes() if target.exists() else None
    orders = _orders(shop_db)
    for write in _writers(shop_db, shop_staff, target):
        with pytest.raises(InvalidInput):
            write()
    assert (target.read_bytes() if target.exists() else None) == before or companion
    assert _orders(shop_db) == orders
    with pytest.raises(InvalidInput, match="is the database itself"):
        printing.run_batch(shop_db, shop_staff[Role.PRINTER], out=target, cutoff="")


def test_an_existing_file_is_replaced_only_when_told(shop_db, shop_staff, tmp_path) -> None:
    mine = tmp_path / "report.pdf"
    mine.write_bytes(b"someone's report")
    batches = shop_db.read(lambda s: s.execute(select(func.count(PrintBatch.id))).scalar_one())
    for write in _writers(shop_db, shop_staff, mine):
        with pytest.raises(InvalidInput, match=r"exists already|as an \.xlsx file"):
            write()
    assert mine.read_bytes() == b"someone's report"
    assert shop_db.read(lambda s: s.execute(select(func.count(PrintBatch.id))).scalar_one()) == (
        batches
    )
    done = printing.run_batch(
        shop_db, shop_staff[Role.PRINTER], out=mine, cutoff="", overwrite=True
    )
    assert done.printed and mine.read_bytes().startswith(b"%PDF")


def test_a_missing_folder_is_refused_before_any_work(shop_db, shop_staff, tmp_path) -> None:
    nowhere = tmp_path / "MISSING_FOLDER" / "x.xlsx"
    for write in _writers(shop_db, shop_staff, nowhere):
        with pytest.raises(InvalidInput, match=r"does not exist|written as|as an \.xlsx file"):
            write()
    assert not nowhere.parent.exists()


def test_the_command_line_refuses_the_database_and_a_missing_folder(db_url, tmp_path) -> None:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "20").returncode == 0
    if db_url.startswith("sqlite"):
        database = Path(db_url.removeprefix("sqlite:///"))
        size = database.stat().st_size
        for args in (("batch", "--no-cutoff"), ("labels", "X-1")):
            done = afterdesk(db_url, "print", *args, "--out", str(database), user="printer")
            assert done.returncode != 0 and "is the database itself" in done.stderr
        assert database.read_bytes()[:16] == b"SQLite format 3\x00"
        assert database.stat().st_size == size
    missing = tmp_path / "MISSING_FOLDER" / "x.xlsx"
    done = afterdesk(db_url, "register", "export", "--out", str(missing), user="aftersales")
    assert done.returncode != 0 and "does not exist" in done.stderr
    assert "Unexpected error" not in done.stderr and "Traceback" not in done.stderr


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", full)


def test_a_full_disk_leaves_no_file_and_says_so(shop_db, shop_staff, tmp_path, monkeypatch) -> None:
    out, after = tmp_path / "register.xlsx", shop_staff[Role.AFTERSALES]
    with monkeypatch.context() as m:
        _disk_full(m)
        with pytest.raises(InvalidInput, match="The disk is full"):
            shop_db.read(lambda s: case_register.export_xlsx(s, after, out))
    assert list(tmp_path.glob("register*")) == [] and not list(tmp_path.glob(".*.part"))
    assert shop_db.read(lambda s: case_register.export_xlsx(s, after, out)) >= 0  # the retry works
    assert out.read_bytes()[:2] == b"PK"


def test_a_backup_on_a_full_disk_leaves_no_file(db_url, tmp_path) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("a PostgreSQL database is backed up with pg_dump")
    assert afterdesk(db_url, "demo", "--orders", "5").returncode == 0  # the staff: admin backs up
    target = tmp_path / "backups" / "b.sqlite"
    done = afterdesk(db_url, "backup", str(target), user="admin")
    assert done.returncode != 0 and "does not exist" in done.stderr  # the folder first
    target.parent.mkdir()
    full = tmp_path / "full.py"  # the child process's disk fills up while it writes
    full.write_text(
        "import errno, os, runpy, sys\n"
        "def fsync(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = fsync\n"
        "sys.argv = ['afterdesk', *sys.argv[1:]]\n"
        "runpy.run_module('app', run_name='__main__')\n"
    )
    import os
    import subprocess
    import sys

    env = {**os.environ, "AFTERDESK_DB": db_url, "LANG": "en", "AFTERDESK_USER": "admin"}
    env["AFTERDESK_PASSWORD"] = "demo"
    run = subprocess.run(
        [sys.executable, str(full), "backup", str(target)], capture_output=True, text=True, env=env
    )
    assert run.returncode != 0 and "The disk is full" in run.stderr
    assert list(target.parent.iterdir()) == []
    assert afterdesk(db_url, "backup", str(target), user="admin").returncode == 0  # the retry
    again = afterdesk(db_url, "backup", str(target), user="admin")
    assert again.returncode != 0 and "exists already" in again.stderr
    assert afterdesk(db_url, "backup", str(target), "--overwrite", user="admin").returncode == 0
