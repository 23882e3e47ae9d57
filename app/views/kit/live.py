"""Live updates: what anyone changed reaches the open screens without a reload by hand.

PostgreSQL pushes: a LISTEN connection of its own, whose socket feeds a
``QSocketNotifier`` on the GUI thread (no polling thread). A NOTIFY makes us read the
change feed (the audit log) at once; a slow safety poll catches what was missed while
that connection was down, and reconnects it. SQLite has no push: the feed is polled
every second. The feed is read off the GUI thread, one read at a time; the signal
carries ``ChangeEvent`` rows (ids and keys), never the changed rows themselves.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from app.db import Database
from app.services.core.events import ChangeEvent, ChangeFeed, PgListener
from app.views.kit.ops import Task

log = logging.getLogger(__name__)

POLL_MS = 1_000  # SQLite: seen within 3 s is the promise
SAFETY_MS = 10_000  # PostgreSQL: in case a NOTIFY was lost with its connection


def _open_listener(db: Database) -> PgListener | None:
    """Runs in a worker: connecting may take as long as the network wants."""
    try:
        return PgListener(db.url)
    except Exception:
        log.warning("cannot LISTEN for changes; polling every %d s", SAFETY_MS // 1000)
        return None


def _read(feed: ChangeFeed) -> tuple[list[ChangeEvent], BaseException | None]:
    """Runs in a worker; a failure (database gone for a moment) is logged, never shown."""
    try:
        return feed.poll(), None
    except Exception as exc:
        return [], exc


class LiveUpdates(QObject):
    changes_seen = Signal(object)
    """New changes were read from the change feed (a non-empty list of ``ChangeEvent``)."""

    listening_changed = Signal(bool)
    """The PostgreSQL LISTEN connection came up (True) or was lost (False)."""

    def __init__(
        self,
        db: Database,
        parent: QObject | None = None,
        *,
        poll_ms: int = POLL_MS,
        safety_ms: int = SAFETY_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.feed: ChangeFeed | None = None
        self.listener: PgListener | None = None
        self.notifier: QSocketNotifier | None = None
        self.interval = poll_ms if db.is_sqlite else safety_ms
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._reading = False
        self._again = False
        self._connecting = False
        self._failing = False

    # -- starting and stopping -----------------------------------------------------------
    def start(self) -> LiveUpdates:
        """From now on, changes made anywhere are announced (earlier ones are not)."""
        if self.feed is None:
            self.feed = ChangeFeed(self.db)
            self.timer.start(self.interval)
            if not self.db.is_sqlite:
                self._connect()
        return self

    def stop(self) -> None:
        self.timer.stop()
        self.feed = None
        self._detach()

    @property
    def is_running(self) -> bool:
        return self.feed is not None

    @property
    def is_listening(self) -> bool:
        return self.listener is not None

    def _connect(self) -> None:
        if self._connecting or self.listener is not None or self.feed is None:
            return
        self._connecting = True
        db = self.db
        Task(self, lambda: _open_listener(db)).success(self._attach).finally_(self._connected).run()

    def _connected(self) -> None:
        self._connecting = False

    def _attach(self, listener: PgListener | None) -> None:
        if listener is None:
            return
        if self.feed is None or self.listener is not None:  # stopped meanwhile
            listener.close()
            return
        self.listener = listener
        self.notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._notified)
        self.listening_changed.emit(True)
        self.read()  # whatever happened while we were connecting

    def _detach(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            if shiboken6.isValid(self.notifier):
                self.notifier.deleteLater()
            self.notifier = None
        if self.listener is not None:
            listener, self.listener = self.listener, None
            try:
                listener.close()
            except Exception:  # already broken: nothing to close
                log.debug("closing a broken LISTEN connection", exc_info=True)
            self.listening_changed.emit(False)

    # -- hearing of changes --------------------------------------------------------------
    def _notified(self, *_args: object) -> None:
        if self.listener is None:
            return
        try:
            ids = self.listener.pending()
        except Exception:  # the connection dropped: the safety poll reconnects
            log.warning("the LISTEN connection was lost; reconnecting", exc_info=True)
            self._detach()
            return
        if ids:
            self.read()

    def _tick(self) -> None:
        if not self.db.is_sqlite and self.listener is None:
            self._connect()
        self.read()

    def read(self) -> None:
        """Read the change feed now (off the GUI thread); announce what is new."""
        feed = self.feed
        if feed is None:
            return
        if self._reading:  # one read at a time; another follows at once
            self._again = True
            return
        self._reading = True
        Task(self, lambda: _read(feed)).success(
            lambda result: self._delivered(feed, *result)
        ).finally_(self._read_done).run()

    def _delivered(
        self, feed: ChangeFeed, events: list[ChangeEvent], error: BaseException | None
    ) -> None:
        if error is not None:
            if not self._failing:  # say it once, not every second
                log.warning("cannot read the change feed: %s", error)
            self._failing = True
            return
        self._failing = False
        if events and feed is self.feed:
            self.changes_seen.emit(events)

    def _read_done(self) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self.read()
