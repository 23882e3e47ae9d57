"""What a person may do with a change request, as buttons: confirm, withdraw, mark done.

Which buttons exist, and why one is disabled, comes from the capability table
(``capabilities.request_steps``); this module only names them and runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import RequestState
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.core.actor import Actor
from app.services.core.capabilities import request_steps
from app.views.kit.labels import kind_label, path_label, when
from app.views.kit.ops import Op, translate


def action_text(to: RequestState) -> str:
    return {
        RequestState.OPEN: QCoreApplication.translate("RequestActions", "Customer confirmed"),
        RequestState.HANDED_OVER: QCoreApplication.translate(
            "RequestActions", "Customer confirmed"
        ),
        RequestState.WITHDRAWN: QCoreApplication.translate("RequestActions", "Withdraw"),
        RequestState.DONE: QCoreApplication.translate("RequestActions", "Done…"),
    }.get(to, to.value)


def action_tip(to: RequestState) -> str:
    return {
        RequestState.OPEN: QCoreApplication.translate(
            "RequestActions", "The customer confirmed: make the change and tell the printer."
        ),
        RequestState.HANDED_OVER: QCoreApplication.translate(
            "RequestActions", "The customer confirmed: hand the order to after-sales."
        ),
        RequestState.WITHDRAWN: QCoreApplication.translate(
            "RequestActions", "The customer changed their mind: nothing will be done."
        ),
        RequestState.DONE: QCoreApplication.translate(
            "RequestActions", "You did what the request asks: the asker sees it is done."
        ),
    }.get(to, "")


def actions_for(view: RequestView, actor: Actor) -> list[RequestState]:
    """The moves this person may make on the request now."""
    return [to for to, why in request_steps(view, actor) if why is None]


def run_action(
    parent: QWidget,
    actor: Actor,
    view: RequestView,
    to: RequestState,
    done: Callable[[RequestView], object] | None = None,
) -> bool:
    """Make the move; False if the user backed out (the remark dialog was cancelled)."""
    fn: Callable[[Session], RequestView]
    if to is RequestState.DONE:
        remark = DoneDialog.ask(parent, view)
        if remark is None:
            return False
        fn = lambda s: changes.acknowledge(s, actor, view.id, remark)  # noqa: E731
    elif to is RequestState.WITHDRAWN:
        fn = lambda s: changes.withdraw(s, actor, view.id)  # noqa: E731
    else:
        fn = lambda s: changes.confirm(s, actor, view.id)  # noqa: E731
    op = Op(parent, fn, write=True, changes="orders")
    if done is not None:
        op.success(done)
    op.run()
    return True


def buttons_for(
    parent: QWidget,
    actor: Actor,
    view: RequestView,
    done: Callable[[RequestView], object] | None = None,
) -> list[QPushButton]:
    """One button per move this person makes on the request; disabled, saying why, when the
    move is not possible yet."""
    found = []
    for to, why in request_steps(view, actor):
        button = QPushButton(action_text(to), parent)
        button.setEnabled(why is None)
        button.setToolTip(action_tip(to) if why is None else why.message(translate))
        button.setProperty("request_action", to.value)
        button.clicked.connect(lambda _=False, to=to: run_action(parent, actor, view, to, done))
        found.append(button)
    return found


class DoneDialog(QDialog):
    """The printer marks a request done, with an optional remark for the asker."""

    def __init__(self, parent: QWidget | None, view: RequestView) -> None:
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(self.tr("Request #{id} done").format(id=view.id))
        self.setMinimumWidth(480)
        what = QLabel(
            f"{view.order_no} · {kind_label(view.kind)}\n{view.summary}\n\n{path_label(view.path)}",
            self,
        )
        what.setWordWrap(True)
        what.setTextFormat(Qt.TextFormat.PlainText)
        asked = QLabel(
            self.tr("Asked by {name} at {time}").format(
                name=view.requested_by, time=when(view.requested_at)
            ),
            self,
        )
        asked.setStyleSheet("color: #555555;")
        self.remark = QLineEdit(self)
        self.remark.setMaxLength(500)
        self.remark.setPlaceholderText(self.tr("optional, e.g. 已重打快递单"))
        form = QFormLayout()
        form.addRow(self.tr("Remark"), self.remark)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark done"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(asked)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.remark.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, view: RequestView) -> str | None:
        """The remark ("" for none), or None if cancelled. Tests replace this."""
        dialog = cls(parent, view)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.remark.text()


def stamps(view: RequestView) -> str:
    """Who asked and when, who confirmed, who did it and when (and their remark)."""
    parts = [
        QCoreApplication.translate("RequestActions", "asked by {name} at {time}").format(
            name=view.requested_by, time=when(view.requested_at)
        )
    ]
    if view.confirmed_at is not None:
        parts.append(
            QCoreApplication.translate("RequestActions", "confirmed by {name} at {time}").format(
                name=view.confirmed_by or "?", time=when(view.confirmed_at)
            )
        )
    if view.done_at is not None:
        parts.append(
            QCoreApplication.translate("RequestActions", "done by {name} at {time}").format(
                name=view.done_by or "?", time=when(view.done_at)
            )
        )
    text = " · ".join(parts)
    if view.done_remark:
        text += " — " + view.done_remark
    return text
