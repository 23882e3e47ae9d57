"""Backups of the built-in SQLite database (issue 12 §5): the daily checked copy, its
rotation, a copy that fails its check, and restoring one, on real files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app import migrations
from app.db import Database
from app.models.errors import DatabaseProblem, InvalidInput
from app.services.core import backup_restore, backups, demo
from tests.audit_helpers import disable_guards
from tests.test_cli import afterdesk


def _orders(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def live(tmp_path: Path) -> Database:
    """A SQLite demo shop with 12 orders in tmp_path/afterdesk.sqlite."""
    db = Database(f"sqlite:///{tmp_path / 'afterdesk.sqlite'}")
    migrations.upgrade(db)
    db.write(lambda s: demo.fill(s, 12))
    yield db
    db.dispose()


# -- rotation ---------------------------------------------------------------------------------
def test_rotation_keeps_14_daily_and_8_weekly_copies() -> None:
    start = datetime(2026, 6, 1, 9, 0)
    # 120 days, two copies a day (the start of the day and 24 h later's run at 21:00)
    stamps = [start + timedelta(days=d, hours=h) for d in range(120) for h in (0, 12)]
    gone = backups.to_remove(stamps)
    kept = sorted(set(stamps) - gone, reverse=True)
    newest = stamps[-1]
    daily = [s for s in kept if (newest.date() - s.date()).days < 14]
    assert len(daily) == 14 and all(s.hour == 21 for s in daily)  # the newest of each day
    older = [s for s in kept if (newest.date() - s.date()).days >= 14]
    # 8 weeks in all: the 2 or 3 the daily copies cover count among them
    weeks = {s.isocalendar()[:2] for s in kept}
    assert len(weeks) == 8
    assert all(s.weekday() == 6 and s.hour == 21 for s in older)  # each week's newest: Sunday
    assert len(kept) == 14 + len(older) and len(gone) == 240 - len(kept)


def test_rotation_with_few_copies_keeps_them_all_and_gaps_do_not_count() -> None:
    few = [datetime(2026, 1, 1) + timedelta(days=7 * n) for n in range(5)]
    assert backups.to_remove(few) == set()
    # a shop closed for a month: the 14 days that have copies are kept, not the calendar's
    holiday = [datetime(2026, 3, 1) + timedelta(days=d) for d in range(10)]
    holiday += [datetime(2026, 4, 15) + timedelta(days=d) for d in range(10)]
    kept = set(holiday) - backups.to_remove(holiday)
    assert len([s for s in kept if s.month == 3]) >= 4


def test_rotate_removes_only_this_databases_copies(tmp_path: Path) -> None:
    db_file = tmp_path / "afterdesk.sqlite"
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 9, 1, 8, 0)
    for day in range(40):
        (folder / backups.copy_name(db_file, (start + timedelta(days=day)).astimezone())).touch()
    others = [folder / "demo-2026-09-01-080000.sqlite", folder / "notes.txt"]
    others.append(folder / "afterdesk-2026-09-02-080000.sqlite.failed")
    for path in others:
        path.touch()
    removed = backups.rotate(folder, db_file)
    left = backups.copies(folder, db_file)
    assert len(left) == 14 + len(
        {s.isocalendar()[:2] for s in left} - {s.isocalendar()[:2] for s in sorted(left)[-14:]}
    )
    assert len(removed) == 40 - len(left)
    assert all(path.exists() for path in others)


# -- the daily copy -------------------------------------------------------------------------
def test_daily_backup_is_checked_recorded_and_rotated(live: Database, tmp_path: Path) -> None:
    db_file = tmp_path / "afterdesk.sqlite"
    folder = backups.folder_for(db_file, "")
    assert folder == tmp_path / "backups"
    assert backups.status(folder, db_file).due(datetime.now(UTC), starting=True)
    now = datetime(2026, 12, 6, 1, 30, tzinfo=UTC)
    done = backups.take(live, folder, now)
    assert done.path.parent == folder and done.audit_entries > 0
    assert _orders(done.path) == 12
    state = backups.status(folder, db_file)
    assert state.last_good == done.path and state.taken_at == now and not state.failure
    assert not state.stale(now + timedelta(days=2))
    assert state.stale(now + timedelta(days=2, hours=1))
    assert not state.due(now + timedelta(hours=23), starting=False)
    assert state.due(now + timedelta(hours=24), starting=False)
    # the copy is one self-contained file: nothing beside it
    assert sorted(p.name for p in folder.iterdir()) == [done.path.name, "afterdesk-backups.json"]


def test_a_chosen_folder_that_is_gone_is_said_plainly(live: Database, tmp_path: Path) -> None:
    usb = tmp_path / "media" / "USB"
    with pytest.raises(InvalidInput) as refused:
        backups.take(live, usb)
    assert "is not there (a USB drive not plugged in?)" in refused.value.message()
    assert not usb.exists()


def test_a_copy_that_fails_its_check_is_reported_and_not_counted(
    live: Database, tmp_path: Path
) -> None:
    db_file = tmp_path / "afterdesk.sqlite"
    folder = tmp_path / "backups"
    good = backups.take(live, folder, datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    disable_guards(live)  # history rewritten behind the app's back: the copy carries it
    with live.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor_name = 'someone' WHERE id = 2"))
    later = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    with pytest.raises(DatabaseProblem) as failed:
        backups.take(live, folder, later)
    assert "The audit log of the copy fails its check" in failed.value.message()
    state = backups.status(folder, db_file)
    assert state.last_good == good.path and state.failed_at == later
    assert "audit log" in state.failure
    assert list(backups.copies(folder, db_file).values()) == [good.path]
    assert len(list(folder.glob("*.sqlite.failed"))) == 1


def test_a_damaged_file_fails_integrity_check(live: Database, tmp_path: Path) -> None:
    done = backups.take(live, tmp_path / "backups")
    data = bytearray(done.path.read_bytes())
    page = 4096
    for offset in range(3 * page, min(len(data), 12 * page), 7):  # scribble over a few pages
        data[offset] = 0x5A
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem, match="is damaged"):
        backups.check_file(damaged)


def test_postgresql_is_backed_up_on_the_server(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("the PostgreSQL half of this test")
    with pytest.raises(DatabaseProblem, match="backed up on the server, with pg_dump"):
        backups.take(db, Path("/tmp"))


# -- restore ----------------------------------------------------------------------------------
def _unchanged(tmp_path: Path) -> None:
    assert _orders(tmp_path / "afterdesk.sqlite") == 12
    assert not list(tmp_path.glob("afterdesk.sqlite.replaced-*"))
    assert not list(tmp_path.glob(".afterdesk.sqlite.restoring*"))


def test_restore_refuses_what_is_not_a_good_afterdesk_database(
    live: Database, tmp_path: Path
) -> None:
    live.dispose()
    db_file = tmp_path / "afterdesk.sqlite"
    text_file = tmp_path / "orders.csv"
    text_file.write_text("order_no,total\n1,2\n", encoding="utf-8")
    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.sqlite"
    backups.take(live, tmp_path / "backups")
    copy = next(iter(backups.copies(tmp_path / "backups", db_file).values()))
    newer.write_bytes(copy.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9001'")
    conn.commit()
    conn.close()
    tampered = tmp_path / "tampered.sqlite"
    tampered.write_bytes(copy.read_bytes())
    conn = sqlite3.connect(tampered)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'nothing' WHERE id = 1")
    conn.commit()
    conn.close()
    for source, message in (
        (text_file, "is not an AfterDesk database file"),
        (foreign, "is not an AfterDesk database file"),
        (newer, "was made by a newer AfterDesk (schema 9001)"),
        (tampered, "The audit log of the copy fails its check"),
        (tmp_path / "missing.sqlite", "Cannot read"),
    ):
        with pytest.raises((DatabaseProblem, InvalidInput)) as refused:
            backup_restore.restore(db_file, source)
        assert message in refused.value.message()
        _unchanged(tmp_path)


def test_restore_keeps_the_replaced_database_beside_it(live: Database, tmp_path: Path) -> None:
    db_file = tmp_path / "afterdesk.sqlite"
    done = backups.take(live, tmp_path / "backups")
    with pytest.raises(DatabaseProblem, match="is open in AfterDesk"):  # the app still running
        backup_restore.restore(db_file, done.path)
    _unchanged(tmp_path)
    with live.engine.begin() as conn:  # work after the backup, that the restore takes away
        conn.execute(text("DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders)"))
    live.dispose()
    restored = backup_restore.restore(db_file, done.path, datetime(2026, 12, 6, 2, 0, tzinfo=UTC))
    assert restored.revision == migrations.HEAD and restored.audit_entries > 0
    assert restored.replaced is not None and restored.replaced.name.startswith(
        "afterdesk.sqlite.replaced-20261206-"
    )
    assert _orders(restored.replaced) == 12  # the replaced one is whole (its -wal folded in)
    conn = sqlite3.connect(restored.replaced)
    assert conn.execute("SELECT count(*) FROM order_items").fetchone()[0] == 0
    conn.close()
    again = Database(f"sqlite:///{db_file}")
    try:
        assert migrations.schema_state(again)[0] is migrations.SchemaState.CURRENT
        assert again.read(lambda s: s.execute(text("SELECT count(*) FROM order_items")).scalar())
    finally:
        again.dispose()


def test_restore_of_a_backup_taken_before_an_upgrade_upgrades_it(tmp_path: Path) -> None:
    from alembic import command

    db_file = tmp_path / "afterdesk.sqlite"
    old = Database(f"sqlite:///{db_file}")
    cfg = migrations._config()
    with old.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    saved: list[Path] = []
    migrations.upgrade(old, on_backup=saved.append)  # init's backup, named to be found
    old.dispose()
    assert saved[0].name.startswith("afterdesk.sqlite.schema-0005-")
    restored = backup_restore.restore(db_file, saved[0])
    assert restored.revision == migrations.HEAD and restored.replaced is not None
    again = Database(f"sqlite:///{db_file}")
    try:
        assert migrations.schema_state(again)[0] is migrations.SchemaState.CURRENT
    finally:
        again.dispose()


def test_restore_and_daily_backup_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'afterdesk.sqlite'}"
    assert afterdesk(url, "demo", "--orders", "12").returncode == 0
    refused = afterdesk(url, "backup", user="printer")
    assert refused.returncode == 2 and "administrator" in refused.stderr.lower()
    made = afterdesk(url, "backup", user="admin")
    assert made.returncode == 0 and "and checked (" in made.stdout, made.stderr
    copy = next(iter((tmp_path / "backups").glob("afterdesk-*.sqlite")))
    denied = afterdesk(url, "restore", str(copy), user="warehouse")
    assert denied.returncode == 2 and not list(tmp_path.glob("afterdesk.sqlite.replaced-*"))
    bad = afterdesk(url, "restore", str(tmp_path / "backups" / "afterdesk-backups.json"))
    assert bad.returncode == 2 and "is not an AfterDesk database file" in bad.stderr
    done = afterdesk(url, "restore", str(copy), user="admin")
    assert done.returncode == 0, done.stderr
    assert "The database it replaced is kept as" in done.stdout
    assert afterdesk(url, "orders", "list", "--json").returncode == 0
    # the current database gone: nobody can sign in to it, the file's owner restores
    for path in tmp_path.glob("afterdesk.sqlite*"):
        path.unlink()
    alone = afterdesk(url, "restore", str(copy), user="")
    assert alone.returncode == 0 and "cannot be opened" in alone.stderr, alone.stderr
    zh = afterdesk(url, "restore", str(tmp_path / "nothing.sqlite"), user="", lang="zh_CN")
    assert zh.returncode == 2 and "无法读取" in zh.stderr


def test_restore_of_postgresql_is_sent_to_the_server(db_url: str, tmp_path: Path) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL half of this test")
    result = afterdesk(db_url, "restore", str(tmp_path / "x.sqlite"), user="")
    assert result.returncode == 2 and "pg_restore" in result.stderr
