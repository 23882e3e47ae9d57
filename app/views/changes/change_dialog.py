"""What every pre-sales request dialog shares (docs/domain.md rules 2–3).

The dialog says in plain words what will happen at the order's stage, asks whether
the customer has confirmed and whether it is urgent, and records the request against
the version of the order the user saw. A refusal, a conflict included, is shown inside
the dialog, which stays open with everything the user typed. The kinds of request
(address, item, special request, cancellation) fill in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import RequestKind, Stage
from app.models.errors import Conflict, UserError
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.core import capabilities
from app.services.core.actor import Actor
from app.services.core.rows import OrderDetail
from app.services.orders import lookup as orders
from app.services.roster import duty
from app.services.roster.duty import PrinterDuty
from app.views.kit.labels import path_label, stage_label
from app.views.kit.ops import Op, hub, translate
from app.views.kit.widgets import Banner
from app.views.scores.duty_text import of_duties, on_duty_text

Record = Callable[..., RequestView]  # (session, expected_version=, urgent=, confirmed=)


def why_not(kind: RequestKind, order: OrderDetail, actor: Actor) -> str | None:
    """None if this person may record this request on this order now; else why not.

    The answer is the capability table's: who may ask, and the stage table.
    """
    try:
        error = capabilities.why_not(changes.CHANGE_ACTIONS[kind], order, actor)
    except ValueError:  # a stage this version does not know
        return stage_label(order.stage)
    return None if error is None else error.message(translate)


def button_text(kind: RequestKind) -> str:
    """The order panel's button that opens the dialog for this kind of request."""
    return {
        RequestKind.ADDRESS: QCoreApplication.translate("ChangeDialog", "Change address…"),
        RequestKind.ATTRIBUTE: QCoreApplication.translate("ChangeDialog", "Change item…"),
        RequestKind.SPECIAL: QCoreApplication.translate("ChangeDialog", "Special request…"),
        RequestKind.CANCEL: QCoreApplication.translate("ChangeDialog", "Cancel order…"),
    }[kind]


