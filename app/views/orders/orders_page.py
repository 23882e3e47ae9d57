"""The Orders page: search (or scan), filter by stage, the lazy order list, the order itself."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import Stage
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.services.core.rows import OrderRow
from app.services.orders import lookup as orders
from app.views.kit.columns import Column, FittedColumns
from app.views.kit.labels import stage_label
from app.views.kit.ops import Op, hub
from app.views.orders.order_detail import OrderDetailPanel
from app.views.orders.order_model import OrderListModel


# The list's columns (OrderListModel.COLUMNS) at 1366×768: the order, its stage and whom it
# goes to stay; the courier, the shop and the tracking number, which the order's panel
# beside the list shows too, are hidden first when the list is narrow.
def columns() -> tuple[Column, ...]:
    """In the language shown (a stage's name is longer in English)."""
    stage = max((stage_label(s) for s in Stage), key=len)
    return (
        Column("3861000884650859000"),  # a Taobao order number, 19 digits, never cut
        Column("2026-12-06 15:53"),
        Column(stage, elide=True),
        Column("Sophia Anderson", elide=True),
        Column("17675746319"),
        Column("广东省 深圳市", elide=True, drop=4),
        Column("顺丰速运", elide=True, drop=1),
        Column("YT9876543210987654", drop=3),
        Column("1239.90"),
        Column("悦步鞋履旗舰店", elide=True, drop=2),
    )


class OrdersPage(QWidget):
    search_finished = Signal(int)
    """A search returned its hits (the argument is how many)."""

    case_requested = Signal(str)
    """Open this after-sales case (its number)."""

    open_case_requested = Signal(str)
    """Open a new after-sales case on this order (its number)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None, *, page_size: int = 0) -> None:
        super().__init__(parent)
        self.actor = actor
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Order no., tracking no., phone, buyer id or name — or scan a barcode")
        )
        self.search.returnPressed.connect(self.run_search)
        self.search.textChanged.connect(self._text_changed)
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stage.addItem(stage_label(stage), stage.value)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(mid);")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Find:")))
        bar.addWidget(self.search, 3)
        bar.addWidget(QLabel(self.tr("Stage:")))
        bar.addWidget(self.stage, 1)

        self.model = OrderListModel(actor, self, page_size=page_size or orders.PAGE)
        self.model.page_loaded.connect(self._update_status)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Tab leaves the list (arrows move in it): on to the order's 修改地址… / 取消订单…
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8
        )  # fixed row height: the view never measures a million rows
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.columns = FittedColumns(self.table, columns())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.detail = OrderDetailPanel(actor)
        self.detail.case_requested.connect(self.case_requested)
        self.detail.open_case_requested.connect(self.open_case_requested)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.status)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setSizes([700, 560])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._searching = False
        self._requested: str | None = None
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self.model.show_stage(None)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- searching --------------------------------------------------------------------
    def run_search(self) -> None:
        """Enter in the search box, typed or scanned; a single hit opens at once."""
        text = self.search.text().strip()
        if not text:
            self.show_list()
            return
        self.status.setText(self.tr("Searching…"))
        actor = self.actor
        Op(self, lambda s: orders.search(s, actor, text)).success(self._found).run()

    def _found(self, rows: list[OrderRow]) -> None:
        self._searching = True
        self._requested = None
        self.model.show_rows(rows)
        if len(rows) == 1:
            self.table.selectRow(0)
            self.open_order(rows[0].order_no)
        elif not any(self.detail.shows(row.order_no) for row in rows):
            self.detail.clear()  # the order shown is not among the hits any more
        self.search.selectAll()  # the next scan replaces this one
        self.search_finished.emit(len(rows))

    def _text_changed(self, text: str) -> None:
        if not text and self._searching:  # the clear button: back to the whole list
            self.show_list()

    def show_list(self) -> None:
        self._searching = False
        self._requested = None
        value = self.stage.currentData()
        self.model.show_stage(Stage(value) if value else None)

    def _stage_changed(self, _index: int) -> None:
        self.search.blockSignals(True)  # a stage filter applies to the list, not to a search
        self.search.clear()
        self.search.blockSignals(False)
        value = self.stage.currentData()
        if self.detail.order is not None and value and self.detail.order.stage.value != value:
            self.detail.clear()
        self.show_list()

    def _update_status(self, _count: int) -> None:
        n = self.model.rowCount()
        if self._searching:
            text = (
                self.tr("No order matches “{text}”.").format(text=self.search.text().strip())
                if n == 0
                else self.tr("%n order(s) found.", "", n)
            )
        elif self.model.canFetchMore():
            text = self.tr("Newest first: %n order(s) loaded; scroll for more.", "", n)
        else:
            text = self.tr("%n order(s).", "", n)
        self.status.setText(text)

    # -- opening ------------------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None:
            self.open_order(row.order_no)

    def open_order(self, order_no: str) -> None:
        if order_no != self._requested:  # a scan both selects the row and opens it: once
            self._requested = order_no
            self.detail.load(order_no)

    def _data_changed(self, what: str) -> None:
        if what == "orders" and not self._searching:
            self.show_list()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        """Orders changed anywhere (maybe on another PC): update their rows on screen."""
        self.model.refresh_orders({e.key for e in events if e.entity == "order"})
