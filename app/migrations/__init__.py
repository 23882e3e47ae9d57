"""Schema versions (Alembic), applied by ``afterdesk init`` and at start-up."""

from __future__ import annotations

import enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from app.db import Database
from app.models.errors import DatabaseProblem
from app.models.i18n import QT_TRANSLATE_NOOP

HERE = Path(__file__).parent


class SchemaState(enum.Enum):
    EMPTY = "empty"
    OUTDATED = "outdated"
    CURRENT = "current"
    NEWER = "newer"
    FOREIGN = "foreign"  # tables, but not ours


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def schema_state(db: Database) -> tuple[SchemaState, str | None]:
    def check(conn_session):  # type: ignore[no-untyped-def]
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


def upgrade(db: Database) -> bool:
    """Create or upgrade the schema. Returns True if anything changed."""
    state, revision = schema_state(db)
    if state is SchemaState.CURRENT:
        return False
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
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def require_current(db: Database) -> None:
    """Upgrade an empty or old schema; refuse a newer or foreign one."""
    upgrade(db)
