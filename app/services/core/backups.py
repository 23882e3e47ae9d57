"""Backups of the built-in SQLite database: a daily checked copy, rotated.

A shop on one PC has nothing but this file, so once a day (the first start of the day, then
every 24 h while the app runs) a copy goes to the folder set in Settings (default: a
``backups`` folder beside the database; a USB drive or a synced folder is better). Each copy
is read back before it counts: ``PRAGMA integrity_check`` and the audit chain's verify. The
folder keeps 14 daily and 8 weekly copies (restic's rule: the newest copy of each of the last
14 days that have one, and of each of the last 8 ISO weeks that have one). What the last
good copy was is kept in a small JSON file in the folder, so any PC or command that looks at
the folder sees the same. PostgreSQL is backed up on its server with pg_dump (README).
Putting a copy back in place is ``backup_restore.restore``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.db import Database
from app.models.errors import DatabaseProblem, InvalidInput, UserError, os_reason
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.outputs import write_beside

DAILY_KEPT = 14
WEEKLY_KEPT = 8
INTERVAL = timedelta(hours=24)
STALE_AFTER = timedelta(days=2)  # the status bar warns past this
STAMP = "%Y-%m-%d-%H%M%S"
SQLITE_MAGIC = b"SQLite format 3\x00"


# -- names and rotation ----------------------------------------------------------------------
def database_path(db: Database) -> Path:
    if not db.is_sqlite:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "A PostgreSQL database is backed up on the server, with pg_dump.",
            )
        )
    return Path(db.url.database or "").expanduser().resolve()


def default_folder(db_file: Path) -> Path:
    return db_file.parent / "backups"


def folder_for(db_file: Path, chosen: str = "") -> Path:
    """The folder set in Settings, else ``backups`` beside the database."""
    return Path(chosen).expanduser() if chosen.strip() else default_folder(db_file)


def copy_name(db_file: Path, when: datetime) -> str:
    """``afterdesk-2026-12-06-093000.sqlite``: sorts by time, says whose and when."""
    return f"{db_file.stem}-{when.astimezone().strftime(STAMP)}.sqlite"


def copies(folder: Path, db_file: Path) -> dict[datetime, Path]:
    """This database's copies in ``folder`` by their local time (another database's, a
    copy that failed its check or a file of the person's own are not touched)."""
    pattern = re.compile(re.escape(db_file.stem) + r"-(\d{4}-\d\d-\d\d-\d{6})\.sqlite")
    found: dict[datetime, Path] = {}
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            match = pattern.fullmatch(path.name)
            if match:
                with contextlib.suppress(ValueError):
                    found[datetime.strptime(match.group(1), STAMP)] = path
    return found


def to_remove(
    stamps: Iterable[datetime], daily: int = DAILY_KEPT, weekly: int = WEEKLY_KEPT
) -> set[datetime]:
    """Which copies go: all but the newest of each of the last ``daily`` days that have a
    copy and the newest of each of the last ``weekly`` ISO weeks that have one."""
    ordered = sorted(set(stamps), reverse=True)
    newest_of_day: dict[object, datetime] = {}
    newest_of_week: dict[object, datetime] = {}
    for stamp in ordered:
        newest_of_day.setdefault(stamp.date(), stamp)
        newest_of_week.setdefault(stamp.isocalendar()[:2], stamp)
    keep = set(list(newest_of_day.values())[:daily]) | set(list(newest_of_week.values())[:weekly])
    return set(ordered) - keep


def rotate(folder: Path, db_file: Path) -> list[Path]:
    """Remove the copies the rule does not keep; the files removed."""
    found = copies(folder, db_file)
    removed = []
    for stamp in sorted(to_remove(found)):
        with contextlib.suppress(FileNotFoundError):
            found[stamp].unlink()
            removed.append(found[stamp])
    return removed


# -- checking a copy -------------------------------------------------------------------------
@dataclass(frozen=True)
class CopyCheck:
    revision: str
    audit_entries: int


def readonly(path: Path) -> Callable[[], sqlite3.Connection]:
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)

    return connect


def check_file(path: Path, *, audit_older: bool = False) -> CopyCheck:
    """Is ``path`` an intact AfterDesk database this version knows, with an intact audit
    chain? Raises ``DatabaseProblem`` saying what is wrong; reads only.

    The audit chain is verified when the schema is this version's (an older one is verified
    after its upgrade, by the restore), or always with ``audit_older``."""
    from app import migrations

    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=os_reason(exc),
        ) from exc
    if magic != SQLITE_MAGIC:
        raise _not_ours(path)
    try:
        conn = readonly(path)()
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            try:
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                revision = None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("UserError", "{path} is damaged: {reason}"),
            path=str(path),
            reason=str(exc),
        ) from exc
    if result != ["ok"]:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("UserError", "{path} is damaged: {reason}"),
            path=str(path),
            reason="; ".join(result[:3]),
        )
    if revision is None:
        raise _not_ours(path)
    known = migrations.known_revisions()
    if revision[0] not in known:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{path} was made by a newer AfterDesk (schema {revision}). "
                "Please update AfterDesk on this computer first.",
            ),
            path=str(path),
            revision=revision[0],
        )
    entries = 0
    if revision[0] == migrations.HEAD or audit_older:
        entries = verify_audit(readonly(path))
    return CopyCheck(revision[0], entries)


