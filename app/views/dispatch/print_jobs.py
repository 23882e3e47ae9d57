"""Long printing work off the GUI thread with a progress dialog, the reprint dialog, and the
question asked before a batch with orders lacking a courier or waybill number.

Long work runs in a ``ProgressTask`` (``kit.progress``); Cancel sets a flag the service
reads, and the printing services then raise ``PrintCancelled`` (nothing recorded), which is
reported like any refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.core.actor import Actor
from app.services.dispatch import missing
from app.services.dispatch.batch_waybills import WithoutWaybill
from app.services.dispatch.records import BatchView
from app.views.kit.ops import Task, hub
from app.views.kit.widgets import Banner


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


class MissingWaybillsDialog(QDialog):
    """Before a batch: some orders have no courier or no waybill number. A shipping label
    without them is paper for the bin, so the person chooses packing labels (marked as not a
    shipping label) or holding those orders back; Cancel prints nothing."""

    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Orders without a waybill number"))
        self.choice: WithoutWaybill | None = None
        self.warning = QLabel(
            self.tr(
                "%n order(s) of this batch have no courier or no waybill number: their shipping "
                "label would carry none. Print a packing label for them instead (marked "
                "“打包标签 — 非快递面单”, not a shipping label), or hold them back until their "
                "numbers are loaded, imported or typed in?",
                "",
                count,
            )
        )
        self.warning.setWordWrap(True)
        self.packing = QPushButton(self.tr("Print packing labels"))
        self.hold = QPushButton(self.tr("Hold them back"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.packing, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.hold, QDialogButtonBox.ButtonRole.AcceptRole)
        self.packing.clicked.connect(lambda: self._chosen(WithoutWaybill.PACKING))
        self.hold.clicked.connect(lambda: self._chosen(WithoutWaybill.HOLD))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)

    def _chosen(self, choice: WithoutWaybill) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> WithoutWaybill | None:
        """Show the question; the choice, or None if cancelled. Tests replace this."""
        dialog = cls(parent, count)
        return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
