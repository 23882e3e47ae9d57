"""Long work off the GUI thread with a cancellable progress dialog (printing, imports).

``ProgressTask`` is a ``Task`` (see ``ops``) whose callable takes the service's
``progress(done, total)`` and ``cancelled()`` callbacks. Progress reaches the dialog as a
queued signal; Cancel sets a flag the service reads between its steps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.views.kit.ops import Task, hub

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
    ``step`` words the progress ("Page 3 of 40") instead of the fixed ``label``; ``title``
    is the dialog's (printing, by default).
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        fn: Callable[[Progress, Callable[[], bool]], T],
        *,
        changes: str = "orders",
        step: Callable[[int, int], str] | None = None,
        title: str = "",
    ) -> None:
        super().__init__(parent, lambda: fn(self.report, self.cancelled))
        self.changes = changes
        self.stop = threading.Event()
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setCancelButtonText(QCoreApplication.translate("ProgressTask", "Cancel"))
        self.dialog.setWindowTitle(title or QCoreApplication.translate("ProgressTask", "Printing"))
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
