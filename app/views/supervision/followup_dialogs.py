"""The supervisor's remind and reassign dialogs: a sentence for the owner, or the person the
task goes to. The services check and record; these only ask."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.formats import short_time
from app.services.supervision.deadlines import Task
from app.services.supervision.followups import Candidate
from app.views.scores.duty_text import on_duty_text


def _about(task: Task, owner: str) -> QLabel:
    kind = QCoreApplication.translate("TaskKind", task.kind.label)
    text = QCoreApplication.translate(
        "FollowupDialogs", "{kind} {key} · {title}\nOwner: {owner} · due {deadline}"
    ).format(
        kind=kind, key=task.key, title=task.title, owner=owner, deadline=short_time(task.deadline)
    )
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _buttons(dialog: QDialog, ok: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class RemindDialog(QDialog):
    """A signed, dated reminder that lands in the owner's task list."""

    def __init__(self, parent: QWidget | None, task: Task, owner: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remind {owner}").format(owner=owner))
        self.setMinimumWidth(460)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("e.g. 请今天下班前退款"))
        self.text.setMaximumHeight(self.fontMetrics().height() * 5)
        form = QFormLayout()
        form.addRow(self.tr("Reminder"), self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(_about(task, owner))
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Send reminder")))
        self.text.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, task: Task, owner: str) -> str | None:
        """The reminder's text, or None if cancelled. Tests replace this."""
        dialog = cls(parent, task, owner)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text.toPlainText()


class ReassignDialog(QDialog):
    """Who the task goes to: people at work who do that kind of work."""

    def __init__(
        self, parent: QWidget | None, task: Task, owner: str, people: list[Candidate]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign {key}").format(key=task.key))
        self.setMinimumWidth(460)
        self.people = QComboBox(self)
        for person in people:
            self.people.addItem(f"{person.display_name} ({person.username})", person.username)
        # who of them the duty roster has at work now, to hand the task to someone on shift
        working = [(p.display_name, p.shift) for p in people if p.shift is not None]
        self.on_duty = QLabel(on_duty_text(working), self)
        self.on_duty.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Give it to"), self.people)
        layout = QVBoxLayout(self)
        layout.addWidget(_about(task, owner))
        layout.addLayout(form)
        layout.addWidget(self.on_duty)
        layout.addWidget(_buttons(self, self.tr("Reassign")))

    @classmethod
    def ask(
        cls, parent: QWidget | None, task: Task, owner: str, people: list[Candidate]
    ) -> str | None:
        """The chosen account's user name, or None if cancelled. Tests replace this."""
        dialog = cls(parent, task, owner, people)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        username: str | None = dialog.people.currentData()
        return username
