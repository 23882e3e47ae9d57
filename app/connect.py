"""Opening the configured database: URL, password from the keyring, schema check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from app import migrations
from app.config import resolve_db_url
from app.db import Database, parse_url
from app.models.errors import DatabaseProblem
from app.models.i18n import QT_TRANSLATE_NOOP

AskPassword = Callable[[str], str | None]


def _needs_password(url: URL) -> bool:
    """True if the server refused us for want of a password (trust setups need none)."""
    probe = Database(url)
    try:
        with probe.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        return "password" in str(exc.orig).lower()
    finally:
        probe.dispose()
    return False


def open_database(
    given: str | None = None,
    *,
    ask_password: AskPassword | None = None,
    create: bool = False,
    upgrade: bool = False,
    check_schema: bool = True,
) -> Database:
    """Connect (a PostgreSQL password from the keyring, or asked) and check the schema.

    Only ``create`` makes a new database (``init``, ``demo``, the app's first start on its
    default file): a mistyped --db must not quietly become an empty database. Only
    ``upgrade`` changes an old schema; otherwise it is refused with "run afterdesk init".
    """
    url = parse_url(resolve_db_url(given))
    if url.get_backend_name() == "postgresql" and url.password is None:
        from app.credentials import db_password  # the keyring's import only when it is asked

        password = db_password(url)
        if password is None and ask_password is not None and _needs_password(url):
            password = ask_password(url.render_as_string(hide_password=True))
        if password:
            url = url.set(password=password)
    elif url.get_backend_name() == "sqlite":
        path = Path(url.database or "").expanduser()
        if not path.exists():
            if not create:
                raise DatabaseProblem(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "There is no database at {path}. Check the address; "
                        "a new database is made with “afterdesk init”.",
                    ),
                    path=str(path),
                )
            path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    if not check_schema:
        return db
    try:
        state, _ = migrations.schema_state(db)
        # the desktop app upgrades a SQLite file (backed up first); a team's PostgreSQL
        # schema changes only by `afterdesk init --pg-dump-done`, after the server's backup
        outdated_server = not db.is_sqlite and state is migrations.SchemaState.OUTDATED
        if (create and state is migrations.SchemaState.EMPTY) or (upgrade and not outdated_server):
            migrations.upgrade(db)
        else:
            migrations.require_current(db)
    except Exception:
        db.dispose()
        raise
    return db
