"""Restoring a backup of the built-in SQLite database in place of the one in use.

The copy is checked (and upgraded, if older) beside the database before anything is
replaced, so a bad copy or a crash leaves the database as it was; the one replaced is kept
beside it under a dated name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.db import Database
from app.models.errors import DatabaseProblem, InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.backups import check_file, readonly, verify_audit
from app.services.core.outputs import SQLITE_COMPANIONS


@dataclass(frozen=True)
class Restored:
    revision: str
    audit_entries: int
    replaced: Path | None  # where the database it replaced now is


def restore(db_file: Path, source: Path, now: datetime | None = None) -> Restored:
    """Put ``source`` in place of the database at ``db_file``, after checking it.

    The copy is made and checked beside the database first (an older schema is upgraded
    there and its audit chain verified after); only then is the current database renamed
    ``NAME.replaced-YYYYMMDD-HHMMSS`` and the checked copy moved into place. Nothing is
    replaced if a check fails.
    """
    from app import migrations

    source = Path(source).expanduser().resolve()
    db_file = Path(db_file).expanduser().resolve()
    if source == db_file:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{path} is the database itself: choose a backup."),
            path=str(source),
        )
    checked = check_file(source)
    if db_file.exists() and _in_use(db_file):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{path} is open in AfterDesk (or another program): close it, then restore. "
                "Nothing was replaced.",
            ),
            path=str(db_file),
        )
    now = now or datetime.now(UTC)
    staged = db_file.with_name(f".{db_file.name}.restoring")
    _remove_with_companions(staged)
    try:
        src = readonly(source)()
        try:
            dest = sqlite3.connect(staged)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        entries = checked.audit_entries
        if checked.revision != migrations.HEAD:
            staged_db = Database(f"sqlite:///{staged}")
            try:
                migrations.upgrade(staged_db, backup_first=False)
            finally:
                staged_db.dispose()
            entries = verify_audit(readonly(staged))
    except BaseException:
        _remove_with_companions(staged)
        raise
    replaced = None
    if db_file.exists():
        _checkpoint(db_file)
        replaced = db_file.with_name(f"{db_file.name}.replaced-{now.astimezone():%Y%m%d-%H%M%S}")
        os.replace(db_file, replaced)
        for end in SQLITE_COMPANIONS[1:]:
            with contextlib.suppress(FileNotFoundError):
                db_file.with_name(db_file.name + end).unlink()
    os.replace(staged, db_file)
    return Restored(migrations.HEAD, entries, replaced)


def _in_use(db_file: Path) -> bool:
    """Does any connection hold the file open? An app left running would go on writing into
    the database set aside. Every AfterDesk connection is in WAL mode and holds a shared lock
    while open, so an exclusive lock is refused at once."""
    conn = sqlite3.connect(db_file, timeout=0)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc).lower()
    except sqlite3.DatabaseError:  # not a database any more: nobody can be using it
        return False
    finally:
        conn.close()
    return False


def _checkpoint(db_file: Path) -> None:
    """Fold the -wal into the file, so the database kept aside is whole by itself."""
    with contextlib.suppress(sqlite3.DatabaseError):
        conn = sqlite3.connect(db_file)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def _remove_with_companions(path: Path) -> None:
    for end in SQLITE_COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + end).unlink()
