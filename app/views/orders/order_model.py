"""The order list as a Qt item model that pages lazily (fast at a million orders).

It never loads everything and never counts: it asks ``orders.list_page`` for the
next page below the last id it holds (keyset paging) when the view scrolls near
the end, in a worker thread. A search shows a fixed list of hits instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from sqlalchemy.orm import Session

from app.models import Stage
from app.services.core.actor import Actor
from app.services.core.rows import OrderRow
from app.services.orders import lookup as orders
from app.views.kit.labels import stage_label, when
from app.views.kit.ops import Op
from app.views.kit.table_model import PagedRowsModel

REFRESH_MAX = 50  # orders re-read at once after others' changes


class OrderListModel(PagedRowsModel):
    rows_refreshed = Signal(int)
    """Rows changed elsewhere were re-read in place (the argument is how many)."""

    COLUMNS = ("order_no", "paid_at", "stage", "recipient", "phone", "place", "courier",
               "tracking_no", "total", "shop")  # fmt: skip

    def __init__(
        self, actor: Actor, parent: QObject | None = None, *, page_size: int = orders.PAGE
    ) -> None:
        super().__init__(parent, page_size=page_size)
        self.actor = actor  # the services mask what this person may not see
        self._rows: list[OrderRow] = []
        self._stage: Stage | None = None

    # -- what to show -----------------------------------------------------------------
    def show_stage(self, stage: Stage | None) -> None:
        """Page through all orders (of one stage), newest first."""
        self._stage = stage
        self._restart()
        self.fetchMore(QModelIndex())

    def show_rows(self, rows: list[OrderRow]) -> None:
        """Show a fixed list (search hits): nothing more to fetch."""
        self._restart(rows, paged=False)
        self.page_loaded.emit(len(rows))

    def read_page(self, before_id: int | None, limit: int) -> Callable[[Session], list[OrderRow]]:
        stage, actor = self._stage, self.actor
        return lambda s: orders.page(s, actor, stage=stage, before_id=before_id, limit=limit)

    def row_at(self, row: int) -> OrderRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_orders(self, order_nos: set[str]) -> None:
        """Someone changed these orders: re-read the ones on screen, in place (no reset)."""
        shown = {r.order_no for r in self._rows}
        wanted = sorted(n for n in order_nos if n in shown)[:REFRESH_MAX]
        if not wanted:
            return
        generation, actor = self._generation, self.actor

        def read(session: Session) -> list[OrderRow]:
            found = (orders.search(session, actor, no) for no in wanted)
            return [
                r for no, rows in zip(wanted, found, strict=True) for r in rows if r.order_no == no
            ]

        Op(self, read).success(lambda rows: self._replace(generation, rows)).run()

    def _replace(self, generation: int, rows: list[OrderRow]) -> None:
        if generation != self._generation:
            return
        fresh = {r.order_no: r for r in rows}
        for i, row in enumerate(self._rows):
            if row.order_no in fresh:
                self._rows[i] = fresh[row.order_no]
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
        self.rows_refreshed.emit(len(fresh))

    # -- the table -----------------------------------------------------------------------
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Paid"),
            self.tr("Stage"),
            self.tr("Recipient"),
            self.tr("Phone"),
            self.tr("Province / city"),
            self.tr("Courier"),
            self.tr("Tracking no."),
            self.tr("Total"),
            self.tr("Shop"),
        )

    def extra(self, row: OrderRow, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.order_no
        return None

    def text(self, row: OrderRow, column: str) -> str:
        match column:
            case "order_no":
                return row.order_no
            case "paid_at":
                return when(row.paid_at)
            case "stage":
                return stage_label(row.stage)
            case "recipient":
                return row.recipient_name
            case "phone":
                return row.recipient_phone
            case "place":
                return f"{row.province} {row.city}"
            case "courier":
                return row.courier
            case "tracking_no":
                return row.tracking_no or ""
            case "total":
                return f"{row.total:.2f}"
            case _:
                return row.shop
