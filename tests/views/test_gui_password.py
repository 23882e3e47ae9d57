"""Changing one's own password from the main window's menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import Role
from app.models.errors import AuthenticationFailed
from app.services.core import accounts
from app.services.core.actor import Actor
from app.views.shell.main_window import MainWindow
from app.views.shell.password_dialog import PasswordDialog


def test_change_my_password_from_the_menu(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    window = MainWindow(actors[Role.PRESALES], "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []

    def ask(parent: QWidget | None, actor: Actor) -> bool:
        dialog = PasswordDialog(parent, actor)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.current.setText("demo")
        dialog.new.setText("zhang-2026-pw")
        dialog.repeat.setText("zhang-2026-px")  # a slip: caught in the dialog
        dialog.save()
        seen.append(dialog.banner.text())
        dialog.current.setText("wrong")
        dialog.repeat.setText("zhang-2026-pw")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and "not right" in dialog.banner.text())
        seen.append(dialog.banner.text())
        dialog.current.setText("demo")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.changed)
        return dialog.changed

    monkeypatch.setattr(PasswordDialog, "ask", ask)
    [action] = [a for a in window.menuBar().actions()[0].menu().actions() if "password" in a.text()]
    assert action.text() == "Change my &password…"
    action.trigger()
    assert seen == [
        "The two new passwords differ.",
        "Your current password is not right; nothing changed.",
    ]
    assert accounts.sign_in(gui_shop, "presales", "zhang-2026-pw").username == "presales"
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(gui_shop, "presales", "demo")
    assert not errors
