"""Small shared widgets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)


class Banner(QLabel):
    """An inline message at the top of a form: why the input was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fdecea; color: #8a1c13; border: 1px solid #f5c2bd;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()
        window = self.window()
        if isinstance(window, QDialog) and window.isVisible():
            grow_to_fit(window)

    def clear(self) -> None:
        self.setText("")
        self.hide()


def show_if(widget: QWidget, allowed: bool) -> None:
    """Show ``widget`` only where ``allowed``. A widget not yet in a layout is only ever hidden
    here: shown without a parent it would open for a moment as a window of its own (a flash on
    the desktop, and the keyboard taken from the main window); it shows with its page."""
    if widget.parentWidget() is None:
        if not allowed:
            widget.hide()
        return
    widget.setVisible(allowed)


def grow_to_fit(window: QWidget) -> None:
    """A form that gained lines (an error above it) grows, rather than squeeze its wrapped
    text into the height it had: the last line of a long address would be cut off."""
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)


def fit_placeholder(edit: QLineEdit) -> QLineEdit:
    """A field at least as wide as its hint, so the hint is read whole."""
    margin = 4 * edit.fontMetrics().averageCharWidth()  # frame, text margins, a little room
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + margin)
    return edit


def row_table(
    model: QAbstractItemModel,
    widths: Sequence[int] = (),
    *,
    stretch: int | None = None,
    several: bool = False,
    wrap: bool = True,
) -> QTableView:
    """A read-only table of whole rows, as every list in AfterDesk looks.

    ``widths`` are the first columns' widths (never narrower than their titles); the
    ``stretch`` column takes the room left, else the last one does.
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    for column, width in enumerate(widths):
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    # Tab leaves the table (arrow keys move inside it), so the buttons after it are reachable
    table.setTabKeyNavigation(False)
    if wrap:
        _fit_rows_to_columns(table)
    return table


def _fit_rows_to_columns(table: QTableView) -> None:
    """Wrapped rows are measured against their columns' widths: again whenever the columns
    settle (the first show of a page loaded while hidden measured a squeezed column, and one
    row filled the whole list) or the rows change. Once per event-loop turn, however many."""
    timer = QTimer(table)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(table.resizeRowsToContents)
    table.horizontalHeader().sectionResized.connect(lambda *_: timer.start())
    model = table.model()
    for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
        signal.connect(lambda *_: timer.start())


class SaveDialog(QDialog):
    """A form whose Save runs in a worker, made safe for the returns desk and the counter.

    A barcode scanner ends every number with Enter: Enter never presses Save here, it moves
    on to the next field. While the write runs (the buttons are disabled) the dialog cannot
    be cancelled or closed: the write would land while the person thinks it did not.
    """

    buttons: QDialogButtonBox | None = None

    def save_cancel(self, save_text: str = "") -> QDialogButtonBox:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        if save_text:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        return buttons

    def save(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # the button box makes Save the default as it is shown: undo that, and no other
        # button may become the default either
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        if not getattr(self, "_enter_moves_on", False):
            self._enter_moves_on = True
            for edit in self.findChildren(QLineEdit):
                edit.returnPressed.connect(lambda: self.focusNextChild())

    def reject(self) -> None:
        if self.buttons is None or self.buttons.isEnabled():
            super().reject()
