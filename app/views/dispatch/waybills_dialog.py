"""Waybill numbers for administrators (issue 11 §1; docs/waybills.md): the number pools a
courier's branch issued (load a list file or a range per courier and shop, what is left,
the shop's low-stock threshold) and the couriers' number patterns. The Printing page and the
Shops page open it; everyone who prints sees it, only an administrator changes anything.

Every rule is the services' (``pools.load``, ``pools.set_threshold``,
``waybills.save_courier``, the calls ``afterdesk waybills load`` and ``waybills courier``
make); a refusal shows in the banner in the service's words and nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models.errors import UserError
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.dispatch import pools, waybills
from app.services.dispatch.waybills import Courier
from app.views.kit.ops import Op, Reloads, hub, translate
from app.views.kit.table_model import RowsTableModel
from app.views.kit.widgets import Banner, row_table


@dataclass(frozen=True)
class Loaded:
    pools: list[pools.PoolLeft]
    couriers: list[Courier]
    thresholds: dict[str, int]  # shop name → warn below


class PoolModel(RowsTableModel):
    COLUMNS = ("courier", "shop", "left", "taken", "threshold")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Courier"),
            self.tr("Shop"),
            self.tr("Numbers left"),
            self.tr("Taken"),
            self.tr("Warn below"),
        )

    def text(self, row: pools.PoolLeft, column: str) -> str:
        return str(row.courier if column == "courier" else getattr(row, column))

    def extra(self, row: pools.PoolLeft, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.low:
            return QColor("#d93025")  # below the shop's threshold: load the next numbers
        return None


class CourierModel(RowsTableModel):
    COLUMNS = ("code", "name", "pattern", "example", "ranges", "aliases")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Number pattern"),
            self.tr("Example"),
            self.tr("Ranges"),
            self.tr("Also called"),
        )

    def text(self, row: Courier, column: str) -> str:
        if column == "ranges":
            return self.tr("yes") if row.ranges else ""
        if column == "aliases":
            return ", ".join(row.aliases)
        return str(getattr(row, column))


def load(actor: Actor):  # type: ignore[no-untyped-def]
    def read(session: Session) -> Loaded:
        return Loaded(
            pools.left(session, actor),
            waybills.couriers(session),
            pools.shop_thresholds(session, actor),
        )

    return read


class WaybillsDialog(QDialog):
    saved = Signal(object)
    """A pool was loaded (``pools.Loaded``), a threshold (``int``) or a courier saved."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.can_edit = may(Action.WAYBILL_ADMIN, actor)
        self.setWindowTitle(self.tr("Waybill numbers"))
        self.banner = Banner()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._pools_tab(), self.tr("Number pools"))
        self.tabs.addTab(self._couriers_tab(), self.tr("Courier patterns"))
        note = QLabel(self.tr("Only an administrator loads numbers or changes patterns."))
        note.setStyleSheet("color: #555555;")
        note.setVisible(not self.can_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        for widget in self.findChildren(QWidget):
            if widget.property("edits"):
                widget.setEnabled(self.can_edit)
        self.thresholds: dict[str, int] = {}
        self.resize(900, 600)
        hub().data_changed.connect(self._data_changed)
        self.reload()

    # -- the pools ---------------------------------------------------------------------------
    def _pools_tab(self) -> QWidget:
        self.pool_model = PoolModel(self)
        self.pool_table = row_table(self.pool_model, (120, 200, 110, 90, 90))
        self.courier = QComboBox()
        self.shop = QComboBox()
        self.shop.currentIndexChanged.connect(self._shop_chosen)
        self.from_file = QRadioButton(self.tr("The branch's list (CSV, XLSX or text)"))
        self.from_file.setChecked(True)
        self.from_range = QRadioButton(self.tr("A range FIRST-LAST"))
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("choose the file the branch sent"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self.choose_file)
        self.range = QLineEdit()
        self.range.setPlaceholderText("773000000001-773000001000")
        self.load_button = QPushButton(self.tr("Load numbers"))
        self.load_button.clicked.connect(self.load_pool)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Courier"), self.courier)
        form.addRow(self.tr("Shop"), self.shop)
        form.addRow(self.from_file, file_row)
        form.addRow(self.from_range, self.range)
        form.addRow("", self.load_button)
        loading = QGroupBox(self.tr("Load the numbers a courier's branch issued"))
        loading.setLayout(form)
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 1_000_000)
        self.threshold_button = QPushButton(self.tr("Save threshold"))
        self.threshold_button.clicked.connect(self.save_threshold)
        warn = QHBoxLayout()
        warn.addWidget(QLabel(self.tr("Warn when a pool of this shop has fewer than")))
        warn.addWidget(self.threshold)
        warn.addWidget(QLabel(self.tr("numbers")))
        warn.addStretch(1)
        warn.addWidget(self.threshold_button)
        for widget in (self.courier, self.shop, self.from_file, self.from_range, self.file):
            widget.setProperty("edits", True)
        for widget in (self.browse, self.range, self.load_button):
            widget.setProperty("edits", True)
        for widget in (self.threshold, self.threshold_button):
            widget.setProperty("edits", True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.pool_table, 1)
        layout.addWidget(loading)
        layout.addLayout(warn)
        return tab

    def choose_file(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The branch's list of waybill numbers"),
            start,
            self.tr("Lists of numbers (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if name:
            self.file.setText(name)
            self.from_file.setChecked(True)

    def load_pool(self) -> None:
        actor, courier, shop = self.actor, self.courier.currentData(), self.shop.currentText()
        if self.from_file.isChecked():
            path = Path(self.file.text().strip())

            def work(session: Session) -> pools.Loaded:
                # read in the worker: a branch's list may hold tens of thousands of numbers
                return pools.load(
                    session, actor, courier, shop, pools.read_list(path), source=path.name
                )

        else:
            text = self.range.text()

            def work(session: Session) -> pools.Loaded:
                return pools.load(session, actor, courier, shop, first_last=text)

        self.banner.clear()
        self.load_button.setEnabled(False)
        Op(self, work, write=True, changes="waybills").success(self._loaded_pool).failure(
            self._refused
        ).finally_(lambda: self.load_button.setEnabled(True)).run()

    def _loaded_pool(self, done: pools.Loaded) -> None:
        self.status.setText(
            self.tr("Loaded {count} {courier} numbers for {shop}: {left} left.").format(
                count=done.count, courier=done.courier, shop=done.shop, left=done.left
            )
        )
        self.file.clear()
        self.range.clear()
        self.saved.emit(done)
        self.reload()

    def _shop_chosen(self, *_args: object) -> None:
        shop = self.shop.currentText()
        if shop in self.thresholds:
            self.threshold.setValue(self.thresholds[shop])

    def save_threshold(self) -> None:
        actor, shop, value = self.actor, self.shop.currentText(), self.threshold.value()
        self.banner.clear()
        Op(
            self,
            lambda s: pools.set_threshold(s, actor, shop, value),
            write=True,
            changes="waybills",
        ).success(lambda done: self._threshold_saved(shop, done)).failure(self._refused).run()

    def _threshold_saved(self, shop: str, value: int) -> None:
        self.thresholds[shop] = value
        self.status.setText(
            self.tr("{shop}: the Printing page warns when a pool has fewer than {n}.").format(
                shop=shop, n=value
            )
        )
        self.saved.emit(value)
        self.reload()

    # -- the couriers' patterns --------------------------------------------------------------
    def _couriers_tab(self) -> QWidget:
        self.courier_model = CourierModel(self)
        self.courier_table = row_table(self.courier_model, (70, 110, 220, 150, 70))
        self.courier_table.clicked.connect(self._courier_chosen)
        self.code = QLineEdit()
        self.code.setMaxLength(16)
        self.code.setPlaceholderText(self.tr("e.g. SF"))
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(r"SF\d{12}")
        self.example = QLineEdit()
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("other spellings, separated by commas"))
        self.ranges = QCheckBox(self.tr("Numbers run in sequence (may be loaded as a range)"))
        self.courier_button = QPushButton(self.tr("Save courier"))
        self.courier_button.clicked.connect(self.save_courier)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Number pattern"), self.pattern)
        form.addRow(self.tr("Example"), self.example)
        form.addRow(self.tr("Also called"), self.aliases)
        form.addRow("", self.ranges)
        form.addRow("", self.courier_button)
        hint = QLabel(
            self.tr(
                "A pattern is a regular expression a whole number must match; the example "
                "must fit it. Numbers that do not fit are refused with the pattern named."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        box = QGroupBox(self.tr("Add or change a courier (choose one in the list to change it)"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addWidget(hint)
        for widget in (self.code, self.name, self.pattern, self.example, self.aliases):
            widget.setProperty("edits", True)
        for widget in (self.ranges, self.courier_button):
            widget.setProperty("edits", True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.courier_table, 1)
        layout.addWidget(box)
        return tab

    def _courier_chosen(self, index: Any) -> None:
        row: Courier | None = self.courier_model.row_at(index.row())
        if row is None:
            return
        self.code.setText(row.code)
        self.name.setText(row.name)
        self.pattern.setText(row.pattern)
        self.example.setText(row.example)
        self.aliases.setText(", ".join(row.aliases))
        self.ranges.setChecked(row.ranges)

    def save_courier(self) -> None:
        actor, code = self.actor, self.code.text()
        values = {
            "name": self.name.text() or None,
            "pattern": self.pattern.text() or None,
            "example": self.example.text(),
            "aliases": [a for a in self.aliases.text().replace("，", ",").split(",")],
            "ranges": self.ranges.isChecked(),
        }
        self.banner.clear()
        Op(
            self,
            lambda s: waybills.save_courier(s, actor, code, **values),
            write=True,
            changes="waybills",
        ).success(self._courier_saved).failure(self._refused).run()

    def _courier_saved(self, courier: Courier) -> None:
        self.status.setText(
            self.tr("Saved the courier {name} ({code}): numbers must match {pattern}.").format(
                name=courier.name, code=courier.code, pattern=courier.pattern
            )
        )
        self.saved.emit(courier)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        Op(self, load(self.actor)).newest(self.reloads).success(self._loaded).failure(
            self._refused
        ).run()

    def _loaded(self, found: Loaded) -> None:
        self.pool_model.set_rows(found.pools)
        self.courier_model.set_rows(found.couriers)
        self.thresholds = dict(found.thresholds)
        chosen = self.courier.currentData()
        self.courier.clear()
        for c in found.couriers:
            self.courier.addItem(f"{c.name} ({c.code})", c.code)
        if chosen is not None and self.courier.findData(chosen) >= 0:
            self.courier.setCurrentIndex(self.courier.findData(chosen))
        shop = self.shop.currentText()
        self.shop.blockSignals(True)
        self.shop.clear()
        self.shop.addItems(list(found.thresholds))
        if shop:
            self.shop.setCurrentText(shop)
        self.shop.blockSignals(False)
        self._shop_chosen()

    def _data_changed(self, what: str) -> None:
        if what in ("waybills", "shops"):
            self.reload()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
