"""The order printer's exchanges: the exchange orders (换货单) waiting to be printed.

A list of the exchange cases the warehouse signed for (or a supervisor approved early),
and “Print exchange order…”: the service draws the label and dispatch note into a
temporary PDF and records who printed it in the same transaction; the in-app preview then
prints it or saves a copy. Which case may print, and whether a reprint has its reason, is
``case_exchange``'s to say: this panel only asks and shows.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.printing.data import LabelSize, SheetSize
from app.services.cases import exchange as case_exchange
from app.services.cases.exchange import ExchangePrinted, WaitingExchange
from app.services.core.actor import Actor
from app.views.kit.labels import when
from app.views.kit.ops import Op, Reloads, Task, hub
from app.views.kit.pdf_preview import PreviewDialog
from app.views.kit.table_model import RowsTableModel
from app.views.kit.widgets import row_table


class ExchangeModel(RowsTableModel):
    """Waiting exchanges: case, order, recipient, goods wanted, who cleared it, printed."""

    COLUMNS = ("case", "order", "recipient", "wants", "cleared", "printed")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case"),
            self.tr("Order"),
            self.tr("Recipient"),
            self.tr("Wanted in exchange"),
            self.tr("Cleared to ship"),
            self.tr("Printed"),
        )

    def cleared(self, row: WaitingExchange) -> str:
        if row.signoff_at is not None:
            return self.tr("Signed for by {name}, {time}").format(
                name=row.signoff_by or "", time=when(row.signoff_at)
            )
        return self.tr("Early exchange approved by {name}, {time}").format(
            name=row.early_exchange_by or "", time=when(row.early_exchange_at)
        )

    def printed(self, row: WaitingExchange) -> str:
        if not row.print_count:
            return self.tr("Not yet")
        return self.tr("{count}× · last by {name}, {time}").format(
            count=row.print_count, name=row.printed_by or "", time=when(row.printed_at)
        )

    def text(self, row: WaitingExchange, column: str) -> str:
        return {
            "case": row.case_no,
            "order": row.order_no,
            "recipient": row.recipient,
            "wants": row.wants,
            "cleared": self.cleared(row),
            "printed": self.printed(row),
        }[column]

    def extra(self, row: WaitingExchange, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == "recipient":
            return row.address
        return None


class ExchangePrintPanel(QWidget):
    loaded = Signal()
    """The list of waiting exchanges was (re)loaded."""

    printed = Signal(object)
    """An exchange order was printed and recorded (the service's ``ExchangePrinted``)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        title = QLabel(self.tr("Exchange orders to print"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        about = QLabel(
            self.tr(
                "Exchanges whose return the warehouse signed for, or that a supervisor approved "
                "early. The label and dispatch note go to the original recipient, marked 换货."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet("color: #555555;")
        self.status = QLabel()
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.refresh)

        self.show_printed = QCheckBox(self.tr("Also printed, not yet shipped (to print again)"))
        self.show_printed.toggled.connect(self.reload)
        self.label_size = QComboBox()
        for size in LabelSize:
            self.label_size.addItem(size.value.replace("x", "×") + " mm", size.value)
        self.sheet_size = QComboBox()
        for sheet in SheetSize:
            self.sheet_size.addItem(sheet.value, sheet.value)
        options = QHBoxLayout()
        options.addWidget(self.show_printed)
        options.addStretch(1)
        options.addWidget(QLabel(self.tr("Label")))
        options.addWidget(self.label_size)
        options.addWidget(QLabel(self.tr("Dispatch note")))
        options.addWidget(self.sheet_size)

        self.model = ExchangeModel(self)
        self.table = row_table(self.model, (150, 150, 110, 200, 230))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.print_selected())

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print exchange order…"))
        self.print_button.setDefault(True)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(about)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.preview: PreviewDialog | None = None
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        everything = self.show_printed.isChecked()
        Op(self, lambda s: case_exchange.waiting(s, include_printed=everything)).newest(
            self.reloads
        ).success(self._loaded).run()

    def _loaded(self, rows: list[WaitingExchange]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        if keep is not None:
            for n, row in enumerate(rows):
                if row.case_no == keep.case_no:
                    self.table.selectRow(n)
        waiting = sum(1 for r in rows if not r.print_count)
        self.status.setText(self.tr("Waiting: {count}").format(count=waiting))
        self._selection_changed()
        self.loaded.emit()

    def _data_changed(self, what: str) -> None:
        if what in ("cases", "orders", ""):
            self.reload()

    def _changes_seen(self, _events: object) -> None:
        self.reload()

    def selected(self) -> WaitingExchange | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        self.print_button.setEnabled(self.selected() is not None)

    # -- replaced in tests ---------------------------------------------------------------------
    def ask_reason(self, case_no: str) -> str | None:
        """Why a printed exchange order is printed again; None if the person cancelled."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Print again"),
            self.tr("The exchange order of case {case_no} was printed already. Why again?").format(
                case_no=case_no
            ),
            QLineEdit.EchoMode.Normal,
        )
        return text if ok else None

    def show_preview(self, files: list[tuple[str, Path]]) -> PreviewDialog:
        self.preview = PreviewDialog(files, self)
        self.preview.open()
        return self.preview

    # -- actions -------------------------------------------------------------------------------
    def print_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(self.tr("Choose an exchange in the list."))
            return
        reason = ""
        if row.print_count:
            answer = self.ask_reason(row.case_no)
            if answer is None:
                return
            reason = answer
        out = Path(tempfile.mkdtemp(prefix="afterdesk-")) / f"exchange-{row.case_no}.pdf"
        actor = self.actor
        label_size = LabelSize(self.label_size.currentData())
        sheet_size = SheetSize(self.sheet_size.currentData())
        case_no, version = row.case_no, row.version
        self.print_button.setEnabled(False)
        db = hub().db
        assert db is not None
        Task(
            self,
            lambda: case_exchange.print_exchange(
                db,
                actor,
                case_no,
                out,
                label_size=label_size,
                sheet_size=sheet_size,
                reason=reason,
                expected_version=version,
            ),
        ).success(self._printed).finally_(self._selection_changed).run()

    def _printed(self, result: ExchangePrinted) -> None:
        hub().data_changed.emit("cases")
        if result.copy > 1:
            text = self.tr("Exchange order of case {case_no} printed again (copy {copy}).")
        else:
            text = self.tr("Exchange order of case {case_no} printed.")
        self.message.setText(text.format(case_no=result.case_no, copy=result.copy))
        self.printed.emit(result)
        self.show_preview(
            [(self.tr("Exchange order {case_no}").format(case_no=result.case_no), result.out)]
        )
