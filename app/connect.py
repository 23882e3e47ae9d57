"""Opening the configured database: URL, password from the keyring, schema check."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from app import migrations
from app.config import resolve_db_url
from app.db import Database, parse_url

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
    given: str | None = None, *, ask_password: AskPassword | None = None, upgrade: bool = True
) -> Database:
    """Connect, fetch a PostgreSQL password from the keyring (or ask), create/upgrade the schema."""
    url = parse_url(resolve_db_url(given))
    if url.get_backend_name() == "postgresql" and url.password is None:
        from app.credentials import db_password  # the keyring's import only when it is asked

        password = db_password(url)
        if password is None and ask_password is not None and _needs_password(url):
            password = ask_password(url.render_as_string(hide_password=True))
        if password:
            url = url.set(password=password)
    db = Database(url)
    if upgrade:
        try:
            migrations.upgrade(db)
        except Exception:
            db.dispose()
            raise
    return db
