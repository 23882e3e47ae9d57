"""My tasks: what is mine to do, overdue first, each with its deadline and a button that opens
its case or order; a scan opens the matching task (docs/supervision.md). The first page after
sign-in for everyone. The supervisor may switch to everyone's tasks, with their owners. It
reloads when anything changes anywhere and as deadlines pass."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models.formats import short_time
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.supervision import tasks as task_lists
from app.services.supervision.deadlines import Task
from app.services.supervision.tasks import TaskList
from app.views.kit import ops
from app.views.kit.ops import Op, Reloads, hub
from app.views.kit.widgets import row_table
from app.views.supervision import first_tasks
from app.views.supervision.refresher import Refresher
from app.views.supervision.task_actions import TaskOpener
from app.views.supervision.task_model import TaskModel

SETTLE_MS = 150  # several changes seen at once reload once


class MyTasksPage(QWidget):
    tasks_loaded = Signal(int)
    """The list was (re)loaded (the argument is how many tasks it shows)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.opener = TaskOpener(self)
        self.case_requested = self.opener.case_requested
        self.order_requested = self.opener.order_requested
        self.setWindowTitle(self.tr("My tasks"))
        title = QLabel(self.windowTitle())
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        about = QLabel(
            self.tr(
                "What is yours to do, overdue first, with its deadline. Scan a case or order "
                "number to open its task; double-click a row to open it."
            )
        )
        about.setWordWrap(True)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan or type a case or order number"))
        self.scan.returnPressed.connect(self._scanned)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        # the supervisor's view of everyone's tasks, with their owners; the service refuses it
        # to anyone else, so the switch is offered only where the capability table allows
        self.everyone = QCheckBox(self.tr("Everyone's"))
        self.everyone.setToolTip(self.tr("Show everyone's tasks with their owners, not only mine"))
        self.sees_everyone = may(Action.TASKS_ALL, actor)
        self.everyone.setVisible(self.sees_everyone)
        self.everyone.toggled.connect(lambda _on: self.reload())
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.scan, 1)
        top.addWidget(self.everyone)
        top.addWidget(self.overdue_only)
        top.addWidget(self.status)
        top.addWidget(self.refresh)

        self.model = TaskModel(self)
        self.table = row_table(self.model, (110, 130, 200, 150, 180, 90, 90), stretch=7)
        self.table.hideColumn(TaskModel.COLUMNS.index("owner"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.refresher = Refresher(self, self.reload, settle_ms=SETTLE_MS)
        self._show(None)
        ahead = first_tasks.take(actor, hub().db)  # read while the password was checked
        if ahead is None:
            self.reload()
        else:
            ops.Task(self, ahead).newest(self.reloads).success(self._ahead).run()

    def _ahead(self, listing: TaskList | None) -> None:
        if listing is None:
            self.reload()
        else:
            self._loaded(listing)

    def reload(self) -> None:
        actor, overdue = self.actor, self.overdue_only.isChecked()
        mine = not (self.sees_everyone and self.everyone.isChecked())

        def read(session: Session) -> TaskList:
            return task_lists.my_tasks(session, actor, mine=mine, overdue=overdue)

        Op(self, read).newest(self.reloads).success(self._loaded).run()

    def _loaded(self, listing: TaskList) -> None:
        keep = self.selected()
        self.model.set_tasks(listing.tasks, listing.now, listing.names)
        self.table.setColumnHidden(TaskModel.COLUMNS.index("owner"), not listing.everyone)
        row = self.model.row_of(keep)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._show(None)
        late = sum(1 for t in listing.tasks if t.overdue(listing.now))
        self.status.setText(
            self.tr("Tasks: {n} · overdue: {late}").format(n=len(listing.tasks), late=late)
        )
        self.tasks_loaded.emit(len(listing.tasks))

    def selected(self) -> Task | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.task_at(rows[0].row()) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show(self.selected())

    def _show(self, task: Task | None) -> None:
        self.open_button.setEnabled(task is not None)
        if task is None:
            self.detail.setText(self.tr("Choose a task to see its reminders and open it."))
            return
        lines = [
            self.tr("{kind} {key}: due {deadline}").format(
                kind=self.model.text(task, "kind"),
                key=task.key,
                deadline=short_time(task.deadline),
            )
        ]
        lines += [
            self.tr("Reminder from {by} at {at}: {text}").format(
                by=r.by, at=short_time(r.at), text=r.text
            )
            for r in task.reminders
        ]
        self.detail.setText("\n".join(lines))

    def open_selected(self) -> None:
        task = self.selected()
        if task is not None:
            self.opener.open(task)

    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        task = task_lists.matching(list(self.model._rows), code)
        if task is None:
            self.status.setText(self.tr("No task of yours for {code}.").format(code=code))
            return
        row = self.model.row_of(task)
        if row is not None:
            self.table.selectRow(row)
        self.opener.open(task)
