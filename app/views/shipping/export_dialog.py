"""Export shipments (the Printing page's button): choose the shop, see how many shipments
its platform has not been told of, and write its bulk-ship file (``exports.export``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.services.core.actor import Actor
from app.services.shipping import exports
from app.services.shipping.platforms import ExportFormat
from app.views.kit.ops import Op, Reloads, Task, hub, translate
from app.views.kit.widgets import Banner


class ExportShipmentsDialog(QDialog):
    exported = Signal(object)
    """A file was written and remembered (an ``exports.Exported``)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.found: list[exports.ShopToExport] = []
        self.setWindowTitle(self.tr("Export shipments to the platform"))
        self.shop = QComboBox()
        self.shop.currentIndexChanged.connect(self._shop_chosen)
        self.format = QComboBox()
        names = {
            ExportFormat.TAOBAO: self.tr("Taobao / Tmall (CSV)"),
            ExportFormat.JD: self.tr("JD (Excel)"),
            ExportFormat.DOUYIN: self.tr("Douyin (Excel)"),
            ExportFormat.PDD: self.tr("Pinduoduo (Excel)"),
            ExportFormat.SHOPIFY: self.tr("Shopify, through Matrixify (CSV)"),
            ExportFormat.CSV: self.tr("AfterDesk CSV"),
        }
        for fmt, name in names.items():
            self.format.addItem(name, fmt.value)
        self.pending = QLabel()
        self.banner = Banner()
        form = QFormLayout()
        form.addRow(self.tr("Shop"), self.shop)
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.pending)
        hint = QLabel(
            self.tr(
                "Only shipments not exported before are written (and any whose waybill number "
                "changed). Upload the file in the platform's bulk-ship page."
            )
        )
        hint.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.reload()

    # -- replaced in tests ---------------------------------------------------------------------
    def ask_save(self, name: str, pattern: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), str(Path(folder) / name), pattern
        )
        return Path(chosen) if chosen else None

    def reload(self) -> None:
        Op(self, lambda s: exports.shops(s, self.actor)).newest(self.reloads).success(
            self._loaded
        ).failure(lambda e: self.banner.show_error(e.message(translate))).run()

    def _loaded(self, found: list[exports.ShopToExport]) -> None:
        chosen = self.shop.currentText()
        self.found = found
        self.shop.blockSignals(True)
        self.shop.clear()
        for row in found:
            self.shop.addItem(row.shop)
        if chosen:
            self.shop.setCurrentText(chosen)
        self.shop.blockSignals(False)
        self._shop_chosen(self.shop.currentIndex())

    def _shop_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.found):
            self.pending.clear()
            return
        row = self.found[index]
        self.format.setCurrentIndex(self.format.findData(row.format.value))
        self.pending.setText(self.tr("%n shipment(s) not yet exported", "", row.pending))

    def export(self) -> None:
        self.banner.clear()
        shop, fmt = self.shop.currentText(), ExportFormat(self.format.currentData())
        if not shop:
            return
        suffix = exports.suffix(fmt)
        pattern = (
            self.tr("Excel workbooks (*.xlsx)")
            if suffix == ".xlsx"
            else self.tr("CSV files (*.csv)")
        )
        # Matrixify recognises an Orders import by “Order” in the file's name
        path = self.ask_save(f"{shop}-orders-shipped{suffix}", pattern)
        if path is None:
            return
        db, actor = hub().db, self.actor
        assert db is not None
        self.export_button.setEnabled(False)
        Task(self, lambda: exports.export(db, actor, shop, fmt, path, overwrite=True)).success(
            self._done
        ).failure(self._refused).finally_(lambda: self.export_button.setEnabled(True)).run()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))

    def _done(self, done: exports.Exported) -> None:
        hub().data_changed.emit("exports")
        if done.count:
            text = self.tr("%n shipment(s) written to {path}.", "", done.count)
        else:
            text = self.tr("No new shipments since the last export: {path} has the headers only.")
        self.pending.setText(text.format(path=done.path))
        self.exported.emit(done)
        self.reload()
