"""The Score sheet page (奖罚评分表): the month's proposals to confirm or dismiss, every entry
with its evidence (double-click opens the order, the case, the complaint or the dispute), each
person's points and money, submit, approve or send back. Everyone sees their own sheet;
supervisors and administrators everyone's (the service decides: app/services/scores/sheet.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models import EntryState, MonthState
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.roster import people
from app.services.scores import entries, export, proposals, sheet
from app.services.scores import rules as score_rules
from app.services.scores.entries import EntryView
from app.services.scores.export import Paper
from app.services.scores.months import Month
from app.services.scores.sheet import MonthSheet
from app.views.kit.desk import bigger
from app.views.kit.ops import Op, hub, translate
from app.views.scores.common import MonthPage, fill, gui_language, table
from app.views.scores.entry_dialog import EntryDialog
from app.views.scores.rules_dialog import RulesDialog

ENTRY_COLUMNS = ("Person", *export.ENTRY_COLUMNS[1:])


class ScorePage(MonthPage):
    order_requested = Signal(str)
    case_requested = Signal(str)
    other_requested = Signal(str, str, str)
    """An entry's evidence that has a window of its own (what, the key it opens, its number):
    a complaint (its number twice), a dispute (its order's number, the dispute's), as My
    tasks' Open (app/views/supervision/task_actions.py)."""
    sheet_loaded = Signal(object)
    """The month was read (a ``MonthSheet``)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.sheet: MonthSheet | None = None
        self.staff: list[people.Person] = []
        self.rules: list[score_rules.RuleView] = []
        self.setWindowTitle(self.tr("Score sheet"))
        title = QLabel(self.tr("Monthly score sheet (奖罚评分表)"))
        bigger(title, 1.3, bold=True)
        self.month.returnPressed.connect(self.reload)
        self.person = QComboBox(self)
        self.person.setMinimumWidth(180)
        self.refresh = QPushButton(self.tr("Show"), self)
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(QLabel(self.tr("Person"), self))
        top.addWidget(self.person)
        top.addWidget(self.refresh)
        top.addStretch(1)

        record = may(Action.SCORE_RECORD, actor)
        self.propose_button = self.button(self.tr("Propose from the records"), self.propose, record)
        self.confirm_button = self.button(self.tr("Confirm"), self.confirm, record)
        self.dismiss_button = self.button(self.tr("Dismiss…"), self.dismiss, record)
        self.add_button = self.button(self.tr("Add entry…"), self.add_entry, record)
        self.evidence_button = self.button(self.tr("Open evidence"), self.open_evidence, True)
        self.submit_button = self.button(self.tr("Submit the month"), self.submit, record)
        self.approve_button = self.button(
            self.tr("Approve the month"), self.approve, may(Action.SCORE_APPROVE, actor)
        )
        self.send_back_button = self.button(
            self.tr("Send back…"), self.send_back, may(Action.SCORE_APPROVE, actor)
        )
        self.export_button = self.button(
            self.tr("Print / export…"), self.export, may(Action.SCORE_ALL, actor)
        )
        self.rules_button = self.button(
            self.tr("Rules…"), self.edit_rules, may(Action.SCORE_APPROVE, actor)
        )
        buttons = QHBoxLayout()
        for b in (
            self.propose_button,
            self.confirm_button,
            self.dismiss_button,
            self.add_button,
            self.evidence_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (
            self.submit_button,
            self.approve_button,
            self.send_back_button,
            self.export_button,
            self.rules_button,
        ):
            top.addWidget(b)
        self.state = QLabel(self)
        self.state.setWordWrap(True)

        self.summary = table(self, [self.tr_sheet(c) for c in export.SUMMARY_COLUMNS])
        self.entries = table(self, [self.tr_sheet(c) for c in ENTRY_COLUMNS])
        self.entries.itemSelectionChanged.connect(self._selection_changed)
        self.entries.doubleClicked.connect(lambda _i: self.open_evidence())
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.summary)
        split.addWidget(self.entries)
        split.setSizes([180, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        layout.addWidget(split, 1)
        hub().data_changed.connect(self._data_changed)
        self._selection_changed()
        if hub().db is not None:
            self._load_people()
            self.reload()

    @staticmethod
    def tr_sheet(text: str) -> str:
        return translate("ScoreSheet", text)

    # -- reading ------------------------------------------------------------------------------
    def _load_people(self) -> None:
        if not may(Action.SCORE_ALL, self.actor):
            self.person.addItem(self.actor.display_name, self.actor.username)
            self.person.setEnabled(False)
            return

        def read(session: object) -> tuple[list[people.Person], list[score_rules.RuleView]]:
            return people.staff(session), score_rules.all_rules(session)  # type: ignore[arg-type]

        Op(self, read).success(self._people_loaded).run()

    def _people_loaded(self, found: tuple[list[people.Person], list[score_rules.RuleView]]) -> None:
        self.staff, self.rules = found
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for p in self.staff:
            self.person.addItem(f"{p.display_name} ({p.username})", p.username)

    def reload(self) -> None:
        month = self.chosen_month()
        if month is None:
            return
        actor, user = self.actor, self.person.currentData()
        Op(self, lambda s: sheet.read(s, actor, month, user)).newest(self.reloads).success(
            self._loaded
        ).run()

    def _loaded(self, found: MonthSheet) -> None:
        self.sheet = found
        self.state.setText(
            f"{self.tr_sheet('Score sheet {month}').format(month=found.month)} · "
            f"{export.state_line(found, translate)} · "
            + self.tr("{n} proposals to decide").format(n=found.proposed)
        )
        fill(self.summary, [export.summary_cells(p, translate) for p in found.people])
        language = gui_language()
        rows, data = [], []
        for p in found.people:
            for e in p.entries:
                cells = export.entry_cells(e, translate, language)
                rows.append([p.person.display_name, *cells[1:]])
                data.append(e)
        fill(self.entries, rows, data)
        self.entries.resizeColumnsToContents()
        for column in range(self.entries.columnCount()):  # a long reason leaves room for more
            self.entries.setColumnWidth(column, min(self.entries.columnWidth(column), 360))
        self.summary.resizeColumnsToContents()
        self._month_state_changed(found.state)
        self._selection_changed()
        self.sheet_loaded.emit(found)

    def _month_state_changed(self, state: MonthState) -> None:
        """Only an open month changes; a submitted one waits for the administrator, who
        approves it or sends it back; an approved one takes corrections for the next month."""
        submitted = state is MonthState.SUBMITTED
        self.propose_button.setEnabled(state is MonthState.OPEN)
        self.submit_button.setEnabled(state is MonthState.OPEN)
        self.add_button.setEnabled(not submitted)
        why = self.tr("Submitted: it changes only once an administrator sends it back.")
        for b in (self.propose_button, self.add_button, self.confirm_button, self.dismiss_button):
            b.setToolTip(why if submitted else "")
        self.approve_button.setEnabled(submitted)
        self.send_back_button.setEnabled(submitted)

    def month_is_open(self) -> bool:
        return self.sheet is None or self.sheet.state is MonthState.OPEN

    def _data_changed(self, what: str) -> None:
        if what == "scores":
            self.reload()

    def selected(self) -> EntryView | None:
        rows = self.entries.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.entries.item(rows[0].row(), 0)
        entry = item.data(256) if item else None
        return entry if isinstance(entry, EntryView) else None

    def select_entry(self, entry_id: int) -> None:
        for row in range(self.entries.rowCount()):
            item = self.entries.item(row, 0)
            if item and item.data(256).id == entry_id:
                self.entries.selectRow(row)

    def _selection_changed(self) -> None:
        entry = self.selected()
        proposed = entry is not None and entry.state is EntryState.PROPOSED
        proposed = proposed and self.month_is_open()
        self.confirm_button.setEnabled(proposed)
        self.dismiss_button.setEnabled(proposed)
        self.evidence_button.setEnabled(entry is not None and bool(entry.evidence_kind))

    # -- actions ------------------------------------------------------------------------------
    def propose(self) -> None:
        month, actor = self.chosen_month(), self.actor
        if month is not None:
            self.write(lambda s: proposals.propose(s, actor, month), "scores")

    def confirm(self) -> None:
        entry, actor = self.selected(), self.actor
        if entry is not None:
            self.write(lambda s: entries.confirm(s, actor, entry.id), "scores")

    def ask_reason(self) -> str | None:
        """Why the proposal does not hold; None if the person cancelled. Tests replace this."""
        text, ok = QInputDialog.getText(
            self, self.tr("Dismiss the proposal"), self.tr("Why does it not hold?")
        )
        return text if ok else None

    def dismiss(self) -> None:
        entry, actor = self.selected(), self.actor
        if entry is None:
            return
        reason = self.ask_reason()
        if reason is not None:
            self.write(lambda s: entries.dismiss(s, actor, entry.id, reason), "scores")

    def add_entry(self) -> None:
        month = self.chosen_month()
        if month is not None:
            EntryDialog(self, self.actor, month, self.staff, self.rules).exec()

    def edit_rules(self) -> RulesDialog:
        """The administrator's rules (points, on or off); the entry dialog follows a change."""
        dialog = RulesDialog(self, self.actor)
        dialog.accepted.connect(
            lambda: Op(self, score_rules.all_rules).success(self._rules_loaded).run()
        )
        dialog.open()
        return dialog

    def _rules_loaded(self, found: list[score_rules.RuleView]) -> None:
        self.rules = found

    def open_evidence(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if entry.evidence_kind == "case":
            self.case_requested.emit(entry.evidence_key)
        elif entry.evidence_kind == "complaint":
            self.other_requested.emit("complaint", entry.evidence_key, entry.evidence_key)
        elif entry.evidence_kind == "dispute":
            self.other_requested.emit("dispute", entry.evidence_order_no, entry.evidence_key)
        elif entry.evidence_order_no:
            self.order_requested.emit(entry.evidence_order_no)

    def submit(self) -> None:
        month, actor = self.chosen_month(), self.actor
        if month is not None:
            self.write(lambda s: sheet.submit(s, actor, month), "scores")

    def approve(self) -> None:
        month, actor = self.chosen_month(), self.actor
        if month is not None:
            self.write(lambda s: sheet.approve(s, actor, month), "scores")

    def ask_send_back_reason(self) -> str | None:
        """What the supervisor is to look at again (may be empty); None if cancelled. Tests
        replace this."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Send the month back"),
            self.tr("The month opens again for the supervisor. What is to be looked at?"),
        )
        return text if ok else None

    def send_back(self) -> None:
        month, actor = self.chosen_month(), self.actor
        reason = self.ask_send_back_reason() if month is not None else None
        if month is not None and reason is not None:
            self.write(lambda s: sheet.reopen(s, actor, month, reason), "scores")

    def ask_export_path(self, month: Month) -> Path | None:
        """Where to write the sheet (.pdf or .xlsx); None if cancelled. Tests replace this."""
        return self.save_path(
            self.tr("score-sheet-{month}.pdf").format(month=month),
            self.tr("Print or export the score sheet"),
            self.tr("PDF for printing (*.pdf);;Excel workbooks (*.xlsx)"),
        )

    def export(self) -> None:
        month = self.chosen_month()
        out = self.ask_export_path(month) if month is not None else None
        if month is None or out is None:
            return
        actor, paper = self.actor, Paper(translate, gui_language())
        self.write_file(lambda s: export.export(s, actor, month, out, paper), out, self.state)
