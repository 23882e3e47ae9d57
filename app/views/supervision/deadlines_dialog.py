"""Deadlines and complaint categories (administrators), opened from the Shops page: the
categories a complaint is filed under (add, rename, retire, bring back; delete only one no
complaint uses), each priority's deadlines, how long each kind of task may take (the team's and
a shop's own) and the working hours deadlines run in.

Save sends the whole screen to ``deadline_form.save``: one transaction, every value checked by
its service, a refusal shown in the service's words naming the field, and nothing saved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.complaint_enums import Priority
from app.models.errors import UserError
from app.services.complaints.settings import CategoryEdit, CategoryRow, why_not_delete
from app.services.core.actor import Actor
from app.services.core.capabilities import why_not
from app.services.supervision import deadline_form
from app.services.supervision.deadline_form import Changes, Form
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner, SaveDialog


@dataclass(frozen=True)
class Category:
    """A category as edited here: ``old`` its name as loaded (None: added here)."""

    old: str | None
    name: str
    retired: bool
    in_use: int

    def edit(self) -> CategoryEdit:
        return CategoryEdit(self.old, self.name, self.retired)

    def as_row(self) -> CategoryRow:
        return CategoryRow(self.name, self.in_use, self.retired)


def refusal(actor: Actor) -> UserError | None:
    """Why this person may not open the screen (None: they may): it saves both kinds."""
    for action in deadline_form.ACTIONS:
        if (why := why_not(action, None, actor)) is not None:
            return why
    return None


def _hours(value: float) -> str:
    return f"{value:g}"


class DeadlinesDialog(SaveDialog):
    saved_form = Signal(object)
    """The settings were saved (a ``deadline_form.Form``, as saved)."""

    def __init__(self, parent: QWidget | None, actor: Actor) -> None:
        super().__init__(parent)
        self.actor = actor
        self.form: Form | None = None
        self.rows: list[Category] = []
        self.setWindowTitle(self.tr("Deadlines and complaint categories"))
        self.resize(960, 620)
        self.banner = Banner(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._complaints_tab(), self.tr("Complaints"))
        self.tabs.addTab(self._tasks_tab(), self.tr("Task deadlines"))
        self.tabs.addTab(self._hours_tab(), self.tr("Working hours"))
        note = QLabel(
            self.tr(
                "Hours are working hours where working hours are set, otherwise on the clock. "
                "Save checks and saves everything at once: a refused value saves nothing."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.save_cancel())
        self._enable()
        self.load()

    # -- the tabs -------------------------------------------------------------------------
    def _complaints_tab(self) -> QWidget:
        self.category_list = QListWidget()
        self.category_list.currentRowChanged.connect(lambda _row: self._category_chosen())
        self.category_name = QLineEdit()
        self.category_name.setMaxLength(40)
        self.category_name.setPlaceholderText(self.tr("A category's name"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_category)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.clicked.connect(self.rename_category)
        # two buttons, one shown at a time: a button's text changed after it is shown would
        # lose its Alt+letter (kit/keyboard.py gives letters as buttons are shown)
        self.retire_button = QPushButton(self.tr("Retire"))
        self.retire_button.clicked.connect(self.retire_category)
        self.bring_back_button = QPushButton(self.tr("Bring back"))
        self.bring_back_button.clicked.connect(self.retire_category)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_category)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.rename_button,
            self.retire_button,
            self.bring_back_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Categories (a retired one stays on its complaints)")))
        left.addWidget(self.category_list, 1)
        left.addWidget(self.category_name)
        left.addLayout(buttons)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("First response (h)")), 0, 1)
        grid.addWidget(QLabel(self.tr("Resolution (h)")), 0, 2)
        self.priority_edits: dict[Priority, tuple[QLineEdit, QLineEdit]] = {}
        for row, priority in enumerate(Priority, start=1):
            respond, resolve = QLineEdit(), QLineEdit()
            for edit in (respond, resolve):
                edit.setMaximumWidth(90)
            grid.addWidget(QLabel(translate("Priority", priority.label)), row, 0)
            grid.addWidget(respond, row, 1)
            grid.addWidget(resolve, row, 2)
            self.priority_edits[priority] = (respond, resolve)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Deadlines by priority")))
        right.addLayout(grid)
        right.addStretch(1)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        return tab

    def _tasks_tab(self) -> QWidget:
        self.kinds_table = QTableWidget()
        return self._table_tab(
            self.kinds_table,
            self.tr(
                "Hours each kind of task may take. A shop's column is for a shop whose "
                "platform differs; empty: the team's."
            ),
        )

    def _hours_tab(self) -> QWidget:
        self.hours_table = QTableWidget()
        self.hours_table.setColumnCount(1)
        self.hours_table.setHorizontalHeaderLabels([self.tr("Working hours")])
        return self._table_tab(
            self.hours_table,
            self.tr(
                "Shifts as 09:00-11:30, 12:30-18:30, 18:30-23:30. The team's empty: deadlines "
                "run on the clock. A shop's empty: the team's."
            ),
        )

    @staticmethod
    def _table_tab(table: QTableWidget, about: str) -> QWidget:
        """A tab of one table (rows: kinds or the team and its shops), under its hint."""
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hint = QLabel(about)
        hint.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(table, 1)
        return tab

    def _enable(self) -> None:
        """Everything is editable only for whom the capability table lets save it."""
        why = refusal(self.actor)
        if why is not None:
            self.banner.show_error(why.message(translate))
        assert self.buttons is not None
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(why is None)
        self.tabs.setEnabled(why is None)

    # -- loading --------------------------------------------------------------------------
    def load(self) -> None:
        if refusal(self.actor) is not None:
            return
        actor = self.actor
        Op(self, lambda s: deadline_form.load(s, actor)).success(self._show).failure(
            self._refused
        ).run()

    def _show(self, form: Form) -> None:
        self.form = form
        self.rows = [Category(r.name, r.name, r.retired, r.in_use) for r in form.categories]
        self._list_categories()
        for priority, (respond, resolve) in self.priority_edits.items():
            due = form.priorities[priority]
            respond.setText(_hours(due.respond))
            resolve.setText(_hours(due.resolve))
        shops = form.shops
        table = self.kinds_table
        table.setRowCount(len(form.kinds))
        table.setColumnCount(1 + len(shops))
        table.setHorizontalHeaderLabels([self.tr("Team")] + [name for _id, name in shops])
        table.setVerticalHeaderLabels([translate("TaskKind", k.kind.label) for k in form.kinds])
        for row, kind in enumerate(form.kinds):
            table.setItem(row, 0, QTableWidgetItem(_hours(kind.team)))
            for column, (shop, _name) in enumerate(shops, start=1):
                own = kind.shops.get(shop)
                table.setItem(row, column, QTableWidgetItem("" if own is None else _hours(own)))
            clock = self.tr("on the clock") if kind.on_the_clock else self.tr("working hours")
            table.verticalHeaderItem(row).setToolTip(
                self.tr("{clock}; {hours} h if never set").format(
                    clock=clock, hours=_hours(kind.default)
                )
            )
        hours = self.hours_table
        hours.setRowCount(1 + len(shops))
        hours.setVerticalHeaderLabels([self.tr("Team")] + [name for _id, name in shops])
        hours.setItem(0, 0, QTableWidgetItem(form.team_hours))
        for row, (shop, _name) in enumerate(shops, start=1):
            hours.setItem(row, 0, QTableWidgetItem(form.shop_hours.get(shop, "")))

    # -- categories -----------------------------------------------------------------------
    def _list_categories(self, choose: int | None = None) -> None:
        keep = self.category_list.currentRow() if choose is None else choose
        self.category_list.blockSignals(True)
        self.category_list.clear()
        for c in self.rows:
            text = c.name
            if c.in_use:
                text = self.tr("{name} · {count} complaint(s)").format(name=c.name, count=c.in_use)
            if c.retired:
                text = self.tr("{name} (retired)").format(name=text)
            self.category_list.addItem(text)
            if c.retired:
                item = self.category_list.item(self.category_list.count() - 1)
                item.setForeground(Qt.GlobalColor.darkGray)
        self.category_list.setCurrentRow(min(max(keep, 0), len(self.rows) - 1))
        self.category_list.blockSignals(False)
        self._category_chosen()

    def chosen_category(self) -> Category | None:
        row = self.category_list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _category_chosen(self) -> None:
        chosen = self.chosen_category()
        self.rename_button.setEnabled(chosen is not None)
        retired = chosen is not None and chosen.retired
        self.retire_button.setEnabled(chosen is not None)
        self.retire_button.setVisible(not retired)
        self.bring_back_button.setVisible(retired)
        # the service's own rule: one in use is retired, never deleted
        why = (
            why_not_delete(CategoryRow(chosen.name, chosen.in_use, chosen.retired))
            if chosen
            else None
        )
        self.delete_button.setEnabled(chosen is not None and why is None)
        self.delete_button.setToolTip(why.message(translate) if why is not None else "")

    def add_category(self) -> None:
        name = self.category_name.text().strip()
        if name:
            self.rows.append(Category(None, name, False, 0))
            self.category_name.clear()
            self._list_categories(len(self.rows) - 1)

    def _change(self, **changed: object) -> None:
        row = self.category_list.currentRow()
        if 0 <= row < len(self.rows):
            self.rows[row] = replace(self.rows[row], **changed)  # type: ignore[arg-type]
            self._list_categories(row)

    def rename_category(self) -> None:
        name = self.category_name.text().strip()
        if name:
            self._change(name=name)
            self.category_name.clear()

    def retire_category(self) -> None:
        chosen = self.chosen_category()
        if chosen is not None:
            self._change(retired=not chosen.retired)

    def delete_category(self) -> None:
        row = self.category_list.currentRow()
        if 0 <= row < len(self.rows):
            del self.rows[row]
            self._list_categories(row)

    # -- saving ---------------------------------------------------------------------------
    def changes(self) -> Changes:
        """The screen as left. A shop's cells go only where they were edited: a shop kept on
        the clock by ``deadline hours "" --shop`` shows empty like one that follows the team,
        and saving the screen must not turn the one into the other."""
        assert self.form is not None
        form, kinds, hours = self.form, self.kinds_table, self.hours_table
        shops = [shop for shop, _name in form.shops]
        own = {
            (k.kind, shop): kinds.item(row, column).text().strip()
            for row, k in enumerate(form.kinds)
            for column, shop in enumerate(shops, start=1)
        }
        shown = {(k.kind, shop): _hours(h) for k in form.kinds for shop, h in k.shops.items()}
        typed = {shop: hours.item(row, 0).text().strip() for row, shop in enumerate(shops, 1)}
        return Changes(
            categories=[c.edit() for c in self.rows],
            priorities={p: (a.text(), b.text()) for p, (a, b) in self.priority_edits.items()},
            team={k.kind: kinds.item(row, 0).text() for row, k in enumerate(form.kinds)},
            shops={cell: text for cell, text in own.items() if text != shown.get(cell, "")},
            team_hours=hours.item(0, 0).text(),
            shop_hours={
                shop: text or None
                for shop, text in typed.items()
                if text != form.shop_hours.get(shop, "")
            },
        )

    def save(self) -> None:
        if self.form is None:
            return
        actor, changes = self.actor, self.changes()
        self.banner.clear()
        assert self.buttons is not None
        self.buttons.setEnabled(False)
        Op(
            self, lambda s: deadline_form.save(s, actor, changes), write=True, changes="settings"
        ).success(self._saved).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True) if self.buttons else None
        ).run()

    def _saved(self, form: Form) -> None:
        self._show(form)
        self.saved_form.emit(form)
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
