"""Schema versions (Alembic), applied by ``afterdesk init`` (and the desktop app's start)."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from app.db import Database
from app.models.errors import DatabaseProblem
from app.models.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
# The newest revision in versions/ (a test keeps the two in step): checking it with one
# query spares every start-up the import of Alembic.
HEAD = "0026"


class SchemaState(enum.Enum):
    EMPTY = "empty"
    OUTDATED = "outdated"
    CURRENT = "current"
    NEWER = "newer"
    FOREIGN = "foreign"  # tables, but not ours


def _config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every schema revision this version can open or upgrade from."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def _recorded_revision(db: Database) -> str | None:
    def read(session):
        return session.execute(text("SELECT version_num FROM alembic_version")).scalar()

    try:
        return db.read(read)
    except DBAPIError:
        return None


def schema_state(db: Database) -> tuple[SchemaState, str | None]:
    if _recorded_revision(db) == HEAD:
        return SchemaState.CURRENT, HEAD
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    def check(conn_session):
        conn = conn_session.connection()
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            tables = set(inspect(conn).get_table_names())
            return (SchemaState.FOREIGN if tables else SchemaState.EMPTY), None
        script = ScriptDirectory.from_config(_config())
        if current == script.get_current_head():
            return SchemaState.CURRENT, current
        try:
            script.get_revision(current)
        except Exception:
            return SchemaState.NEWER, current
        return SchemaState.OUTDATED, current

    return db.read(check)


def _refuse_unusable(db: Database, state: SchemaState, revision: str | None) -> None:
    if state is SchemaState.NEWER:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "This database was made by a newer AfterDesk (schema {revision}). "
                "Please update AfterDesk on this computer.",
            ),
            revision=revision,
        )
    if state is SchemaState.FOREIGN:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{where} already holds other tables; AfterDesk will not write into it.",
            ),
            where=db.describe(),
        )


def _backup_beside(db: Database, revision: str | None) -> Path:
    """A copy of an old SQLite file next to it, taken before its schema changes."""
    source = Path(db.url.database or "").expanduser()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}.schema-{revision}-{stamp}.bak")
    db.backup_to(target)
    return target


def upgrade(
    db: Database,
    *,
    on_backup: Callable[[Path], None] | None = None,
    backup_first: bool = True,
) -> bool:
    """Create or upgrade the schema (``afterdesk init``). Returns True if anything changed.

    An old SQLite file is copied beside itself first (``on_backup`` hears where), so a
    failed or unwanted upgrade can be undone by putting the copy back; not with
    ``backup_first`` False (a restore upgrades a copy it holds the original of).
    """
    state, revision = schema_state(db)
    if state is SchemaState.CURRENT:
        return False
    _refuse_unusable(db, state, revision)
    if state is SchemaState.OUTDATED and db.is_sqlite and backup_first:
        saved = _backup_beside(db, revision)
        log.info("backed up %s before the schema upgrade to %s", db.describe(), saved)
        if on_backup is not None:
            on_backup(saved)
    from alembic import command

    _run(db, lambda cfg: command.upgrade(cfg, "head"))
    return True


def downgrade(db: Database, revision: str) -> None:
    """Step the schema back to ``revision`` (tests of a migration; support in an emergency)."""
    from alembic import command

    _run(db, lambda cfg: command.downgrade(cfg, revision))


def _run(db: Database, step: Callable[[Any], None]) -> None:
    """One migration step in one transaction.

    SQLite changes some constraints only by copying a table (alembic's batch mode); with
    foreign keys on, dropping the old copy of a table others point at fails. SQLite's own
    procedure: keys off outside the transaction, the copy, then ``foreign_key_check``
    before commit, keys on again.
    """
    cfg = _config()
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # no-op inside a transaction: before BEGIN
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                step(cfg)
                if raw is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise DatabaseProblem(
                            QT_TRANSLATE_NOOP(
                                "UserError",
                                "The schema change left a row of {table} pointing nowhere; "
                                "nothing was changed.",
                            ),
                            table=broken[0],
                        )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def require_current(db: Database) -> None:
    """Refuse anything but a current schema: creating and upgrading are ``init``'s job."""
    state, revision = schema_state(db)
    if state is SchemaState.CURRENT:
        return
    _refuse_unusable(db, state, revision)
    if state is SchemaState.EMPTY:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{where} holds no AfterDesk database yet: run “afterdesk init” to create one.",
            ),
            where=db.describe(),
        )
    raise DatabaseProblem(
        QT_TRANSLATE_NOOP(
            "UserError",
            "The database {where} has an older schema ({revision}): "
            "run “afterdesk init” to upgrade it (a SQLite file is backed up first).",
        ),
        where=db.describe(),
        revision=revision,
    )
