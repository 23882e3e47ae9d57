"""The after-sales register (售后登记表) on screen: filters, the lazy table, export, print.

Every case is a row with the paper register's columns. The table pages lazily
(``RegisterModel``); how many cases match is counted in a worker, never on the GUI
thread. The export and the printed register take the filters shown; both run off the
GUI thread. Opening a case is the main window's business: the page only says which.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.i18n import CHINESE, Translator
from app.models import CaseState
from app.models.errors import UserError
from app.services.cases import documents as case_print
from app.services.cases import register as case_register
from app.services.cases.register import RegisterFilter
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.views.cases.register_filters import RegisterFilters
from app.views.cases.register_model import RegisterModel
from app.views.kit.frozen import FrozenColumns
from app.views.kit.ops import Op, Task, hub, show_error, translate
from app.views.kit.pdf_preview import PreviewDialog

# widths of the register's columns in pixels, in its order (the long texts get room)
WIDTHS = (90, 140, 150, 100, 80, 160, 60, 120, 50, 80, 130, 60, 120, 100, 150, 70, 70, 130)


class RegisterPage(QWidget):
    case_requested = Signal(str)
    """The person asked to open a case (double click or Enter); the argument is its number."""

    counted = Signal(int)
    """The number of cases matching the filters was counted (in a worker)."""

    exported = Signal(int, str)
    """The register was written to an .xlsx file: how many cases, and where."""

    printed = Signal(int, str)
    """The register was drawn as a PDF: how many cases, and the file."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("After-sales register"))
        self.filter_bar = RegisterFilters()
        self.filter_bar.changed.connect(self.apply_filters)

        self.model = RegisterModel(self)
        self.model.page_loaded.connect(self._rows_shown)
        self.model.refreshed.connect(self._refreshed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(WIDTHS):  # never narrower than the column's title
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)  # Enter on a row opens its case too
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        # date, case and order stay in sight while the register scrolls sideways
        self.frozen = FrozenColumns(self.table, case_register.COLUMNS.index("Order") + 1)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555555;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self.tr("Export XLSX…"))
        self.export_button.setToolTip(self.tr("The cases the filters show, as an Excel file"))
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print register…"))
        self.print_button.setToolTip(self.tr("The cases the filters show, as an A4 PDF"))
        self.print_button.clicked.connect(self.print_register)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.preview: PreviewDialog | None = None
        self._keep: str | None = None
        self._count_generation = 0
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        Op(self, accounts.list_users).success(
            lambda users: self.filter_bar.set_staff_names(u.display_name for u in users)
        ).run()
        self.apply_filters()

    # -- what is shown -----------------------------------------------------------------------
    def filters(self) -> RegisterFilter:
        return self.filter_bar.filters()

    def set_states(self, states: tuple[CaseState, ...]) -> None:
        """Show only cases in these states (empty: every state), e.g. unannounced parcels."""
        self.filter_bar.states.set_chosen(states)  # emits changed: the list follows

    def apply_filters(self) -> None:
        self.message.clear()
        self.model.show(self.filters())
        self.count()

    def count(self) -> None:
        self._count_generation += 1
        generation, filters = self._count_generation, self.filters()
        self.count_label.setText(self.tr("Counting…"))
        Op(self, lambda s: case_register.count(s, filters)).success(
            lambda n: self._counted(generation, n)
        ).run()

    def _counted(self, generation: int, number: int) -> None:
        if generation != self._count_generation:
            return  # the filters changed meanwhile: a newer count is on its way
        self.count_label.setText(self.tr("{count} cases").format(count=number))
        self.counted.emit(number)

    def _rows_shown(self, _how_many: int) -> None:
        if not self.table.selectionModel().hasSelection() and self.model.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        """Cases changed somewhere: read the rows on screen again and count again."""
        self._keep = self.selected_case()
        self.model.refresh()
        self.count()

    def _refreshed(self, _how_many: int) -> None:
        # the rows were replaced: the case that was chosen stays chosen, wherever it is now
        row = self.model.row_of(self._keep) if self._keep else None
        if row is not None:
            self.table.selectRow(row)
        else:
            self._rows_shown(_how_many)

    def _data_changed(self, what: str) -> None:
        if what == "cases":
            self.refresh()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        if any(e.entity == "case" for e in events):
            self.refresh()

    # -- the chosen case -----------------------------------------------------------------------
    def selected_case(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.case_no if row is not None else None

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.case_requested.emit(row.case_no)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            case_no = self.selected_case()
            if case_no:
                self.case_requested.emit(case_no)
                return True
        return super().eventFilter(watched, event)

    # -- replaced in tests ---------------------------------------------------------------------
    def ask_export_path(self) -> Path | None:
        """Where to write the register's .xlsx file; None if the person cancelled."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("after-sales-register-{date}.xlsx").format(date=f"{datetime.now():%Y%m%d}")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the register"), str(Path(folder) / name),
            self.tr("Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def show_preview(self, path: Path) -> PreviewDialog:
        self.preview = PreviewDialog([(self.tr("After-sales register"), path)], self)
        self.preview.open()
        return self.preview

    # -- export and print ------------------------------------------------------------------------
    def export(self) -> None:
        out = self.ask_export_path()
        if out is None:
            return
        actor, filters = self.actor, self.filters()
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        Op(
            self,
            lambda s: case_register.export_xlsx(
                s, actor, out, filters, translate=translate, overwrite=True
            ),
        ).success(lambda n: self._exported(n, out)).failure(self._failed).finally_(
            lambda: self.export_button.setEnabled(True)
        ).run()

    def _exported(self, number: int, out: Path) -> None:
        self.message.setText(
            self.tr("{count} cases exported to {path}").format(count=number, path=str(out))
        )
        self.exported.emit(number, str(out))

    def print_register(self) -> None:
        """The register as an A4 landscape PDF, shown in the preview to print or save."""
        db, actor, filters = hub().db, self.actor, self.filters()
        if db is None:
            return
        out = Path(tempfile.mkdtemp(prefix="afterdesk-")) / "register.pdf"
        self.print_button.setEnabled(False)
        self.message.setText(self.tr("Drawing the register…"))
        Task(
            self,
            lambda: case_print.print_register(
                db, actor, filters, out=out, translate=translate, chinese=Translator(CHINESE)
            ),
        ).success(lambda result: self._printed(result[1], out)).failure(self._failed).finally_(
            lambda: self.print_button.setEnabled(True)
        ).run()

    def _printed(self, number: int, out: Path) -> None:
        self.message.setText(self.tr("Register of {count} cases drawn.").format(count=number))
        self.printed.emit(number, str(out))
        self.show_preview(out)

    def _failed(self, error: UserError) -> None:
        self.message.clear()  # not "Exporting…" forever
        show_error(self, error)
