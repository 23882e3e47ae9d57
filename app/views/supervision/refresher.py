"""Task lists reload by themselves: once shortly after a burst of changes seen from any PC
(a case signed for, an order printed may make or end a task), and every minute, as deadlines
pass with time and not only with changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.views.kit.ops import hub

EVERY_MS = 60_000


class Refresher(QObject):
    def __init__(self, parent: QObject, reload: Callable[[], None], *, settle_ms: int) -> None:
        super().__init__(parent)
        self._reload = reload
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._run)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._run)
        self._clock.start(EVERY_MS)
        # bound methods: Qt drops the connections when the page (and this) goes
        hub().data_changed.connect(self._poke)
        hub().changes_seen.connect(self._poke)

    def _poke(self, *_args: object) -> None:
        self._settle.start()

    def _run(self) -> None:
        if hub().db is not None:  # signed out (or a test's database gone) while one was due
            self._reload()
