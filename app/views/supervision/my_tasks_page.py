"""My tasks: what is mine to do, overdue first, each with its deadline and a button that opens
its case, order, request or complaint; a scan opens the matching task wherever it is in the list
(docs/supervision.md). The first page after sign-in for everyone. Each kind shows its first 50
rows and its count ("1000+" past a thousand); a kind can be shown alone and read further with
Show more. The supervisor may switch to everyone's tasks, with their owners. It reloads when
anything changes anywhere and as deadlines pass."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from app.services.supervision.deadlines import PAGE, Task, TaskKind, count_text
from app.services.supervision.tasks import KindCount, TaskList
from app.views.kit import ops
from app.views.kit.ops import Op, Reloads, hub
from app.views.kit.widgets import row_table
from app.views.supervision import first_tasks
from app.views.supervision.refresher import Refresher
from app.views.supervision.show_more import ShowMore
from app.views.supervision.task_actions import TaskOpener
from app.views.supervision.task_model import TaskModel

SETTLE_MS = 150  # several changes seen at once reload once


class MyTasksPage(QWidget):
    tasks_loaded = Signal(int)
    """The list was (re)loaded (the argument is how many tasks it read, of every kind)."""

    counts_loaded = Signal()
    """Every kind's count was read and shown (after the rows, for a kind with a full page)."""

    scan_done = Signal(object)
    """A scanned number was looked up (the task found, or None)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.listing: TaskList | None = None
        self.opener = TaskOpener(self)
        self.case_requested = self.opener.case_requested
        self.order_requested = self.opener.order_requested
        self.request_requested = self.opener.request_requested
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
        self.overdue_only.toggled.connect(lambda _on: self._start_over())
        # the supervisor's view of everyone's tasks, with their owners; the service refuses it
        # to anyone else, so the switch is offered only where the capability table allows
        self.everyone = QCheckBox(self.tr("Everyone's"))
        self.everyone.setToolTip(self.tr("Show everyone's tasks with their owners, not only mine"))
        self.sees_everyone = may(Action.TASKS_ALL, actor)
        self.everyone.setVisible(self.sees_everyone)
        self.everyone.toggled.connect(lambda _on: self._start_over())
        self.kinds = QComboBox()
        self.kinds.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kinds.setToolTip(self.tr("Show one kind of task, with its count"))
        self.kinds.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.scan, 1)
        top.addWidget(self.everyone)
        top.addWidget(self.overdue_only)
        top.addWidget(self.kinds)
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
        tip = self.tr("Show the next {n} of each kind shown").format(n=PAGE)
        self.paging = ShowMore(self, self.reload, tip)  # kept across live reloads
        self.note, self.more_button = self.paging.note, self.paging.button
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addWidget(self.note)
        bottom.addWidget(self.more_button)
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
        mine = self._mine()
        limit = self.paging.limit()

        def read(session: Session) -> TaskList:
            return task_lists.my_tasks(
                session, actor, mine=mine, overdue=overdue, limit=limit, counts=False
            )

        Op(self, read).newest(self.reloads).success(self._loaded).run()

    def _mine(self) -> bool:
        return not (self.sees_everyone and self.everyone.isChecked())

    def _start_over(self) -> None:
        """Another list (everyone's, the overdue only): each kind from its first page again."""
        self.paging.start_over()
        self.reload()

    def _loaded(self, listing: TaskList) -> None:
        self.listing = listing
        self.table.setColumnHidden(TaskModel.COLUMNS.index("owner"), not listing.everyone)
        self._show_kinds()
        self.tasks_loaded.emit(len(listing.tasks))
        if listing.counted:
            self.counts_loaded.emit()
            return
        actor = self.actor
        Op(self, lambda s: task_lists.counted(s, actor, listing)).success(self._counted).run()

    def _counted(self, listing: TaskList) -> None:
        if self.listing is None or self.listing.tasks is not listing.tasks:
            return  # reloaded since: that load counts its own
        self.listing = listing
        self._show_kinds()
        self.counts_loaded.emit()

    def _show_kinds(self) -> None:
        """The kinds' choice with their counts, the status line's totals, and the rows."""
        assert self.listing is not None
        listing, chosen = self.listing, self.chosen_kind()
        self.kinds.blockSignals(True)
        self.kinds.clear()
        self.kinds.addItem(self.tr("All kinds"), None)
        for c in listing.counts:
            self.kinds.addItem(self._kind_text(c), c.kind.value)
        row = self.kinds.findData(chosen.value) if chosen is not None else 0
        self.kinds.setCurrentIndex(max(row, 0))
        self.kinds.blockSignals(False)
        opened, late = listing.total()
        self.status.setText(
            self.tr("Tasks: {n} · overdue: {late}").format(
                n=self._number(opened, listing.counted), late=self._number(late, listing.counted)
            )
        )
        self._show_rows()

    def _number(self, n: int, counted: bool) -> str:
        """A count as shown: "1000+" past the cap; until counted, "50+": at least that many."""
        return count_text(n) if counted else f"{n}+"

    def _kind_text(self, c: KindCount) -> str:
        label = QCoreApplication.translate("TaskKind", c.kind.label)
        return self.tr("{kind} ({open} · {late} late)").format(
            kind=label,
            open=self._number(c.open, c.counted),
            late=self._number(c.overdue, c.counted),
        )

    def chosen_kind(self) -> TaskKind | None:
        """The kind shown alone, None for all of them."""
        value = self.kinds.currentData()
        return TaskKind(value) if value else None

    def choose_kind(self, kind: TaskKind | None) -> None:
        self.kinds.setCurrentIndex(max(self.kinds.findData(kind.value), 0) if kind else 0)

    def _in_view(self) -> list[KindCount]:
        chosen = self.chosen_kind()
        counts = [] if self.listing is None else self.listing.counts
        return [c for c in counts if chosen in (None, c.kind)]

    def _show_rows(self) -> None:
        if self.listing is None:
            return
        listing, chosen, keep = self.listing, self.chosen_kind(), self.selected()
        rows = [t for t in listing.tasks if chosen in (None, t.kind)]
        self.model.set_tasks(rows, listing.now, listing.names)
        row = self.model.row_of(keep)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._show(None)
        self.paging.show(len(rows), self._in_view())

    def show_more(self) -> None:
        """The next page of each kind shown that has more."""
        self.paging.more()

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
        """The service finds the task wherever it is in the person's list, not only in the
        rows shown."""
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        actor, mine = self.actor, self._mine()
        Op(self, lambda s: task_lists.task_for(s, actor, code, mine=mine)).success(
            lambda task: self._found(code, task)
        ).run()

    def _found(self, code: str, task: Task | None) -> None:
        if task is None:
            self.status.setText(self.tr("No task of yours for {code}.").format(code=code))
        else:
            row = self.model.row_of(task)
            if row is not None:
                self.table.selectRow(row)
            self.opener.open(task)
        self.scan_done.emit(task)
