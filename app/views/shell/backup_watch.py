"""The daily backup of the built-in SQLite file while the app runs, and what the status bar
says about it (issue 12 §5). The copy itself is the service's (services/core/backups.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.config import LocalSettings
from app.db import Database
from app.models.errors import UserError
from app.services.core import backups
from app.services.core.actor import Actor
from app.views.kit.ops import Task, translate

CHECK_EVERY_MS = 60 * 60 * 1000  # is a copy due? Hourly: a PC asleep overnight catches up


class DailyBackups(QObject):
    status_changed = Signal(object, str)
    """The backup record changed or was read: a ``backups.BackupStatus``, and why the last
    try failed where the folder's record cannot say (the folder itself is gone)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        settings: LocalSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.settings = db, actor, settings
        self.db_file = backups.database_path(db)
        self.running = False
        self.error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(lambda: self.run_if_due(starting=False))

    def folder(self) -> Path:
        return backups.folder_for(self.db_file, self.settings.backup_dir)

    def status(self) -> backups.BackupStatus:
        return backups.status(self.folder(), self.db_file)

    def start(self) -> None:
        """The day's first start takes a copy; then one every 24 h while the app runs."""
        self.run_if_due(starting=True)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run_if_due(self, *, starting: bool) -> None:
        current = self.status()
        self.status_changed.emit(current, self.error)  # as it is now, until a new copy is in
        if self.running or not current.due(datetime.now(UTC), starting=starting):
            return
        self.running = True
        folder = self.folder()
        task = Task(self, lambda: backups.daily(self.db, self.actor, folder))
        task.success(self._done).failure(self._failed).finally_(self._finished).run()

    def _done(self, _done: backups.BackupDone) -> None:
        self.error = ""

    def _failed(self, error: UserError) -> None:
        # never a message box in front of someone packing parcels: the status bar says it
        self.error = error.message(translate)

    def _finished(self) -> None:
        self.running = False
        self.status_changed.emit(self.status(), self.error)


def warning(status: backups.BackupStatus, error: str = "", now: datetime | None = None) -> str:
    """What the status bar says; empty when the last good copy is recent."""
    now = now or datetime.now(UTC)
    failed_since = status.failed_at is not None and (
        status.taken_at is None or status.failed_at > status.taken_at
    )
    if not error and failed_since:
        error = status.failure
    if error:
        return QApplication.translate("Backups", "⚠ The last backup failed: {reason}").format(
            reason=error
        )
    if status.taken_at is None:
        return QApplication.translate(
            "Backups", "⚠ No backup of this database yet: see Settings → Backups."
        )
    if status.stale(now):  # more than 2 days: never "1 day", so no plural forms
        return QApplication.translate(
            "Backups", "⚠ The last good backup is {days} days old: see Settings → Backups."
        ).format(days=(now - status.taken_at).days)
    return ""


def last_good_text(status: backups.BackupStatus) -> str:
    """The Settings page's line about the last good copy."""
    if status.taken_at is None or status.last_good is None:
        return QApplication.translate("Backups", "No good backup yet.")
    return QApplication.translate(
        "Backups", "Last good backup: {when}, {file} ({entries} audit entries checked)."
    ).format(
        when=status.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        file=status.last_good.name,
        entries=status.audit_entries,
    )
