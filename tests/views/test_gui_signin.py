"""Starting the app: the database check, signing in (the first start: test_gui_first_start)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import migrations
from app.config import LocalSettings
from app.db import Database
from app.models import Role
from app.views.kit.ops import wait_for_ops
from app.views.shell import app as gui_app
from app.views.shell.db_problem import DatabaseProblemDialog
from app.views.shell.signin import SignInDialog


def test_sign_in_wrong_then_right_password(qtbot: QtBot, gui_shop: Database) -> None:
    settings = LocalSettings()
    dialog = SignInDialog(None, gui_shop, settings, demo_accounts=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_box is not None  # a demo database shows its accounts
    dialog.username.setText("presales")
    dialog.password.setText("wrong")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.banner.isVisible() and dialog.buttons.isEnabled())
    assert "Wrong user name or password" in dialog.banner.text()
    assert dialog.isVisible() and dialog.actor is None  # the dialog stays

    dialog.password.setText("demo")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.actor is not None)
    assert dialog.actor is not None and dialog.actor.roles == frozenset({Role.PRESALES})
    assert dialog.result() == dialog.DialogCode.Accepted
    assert LocalSettings.load().last_user == "presales"  # remembered for next time


def test_sign_in_remembers_last_user_and_fills_demo_account(
    qtbot: QtBot, gui_shop: Database
) -> None:
    dialog = SignInDialog(None, gui_shop, LocalSettings(last_user="printer"), demo_accounts=True)
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "printer"
    plain = SignInDialog(None, gui_shop, LocalSettings(), demo_accounts=False)
    qtbot.addWidget(plain)
    assert plain.demo_box is None


def test_a_file_that_is_not_a_database_offers_another(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database, just some text" * 100)
    good = f"sqlite:///{tmp_path / 'good.sqlite'}"
    made = Database(good)  # another existing database (only the default file is created here)
    migrations.upgrade(made)
    made.dispose()
    asked: list[str] = []

    def ask(_parent: object, message: str, url: str) -> str | None:
        asked.append(message)
        return good

    monkeypatch.setattr(DatabaseProblemDialog, "ask", ask)
    settings = LocalSettings()
    opened = gui_app.open_interactively(f"sqlite:///{junk}", settings)
    try:
        assert opened is not None and "good.sqlite" in opened.db.describe()
        assert not opened.has_users and not opened.demo
        assert len(asked) == 1 and "not an AfterDesk database" in asked[0]
        assert LocalSettings.load().db_url == good  # what worked is remembered
    finally:
        wait_for_ops()
        if opened:
            opened.db.dispose()


def test_quitting_at_a_database_problem_exits_cleanly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(DatabaseProblemDialog, "ask", lambda *_args: None)
    assert gui_app.run_gui(db_url="mysql://nobody@nowhere/x", language="en") == 1


def test_database_problem_dialog_returns_the_typed_url(qtbot: QtBot) -> None:
    dialog = DatabaseProblemDialog(None, "Cannot reach the database", "postgresql://a@b/c")
    qtbot.addWidget(dialog)
    dialog.url.setText("sqlite:////tmp/other.sqlite")
    dialog._open()
    assert dialog.chosen == "sqlite:////tmp/other.sqlite"


def test_sign_out_returns_to_the_sign_in_window_and_the_app_keeps_running(
    qtbot: QtBot, gui_shop: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shift change: the real sign-in dialog closes while no other window shows; Qt's
    "last window closed" must not end the app before the next person's window opens."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk = gui_app.Desk(app, gui_app.Opened(gui_shop, True, True), LocalSettings())
    real_ask = SignInDialog.ask.__func__  # type: ignore[attr-defined]
    seen: list[str] = []

    def ask(cls, parent, db, settings, *, demo_accounts: bool):  # type: ignore[no-untyped-def]
        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, SignInDialog)
            dialog.username.setText("presales" if seen else "admin")
            dialog.password.setText("demo")
            dialog.sign_in()

        QTimer.singleShot(0, fill)
        actor = real_ask(cls, parent, db, settings, demo_accounts=demo_accounts)
        seen.append(actor.username)
        QApplication.processEvents()  # whatever the closing dialog posted is handled now
        return actor

    monkeypatch.setattr(SignInDialog, "ask", classmethod(ask))

    assert desk.start()  # as the app does, before its event loop runs

    def shift_change() -> None:
        assert desk.window is not None
        desk.window.sign_out()
        QTimer.singleShot(0, lambda: app.exit(7))  # still running: the test ends it

    QTimer.singleShot(0, shift_change)
    assert app.exec() == 7
    assert seen == ["admin", "presales"]
    assert desk.window is not None and desk.window.isVisible()
    assert desk.window.actor.username == "presales" and app.quitOnLastWindowClosed()
    # deleted, as the app deletes a signed-out window: alive, it reloads on later tests' changes
    desk.window.close()
    desk.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
