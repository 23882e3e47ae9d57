"""The Roster page (值班表): the month's grid, who is on duty now, swaps (asked by one
person, agreed by the other, approved by the supervisor) and the printed roster."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.roster import duty, printout, rotation, swaps
from app.services.roster.duty import Duty
from app.services.roster.rotation import RosterGrid
from app.services.roster.swaps import SwapView
from app.services.scores.export import Paper
from app.services.scores.months import Month
from app.views.kit.desk import bigger
from app.views.kit.ops import Op, hub, translate
from app.views.scores.common import MonthPage, fill, gui_language, table, this_month
from app.views.scores.day_dialog import DayDialog
from app.views.scores.duty_text import of_duties, on_duty_text
from app.views.scores.shift_dialog import ShiftDialog
from app.views.scores.swap_dialog import SwapDialog

WEEKDAYS_EN = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


class RosterPage(MonthPage):
    grid_loaded = Signal(object)
    """The month was read (a ``RosterGrid``)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.roster: RosterGrid | None = None
        self.swap_rows: list[SwapView] = []
        self.setWindowTitle(self.tr("Duty roster"))
        title = QLabel(self.tr("Duty roster (值班表)"))
        bigger(title, 1.3, bold=True)
        self.month.returnPressed.connect(self.reload)
        show = QPushButton(self.tr("Show"), self)
        show.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addWidget(show)
        self.on_duty = QLabel(self)
        self.on_duty.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.status = QLabel(self)  # what the last Generate kept
        self.status.setWordWrap(True)

        edit = self.may_edit = may(Action.ROSTER_EDIT, actor)
        self.generate_button = self.button(self.tr("Generate the month"), self.generate, edit)
        self.swap_button = self.button(
            self.tr("Ask to swap…"), self.ask_swap, may(Action.ROSTER_SWAP, actor)
        )
        swapper = may(Action.ROSTER_SWAP, actor)
        self.agree_button = self.button(self.tr("Agree to swap"), self.agree, swapper)
        self.withdraw_button = self.button(self.tr("Withdraw swap"), self.withdraw, swapper)
        self.approve_button = self.button(self.tr("Approve swap"), self.approve, edit)
        self.refuse_button = self.button(self.tr("Refuse swap"), self.refuse, edit)
        # each swap button, by the service's name of its move (swaps.MOVES)
        self.swap_buttons = {
            "agree": self.agree_button,
            "withdraw": self.withdraw_button,
            "approve": self.approve_button,
            "refuse": self.refuse_button,
        }
        self.shifts_button = self.button(self.tr("Shifts…"), self.edit_shifts, edit)
        self.print_button = self.button(self.tr("Print…"), self.print_roster, True)
        buttons = QHBoxLayout()
        for b in (
            self.generate_button,
            self.swap_button,
            *self.swap_buttons.values(),
            self.shifts_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)

        self.grid = table(self, [])
        self.grid.setSelectionBehavior(self.grid.SelectionBehavior.SelectItems)
        self.grid.cellDoubleClicked.connect(self.edit_day)
        self.day_dialog: DayDialog | None = None
        self.swaps = table(
            self,
            [self.tr("Swap"), self.tr("Day"), self.tr("Asked by"), self.tr("With"),
             self.tr("State"), self.tr("Beyond 3 this month"), self.tr("Reason")],
        )  # fmt: skip
        self.swaps.itemSelectionChanged.connect(self._swap_selected)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.grid)
        split.addWidget(self.swaps)
        split.setSizes([420, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.on_duty)
        layout.addLayout(buttons)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        hub().data_changed.connect(self._data_changed)
        self._swap_selected()
        if hub().db is not None:
            self.reload()

    def reload(self) -> None:
        month, actor = self.chosen_month(), self.actor
        if month is None:
            return

        def read(session: object) -> tuple[RosterGrid, list[SwapView], list[Duty]]:
            s = session
            return (
                rotation.grid(s, actor, month),  # type: ignore[arg-type]
                swaps.of_month(s, actor, month),  # type: ignore[arg-type]
                duty.on_duty_now(s, actor),  # type: ignore[arg-type]
            )

        Op(self, read).newest(self.reloads).success(self._loaded).run()

    def _loaded(self, found: tuple[RosterGrid, list[SwapView], list[Duty]]) -> None:
        grid, swap_list, working = found
        self.roster, self.swap_rows = grid, swap_list
        language = gui_language()
        zh = language.startswith("zh")
        self.grid.clear()
        self.grid.setColumnCount(len(grid.days))
        self.grid.setRowCount(len(grid.people))
        self.grid.setHorizontalHeaderLabels(
            [
                f"{d.day}\n{printout.WEEKDAYS[d.weekday()] if zh else WEEKDAYS_EN[d.weekday()]}"
                for d in grid.days
            ]
        )
        self.grid.setVerticalHeaderLabels([p.display_name for p in grid.people])
        self.grid.verticalHeader().show()
        edit_tip = self.tr("Double-click to change the day") if self.may_edit else ""
        for r, person in enumerate(grid.people):
            for c, day in enumerate(grid.days):
                shift = grid.shift_of(person.user_id, day)
                item = QTableWidgetItem(shift.mark(language) if shift else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                tip = f"{shift.name(language)} {shift.hours_text}" if shift else ""
                item.setToolTip("\n".join(filter(None, (tip, edit_tip))))
                self.grid.setItem(r, c, item)
        self.grid.horizontalHeader().setDefaultSectionSize(34)
        for c in range(len(grid.days)):
            self.grid.setColumnWidth(c, 34)
        self.legend.setText(printout.legend(grid, language))
        self.on_duty.setText(on_duty_text(of_duties(working)))
        fill(
            self.swaps,
            [
                [f"#{s.id}", s.day.isoformat(), s.user_a, s.user_b,
                 translate("SwapState", s.state.label), ", ".join(s.beyond), s.reason]
                for s in swap_list
            ],
            list(swap_list),
        )  # fmt: skip
        self._swap_selected()
        self.grid_loaded.emit(grid)

    def _data_changed(self, what: str) -> None:
        if what == "roster":
            self.reload()

    def selected_day(self) -> date:
        month = self.chosen_month() or this_month()
        column = self.grid.currentColumn()
        days = month.days()
        return days[column] if 0 <= column < len(days) else days[0]

    def selected_swap(self) -> SwapView | None:
        rows = self.swaps.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.swaps.item(rows[0].row(), 0)
        swap = item.data(256) if item else None
        return swap if isinstance(swap, SwapView) else None

    def _swap_selected(self) -> None:
        swap = self.selected_swap()
        allowed = swaps.actions_for(swap, self.actor) if swap is not None else frozenset()
        for action, button in self.swap_buttons.items():
            button.setEnabled(action in allowed)
            reason = swaps.why_not(action, swap, self.actor) if swap is not None else None
            button.setToolTip(reason.message(translate) if reason is not None else "")

    def generate(self) -> None:
        month, actor = self.chosen_month(), self.actor
        if month is not None:
            Op(
                self, lambda s: rotation.generate(s, actor, month), write=True, changes="roster"
            ).success(self._generated).run()

    def _generated(self, grid: RosterGrid) -> None:
        """Say what the new rotation kept (nothing is lost: see rotation.generate)."""
        kept = grid.kept
        if kept is not None and (kept.edits or kept.swaps):
            self.status.setText(
                self.tr(
                    "Generated again: days you set: {edits}; approved swaps: {swaps}; both kept "
                    "on top of the new rotation."
                ).format(edits=kept.edits, swaps=kept.swaps)
            )
        else:
            self.status.setText(self.tr("Generated."))

    def edit_day(self, row: int, column: int) -> DayDialog | None:
        """The supervisor's edit of one cell: a shift or a day off (the same service as
        ``roster set``); staff only read the grid."""
        grid = self.roster
        if not self.may_edit or grid is None:
            return None
        if not (0 <= row < len(grid.people) and 0 <= column < len(grid.days)):
            return None
        person, day = grid.people[row], grid.days[column]
        self.day_dialog = DayDialog(
            self, self.actor, day, person, grid.shifts, grid.cells.get((person.user_id, day))
        )
        self.day_dialog.open()
        return self.day_dialog

    def ask_swap(self) -> None:
        people = self.roster.people if self.roster else []
        SwapDialog(self, self.actor, self.selected_day(), people).exec()

    def edit_shifts(self) -> None:
        """Add or change a shift (the warehouse's, say); the page reloads with it."""
        ShiftDialog(self, self.actor, self.roster.shifts if self.roster else None).exec()

    def _swap_move(self, move: Callable[[Session, Actor, int], SwapView]) -> None:
        swap, actor = self.selected_swap(), self.actor
        if swap is not None:
            self.write(lambda s: move(s, actor, swap.id), "roster")

    def agree(self) -> None:
        self._swap_move(swaps.agree)

    def withdraw(self) -> None:
        self._swap_move(swaps.withdraw)

    def approve(self) -> None:
        self._swap_move(swaps.approve)

    def refuse(self) -> None:
        self._swap_move(swaps.refuse)

    def ask_print_path(self, month: Month) -> Path | None:
        """Where to write the roster's PDF; None if cancelled. Tests replace this."""
        return self.save_path(
            self.tr("roster-{month}.pdf").format(month=month),
            self.tr("Print the roster"),
            self.tr("PDF for printing (*.pdf)"),
        )

    def print_roster(self) -> None:
        month = self.chosen_month()
        out = self.ask_print_path(month) if month is not None else None
        if month is None or out is None:
            return
        actor, paper = self.actor, Paper(translate, gui_language())
        self.write_file(
            lambda s: printout.print_month(s, actor, month, out, paper), out, self.legend
        )
