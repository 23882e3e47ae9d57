"""The supervisor's daily review (docs/supervision.md): one list per kind of work, oldest
first, each row with its owner, age and time left; a kind with more than its first page is read
further with Show more, kept across live reloads; remind and reassign; "review done" for the
day; the approvals on the After-sales page one click away. The Trends tab sits beside it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models.formats import short_time
from app.services.core.actor import Actor
from app.services.supervision import followups
from app.services.supervision import review as reviews
from app.services.supervision.deadlines import PAGE, Task, count_text
from app.services.supervision.followups import Candidate
from app.services.supervision.review import KindList, Review
from app.views.kit.ops import Op, Reloads
from app.views.kit.widgets import row_table
from app.views.supervision.followup_dialogs import ReassignDialog, RemindDialog
from app.views.supervision.refresher import Refresher
from app.views.supervision.show_more import ShowMore
from app.views.supervision.task_actions import TaskOpener
from app.views.supervision.task_model import TaskModel

SETTLE_MS = 300
ROWS_PER_KIND = PAGE  # each kind's first page


KINDS_MIN_WIDTH, KINDS_MAX_WIDTH = 300, 480


def _first_with_work(lists: list[KindList]) -> int:
    for wanted in (lambda k: k.overdue > 0, lambda k: k.open > 0):
        found = next((i for i, kind in enumerate(lists) if wanted(kind)), None)
        if found is not None:
            return found
    return 0


class ReviewPage(QWidget):
    review_loaded = Signal()
    """The lists were (re)loaded (their rows shown; a full page's count may follow)."""

    counts_loaded = Signal()
    """The counts of the kinds with more than a page were read and shown."""

    aftersales_requested = Signal()
    """The supervisor asked for the After-sales page (the approvals of exceptions)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.review: Review | None = None
        self.opener = TaskOpener(self)
        self.case_requested = self.opener.case_requested
        self.order_requested = self.opener.order_requested
        self.setWindowTitle(self.tr("Daily review"))
        title = QLabel(self.windowTitle())
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.reviewed = QLabel()
        self.missed = QLabel()
        self.missed.setStyleSheet("color: #b35c00;")
        self.missed.setWordWrap(True)
        self.done_button = QPushButton(self.tr("Review done"))
        self.done_button.clicked.connect(self.mark_done)
        self.approvals = QPushButton(self.tr("Approvals on After-sales…"))
        self.approvals.clicked.connect(self.aftersales_requested)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.reviewed, 1)
        top.addWidget(self.approvals)
        top.addWidget(self.refresh)
        top.addWidget(self.done_button)

        self.kinds = QListWidget()
        self.kinds.setFixedWidth(KINDS_MIN_WIDTH)  # then as wide as its longest line (_fit_kinds)
        self.kinds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kinds.currentRowChanged.connect(self._kind_chosen)
        self.model = TaskModel(self)
        # narrower than My tasks' (the kinds list sits beside it): names are short, owners pools
        self.table = row_table(self.model, (110, 120, 150, 150, 100, 110, 70), stretch=7)
        self.table.hideColumn(TaskModel.COLUMNS.index("kind"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.remind_button = QPushButton(self.tr("Remind…"))
        self.remind_button.clicked.connect(self.remind_selected)
        self.reassign_button = QPushButton(self.tr("Reassign…"))
        self.reassign_button.clicked.connect(self.reassign_selected)
        tip = self.tr("Show the next {n} of this kind").format(n=PAGE)
        self.paging = ShowMore(self, self.reload, tip)  # kept across live reloads
        self.note, self.more_button = self.paging.note, self.paging.button
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.more_button)
        for button in (self.open_button, self.remind_button, self.reassign_button):
            buttons.addWidget(button)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        lists = QWidget()
        body = QHBoxLayout(lists)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.kinds)
        body.addLayout(right, 1)

        # the Trends tab beside this page is the main window's (supervision/trends_tab.py)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.missed)
        layout.addWidget(lists, 1)

        self.refresher = Refresher(self, self.reload, settle_ms=SETTLE_MS)
        self._show_buttons(None)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        actor, limit = self.actor, self.paging.limit(ROWS_PER_KIND)

        def read(session: Session) -> Review:
            return reviews.review(session, actor, limit=limit, counts=False)

        Op(self, read).newest(self.reloads).success(self._loaded).run()

    def _count(self, review: Review) -> None:
        """The rows are shown: now the counts of the kinds with more than a page."""
        actor = self.actor

        def read(session: Session) -> Review:
            return replace(review, lists=reviews.counted(session, actor, review.lists, review.now))

        Op(self, read).success(self._counted).run()

    def _counted(self, review: Review) -> None:
        if self.review is None or self.review.now != review.now:
            return  # reloaded since: that load counts its own
        self.review = review
        self._show_kinds(review)
        self.counts_loaded.emit()

    def _loaded(self, review: Review) -> None:
        self.review = review
        if review.reviewed:
            done = review.reviewed[-1]
            self.reviewed.setText(
                self.tr("Reviewed by {by} at {at}").format(by=done.by, at=short_time(done.at))
            )
        else:
            self.reviewed.setText(self.tr("Not reviewed yet today"))
        self.done_button.setEnabled(
            not any(r.by == self.actor.display_name for r in review.reviewed)
        )
        days = ", ".join(d.strftime("%m-%d") for d in review.missed)
        self.missed.setText(self.tr("No review on: {days}").format(days=days) if days else "")
        self.missed.setVisible(bool(days))
        self._show_kinds(review)
        self.review_loaded.emit()
        if all(kind.counted for kind in review.lists):
            self.counts_loaded.emit()
        else:
            self._count(review)

    def _show_kinds(self, review: Review) -> None:
        row = self.kinds.currentRow()
        if row < 0:  # the first showing: the first kind with late work, else with any work
            row = _first_with_work(review.lists)
        self.kinds.blockSignals(True)
        self.kinds.clear()
        for kind in review.lists:
            item = QListWidgetItem(self._kind_text(kind))
            if kind.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.kinds.addItem(item)
        self.kinds.blockSignals(False)
        self._fit_kinds()
        self.kinds.setCurrentRow(min(row, self.kinds.count() - 1))
        self._kind_chosen(self.kinds.currentRow())

    def _fit_kinds(self) -> None:
        """Every kind's name and counts whole (English names are long), the rows the rest."""
        lines = self.kinds.sizeHintForColumn(0)
        edges = 2 * self.kinds.frameWidth() + self.kinds.verticalScrollBar().sizeHint().width()
        self.kinds.setFixedWidth(min(max(KINDS_MIN_WIDTH, lines + edges + 8), KINDS_MAX_WIDTH))

    def _kind_text(self, kind: KindList) -> str:
        label = QCoreApplication.translate("TaskKind", kind.spec.kind.label)
        # until counted, a full page says "50+": at least that many
        opened, late = (
            (count_text(kind.open), count_text(kind.overdue))
            if kind.counted
            else (f"{kind.open}+", f"{kind.overdue}+")
        )
        return self.tr("{kind} ({open} · {late} late)").format(kind=label, open=opened, late=late)

    def kind_row(self, kind: str) -> int:
        """The list's row of a kind (tests, and whoever wants to show one kind)."""
        assert self.review is not None
        return [k.spec.kind.value for k in self.review.lists].index(kind)

    def _kind_chosen(self, row: int) -> None:
        if self.review is None or not 0 <= row < len(self.review.lists):
            self.model.set_tasks([], self.model.now, {})
            self.paging.show(0, [])
            return
        keep = self.selected()
        kind = self.review.lists[row]
        self.model.set_tasks(kind.tasks, self.review.now, self.review.names)
        again = self.model.row_of(keep)
        if again is not None:
            self.table.selectRow(again)
        else:
            self._show_buttons(None)
        self.paging.show(kind.shown, [kind])

    def show_more(self) -> None:
        """The next page of the kind shown."""
        self.paging.more()

    # -- the chosen task -----------------------------------------------------------------------
    def selected(self) -> Task | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.task_at(rows[0].row()) if rows else None

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_buttons(self.selected())

    def _show_buttons(self, task: Task | None) -> None:
        for button in (self.open_button, self.remind_button, self.reassign_button):
            button.setEnabled(task is not None)

    def open_selected(self) -> None:
        task = self.selected()
        if task is not None:
            self.opener.open(task)

    def remind_selected(self) -> None:
        task = self.selected()
        if task is None:
            return
        text = RemindDialog.ask(self, task, self.model.owner(task))
        if text is None:
            return
        actor = self.actor
        self._write(lambda s: followups.remind(s, actor, task.kind.value, task.key, text))

    def reassign_selected(self) -> None:
        task = self.selected()
        if task is None:
            return
        actor = self.actor
        Op(self, lambda s: followups.candidates(s, actor, task.kind.value)).success(
            lambda people: self._ask_reassign(task, people)
        ).run()

    def _ask_reassign(self, task: Task, people: list[Candidate]) -> None:
        username = ReassignDialog.ask(self, task, self.model.owner(task), people)
        if username is None:
            return
        actor = self.actor
        self._write(lambda s: followups.reassign(s, actor, task.kind.value, task.key, username))

    def mark_done(self) -> None:
        actor = self.actor
        self._write(lambda s: reviews.mark_done(s, actor))

    def _write(self, fn: Callable[[Session], Any]) -> None:
        Op(self, fn, write=True, changes="tasks").success(lambda _r: self.reload()).run()
