"""The register's filter bar: states, types, dates, staff and a search for any number.

It only gathers what the person chose into a ``RegisterFilter``; which cases match is
``case_register``'s business. Choosing a state, a type, a date or a name applies at once;
the search applies on Enter (a scanner ends its number with Enter too).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import CaseState, CaseType
from app.services.cases.register import RegisterFilter
from app.views.cases.case_labels import case_state_label, case_type_label

NO_DATE = QDate(2000, 1, 1)  # the minimum stands for "no date" (its special text)


class DateBox(QDateEdit):
    """A date that may be left empty: the minimum shows as “no date”."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text)
        self.setDate(NO_DATE)
        # the calendar would open on January 2000 for an empty date: open it on today
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def value(self) -> date | None:
        chosen = self.date()
        return None if chosen <= NO_DATE else chosen.toPython()

    def set_value(self, day: date | None) -> None:
        self.setDate(QDate(day) if day is not None else NO_DATE)


class _StayOpenMenu(QMenu):
    """Ticking a choice leaves the menu open, so several can be ticked in one go."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isEnabled() and action.isCheckable():
            action.trigger()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class ChoiceMenu(QToolButton):
    """A button with a menu of checkable choices; none checked means "all"."""

    changed = Signal()

    def __init__(
        self,
        everything: str,
        choices: Iterable[enum.Enum],
        label: Callable[[enum.Enum], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.everything, self.label = everything, label
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMinimumWidth(130)
        menu = _StayOpenMenu(self)
        self.actions_by_value: dict[enum.Enum, QAction] = {}
        for value in choices:
            action = menu.addAction(label(value))
            action.setCheckable(True)
            action.toggled.connect(self._toggled)
            self.actions_by_value[value] = action
        self.setMenu(menu)
        self._update_text()

    def chosen(self) -> tuple[enum.Enum, ...]:
        return tuple(v for v, a in self.actions_by_value.items() if a.isChecked())

    def set_chosen(self, values: Iterable[enum.Enum]) -> None:
        wanted = set(values)
        for value, action in self.actions_by_value.items():
            action.blockSignals(True)
            action.setChecked(value in wanted)
            action.blockSignals(False)
        self._update_text()
        self.changed.emit()

    def _toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.chosen()
        names = [self.label(v) for v in chosen]
        if not names:
            self.setText(self.everything)
        elif len(names) == 1:
            self.setText(names[0])
        else:  # the first and how many more: the whole list would not fit the bar
            self.setText(f"{names[0]} +{len(names) - 1}")
        self.setToolTip("\n".join(names) or self.everything)


class RegisterFilters(QWidget):
    """The filters above the register, in two rows."""

    changed = Signal()
    """The person changed a filter: read ``filters()`` and show the cases again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.states = ChoiceMenu(self.tr("All states"), CaseState, case_state_label)
        self.types = ChoiceMenu(self.tr("All types"), CaseType, case_type_label)
        self.date_from = DateBox(self.tr("No date"))
        self.date_to = DateBox(self.tr("No date"))
        self.staff = QComboBox()
        self.staff.setEditable(True)  # anyone who ever signed, even an account since removed
        self.staff.setMinimumContentsLength(8)
        self.staff.addItem("", "")  # empty: anyone
        self.staff.lineEdit().setPlaceholderText(self.tr("Anyone"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Case, order, tracking no., buyer or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(230)
        self.clear_button = QPushButton(self.tr("Clear filters"))

        for menu in (self.states, self.types):
            menu.changed.connect(self.changed)
        for box in (self.date_from, self.date_to):
            box.dateChanged.connect(lambda _d: self.changed.emit())
        self.staff.activated.connect(lambda _i: self._staff_typed())
        self.staff.lineEdit().editingFinished.connect(self._staff_typed)
        self.search.returnPressed.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)
        self._last_staff = ""

        # two rows: in one, the bar alone was wider than a 1024-pixel screen
        row = QHBoxLayout()
        row.addWidget(self.states)
        row.addWidget(self.types)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.date_to)
        row.addWidget(QLabel(self.tr("Staff")))
        row.addWidget(self.staff)
        row.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.search, 1)
        second.addWidget(self.clear_button)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(row)
        rows.addLayout(second)

    def filters(self) -> RegisterFilter:
        staff = self.staff.currentText().strip()
        return RegisterFilter(
            states=tuple(CaseState(s) for s in self.states.chosen()),
            types=tuple(CaseType(t) for t in self.types.chosen()),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            staff=staff or None,
            search=self.search.text().strip() or None,
        )

    def set_staff_names(self, names: Iterable[str]) -> None:
        """The names offered in the staff box (the people who may sign a case)."""
        keep = self.staff.currentText()
        self.staff.blockSignals(True)
        while self.staff.count() > 1:
            self.staff.removeItem(1)
        for name in sorted(set(names)):
            self.staff.addItem(name, name)
        self.staff.setEditText(keep)
        self.staff.blockSignals(False)

    def _staff_typed(self) -> None:
        typed = self.staff.currentText().strip()
        if typed != self._last_staff:  # focus leaving an unchanged box is not a new filter
            self._last_staff = typed
            self.changed.emit()

    def clear(self) -> None:
        for widget in (self.states, self.types, self.date_from, self.date_to, self.staff):
            widget.blockSignals(True)
        self.states.set_chosen(())
        self.types.set_chosen(())
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self.staff.setCurrentIndex(0)
        self._last_staff = ""
        self.search.clear()
        for widget in (self.states, self.types, self.date_from, self.date_to, self.staff):
            widget.blockSignals(False)
        self.changed.emit()
