"""What the score sheet and roster screens share: the month box and the reader's language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from app.i18n import CHINESE, ENGLISH
from app.services.scores.months import Month


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
