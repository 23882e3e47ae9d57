"""Live updates in GUI tests: this PC's feed of what another PC (another session) changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pytestqt.qtbot import QtBot

from app.db import Database
from app.views.kit.live import LiveUpdates
from app.views.kit.ops import hub


@contextmanager
def live_updates(qtbot: QtBot, db: Database) -> Iterator[int]:
    """The app's live updates read from ``db`` into ``hub().changes_seen``, started (listening,
    on PostgreSQL) and stopped after; yields the promise in ms: 3 s SQLite, 1 s PostgreSQL."""
    live = LiveUpdates(db)
    live.changes_seen.connect(hub().changes_seen)
    try:
        if db.is_sqlite:
            live.start()
        else:
            with qtbot.waitSignal(live.listening_changed, timeout=10_000):
                live.start()
        yield 3_000 if db.is_sqlite else 1_000
    finally:
        live.stop()
        live.changes_seen.disconnect(hub().changes_seen)
