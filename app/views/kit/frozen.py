"""A wide table's first columns stay in place while the rest scrolls sideways.

As in Qt's "Frozen Column" example: a second view over the same model and selection,
showing only the first columns, lies over the table's left edge and scrolls up and down
with it. On a small screen the register's order number stays in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenColumns(QTableView):
    def __init__(self, table: QTableView, count: int) -> None:
        super().__init__(table)
        self.table, self.count = table, count
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setSelectionBehavior(table.selectionBehavior())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the table
        self.setWordWrap(table.wordWrap())
        self.setTextElideMode(table.textElideMode())
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(table.verticalHeader().defaultSectionSize())
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setStyleSheet("QTableView { border: none; border-right: 1px solid palette(mid); }")
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.viewport().stackUnder(self)
        table.horizontalHeader().sectionResized.connect(self._column_resized)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        self.doubleClicked.connect(self._double_clicked)
        self.model().modelReset.connect(self._hide_the_rest)
        table.installEventFilter(self)
        self._hide_the_rest()
        self.show()

    def _hide_the_rest(self) -> None:
        for column in range(self.model().columnCount()):
            self.setColumnHidden(column, column >= self.count)
            if column < self.count:
                self.setColumnWidth(column, self.table.columnWidth(column))
        self.place()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.count:
            self.setColumnWidth(column, new)
            self.place()

    def _double_clicked(self, index: QModelIndex) -> None:
        self.table.doubleClicked.emit(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        return False

    def place(self) -> None:
        """Over the table's left edge, header included, down to its horizontal scroll bar."""
        table = self.table
        width = sum(table.columnWidth(c) for c in range(self.count))
        frame = table.frameWidth()
        self.setGeometry(
            frame,
            frame,
            min(width, table.viewport().width()),
            table.viewport().height() + table.horizontalHeader().height(),
        )
