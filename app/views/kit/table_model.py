"""The shared part of AfterDesk's read-only tables: rows of frozen dataclasses, named columns,
and, for the long lists, paging by key in a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy.orm import Session

from app.views.kit.labels import when
from app.views.kit.ops import Op

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Rows in ``_rows``, one column per ``COLUMNS`` entry; subclasses give ``headers()``."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def headers(self) -> tuple[str, ...]:
        """Column titles, translated in the subclass (its class name is the tr() context)."""
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        return self.extra(row, column, role)

    def text(self, row: Any, column: str) -> str:
        """What a cell shows (subclasses)."""
        raise NotImplementedError

    def extra(self, row: Any, column: str, role: int) -> Any:
        """Any other role of a cell: tooltip, alignment, colour, the row's key."""
        return None


class FieldsTableModel(RowsTableModel):
    """A table whose cells are its rows' attributes: ``FIELDS`` names the attribute each
    column shows (the column's own name when absent); a time reads as everywhere else
    (``when``), a number as its digits. A subclass overrides ``text`` only for the cells that
    say more, and falls back to this one."""

    FIELDS: dict[str, str] = {}  # noqa: RUF012 - a class-level table, never mutated

    def text(self, row: Any, column: str) -> str:
        value = getattr(row, self.FIELDS.get(column, column))
        if isinstance(value, datetime):
            return when(value)
        return "" if value is None else str(value)


class PagedRowsModel(RowsTableModel):
    """Rows read a page at a time below the last id held (keyset paging), never counted.

    The view asks for more (``fetchMore``) when it scrolls near the end; the page is read
    in a worker. Subclasses say how to read a page (``read_page``) and may keep more per
    row (``_append``). A page that arrives after a reset (``_restart``) is dropped.
    """

    page_loaded = Signal(int)
    """A page of rows arrived (the argument is how many)."""

    def __init__(self, parent: QObject | None = None, *, page_size: int) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._exhausted = True  # nothing to fetch until a subclass starts a list
        self._loading = False
        self._generation = 0

    def read_page(self, before_id: int | None, limit: int) -> Callable[[Session], list[Any]]:
        """The read of the next page, made on the GUI thread, run in the worker."""
        raise NotImplementedError

    def _restart(self, rows: list[Any] | None = None, *, paged: bool = True) -> None:
        """Start the list again: empty and paged, or a fixed list of ``rows``."""
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._append(list(rows or []))
        self._exhausted = not paged
        self._loading = False
        self.endResetModel()

    def _append(self, rows: list[Any]) -> None:
        self._rows.extend(rows)

    @property
    def is_loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        read = self.read_page(self._rows[-1].id if self._rows else None, self.page_size)
        Op(self, read).success(lambda rows: self._arrived(generation, rows)).finally_(
            lambda: self._settle(generation)
        ).run()

    def _settle(self, generation: int) -> None:
        if generation == self._generation and self._loading:
            # the read failed (error already shown): stop asking until the next restart,
            # or the view would ask again at once and fail again
            self._loading = False
            self._exhausted = True

    def _arrived(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self._exhausted = len(rows) < self.page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._append(rows)
            self.endInsertRows()
        # only now: a view asking for more during the insert would read this page again
        self._loading = False
        self.page_loaded.emit(len(rows))
        self._page_done()

    def _page_done(self) -> None:
        """A page arrived and nothing is loading any more (subclasses catch up here)."""
