"""The Import page: a platform's order export in (issue 10; docs/imports.md).

Drop the export on the page (or choose it): AfterDesk names the format and the shop, and shows
what the import will do, order by order, with the counts, before anything is written (the
service's dry run). Import then writes it in chunks with a progress bar and Cancel; the
refused lines, the conflicts and past imports are one tab away. A file of no known format
opens the column mapping dialog; the mapping is saved for the shop and used for its next file
(``mappings``). Every rule is the service's (``merge.import_orders``, the call ``afterdesk
import orders`` makes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.core.actor import Actor
from app.services.core.capabilities import Action, why_not
from app.services.imports import history, mappings, merge
from app.services.imports.reading import UnknownFormat, open_reading
from app.services.imports.records import FormatId
from app.services.imports.shops import listing
from app.views.imports.import_models import ConflictsModel, PreviewModel, RefusedModel, RunsModel
from app.views.imports.mapping_dialog import MappingDialog
from app.views.kit.ops import Op, Reloads, Task, hub, translate
from app.views.kit.progress import Progress, ProgressTask
from app.views.kit.widgets import Banner, row_table

STEPS = 1000  # the progress bar's resolution: the fraction of the file read


class ImportPage(QWidget):
    order_requested = Signal(str)
    """A conflict's order was opened (double-click)."""

    previewed = Signal(object)
    """The dry run's ``ImportSummary`` is shown."""

    imported = Signal(object)
    """An import ended (finished or cancelled): its ``ImportSummary``."""

    settled = Signal(int)
    """A conflict (its id) was settled."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        refusal = why_not(Action.IMPORT_ORDERS, None, actor)
        self.can_import = refusal is None
        self.chunk = merge.CHUNK  # orders a transaction: other PCs wait at most one chunk
        self.setWindowTitle(self.tr("Import"))
        self.setAcceptDrops(self.can_import)
        self.paths: list[Path] = []
        self.mapping: dict[str, str] | None = None  # chosen in the dialog for these files
        self.mapping_dialog: MappingDialog | None = None
        self.summary: merge.ImportSummary | None = None
        self.job: ProgressTask[merge.ImportSummary] | None = None

        title = QLabel(self.tr("Import orders from a platform's export"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.choose_button = QPushButton(self.tr("Choose files…"))
        self.choose_button.clicked.connect(self.choose_files)
        self.shop = QComboBox()
        self.shop.setEditable(True)
        self.shop.setMinimumContentsLength(18)
        self.shop.lineEdit().setPlaceholderText(self.tr("the platform's only shop"))
        self.format = QComboBox()
        self.format.addItem(self.tr("Detect from the file"), "")
        for fmt in FormatId:
            self.format.addItem(translate("FormatId", fmt.label), fmt.value)
        choices = QHBoxLayout()  # a row of its own: the page fits a 1024-pixel screen
        choices.addWidget(QLabel(self.tr("Shop")))
        choices.addWidget(self.shop)
        choices.addWidget(QLabel(self.tr("Format")))
        choices.addWidget(self.format)
        choices.addWidget(self.choose_button)
        choices.addStretch(1)

        self.hint = QLabel(
            self.tr(
                "Drop the export here, or choose it: on Taobao/Tmall the order report and its "
                "items file together. Nothing is written until you press Import."
            )
        )
        self.hint.setWordWrap(True)
        self.banner = Banner()
        self.detected = QLabel()
        self.detected.setWordWrap(True)
        self.counts = QLabel()
        self.detected.hide()  # shown with the first file read: no empty lines before it
        self.counts.hide()

        self.preview_model = PreviewModel(self)
        self.refused_model = RefusedModel(self)
        self.runs_model = RunsModel(self)
        self.conflicts_model = ConflictsModel(self)
        self.preview_table = row_table(self.preview_model, (160, 70, 90, 170, 260, 260))
        self.refused_table = row_table(self.refused_model, (60, 170), stretch=2)
        self.runs_table = row_table(self.runs_model, (120, 140, 100, 220, 80, 150))
        self.conflicts_table = row_table(self.conflicts_model, (160, 140, 100, 220, 220))
        self.conflicts_table.doubleClicked.connect(self._open_conflict)
        self.keep_ours = QPushButton(self.tr("Keep AfterDesk's value"))
        self.keep_ours.clicked.connect(lambda: self.settle_chosen("ours"))
        self.take_theirs = QPushButton(self.tr("Take the platform's value"))
        self.take_theirs.setToolTip(
            self.tr("Only before the order is printed; after that, send a change request.")
        )
        self.take_theirs.clicked.connect(lambda: self.settle_chosen("theirs"))
        self.conflicts_table.selectionModel().selectionChanged.connect(self._conflict_chosen)
        self.conflicts_box = QWidget()
        box = QVBoxLayout(self.conflicts_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.conflicts_table, 1)
        settle_row = QHBoxLayout()
        settle_row.addWidget(QLabel(self.tr("Double-click a conflict to open its order.")), 1)
        settle_row.addWidget(self.keep_ours)
        settle_row.addWidget(self.take_theirs)
        box.addLayout(settle_row)
        self._conflict_chosen()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview_table, self.tr("Orders as they will be stored"))
        self.tabs.addTab(self.refused_table, self.tr("Refused lines"))
        self.tabs.addTab(self.conflicts_box, self.tr("Conflicts"))
        self.tabs.addTab(self.runs_table, self.tr("Past imports"))

        self.save_refused_button = QPushButton(self.tr("Save refused lines…"))
        self.save_refused_button.setEnabled(False)
        self.save_refused_button.clicked.connect(self.save_refused)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.message = QLabel()
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_refused_button)
        bottom.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(choices)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)
        layout.addWidget(self.detected)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.choose_button.setEnabled(self.can_import)
        if refusal is not None:  # the capability table's words, e.g. the roles that import
            self.hint.setText(refusal.message(translate))
        hub().data_changed.connect(self._data_changed)
        self.reload()

    # -- what is there -------------------------------------------------------------------------
    def reload(self) -> None:
        actor = self.actor
        Op(
            self,
            lambda s: (listing(s), history.runs(s, actor), history.conflicts(s, actor)),
        ).newest(self.reloads).success(self._loaded).run()

    def _loaded(self, found: tuple[list, list, list]) -> None:  # type: ignore[type-arg]
        shops, runs, conflicts = found
        typed = self.shop.currentText()
        self.shop.clear()
        self.shop.addItems([s.name for s in shops])
        self.shop.setEditText(typed)
        self.runs_model.set_rows(runs)
        self.conflicts_model.set_rows(conflicts)
        self._conflict_chosen()  # a reset model has no selection
        self.tabs.setTabText(2, self.tr("Conflicts (%n open)", "", len(conflicts)))

    def _data_changed(self, what: str) -> None:
        if what in ("orders", "imports", "shops"):
            self.reload()

    # -- choosing the files --------------------------------------------------------------------
    def ask_files(self) -> list[Path]:
        """The files chosen in the dialog (tests replace this)."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the export"),
            "",
            self.tr("Exports (*.csv *.xlsx *.txt *.zip);;All files (*)"),
        )
        return [Path(n) for n in names]

    def choose_files(self) -> None:
        paths = self.ask_files()
        if paths:
            self.preview(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_import and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.preview(paths)

    # -- the dry run ---------------------------------------------------------------------------
    def _options(self) -> tuple[str | None, FormatId | None]:
        shop = self.shop.currentText().strip() or None
        value = self.format.currentData()
        return shop, FormatId(value) if value else None

    def _work(self, paths: list[Path], *, dry_run: bool) -> Callable[..., merge.ImportSummary]:
        db, actor, chunk = hub().db, self.actor, self.chunk
        assert db is not None
        shop, fmt = self._options()
        chosen = self.mapping

        def work(progress: Progress, cancelled: Callable[[], bool]) -> merge.ImportSummary:
            mapping = chosen
            if mapping is None:  # the shop's saved mapping, when the file is not recognised
                mapping = db.read(lambda s: mappings.for_file(s, actor, paths, shop, fmt))
            reading = open_reading(paths, format=fmt, mapping=mapping)
            return merge.import_orders(
                db,
                actor,
                reading,
                paths,
                shop=shop,
                dry_run=dry_run,
                chunk=chunk,
                cancel=cancelled,
                progress=lambda fraction, _counts: progress(int(fraction * STEPS), STEPS),
            )

        return work

    def preview(self, paths: list[Path], mapping: dict[str, str] | None = None) -> None:
        self.paths = list(paths)
        self.mapping = mapping
        self.banner.clear()
        self.import_button.setEnabled(False)
        self.message.setText("")
        self._forget()
        label = self.tr("Reading {files}…").format(files=", ".join(p.name for p in paths))
        self._run(label, self._work(self.paths, dry_run=True), self._previewed, changes="")

    def _forget(self) -> None:
        """Other files are read: the last ones' preview goes, or a refusal of the new ones
        would show under the old files' names and orders."""
        self.summary = None
        self.detected.hide()
        self.counts.hide()
        self.preview_model.set_rows([])
        self.refused_model.set_rows([])
        self.tabs.setTabText(1, self.tr("Refused lines (%n)", "", 0))
        self.save_refused_button.setEnabled(False)

    def _previewed(self, summary: merge.ImportSummary) -> None:
        self._show(summary)
        self.import_button.setEnabled(not summary.already_imported)
        if summary.already_imported:
            self.message.setText(
                self.tr(
                    "This file was imported already (import {run}); nothing would change."
                ).format(run=summary.run_id)
            )
        self.tabs.setCurrentWidget(self.preview_table)
        self.previewed.emit(summary)

    def _show(self, summary: merge.ImportSummary) -> None:
        self.summary = summary
        fmt = translate("FormatId", FormatId(summary.format).label)
        shop = summary.shop
        if summary.shop_created:
            shop = self.tr("{shop} (a new shop, made by this import)").format(shop=shop)
        self.detected.show()
        self.counts.show()
        self.detected.setText(
            self.tr("{format}: {files} → shop {shop}").format(
                format=fmt, files=", ".join(summary.files), shop=shop
            )
        )
        c = summary.counts
        self.counts.setText(
            self.tr(
                "New {new} · updated {updated} · unchanged {unchanged} · conflicts {conflicts} "
                "· refused {refused}"
            ).format(
                new=c.new,
                updated=c.updated,
                unchanged=c.unchanged,
                conflicts=c.conflicts,
                refused=c.refused,
            )
        )
        if summary.preview:
            self.preview_model.set_rows(summary.preview)
        self.refused_model.set_rows(summary.refused)
        self.tabs.setTabText(1, self.tr("Refused lines (%n)", "", len(summary.refused)))
        self.save_refused_button.setEnabled(bool(summary.refused) and summary.run_id is not None)

    # -- the import ----------------------------------------------------------------------------
    def start_import(self) -> None:
        if not self.paths:
            return
        self.import_button.setEnabled(False)
        label = self.tr("Importing {files}…").format(files=", ".join(p.name for p in self.paths))
        self._run(label, self._work(self.paths, dry_run=False), self._imported, changes="orders")

    def _imported(self, summary: merge.ImportSummary) -> None:
        self._show(summary)
        taken = summary.counts.new + summary.counts.updated + summary.counts.unchanged
        if summary.cancelled:
            text = self.tr(
                "Cancelled: %n order(s) came in. Import the same file again to bring in the rest.",
                "",
                taken,
            )
        else:
            text = self.tr("Imported: %n order(s) read.", "", taken)
        if summary.counts.conflicts:
            text += " " + self.tr("Settle the conflicts: double-click one to open its order.")
            self.tabs.setCurrentWidget(self.conflicts_box)
        elif summary.refused:
            self.tabs.setCurrentWidget(self.refused_table)
        self.message.setText(text)
        self.reload()
        self.imported.emit(summary)

    def _run(
        self,
        label: str,
        work: Callable[[Progress, Callable[[], bool]], merge.ImportSummary],
        done: Callable[[merge.ImportSummary], None],
        *,
        changes: str,
    ) -> None:
        self.choose_button.setEnabled(False)
        self.job = ProgressTask(self, label, work, changes=changes, title=self.tr("Import"))
        self.job.success(done).failure(self._refused).finally_(self._job_over)
        self.job.run()

    def _refused(self, error: object) -> None:
        self.banner.show_error(error.message(translate))  # type: ignore[attr-defined]
        if isinstance(error, UnknownFormat) and len(self.paths) == 1 and self.can_import:
            self.ask_mapping()

    # -- any other CSV or XLSX: its columns mapped ---------------------------------------------
    def ask_mapping(self) -> None:
        """Read the file's column names and the shop's saved mapping, then open the dialog."""
        path, actor, db = self.paths[0], self.actor, hub().db
        shop = self.shop.currentText().strip()
        assert db is not None

        def read() -> tuple[list[str], dict[str, str]]:
            saved = db.read(lambda s: mappings.saved(s, actor, shop))
            return mappings.file_headers(path), saved

        Task(self, read).success(lambda found: self._open_mapping(path, shop, *found)).failure(
            self._refused
        ).run()

    def _open_mapping(
        self, path: Path, shop: str, headers: list[str], saved: dict[str, str]
    ) -> None:
        dialog = MappingDialog(self, path.name, headers, saved, shop)
        self.mapping_dialog = dialog
        dialog.submitted.connect(lambda: self._save_mapping(dialog, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_mapping(self, dialog: MappingDialog, path: Path) -> None:
        actor, shop, chosen = self.actor, dialog.shop.text(), dialog.mapping()
        file, headers = dialog.file, dialog.headers
        dialog.banner.clear()
        dialog.buttons.setEnabled(False)
        Op(
            self,
            lambda s: mappings.save(s, actor, shop, chosen, file=file, headers=headers),
            write=True,
            changes="shops",
        ).success(lambda saved: self._mapping_saved(dialog, path, saved)).failure(
            lambda error: dialog.banner.show_error(error.message(translate))
        ).finally_(lambda: dialog.buttons.setEnabled(True)).run()

    def _mapping_saved(self, dialog: MappingDialog, path: Path, saved: dict[str, str]) -> None:
        self.shop.setEditText(dialog.shop.text().strip())
        dialog.accept()
        self.preview([path], saved)

    def _job_over(self) -> None:
        self.job = None
        self.choose_button.setEnabled(self.can_import)

    # -- afterwards ------------------------------------------------------------------------------
    def _conflict_chosen(self, *_args: object) -> None:
        rows = self.conflicts_table.selectionModel().selectedRows()
        chosen = bool(rows) and self.can_import
        self.keep_ours.setEnabled(chosen)
        self.take_theirs.setEnabled(chosen)

    def settle_chosen(self, keep: str) -> None:
        rows = self.conflicts_table.selectionModel().selectedRows()
        row = self.conflicts_model.row_at(rows[0].row()) if rows else None
        if row is None:
            return
        actor, conflict_id = self.actor, row.id
        self.banner.clear()
        Op(
            self,
            lambda s: history.settle(s, actor, conflict_id, keep).id,
            write=True,
            changes="imports",
        ).success(lambda _id: self.settled.emit(conflict_id)).failure(self._refused).run()

    def _open_conflict(self, index: QModelIndex) -> None:
        row = self.conflicts_model.row_at(index.row())
        if row is not None:
            self.order_requested.emit(row.order_no)

    def ask_save(self, name: str) -> Path | None:
        """Where to save the refused lines (tests replace this)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the refused lines"), name, self.tr("CSV (*.csv)")
        )
        return Path(chosen) if chosen else None

    def save_refused(self) -> None:
        summary = self.summary
        if summary is None or summary.run_id is None:
            return
        target = self.ask_save(f"refused-{summary.run_id}.csv")
        if target is None:
            return
        run_id, actor, db = summary.run_id, self.actor, hub().db
        assert db is not None
        Task(
            self, lambda: db.read(lambda s: history.save_refused(s, actor, run_id, target))
        ).success(
            lambda count: self.message.setText(
                self.tr(
                    "%n refused line(s) saved to {path}: fix them and import that file.", "", count
                ).format(path=target)
            )
        ).run()
