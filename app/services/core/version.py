"""Which AfterDesk this is, and which schema revision it writes and the open database has:
the About box shows them, so a support call starts from the same facts."""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database


@dataclass(frozen=True)
class About:
    version: str
    schema: str  # the schema revision this version writes
    database_schema: str | None  # the open database's, None when it has none


def about(db: Database | None = None) -> About:
    """The version and schema revision: ``afterdesk --version`` and the About box."""
    from app import __version__, migrations

    recorded = None
    if db is not None:
        recorded = migrations.schema_state(db)[1]
    return About(__version__, migrations.HEAD, recorded)
