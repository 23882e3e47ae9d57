"""Small things a person sees: hints read whole, the hint that fits the choice, no cut line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role, SpecialKind, Stage
from app.services.orders import lookup as orders
from app.views.changes.address_dialog import AddressDialog
from app.views.changes.special_dialog import SpecialRequestDialog
from app.views.kit.ops import wait_for_ops
from app.views.shell.user_dialog import AddUserDialog


def _order(db: Database):  # type: ignore[no-untyped-def]
    order_no = db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0].order_no
    return db.read(lambda s: orders.get(s, order_no))


def test_the_add_staff_dialog_shows_its_hints_whole(qtbot: QtBot, gui_shop: Database, actors):
    dialog = AddUserDialog(None, actors[Role.ADMIN])
    qtbot.addWidget(dialog)
    dialog.show()
    hinted = [e for e in dialog.findChildren(QLineEdit) if e.placeholderText()]
    assert len(hinted) == 2
    for edit in hinted:
        room = edit.contentsRect().width() - 8  # Qt's text margins inside the frame
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room


class _Paints(QObject):
    """Counts repaints of a box's whole line (not the text cursor's blink)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent) and isinstance(watched, QWidget):
            self.count += event.rect().width() > watched.width() // 2
        return False


def test_choosing_a_greeting_card_shows_the_cards_hint(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    dialog = SpecialRequestDialog(None, actors[Role.PRESALES], _order(gui_shop))
    qtbot.addWidget(dialog)
    dialog.choose(SpecialKind.INVOICE)  # nothing yet, as for the card: only the hint differs
    dialog.show()
    qtbot.waitExposed(dialog)
    paints = _Paints()
    dialog.text.viewport().installEventFilter(paints)
    QApplication.processEvents()
    paints.count = 0
    dialog.choose(SpecialKind.CARD)
    # the box is drawn again, with the new hint (Qt alone left the courier's on screen)
    qtbot.waitUntil(lambda: paints.count > 0, timeout=2_000)
    assert "生日快乐" in dialog.text.placeholderText()


def test_the_current_address_keeps_all_its_lines_after_an_error(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    dialog = AddressDialog(None, actors[Role.PRESALES], _order(gui_shop))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.fields["street"].clear()
    dialog.save()
    assert wait_for_ops()
    qtbot.waitUntil(dialog.banner.isVisible)
    QApplication.processEvents()
    now = dialog.current
    assert now.height() >= now.heightForWidth(now.width())  # no line of "Now" is cut off
    assert dialog.height() <= dialog.screen().availableGeometry().height()
