"""Upgrades (issue 12 §6) through the doors a person uses: the command line and the desktop
app's start, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app import __version__, migrations
from app.connect import open_database
from app.db import Database
from app.models.errors import DatabaseProblem
from tests.test_cli import afterdesk


def _revision(db_url: str) -> str | None:
    db = Database(db_url)
    try:
        return migrations.schema_state(db)[1]
    finally:
        db.dispose()


def test_a_database_a_newer_afterdesk_upgraded_is_refused_by_every_door(db_url: str) -> None:
    assert afterdesk(db_url, "demo", "--orders", "5").returncode == 0
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    db.dispose()
    message = (
        "This database was made by a newer AfterDesk (schema 0099). "
        "Please update AfterDesk on this computer."
    )
    for args in (("init",), ("init", "--pg-dump-done"), ("orders", "list"), ("backup",)):
        result = afterdesk(db_url, *args, user="admin")
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
    zh = afterdesk(db_url, "orders", "list", lang="zh_CN")
    assert zh.returncode == 2 and "0099" in zh.stderr and "newer" not in zh.stderr
    with pytest.raises(DatabaseProblem, match="newer AfterDesk"):  # the desktop app's start
        open_database(db_url, upgrade=True)
    assert _revision(db_url) == "0099"  # nothing was written


def _old(db_url: str, revision: str = "0005") -> None:
    from alembic import command

    db = Database(db_url)
    cfg = migrations._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    db.dispose()


def test_the_desktop_start_backs_sqlite_up_first_and_leaves_a_server_to_init(
    db_url: str, tmp_path: Path
) -> None:
    _old(db_url)
    if db_url.startswith("sqlite"):
        db = open_database(db_url, upgrade=True)
        db.dispose()
        assert _revision(db_url) == migrations.HEAD
        copies = list(tmp_path.glob("afterdesk.sqlite.schema-0005-*.bak"))
        assert len(copies) == 1  # named so the person finds it: old revision, date, time
        return
    # a team's server: its schema changes only by init after a pg_dump, never at a PC's start
    with pytest.raises(DatabaseProblem) as refused:
        open_database(db_url, upgrade=True)
    assert "has an older schema (0005): run “afterdesk init”" in refused.value.message()
    assert _revision(db_url) == "0005"


def test_version_names_the_schema_revision() -> None:
    for flag in ("--version", "-V"):
        result = afterdesk("sqlite:////nonexistent.sqlite", flag, user="")
        assert result.returncode == 0
        assert (
            result.stdout.strip() == f"AfterDesk {__version__} (database schema {migrations.HEAD})"
        )
