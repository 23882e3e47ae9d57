"""The app's daily backup as a person sees it (issue 12 §5, §6): the status bar's warning for
an old or failed backup, Settings → Backups with the last good copy, the About box."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import __version__, migrations
from app.config import LocalSettings
from app.db import Database
from app.models import Role
from app.services.core import backups
from app.services.core.actor import Actor
from app.views.shell import app as gui_app
from app.views.shell.main_window import MainWindow
from app.views.shell.settings_dialog import SettingsDialog
from app.views.shell.signin import SignInDialog


def _desk(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database, actor: Actor, settings
) -> tuple[gui_app.Desk, MainWindow]:
    monkeypatch.setattr(SignInDialog, "ask", lambda *_a, **_k: actor)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk = gui_app.Desk(app, gui_app.Opened(db, True, True), settings)
    assert desk.start()
    assert desk.window is not None
    qtbot.addWidget(desk.window)
    return desk, desk.window


def _db_file(db: Database) -> Path:
    return Path(db.url.database or "")


def test_an_old_backup_warns_in_the_status_bar_until_the_new_one_is_in(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, gui_shop: Database, actors
) -> None:
    if not gui_shop.is_sqlite:
        desk, window = _desk(qtbot, monkeypatch, gui_shop, actors[Role.WAREHOUSE], LocalSettings())
        assert desk.backups is None and not window.backup_warning.isVisible()  # pg_dump's job
        return
    folder = backups.default_folder(_db_file(gui_shop))
    three_days_ago = datetime.now(UTC) - timedelta(days=3, hours=1)
    old = backups.take(gui_shop, folder, three_days_ago)
    desk, window = _desk(qtbot, monkeypatch, gui_shop, actors[Role.WAREHOUSE], LocalSettings())
    # the warehouse's PC: the day's first start shows the old one, and takes a new copy
    assert window.backup_warning.isVisible()
    assert "The last good backup is 3 days old: see Settings" in window.backup_warning.text()
    qtbot.waitUntil(lambda: not window.backup_warning.isVisible(), timeout=30_000)
    status = backups.status(folder, _db_file(gui_shop))
    assert status.last_good != old.path and status.audit_entries > 0
    assert status.taken_at is not None and status.taken_at > three_days_ago
    assert desk.backups is not None and desk.backups.timer.isActive()  # every 24 h from now
    desk.backups.stop()


def test_a_backup_folder_that_is_gone_is_said_in_the_status_bar(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, gui_shop: Database, actors, tmp_path: Path
) -> None:
    if not gui_shop.is_sqlite:
        pytest.skip("PostgreSQL is backed up on its server")
    usb = tmp_path / "media" / "USB-STICK"
    settings = LocalSettings(backup_dir=str(usb))
    desk, window = _desk(qtbot, monkeypatch, gui_shop, actors[Role.PRINTER], settings)
    qtbot.waitUntil(lambda: "is not there" in window.backup_warning.text(), timeout=30_000)
    text = window.backup_warning.text()
    assert text.startswith("⚠ The last backup failed: The backup folder") and str(usb) in text
    assert desk.backups is not None
    desk.backups.stop()


def test_settings_show_the_last_good_backup_and_only_an_administrator_moves_it(
    qtbot: QtBot, gui_shop: Database, actors, tmp_path: Path
) -> None:
    if not gui_shop.is_sqlite:
        dialog = SettingsDialog(None, LocalSettings(), actors[Role.ADMIN], None)
        qtbot.addWidget(dialog)
        assert dialog.backup_folder is None  # no Backups box for a server's database
        return
    done = backups.take(gui_shop, backups.default_folder(_db_file(gui_shop)))
    settings = LocalSettings()
    dialog = SettingsDialog(None, settings, actors[Role.ADMIN], gui_shop)
    qtbot.addWidget(dialog)
    dialog.show()
    assert done.path.name in dialog.last_backup.text()
    assert dialog.last_backup.text().startswith("Last good backup: ")
    assert dialog.backup_folder is not None and dialog.backup_folder.isEnabled()
    assert dialog.backup_folder.placeholderText().endswith("backups")
    dialog.backup_folder.setText(str(tmp_path / "synced"))
    dialog.save()
    assert LocalSettings.load().backup_dir == str(tmp_path / "synced")
    other = SettingsDialog(None, LocalSettings.load(), actors[Role.PRINTER], gui_shop)
    qtbot.addWidget(other)
    assert other.backup_folder is not None and not other.backup_folder.isEnabled()
    assert "administrator" in other.backup_folder.toolTip().lower()
    assert other.last_backup.text() == "No good backup yet."  # none in the new folder yet


def test_about_names_the_version_and_the_schema(qtbot: QtBot, gui_shop: Database, actors) -> None:
    window = MainWindow(actors[Role.PRESALES], gui_shop.describe(), LocalSettings())
    qtbot.addWidget(window)
    text = window.about_text()
    assert __version__ in text
    assert f"Database schema {migrations.HEAD}; this database: {migrations.HEAD}" in text