class ChangeDialog(QDialog):
    """Base of the request dialogs; a subclass sets ``KIND``, fills the form, records."""

    KIND = RequestKind.ADDRESS

    order_reloaded = Signal(int)
    """The order was read again after a conflict (the argument is its new version)."""

    def __init__(self, parent: QWidget | None, actor: Actor, order: OrderDetail) -> None:
        super().__init__(parent)
        self.actor, self.order = actor, order
        self.version = order.version  # what the user saw: a change since then is a conflict
        self.saved: RequestView | None = None
        self.setMinimumWidth(560)

        self.banner = Banner(self)
        self.reload_button = QPushButton(
            QCoreApplication.translate("ChangeDialog", "Reload the order"), self
        )
        self.reload_button.clicked.connect(self.reload_order)
        self.reload_button.hide()
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.form = QFormLayout()
        self.next_step = QLabel(self)
        self.next_step.setWordWrap(True)
        self.next_step.setTextFormat(Qt.TextFormat.PlainText)
        self.next_step.setStyleSheet(
            "QLabel { background: #e8f0fe; color: #1a3d7a; border: 1px solid #c6d7f5;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.confirmed = QCheckBox(
            QCoreApplication.translate("ChangeDialog", "Customer has confirmed"), self
        )
        self.confirmed.toggled.connect(self._explain)
        self.urgent = QCheckBox(
            QCoreApplication.translate("ChangeDialog", "Urgent (the printer sees it first)"), self
        )
        # the duty roster (issue 14): nobody at the printer's desk now, so the request waits
        self.printer_away = QLabel(
            QCoreApplication.translate("ChangeDialog", duty.PRINTER_AWAY), self
        )
        self.printer_away.setWordWrap(True)
        self.printer_away.setStyleSheet("color: #b35c00; font-weight: bold;")
        self.printer_away.hide()
        # beside it, the printers on shift now: who the request goes to
        self.printers_on_duty = QLabel(self)
        self.printers_on_duty.setWordWrap(True)
        self.printers_on_duty.hide()
        self.when_saved = QLabel(self)
        self.when_saved.setWordWrap(True)
        self.when_saved.setStyleSheet("color: #555555;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(
            QLabel(QCoreApplication.translate("ChangeDialog", "What happens next:"), self)
        )
        layout.addWidget(self.next_step)
        layout.addWidget(self.printer_away)
        layout.addWidget(self.printers_on_duty)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.urgent)
        layout.addWidget(self.when_saved)
        layout.addWidget(self.buttons)
        self.build_form(self.form)
        self._show_order()
        if hub().db is not None:
            Op(self, duty.printers_now).success(self._show_printers).run()

    def _show_printers(self, printers: PrinterDuty) -> None:
        self.printer_away.setVisible(printers.missing)
        self.printers_on_duty.setText(on_duty_text(of_duties(printers.printers)))
        self.printers_on_duty.setVisible(bool(printers.printers))

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor, order: OrderDetail) -> RequestView | None:
        """Show the dialog; the recorded request, or None if cancelled. Tests replace this."""
        dialog = cls(parent, actor, order)
        dialog.exec()
        return dialog.saved

    # -- for the kinds ---------------------------------------------------------------------
    def build_form(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def record(self) -> Record:
        """Read the form (on the GUI thread); the service call to run with the session."""
        raise NotImplementedError

    def show_current(self, order: OrderDetail) -> None:
        """Show the order's current values (never overwriting what the user typed)."""

    # -- the order and its stage -----------------------------------------------------------
    def _show_order(self) -> None:
        order = self.order
        self.heading.setText(
            QCoreApplication.translate(
                "ChangeDialog", "Order {order_no} · {stage} · {name}"
            ).format(
                order_no=order.order_no, stage=stage_label(order.stage), name=order.recipient.name
            )
        )
        problem = None
        try:
            path = changes.path_for(self.KIND, Stage(order.stage), order.order_no)
        except UserError as error:
            problem = error.message(translate)
        except ValueError:
            problem = stage_label(order.stage)
        if problem is not None:
            self.next_step.setText(problem)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        else:
            self.next_step.setText(path_label(path))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.show_current(order)
        self._explain()

    def _explain(self, *_args: Any) -> None:
        if self.confirmed.isChecked():
            text = QCoreApplication.translate(
                "ChangeDialog", "It goes ahead as described as soon as you save."
            )
        else:
            text = QCoreApplication.translate(
                "ChangeDialog",
                "Saved as waiting for the customer's confirmation: nothing changes and nobody "
                "is told until you mark that the customer confirmed.",
            )
        self.when_saved.setText(text)

    def reload_order(self) -> None:
        """After a conflict: read the order again; what the user typed stays."""
        order_no = self.order.order_no
        self.reload_button.setEnabled(False)
        Op(self, lambda s: orders.get(s, order_no)).success(self._reloaded).failure(
            self._refused
        ).finally_(lambda: self.reload_button.setEnabled(True)).run()

    def _reloaded(self, order: OrderDetail) -> None:
        self.order, self.version = order, order.version
        self.reload_button.hide()
        self.banner.clear()
        self._show_order()
        self.order_reloaded.emit(order.version)

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        """Record the request; on a refusal say why here and keep what the user typed."""
        record = self.record()
        common = {
            "expected_version": self.version,
            "urgent": self.urgent.isChecked(),
            "confirmed": self.confirmed.isChecked(),
        }
        self.banner.clear()
        self.reload_button.hide()
        self.buttons.setEnabled(False)

        def run(session: Session) -> RequestView:
            return record(session, **common)

        Op(self, run, write=True, changes="orders").success(self._saved).failure(
            self._refused
        ).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _saved(self, view: RequestView) -> None:
        self.saved = view
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
        if isinstance(error, Conflict):
            self.reload_button.show()


class CancelDialog(ChangeDialog):
    """The customer wants to cancel the order after paying."""

    KIND = RequestKind.CANCEL

    def build_form(self, form: QFormLayout) -> None:
        self.setWindowTitle(self.tr("Cancel order {order_no}").format(order_no=self.order.order_no))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why, in the customer's words, e.g. 拍错了尺码"))
        self.reason.setFixedHeight(self.reason.fontMetrics().height() * 4)
        form.addRow(self.tr("Reason"), self.reason)
        self.reason.setFocus()

    def record(self) -> Record:
        actor, order_no, reason = self.actor, self.order.order_no, self.reason.toPlainText()
        return lambda s, **kw: changes.request_cancel(s, actor, order_no, reason=reason, **kw)
