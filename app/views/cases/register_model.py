"""The after-sales register (售后登记表) as a Qt item model that pages lazily.

Like the order list (``order_model``), it never loads everything and never counts: the
first page is one ``case_register.page`` call, and the next page below the last case id
it holds is read in a worker thread when the view scrolls near the end (keyset paging),
so the register opens as fast at 100,000 cases as at ten. The cells are the register's
own (``case_register.cells``), translated once when their page arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from app.models import CaseState
from app.services.cases import register as case_register
from app.services.cases.register import RegisterFilter, RegisterRow
from app.views.kit.labels import when
from app.views.kit.ops import Op, translate
from app.views.kit.table_model import Index, PagedRowsModel

REFRESH_MAX = 2000  # rows re-read in place after a change; more than that starts again
UNANNOUNCED = QColor("#fff4d6")  # amber: a parcel nobody announced waits for after-sales
RIGHT = ("Photos", "Refund", "Freight reimbursed")


class RegisterModel(PagedRowsModel):
    refreshed = Signal(int)
    """The rows on screen were read again after a change (the argument is how many)."""

    COLUMNS = case_register.COLUMNS  # the paper register's columns, in its order

    def __init__(
        self, parent: QObject | None = None, *, page_size: int = case_register.PAGE
    ) -> None:
        super().__init__(parent, page_size=page_size)
        self.filters = RegisterFilter()
        self._rows: list[RegisterRow] = []
        self._cells: list[list[Any]] = []
        self._refresh_asked = False  # a refresh came while a page was loading

    # -- what to show -------------------------------------------------------------------
    def show(self, filters: RegisterFilter) -> None:
        """Start again from the newest case matching ``filters``."""
        self.filters = filters
        self._restart()
        self.fetchMore(QModelIndex())

    def refresh(self) -> None:
        """Cases changed: read the rows on screen again in one page, keeping the place.

        While a page (or another refresh) is loading, the refresh waits for it: starting
        the list again would lose the person's place and selection."""
        if self._loading:
            self._refresh_asked = True
            return
        self._refresh_asked = False
        if len(self._rows) > REFRESH_MAX:
            self.show(self.filters)
            return
        self._generation += 1
        generation, filters = self._generation, self.filters
        limit = max(self.page_size, len(self._rows))
        self._loading = True
        Op(self, lambda s: case_register.page(s, filters, limit=limit)).success(
            lambda rows: self._replaced(generation, rows, limit)
        ).finally_(lambda: self._settle(generation)).run()

    def _replaced(self, generation: int, rows: list[RegisterRow], limit: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._loading = False
        self._rows, self._cells = list(rows), [self._cells_of(r) for r in rows]
        self._exhausted = len(rows) < limit
        self.endResetModel()
        self.refreshed.emit(len(rows))
        self._page_done()

    def _page_done(self) -> None:
        if self._refresh_asked:
            self.refresh()

    def row_at(self, row: int) -> RegisterRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_no: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.case_no == case_no), None)

    def shown(self) -> list[list[Any]]:
        """The cells of every row loaded so far, as the table shows them."""
        return [list(c) for c in self._cells]

    # -- lazy paging --------------------------------------------------------------------
    def read_page(
        self, before_id: int | None, limit: int
    ) -> Callable[[Session], list[RegisterRow]]:
        filters = self.filters
        return lambda s: case_register.page(s, filters, before_id=before_id, limit=limit)

    def _restart(self, rows: list[Any] | None = None, *, paged: bool = True) -> None:
        self._cells = []
        self._refresh_asked = False  # the list is read again anyway
        super()._restart(rows, paged=paged)

    def _append(self, rows: list[RegisterRow]) -> None:
        self._rows.extend(rows)
        self._cells.extend(self._cells_of(r) for r in rows)

    @staticmethod
    def _cells_of(row: RegisterRow) -> list[Any]:
        return [str(c) for c in case_register.cells(row, translate)]

    # -- the table ----------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate("Register", c) for c in self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self._cells[index.row()][index.column()]
            case Qt.ItemDataRole.ToolTipRole:
                if index.column() == 0:  # the register shows the day; the hour is here
                    return when(row.opened_at)
                return self._cells[index.row()][index.column()] or None
            case Qt.ItemDataRole.TextAlignmentRole if self.COLUMNS[index.column()] in RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            case Qt.ItemDataRole.BackgroundRole if row.state is CaseState.UNANNOUNCED:
                return UNANNOUNCED
            case Qt.ItemDataRole.UserRole:
                return row.case_no
        return None
