"""The order printer's page: orders waiting to print, batches, reprints, stale copies.

What may print and what is held back comes from ``printing.waiting`` and ``run_batch``;
the page shows it, runs the service off the GUI thread with a progress bar that can
cancel (nothing recorded), and previews the PDFs inside the app before they go to a
printer (``pdf_preview``).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.printing.data import LabelSize, SheetSize
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.dispatch import batch_waybills
from app.services.dispatch import batches as printing
from app.services.dispatch import records as print_records
from app.services.dispatch.batch_waybills import WithoutWaybill
from app.services.dispatch.batches import BatchResult
from app.services.dispatch.pools import PoolLeft
from app.services.dispatch.records import BatchView, ReprintResult
from app.services.dispatch.reprints import ReprintCheck
from app.views.dispatch.print_jobs import (
    MissingWaybillsDialog,
    ReprintDialog,
    confirm_first_slips,
    put_in_place,
)
from app.views.dispatch.print_model import BatchModel, Loaded, StaleModel, WaitingModel, load
from app.views.dispatch.waybills_dialog import WaybillsDialog
from app.views.kit.ops import Op, Reloads, hub, translate
from app.views.kit.pdf_preview import PreviewDialog
from app.views.kit.progress import Progress, ProgressTask
from app.views.kit.table_model import RowsTableModel
from app.views.kit.widgets import Banner, row_table, show_if
from app.views.shell.shops_dialog import ShopsDialog
from app.views.shipping.export_dialog import ExportShipmentsDialog


class PrintPage(QWidget):
    loaded = Signal()
    """The lists were (re)loaded."""

    printed = Signal(object)
    """A batch or reprint was recorded and its files written (the service's result)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.setWindowTitle(self.tr("Printing"))
        title = QLabel(self.tr("Printing: labels, dispatch notes, batches"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555555;")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.refresh)

        self.shop = QComboBox()
        self.courier = QComboBox()
        for combo, everything in (
            (self.shop, self.tr("All shops")),
            (self.courier, self.tr("All couriers")),
        ):
            combo.addItem(everything, "")
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self.reload)
        self.use_cutoff = QCheckBox(self.tr("Paid by today's cut-off"))
        self.use_cutoff.setChecked(True)
        self.use_cutoff.toggled.connect(self.reload)
        self.label_size = QComboBox()
        for size in LabelSize:
            self.label_size.addItem(size.value.replace("x", "×") + " mm", size.value)
        self.sheet_size = QComboBox()
        for sheet in SheetSize:
            self.sheet_size.addItem(sheet.value, sheet.value)
        self.shops_button = QPushButton(self.tr("Shop senders…"))
        self.shops_button.setToolTip(self.tr("Sender details on each shop's labels, the cut-off"))
        self.shops_button.clicked.connect(self.show_shops)
        show_if(self.shops_button, may(Action.SHOP_READ, actor))
        self.waybills_button = QPushButton(self.tr("Waybill numbers…"))
        self.waybills_button.setToolTip(
            self.tr("Number pools from the couriers' branches, and the couriers' number patterns")
        )
        self.waybills_button.clicked.connect(self.show_waybills)
        show_if(self.waybills_button, may(Action.WAYBILL_READ, actor))
        # two rows: which orders, then on what paper (one row was cramped at 1200 px,
        # and longer in Chinese)
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        for row, cells in enumerate(
            (
                ((self.tr("Shop"), self.shop), (self.tr("Courier"), self.courier)),
                (
                    (self.tr("Labels"), self.label_size),
                    (self.tr("Dispatch notes"), self.sheet_size),
                ),
            )
        ):
            for pair, (text, widget) in enumerate(cells):
                filters.addWidget(QLabel(text), row, pair * 2)
                filters.addWidget(widget, row, pair * 2 + 1)
        filters.addWidget(self.use_cutoff, 0, 4)
        filters.addWidget(self.shops_button, 1, 5)
        filters.addWidget(self.waybills_button, 0, 5)
        filters.setColumnStretch(4, 1)

        self.waiting_model = WaitingModel(self)
        self.stale_model = StaleModel(self)
        self.batch_model = BatchModel(self)
        self.waiting_table = row_table(self.waiting_model, (170, 120, 150, 100, 90), several=True)
        self.stale_table = row_table(self.stale_model, (170, 110, 150, 150, 170), several=True)
        self.batch_table = row_table(self.batch_model, (150, 140), several=True)
        self.batch_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.waiting_table, self.tr("Waiting to print"))
        self.tabs.addTab(self.stale_table, self.tr("Stale copies"))
        self.tabs.addTab(self.batch_table, self.tr("Batches"))

        self.preview_button = QPushButton(self.tr("Preview labels…"))
        self.preview_button.setToolTip(self.tr("Labels of the chosen orders, marked PREVIEW"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.reprint_button.clicked.connect(self.reprint)
        self.export_button = QPushButton(self.tr("Export shipments…"))
        self.export_button.setToolTip(
            self.tr("The shipped orders' waybill numbers, as the platform's bulk-ship upload")
        )
        self.export_button.clicked.connect(self.export_shipments)
        show_if(self.export_button, may(Action.SHIPMENTS_EXPORT, actor))
        self.print_button = QPushButton(self.tr("Print batch…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_batch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        for button in (
            self.export_button,
            self.preview_button,
            self.reprint_button,
            self.print_button,
        ):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        # found when the page first loads, i.e. at start-up: a recorded print without its PDF
        self.lost = Banner()
        layout.addWidget(self.lost)
        # the number pools: what is left, and a warning below the shop's threshold
        self.pools = QLabel()
        self.pools.setWordWrap(True)
        self.pools.setStyleSheet("color: #555555;")
        self.pools_low = Banner()
        layout.addWidget(self.pools)
        layout.addWidget(self.pools_low)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.preview: PreviewDialog | None = None
        self.shops: ShopsDialog | None = None
        self.exports: ExportShipmentsDialog | None = None
        self.job: ProgressTask[object] | None = None
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self.reload()

    # -- loading -----------------------------------------------------------------------------
    def filters(self) -> tuple[str | None, str | None, str | None]:
        """(shop, courier, cutoff) for the service: None is "any" or "the setting"."""
        return (
            self.shop.currentData() or None,
            self.courier.currentData() or None,
            None if self.use_cutoff.isChecked() else "",
        )

    def reload(self) -> None:
        shop, courier, cutoff = self.filters()
        actor = self.actor
        Op(self, lambda s: load(s, shop, courier, cutoff, actor)).newest(self.reloads).success(
            self._loaded
        ).run()

    def _loaded(self, found: Loaded) -> None:
        everything = (self.tr("All shops"), self.tr("All couriers"))
        for combo, names, first in (
            (self.shop, found.shops, everything[0]),
            (self.courier, found.couriers, everything[1]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for name in sorted(set(names) | ({keep} if keep else set())):
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(keep), 0))
            combo.blockSignals(False)
        self.use_cutoff.setText(
            self.tr("Paid by today's cut-off ({time})").format(time=found.cutoff)
        )
        self.waiting_model.set_rows(found.waiting)
        self.stale_model.set_rows(found.stale)
        self.batch_model.set_rows(found.batches)
        self.tabs.setTabText(1, self.tr("Stale copies ({count})").format(count=len(found.stale)))
        self._show_lost(sum(1 for b in found.batches if b.missing_files))
        self._show_pools(found.pools)
        self.status.setText(
            self.tr("Waiting: {ready} ready · {held} held back").format(
                ready=self.waiting_model.printable_count(), held=self.waiting_model.held_count()
            )
        )
        self.loaded.emit()

    def _show_pools(self, pools: list[PoolLeft]) -> None:
        self.pools.setVisible(bool(pools))
        self.pools.setText(
            self.tr("Waybill numbers left: {pools}").format(
                pools=" · ".join(f"{p.shop} {p.courier} {p.left}" for p in pools)
            )
        )
        low = [p for p in pools if p.low]
        if not low:
            self.pools_low.clear()
            return
        self.pools_low.show_error(
            "\n".join(
                self.tr(
                    "The {courier} number pool of {shop} has {left} numbers left (the shop warns "
                    "below {threshold}): an administrator loads the branch's next numbers."
                ).format(courier=p.courier, shop=p.shop, left=p.left, threshold=p.threshold)
                for p in low
            )
        )

    def _show_lost(self, count: int) -> None:
        if not count:
            self.tabs.setTabText(2, self.tr("Batches"))
            self.lost.clear()
            return
        self.tabs.setTabText(2, self.tr("Batches (%n without PDF)", "", count))
        self.lost.show_error(
            self.tr(
                "%n recorded batch(es) have no PDF on this PC (the program stopped before the "
                "file was put in place). On the Batches tab choose the batch and press "
                "Reprint… to put its PDF in place.",
                "",
                count,
            )
        )

    def _data_changed(self, _what: str) -> None:
        self.reload()

    def _changes_seen(self, _events: object) -> None:
        self.reload()

    # -- replaced in tests ---------------------------------------------------------------------
    def ask_save(self, title: str, name: str) -> Path | None:
        """Where to write a PDF; None if the person cancelled."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / name), self.tr("PDF documents (*.pdf)")
        )
        return Path(chosen) if chosen else None

    def ask_without_waybill(self, count: int) -> WithoutWaybill | None:
        """Packing labels or hold back, for orders lacking a waybill number; None: cancel."""
        return MissingWaybillsDialog.ask(self, count)

    def show_preview(self, files: list[tuple[str, Path]]) -> PreviewDialog:
        self.preview = PreviewDialog([(t, p) for t, p in files if p.exists()], self)
        self.preview.open()
        return self.preview

    # -- actions -------------------------------------------------------------------------------
    def show_shops(self) -> None:
        """Each shop's sender details and the cut-off (the printer sees them read-only)."""
        self.shops = ShopsDialog(self.actor, self)
        self.shops.open()

    def show_waybills(self) -> None:
        """Load a pool, set the low-stock threshold, edit the couriers' number patterns."""
        self.waybills = WaybillsDialog(self.actor, self)
        self.waybills.open()

    def sizes(self) -> tuple[LabelSize, SheetSize]:
        return LabelSize(self.label_size.currentData()), SheetSize(self.sheet_size.currentData())

    def _selected(self, table: QTableView, model: RowsTableModel) -> list[str]:
        rows = sorted(i.row() for i in table.selectionModel().selectedRows())
        return [model.data(model.index(r, 0)) for r in rows]

    def print_batch(self) -> None:
        """Ask first when orders lack a courier or waybill number (``batch_waybills``)."""
        shop, courier, cutoff = self.filters()
        actor = self.actor
        Op(
            self,
            lambda s: batch_waybills.lacking(s, actor, shop=shop, courier=courier, cutoff=cutoff),
        ).success(self._print_batch_asked).run()

    def _print_batch_asked(self, lacking: int) -> None:
        choice = WithoutWaybill.PACKING  # nothing lacks: never used
        if lacking:
            asked = self.ask_without_waybill(lacking)
            if asked is None:
                return
            choice = asked
        out = self.ask_save(self.tr("Save the batch as"), f"batch-{datetime.now():%Y%m%d-%H%M}.pdf")
        if out is None:
            return
        labels = out.with_name(out.stem + "-labels.pdf")
        db, actor = hub().db, self.actor
        shop, courier, cutoff = self.filters()
        label_size, sheet_size = self.sizes()

        def work(progress: Progress, cancelled: object) -> BatchResult:
            return printing.run_batch(
                db,
                actor,
                out=out,
                labels_out=labels,
                shop=shop,
                courier=courier,
                cutoff=cutoff,
                # asked above; an order that lost its number since is asked about again
                without_waybill=choice if lacking else WithoutWaybill.ASK,
                label_size=label_size,
                sheet_size=sheet_size,
                progress=progress,
                cancelled=cancelled,
                overwrite=True,  # the save dialog asked
            )

        self._run(self.tr("Printing the batch…"), work, lambda r: self._batch_done(r, out, labels))

    def _run(self, label: str, work, done) -> None:  # type: ignore[no-untyped-def]
        self.print_button.setEnabled(False)
        self.reprint_button.setEnabled(False)
        self.job = ProgressTask(self, label, work)
        self.job.success(done).finally_(self._job_over).run()

    def _job_over(self) -> None:
        self.job = None
        self.print_button.setEnabled(True)
        self.reprint_button.setEnabled(True)

    def _batch_done(self, result: BatchResult, out: Path, labels: Path) -> None:
        lines = [
            self.tr("Batch {batch}: {count} orders printed, {held} held back.").format(
                batch=result.batch_no, count=len(result.printed), held=len(result.held)
            ),
            *(w.message(translate) for w in result.warnings),
        ]
        if result.changed:
            lines.append(
                self.tr("Changed while drawing, held back for the next batch: {orders}").format(
                    orders=", ".join(result.changed)
                )
            )
        self.message.setText("\n".join(lines))
        self.printed.emit(result)
        self.show_preview([(self.tr("Cover and dispatch notes"), out), (self.tr("Labels"), labels)])

    def reprint(self) -> None:
        picked = self.batch_table.selectionModel().selectedRows()
        on_batches = self.tabs.currentWidget() is self.batch_table
        batch = self.batch_model.row_at(picked[0].row()) if picked and on_batches else None
        if batch and batch.missing_files:
            self.put_in_place(batch)
            return
        orders = (
            self._selected(self.stale_table, self.stale_model)
            if self.tabs.currentWidget() is self.stale_table
            else self._selected(self.waiting_table, self.waiting_model)
            if self.tabs.currentWidget() is self.waiting_table
            else []
        )
        answer = ReprintDialog.ask(self, order_nos=orders, batch_no=batch.batch_no if batch else "")
        if answer is None:
            return
        order_nos, batch_no, reason = answer
        actor = self.actor
        Op(  # refused before the save dialog; orders with no recorded slips are asked about
            self,
            lambda s: print_records.check_reprint(
                s, actor, reason=reason, order_nos=order_nos, batch_no=batch_no or None
            ),
        ).success(lambda check: self._reprint_checked(check, reason, batch_no)).run()

    def _reprint_checked(self, check: ReprintCheck, reason: str, batch_no: str) -> None:
        if check.first_slips and not confirm_first_slips(self, check.first_slips):
            return
        order_nos = [] if batch_no else list(check.order_nos)
        out = self.ask_save(
            self.tr("Save the reprint as"), f"reprint-{datetime.now():%Y%m%d-%H%M}.pdf"
        )
        if out is None:
            return
        labels = out.with_name(out.stem + "-labels.pdf")
        db, actor = hub().db, self.actor
        label_size, sheet_size = self.sizes()

        def work(progress: Progress, cancelled: object) -> ReprintResult:
            return print_records.run_reprint(
                db,
                actor,
                reason=reason,
                out=out,
                order_nos=order_nos,
                batch_no=batch_no or None,
                labels_out=labels,
                label_size=label_size,
                sheet_size=sheet_size,
                progress=progress,
                cancelled=cancelled,
                overwrite=True,  # the save dialog asked
            )

        self._run(self.tr("Reprinting…"), work, lambda r: self._reprint_done(r, out, labels))

    def _reprint_done(self, result: ReprintResult, out: Path, labels: Path) -> None:
        self.message.setText(
            "\n".join(
                [
                    self.tr("Reprinted {count} orders.").format(count=len(result.order_nos)),
                    *(w.message(translate) for w in result.warnings),
                ]
            )
        )
        self.printed.emit(result)
        self.show_preview([(self.tr("Dispatch notes"), out), (self.tr("Labels"), labels)])

    def put_in_place(self, batch: BatchView) -> None:
        """A recorded batch whose PDF never reached its folder: draw it there again."""
        put_in_place(self, self.actor, batch, self._placed)

    def _placed(self, paths: list[Path]) -> None:
        self.message.setText(self.tr("The PDF is in place: {path}").format(path=paths[0]))
        self.reload()
        self.show_preview([(p.name, p) for p in paths])

    def export_shipments(self) -> ExportShipmentsDialog:
        """The platform's bulk-ship file: shipments it has not been told of (issue 11)."""
        self.exports = ExportShipmentsDialog(self.actor, self)
        self.exports.open()
        return self.exports

    def preview_selected(self) -> None:
        """Labels of the chosen waiting orders, marked PREVIEW; nothing is recorded."""
        orders = self._selected(self.waiting_table, self.waiting_model)
        if not orders:
            self.message.setText(self.tr("Choose the orders to preview in the list."))
            return
        out = Path(tempfile.mkdtemp(prefix="afterdesk-")) / "preview-labels.pdf"
        actor, (label_size, _) = self.actor, self.sizes()
        Op(
            self,
            lambda s: print_records.preview(
                s, actor, orders, kind="labels", out=out, label_size=label_size
            ),
        ).success(lambda _r: self.show_preview([(self.tr("Labels (preview)"), out)])).run()
