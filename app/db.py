"""Engine, sessions and schema upgrades.

One ``Database`` per process. Services never commit: ``Database.write(fn)``
runs ``fn(session)`` as one short transaction (one user action) and retries it
when another writer holds the lock; ``Database.read(fn)`` does the same for
queries. Writers are serialized: SQLite by ``BEGIN IMMEDIATE``, PostgreSQL by
a transaction-scoped advisory lock, so the audit chain never forks.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.models.errors import DatabaseProblem, disk_full
from app.models.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
T = TypeVar("T")

WRITE_LOCK_KEY = 0x41667465  # "Afte": the advisory lock every PostgreSQL writer takes
RETRIES = 8
NEARLY_FULL = 1024 * 1024  # bytes free under which a SQLite I/O error means a full disk
MIGRATIONS = Path(__file__).parent / "migrations"


def parse_url(raw: str) -> URL:
    """Parse and check a database URL, refusing anything but SQLite and PostgreSQL."""
    try:
        url = make_url(raw.strip())
    except (ArgumentError, ValueError) as exc:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("UserError", "“{url}” is not a database address."), url=raw
        ) from exc
    if url.get_backend_name() == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
        if not url.host and not url.query.get("host"):
            url = url.set(host="localhost")
    elif url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("UserError", "A SQLite database needs a file path: {url}"),
                url=raw,
            )
    else:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Unsupported database “{url}”: use sqlite:///FILE or postgresql://HOST/NAME.",
            ),
            url=raw,
        )
    return url


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # A deferred BEGIN that later writes fails at once with "database is locked";
    # IMMEDIATE takes the write lock up front and waits politely (busy_timeout).
    writing = conn.get_execution_options().get("afterdesk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _transient(exc: DBAPIError) -> bool:
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in {"40001", "40P01", "55P03"}:
        return True
    return isinstance(orig, sqlite3.OperationalError) and "locked" in str(orig).lower()


def _postgres_session(dbapi_conn: Any, _record: Any) -> None:
    # psycopg prepares a statement after five runs, and PostgreSQL then may switch to a
    # generic plan that ignores the values: for the name-search join that is 7-10x slower
    # (a posting list walked in full). Plans made for the actual values cost ~1 ms.
    with dbapi_conn.cursor() as cur:
        cur.execute("SET plan_cache_mode = force_custom_plan")
    dbapi_conn.commit()


class Database:
    """The connection to the shared order database."""

    def __init__(self, url: str | URL, *, echo: bool = False) -> None:
        self.url = parse_url(url) if isinstance(url, str) else url
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 5, "application_name": "AfterDesk"}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        else:
            event.listen(self.engine, "connect", _postgres_session)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(afterdesk_write=True), expire_on_commit=False
        )

    # -- transactions -------------------------------------------------------------
    def read(self, fn: Callable[[Session], T]) -> T:
        """Run a query in its own short transaction."""
        with self._translate_errors(), self._reader() as session, session.begin():
            return fn(session)

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run one user action as one transaction, retrying if another writer holds the lock."""
        delay = 0.05
        for attempt in range(RETRIES):
            try:
                with (
                    self._translate_errors(transient_ok=True),
                    self._writer() as session,
                    session.begin(),
                ):
                    if not self.is_sqlite:
                        session.execute(
                            text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY}
                        )
                    return fn(session)
            except _Retry:
                if attempt == RETRIES - 1:
                    raise DatabaseProblem(
                        QT_TRANSLATE_NOOP(
                            "UserError",
                            "The database stayed busy; nothing was saved. Please try again.",
                        )
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")

    def _translate_errors(self, *, transient_ok: bool = False) -> _ErrorTranslator:
        return _ErrorTranslator(self, transient_ok)

    def backup_to(self, target: Path, *, pages: int = -1, sleep: float = 0.0) -> None:
        """A consistent copy of a SQLite file while others keep working (SQLite's backup API).

        In one step by default: under WAL the step's read transaction does not stop anyone
        writing (benchmarks/backup_while_working.py measures it), while a copy in several
        steps starts over whenever another connection writes between two steps, and a busy
        shop's copy of a large file then never ends. The copy is left in rollback-journal
        mode, a whole database in one file that opens read-only anywhere.
        """
        if not self.is_sqlite:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "A PostgreSQL database is backed up on the server, with pg_dump.",
                )
            )
        target = Path(target).expanduser()  # checked by the caller (services/core/outputs.py)
        with self._translate_errors():
            source = self.engine.raw_connection()
            try:
                dest = sqlite3.connect(target)
                try:
                    source.driver_connection.backup(  # type: ignore[union-attr]
                        dest, pages=pages, sleep=sleep
                    )
                    dest.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dest.close()
            finally:
                source.close()

    def refresh_statistics(self, tables: tuple[str, ...]) -> None:
        """After a bulk load: PostgreSQL's planner needs VACUUM (ANALYZE), outside a transaction."""
        if self.is_sqlite:
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql(f"VACUUM (ANALYZE) {', '.join(tables)}")

    def describe(self) -> str:
        """The address without its password, for messages and the title bar."""
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


class _Retry(Exception):
    pass


class _ErrorTranslator:
    """Turns driver errors that a user can act on into ``DatabaseProblem``."""

    def __init__(self, db: Database, transient_ok: bool) -> None:
        self.db = db
        self.transient_ok = transient_ok

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> Literal[False]:
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise disk_full() from exc
        if not isinstance(exc, DBAPIError):
            return False
        if self.transient_ok and _transient(exc):
            raise _Retry() from exc
        if self._disk_full(exc):
            raise disk_full() from exc
        orig = exc.orig
        if isinstance(orig, sqlite3.DatabaseError) and "not a database" in str(orig):
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("UserError", "{where} is not an AfterDesk database file."),
                where=self.db.url.database,
            ) from exc
        if (isinstance(exc, OperationalError) and exc.connection_invalidated) or _is_connect_error(
            exc
        ):
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("UserError", "Cannot reach the database {where}: {reason}"),
                where=self.db.describe(),
                reason=str(orig).strip().splitlines()[0] if orig else "",
            ) from exc
        return False

    def _disk_full(self, exc: DBAPIError) -> bool:
        orig = exc.orig
        if getattr(orig, "sqlstate", None) == "53100":  # PostgreSQL: disk_full
            return True
        name = getattr(orig, "sqlite_errorname", "")
        if name == "SQLITE_FULL":
            return True
        # a full disk can also fail the WAL index first, as an I/O error: ask the disk
        if name.startswith("SQLITE_IOERR") and self.db.is_sqlite:
            folder = Path(self.db.url.database or "").expanduser().parent
            with contextlib.suppress(OSError):
                return shutil.disk_usage(folder).free < NEARLY_FULL
        return False


def _is_connect_error(exc: DBAPIError) -> bool:
    orig = exc.orig
    name = type(orig).__name__ if orig else ""
    message = str(orig).lower()
    return name == "OperationalError" and (
        "connection" in message or "could not" in message or "unable to open" in message
    )


def db_now(session: Session) -> datetime:
    """The database server's clock, as an aware UTC datetime: notes are signed with it."""
    # no autoflush: asking the time must not write half-made changes (one UPDATE per change)
    with session.no_autoflush:
        if session.get_bind().dialect.name == "sqlite":
            raw = session.execute(select(func.strftime("%Y-%m-%d %H:%M:%f", "now"))).scalar_one()
            return datetime.fromisoformat(raw).replace(tzinfo=UTC)
        value = session.execute(select(func.clock_timestamp())).scalar_one()
        return value.astimezone(UTC)
