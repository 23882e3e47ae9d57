"""What the score sheet and roster screens share: the month box and the reader's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session

from app.i18n import CHINESE, ENGLISH
from app.models.errors import UserError
from app.services.scores.months import Month
from app.views.kit.ops import Op, Reloads, show_error, translate
from app.views.kit.widgets import Banner, SaveDialog


def gui_language() -> str:
    """The language the screens speak (the Chinese catalogue answers, or not)."""
    probe = "Pre-sales"
    return CHINESE if QCoreApplication.translate("Role", probe) != probe else ENGLISH


def this_month() -> Month:
    return Month.of(datetime.now().astimezone())


def fill(table: QTableWidget, rows: list[list[str]], data: list[object] | None = None) -> None:
    """Read-only cells; ``data`` keeps each row's object on its first cell."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(str(text))
            if data is not None and c == 0:
                item.setData(256, data[r])  # Qt.UserRole
            table.setItem(r, c, item)


def table(parent: QWidget, headers: list[str]) -> QTableWidget:
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView

    widget = QTableWidget(0, len(headers), parent)
    widget.setHorizontalHeaderLabels(headers)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    widget.horizontalHeader().setStretchLastSection(True)
    widget.setWordWrap(False)
    return widget


class RecordDialog(SaveDialog):
    """A small form that records one thing through a service (an entry, a swap): the banner
    says why it was refused, and what was typed stays."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.saved: object | None = None
        self.banner = Banner(self)

    def record(self, fn: Callable[[Session], object], changes: str) -> None:
        assert self.buttons is not None
        self.buttons.setEnabled(False)
        buttons = self.buttons
        Op(self, fn, write=True, changes=changes).success(self._saved).failure(
            self._refused
        ).finally_(lambda: buttons.setEnabled(True)).run()

    def _saved(self, view: object) -> None:
        self.saved = view
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))


class MonthPage(QWidget):
    """A page about one month: the month box, buttons shown by capability, writes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.month = QLineEdit(str(this_month()), self)
        self.month.setMaximumWidth(100)

    def reload(self) -> None:
        raise NotImplementedError

    def chosen_month(self) -> Month | None:
        try:
            return Month.parse(self.month.text())
        except UserError as error:
            show_error(self, error)
            return None

    def button(self, text: str, slot: Callable[[], object], allowed: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setVisible(allowed)
        return button

    def write(self, fn: Callable[[Session], object], changes: str) -> None:
        Op(self, fn, write=True, changes=changes).run()

    def save_path(self, name: str, title: str, filters: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), filters)
        return Path(chosen) if chosen else None

    def write_file(self, fn: Callable[[Session], object], out: Path, shown: QLabel) -> None:
        """A printout or export; the label says where it went."""
        Op(self, fn).success(lambda _result: shown.setText(str(out))).run()
