"""Long printing work off the GUI thread with a progress dialog, and the reprint dialog.

``ProgressTask`` is a ``Task`` (see ``ops``) whose callable takes the service's
``progress(done, total)`` and ``cancelled()`` callbacks. Progress reaches the dialog as a
queued signal; Cancel sets a flag the service reads, and the service then raises
``PrintCancelled`` (nothing recorded), which is reported like any refusal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from app.services.core.actor import Actor
from app.services.dispatch import missing
from app.services.dispatch.records import BatchView
from app.views.kit.ops import Task, hub
from app.views.kit.widgets import Banner

T = TypeVar("T")
Progress = Callable[[int, int], None]


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker's progress arrives as a queued call."""

    progressed = Signal(int, int)

    def __init__(
        self, dialog: QProgressDialog, label: Callable[[int, int], str] | None = None
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.label = label
        self.progressed.connect(self.show_progress, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        if self.dialog.wasCanceled():
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if self.label is not None:
            self.dialog.setLabelText(self.label(done, total))


class ProgressTask(Task[T]):
    """``fn(progress, cancelled)`` off the GUI thread, with a cancellable progress dialog.

    ``changes`` is what a success changed ("" for nothing, e.g. pages sent to a printer);
    ``step`` words the progress ("Page 3 of 40") instead of the fixed ``label``.
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        fn: Callable[[Progress, Callable[[], bool]], T],
        *,
        changes: str = "orders",
        step: Callable[[int, int], str] | None = None,
    ) -> None:
        super().__init__(parent, lambda: fn(self.report, self.cancelled))
        self.changes = changes
        self.stop = threading.Event()
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setCancelButtonText(QCoreApplication.translate("ProgressTask", "Cancel"))
        self.dialog.setWindowTitle(QCoreApplication.translate("ProgressTask", "Printing"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.stop.set)
        self.relay = _ProgressRelay(self.dialog, step)
        self.finally_(self._close)

    def run(self) -> ProgressTask[T]:
        self.dialog.show()
        super().run()
        return self

    # -- called from the worker thread -------------------------------------------------------
    def report(self, done: int, total: int) -> None:
        self.relay.progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self.stop.is_set()

    # -- back on the GUI thread ------------------------------------------------------------
    def cancel(self) -> None:
        self.dialog.cancel()  # emits canceled: the flag is set

    def _close(self) -> None:
        self.dialog.blockSignals(True)  # closing emits canceled: the work is over, not cancelled
        self.dialog.close()
        self.dialog.deleteLater()

    def _announce(self) -> None:
        if self.changes:  # a batch or reprint was recorded
            hub().data_changed.emit(self.changes)


class ReprintDialog(QDialog):
    """Which orders (or which batch) to reprint, and why. The service checks the answers."""

    def __init__(self, parent: QWidget | None, *, order_nos: list[str], batch_no: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reprint"))
        self.orders = QLineEdit(" ".join(order_nos))
        self.orders.setPlaceholderText(self.tr("order numbers, separated by spaces"))
        self.batch = QLineEdit(batch_no)
        self.batch.setPlaceholderText(self.tr("or a whole batch, e.g. P20261124-0001"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. label torn, printer jammed"))
        self.reason.setMaxLength(200)
        about = QLabel(
            self.tr(
                "Every reprint is recorded with its reason. A batch reprints its orders still "
                "in the warehouse."
            )
        )
        about.setWordWrap(True)
        self.banner = Banner()
        form = QFormLayout()
        form.addRow(self.tr("Orders"), self.orders)
        form.addRow(self.tr("Batch"), self.batch)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reprint…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason.setFocus()
        self.setMinimumWidth(520)

    def accept(self) -> None:
        """Keep the dialog open until the form is filled in; the service checks the rest."""
        order_nos, batch_no, reason = self.answer()
        if not order_nos and not batch_no:
            self.banner.show_error(self.tr("Name the orders to reprint, or a whole batch."))
            self.orders.setFocus()
        elif order_nos and batch_no:
            self.banner.show_error(self.tr("Reprint either orders or a whole batch, not both."))
            self.orders.setFocus()
        elif not reason.strip():
            self.banner.show_error(
                self.tr("Write why you reprint: the reason is recorded with the reprint.")
            )
            self.reason.setFocus()
        else:
            super().accept()

    def answer(self) -> tuple[list[str], str, str]:
        """(order numbers, batch number, reason) as typed."""
        return (
            self.orders.text().replace(",", " ").replace("，", " ").split(),
            self.batch.text().strip(),
            self.reason.text(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, order_nos: list[str], batch_no: str = ""
    ) -> tuple[list[str], str, str] | None:
        """Show the dialog; the answer, or None if cancelled. Tests replace this."""
        dialog = cls(parent, order_nos=order_nos, batch_no=batch_no)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


def put_in_place(
    parent: QWidget, actor: Actor, batch: BatchView, done: Callable[[list[Path]], None]
) -> None:
    """Draw again a recorded batch's PDF that never reached its folder (``missing``); a
    reason is asked only when its kept copy is lost and it must be reprinted."""
    reason = ""
    if batch.copy_lost:
        answer = ReprintDialog.ask(parent, order_nos=[], batch_no=batch.batch_no)
        if answer is None:
            return
        reason = answer[2]
    db = hub().db
    assert db is not None
    Task(parent, lambda: missing.put_in_place(db, actor, batch.batch_no, reason=reason)).success(
        done
    ).run()


def confirm_first_slips(parent: QWidget, order_nos: tuple[str, ...]) -> bool:
    """Orders printed before AfterDesk recorded their slips: print them now?"""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("PrintJobs", "Print their slips now?"),
        QCoreApplication.translate(
            "PrintJobs",
            "No slips of {orders} were printed in AfterDesk (they were printed elsewhere or "
            "moved on by hand). Print their slips now? It is recorded like a reprint, with "
            "your reason.",
        ).format(orders=", ".join(order_nos)),
    )
    return answer == QMessageBox.StandardButton.Yes