def verify_audit(connect: Callable[[], sqlite3.Connection], where: Path | None = None) -> int:
    """The audit chain's verify on a file; the entries checked, or why it fails."""
    from app.services.core import audit

    engine = create_engine("sqlite://", creator=connect)
    try:
        with Session(engine) as session:
            report = audit.verify(session)
    finally:
        engine.dispose()
    if not report.ok:
        first = report.problems[0]
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The audit log of the copy fails its check ({count} problems; the first: "
                "{problem}).",
            ),
            count=len(report.problems),
            problem=first.detail,
        )
    return report.checked


def _not_ours(path: Path) -> UserError:
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("UserError", "{where} is not an AfterDesk database file."),
        where=str(path),
    )


# -- the last good copy ------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupStatus:
    """What the folder's record says: the last good copy, and a failure since, if any."""

    last_good: Path | None = None
    taken_at: datetime | None = None  # aware
    audit_entries: int = 0
    failed_at: datetime | None = None
    failure: str = ""

    def stale(self, now: datetime) -> bool:
        return self.taken_at is None or now - self.taken_at > STALE_AFTER

    def due(self, now: datetime, *, starting: bool) -> bool:
        """At the day's first start: no good copy from today yet; while running: 24 h on."""
        if self.taken_at is None:
            return True
        if starting and self.taken_at.astimezone().date() < now.astimezone().date():
            return True
        return now - self.taken_at >= INTERVAL


def _record_path(folder: Path, db_file: Path) -> Path:
    return folder / f"{db_file.stem}-backups.json"


def status(folder: Path, db_file: Path) -> BackupStatus:
    try:
        raw = json.loads(_record_path(folder, db_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupStatus()
    try:
        return BackupStatus(
            last_good=folder / raw["file"] if raw.get("file") else None,
            taken_at=datetime.fromisoformat(raw["taken_at"]) if raw.get("taken_at") else None,
            audit_entries=int(raw.get("audit_entries", 0)),
            failed_at=datetime.fromisoformat(raw["failed_at"]) if raw.get("failed_at") else None,
            failure=str(raw.get("failure", "")),
        )
    except (KeyError, TypeError, ValueError):
        return BackupStatus()


def _save_status(folder: Path, db_file: Path, record: BackupStatus) -> None:
    data = {
        "file": record.last_good.name if record.last_good else "",
        "taken_at": record.taken_at.isoformat() if record.taken_at else "",
        "audit_entries": record.audit_entries,
        "failed_at": record.failed_at.isoformat() if record.failed_at else "",
        "failure": record.failure,
    }
    path = _record_path(folder, db_file)
    write_beside(path, lambda tmp: tmp.write_text(json.dumps(data, indent=2), encoding="utf-8"))


# -- taking one ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupDone:
    path: Path
    audit_entries: int
    removed: tuple[Path, ...]


def take(db: Database, folder: Path, now: datetime | None = None) -> BackupDone:
    """Copy the database into ``folder``, check the copy, record it, rotate the folder.

    A copy that fails its check is renamed ``….failed`` (kept for a look, never counted or
    rotated) and the failure is recorded and raised, so the status bar keeps warning.
    """
    db_file = database_path(db)
    now = now or datetime.now(UTC)
    if not folder.is_dir():
        if folder != default_folder(db_file):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The backup folder {folder} is not there (a USB drive not plugged in?). "
                    "No backup was taken.",
                ),
                folder=str(folder),
            )
        folder.mkdir(parents=True, exist_ok=True)
    target = folder / copy_name(db_file, now)
    write_beside(target, db.backup_to)
    before = status(folder, db_file)
    try:
        checked = check_file(target)
    except UserError as error:
        failed = target.with_name(target.name + ".failed")
        os.replace(target, failed)
        _save_status(folder, db_file, _replace(before, failed_at=now, failure=error.message()))
        raise
    _save_status(
        folder,
        db_file,
        BackupStatus(last_good=target, taken_at=now, audit_entries=checked.audit_entries),
    )
    return BackupDone(target, checked.audit_entries, tuple(rotate(folder, db_file)))


def daily(db: Database, actor: Actor, folder: Path, now: datetime | None = None) -> BackupDone:
    """The app's daily copy (``take``), let through by the capability table."""
    db.read(lambda session: require(session, actor, Action.BACKUP_DAILY))
    return take(db, folder, now)


def _replace(record: BackupStatus, **changes: object) -> BackupStatus:
    from dataclasses import replace

    return replace(record, **changes)  # type: ignore[arg-type]
