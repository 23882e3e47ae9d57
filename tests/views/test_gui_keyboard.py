"""Keyboard only: Tab leaves tables, every button has an Alt+letter of its own, focus shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenuBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import RequestKind, Role, Stage
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.views.changes.address_dialog import AddressDialog
from app.views.kit.keyboard import KeyboardAccess, install_keyboard_access, mnemonic, with_mnemonic
from app.views.kit.ops import wait_for_ops
from app.views.shell.main_window import MainWindow
from tests.views.test_gui_screens import all_roles_admin, factories


@pytest.fixture(autouse=True)
def keyboard(qtbot: QtBot) -> Iterator[KeyboardAccess]:
    """What the app installs at start (shell.app.run_gui)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style = app.styleSheet()
    access = install_keyboard_access(app)
    yield access
    app.removeEventFilter(access)
    app.setStyleSheet(style)


def _window(qtbot: QtBot, actor: Actor) -> MainWindow:
    window = MainWindow(actor, "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _open_paid_order(qtbot: QtBot, db: Database, window: MainWindow) -> None:
    order_no = db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0].order_no
    window.show_page("orders")  # My tasks is the first page (issue 13)
    page = window.orders
    page.search.setText(order_no)
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        page.run_search()


def test_tab_from_the_search_box_reaches_the_change_buttons(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    window = _window(qtbot, actors[Role.PRESALES])
    _open_paid_order(qtbot, gui_shop, window)
    buttons = window.orders.detail.change_buttons
    assert buttons[RequestKind.ADDRESS].isEnabled() and buttons[RequestKind.CANCEL].isEnabled()
    window.orders.focus_search()
    reached: list[QWidget] = []
    for _ in range(30):  # 30 presses, not one per cell of a 200-row list
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert window.orders.table in reached  # the list is one stop ...
    assert buttons[RequestKind.ADDRESS] in reached  # ... then the order's 修改地址…
    assert buttons[RequestKind.CANCEL] in reached  # ... and 取消订单…


def test_alt_and_a_letter_presses_each_button_and_no_two_share_one(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, all_roles_admin(gui_shop))
    for key in window.page_keys():
        window.show_page(key)
        shown = [
            b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text().strip()
        ]
        letters = [mnemonic(b.text()) for b in shown]
        letters += [mnemonic(a.text()) for a in window.findChild(QMenuBar).actions()]
        assert None not in letters, (key, [b.text() for b in shown])
        assert len(letters) == len(set(letters)), (key, sorted(letters))  # type: ignore[type-var]

    window.show_page("orders")
    _open_paid_order(qtbot, gui_shop, window)
    asked: list[str] = []
    monkeypatch.setattr(AddressDialog, "ask", lambda _p, _a, order: asked.append(order.order_no))
    address = window.orders.detail.change_buttons[RequestKind.ADDRESS]
    letter = mnemonic(address.text())
    assert letter is not None, address.text()
    qtbot.keyClick(window, letter, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked))  # the button shows itself pressed, then clicks
    assert asked == [window.orders.detail.order.order_no]  # type: ignore[union-attr]


def test_the_focused_button_is_framed(qtbot: QtBot, gui_shop: Database, actors) -> None:
    window = _window(qtbot, actors[Role.PRESALES])
    _open_paid_order(qtbot, gui_shop, window)
    button: QPushButton = window.orders.detail.change_buttons[RequestKind.ADDRESS]
    window.orders.focus_search()
    before = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    after = button.grab().toImage()
    assert before.size() == after.size() and before != after  # its look changes, not its size
    assert after.pixelColor(1, after.height() // 2).blue() > 180  # a blue frame at its edge


def test_mnemonics_are_added_in_the_language_of_the_text() -> None:
    assert with_mnemonic("Change address…", {"C"}) == "Change &address…"
    assert with_mnemonic("修改地址…", {"A"}) == "修改地址(&B)…"
    assert with_mnemonic("&Quit", set()) == "&Quit"  # a chosen letter stays
    assert with_mnemonic("Fish && chips", set()) == "&Fish && chips"
    assert mnemonic("Fish && chips") is None


def test_every_dialogs_buttons_have_letters_of_their_own(
    qtbot: QtBot, gui_shop: Database, tmp_path: Path
) -> None:
    for make in factories(gui_shop, tmp_path).values():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        assert wait_for_ops()
        shown = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        letters = [mnemonic(text) for text in shown if text.strip()]
        assert None not in letters and len(letters) == len(set(letters)), (type(dialog), shown)
        dialog.hide()
