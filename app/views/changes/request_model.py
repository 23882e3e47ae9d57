"""Change requests as a Qt table model: the printer's queue and the asker's own requests.

Urgent requests are bold with a red kind; a request open longer than the shop's limit
(``changes.overdue_minutes``) has an amber background. Overdue depends on the time:
``set_now`` re-evaluates it without reading anything again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.changes.requests import RequestView
from app.views.kit.labels import FLAG_RED, kind_label, request_state_label, when
from app.views.kit.table_model import RowsTableModel

OVERDUE = QColor("#ffe8a3")


class RequestQueueModel(RowsTableModel):
    COLUMNS = ("order_no", "kind", "summary", "asked", "waiting", "state", "done")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RequestView] = []
        self.overdue_minutes = 30
        self.now = datetime.now(UTC)

    # -- contents ------------------------------------------------------------------------
    def set_requests(
        self, rows: list[RequestView], overdue_minutes: int, now: datetime | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.overdue_minutes = overdue_minutes
        self.now = now or datetime.now(UTC)
        self.endResetModel()

    def set_now(self, now: datetime | None = None) -> None:
        """Time passed: re-evaluate which requests are overdue."""
        self.now = now or datetime.now(UTC)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(
                self.index(0, 0),
                last,
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def request_at(self, row: int) -> RequestView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == request_id), None)

    def is_overdue(self, row: int) -> bool:
        view = self.request_at(row)
        return view is not None and self._late(view)

    def overdue_ids(self) -> list[int]:
        return [r.id for i, r in enumerate(self._rows) if self.is_overdue(i)]

    # -- the table -----------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Request"),
            self.tr("What changes (old → new)"),
            self.tr("Asked by"),
            self.tr("With the printer since"),
            self.tr("State"),
            self.tr("Done by"),
        )

    def _late(self, view: RequestView) -> bool:
        return view.is_overdue(self.now, self.overdue_minutes)

    def extra(self, view: RequestView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE) if self._late(view) else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "kind" and view.urgent:
            return QBrush(FLAG_RED)
        if role == Qt.ItemDataRole.FontRole and view.urgent:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._late(view):
                return self.tr("Open for more than {minutes} minutes.").format(
                    minutes=self.overdue_minutes
                )
            return view.summary if column == "summary" else None
        if role == Qt.ItemDataRole.UserRole:
            return view.id
        return None

    def text(self, view: RequestView, column: str) -> str:
        match column:
            case "order_no":
                return view.order_no
            case "kind":
                kind = kind_label(view.kind)
                return self.tr("URGENT · {kind}").format(kind=kind) if view.urgent else kind
            case "summary":
                return view.summary
            case "asked":
                return f"{view.requested_by} {when(view.requested_at)}"
            case "waiting":
                return when(view.confirmed_at)
            case "state":
                return request_state_label(view.state)
            case _:
                if view.done_at is None:
                    return ""
                done = f"{view.done_by or ''} {when(view.done_at)}"
                return f"{done} — {view.done_remark}" if view.done_remark else done
