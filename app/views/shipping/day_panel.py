"""What went out on a day: the printer's batches, the hand-over manifests, the exchanges
shipped (``days.of_day``), one tab each, for the day chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.services.core.actor import Actor
from app.services.shipping import days
from app.views.kit.ops import Op, Reloads, hub
from app.views.kit.widgets import row_table
from app.views.shipping.models import BatchDayModel, ExchangeDayModel, ManifestDayModel


class DayPanel(QWidget):
    day_loaded = Signal(object)
    """The chosen day's lists were read (a ``days.Day``)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(self.reload)
        self.batches = BatchDayModel(self)
        self.manifests = ManifestDayModel(self)
        self.exchanges = ExchangeDayModel(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(row_table(self.manifests, (150, 100, 130, 80)), self.tr("Manifests"))
        self.tabs.addTab(row_table(self.batches, (150, 130, 90)), self.tr("Print batches"))
        self.tabs.addTab(
            row_table(self.exchanges, (150, 170, 90, 150, 130)), self.tr("Exchanges shipped")
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day")))
        row.addWidget(self.day)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        hub().data_changed.connect(self._data_changed)  # a method: gone with the panel

    def _data_changed(self, _what: str) -> None:
        self.reload()

    def chosen(self) -> date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    def reload(self) -> None:
        day = self.chosen()
        Op(self, lambda s: days.of_day(s, self.actor, day)).newest(self.reloads).success(
            self._loaded
        ).run()

    def _loaded(self, found: days.Day) -> None:
        if found.day != self.chosen():  # another day was chosen meanwhile
            return
        self.batches.set_rows(list(found.batches))
        self.manifests.set_rows(list(found.manifests))
        self.exchanges.set_rows(list(found.exchanges))
        for index, count in enumerate(
            (len(found.manifests), len(found.batches), len(found.exchanges))
        ):
            title = (self.tr("Manifests"), self.tr("Print batches"), self.tr("Exchanges shipped"))
            self.tabs.setTabText(index, f"{title[index]} ({count})")
        self.day_loaded.emit(found)
