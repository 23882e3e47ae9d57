"""The hand-over to the courier (交接), for the warehouse: choose the courier, scan each
parcel's waybill number, see the list grow, preview the manifest (交接单) and confirm it.

Every rule is the service's (app/services/shipping/handover.py): a refused parcel is shown
in red with its reason and a beep, and nothing is added. Below, what went out on a day.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, why_not
from app.services.core.events import ChangeEvent
from app.services.shipping import handover
from app.views.kit.desk import bigger, status_style
from app.views.kit.ops import Op, Reloads, Task, hub, translate
from app.views.kit.pdf_preview import PreviewDialog
from app.views.kit.widgets import row_table
from app.views.shipping.day_panel import DayPanel
from app.views.shipping.models import ParcelModel


class HandoverPage(QWidget):
    parcel_added = Signal(object)
    """A scanned parcel joined the courier's list (a ``handover.Scanned``)."""

    refused = Signal(str)
    """A scan (or a removal, or the confirmation) was refused; the message as shown."""

    confirmed = Signal(object)
    """The manifest was printed and its orders shipped (a ``handover.Confirmed``)."""

    list_loaded = Signal(object)
    """The courier's open list was read (a ``handover.HandoverList``)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reloads = Reloads()  # a list's reloads: only the newest one's answer is shown
        self.actor = actor
        self.parcels: tuple[handover.Parcel, ...] = ()
        self.preview: PreviewDialog | None = None
        self.setWindowTitle(self.tr("Hand-over"))
        title = QLabel(self.tr("Hand-over to the courier"))
        bigger(title, 1.3, bold=True)

        self.courier = QComboBox()
        self.courier.setEditable(True)
        self.courier.setMinimumContentsLength(12)
        self.courier.currentTextChanged.connect(lambda _t: self.reload())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        refresh.clicked.connect(self.reload_couriers)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Courier")))
        top.addWidget(self.courier)
        top.addWidget(refresh)

        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(self.tr("Scan the waybill number on each parcel"))
        bigger(self.scan_box, 1.8)
        self.scan_box.setMinimumHeight(48)
        self.scan_box.returnPressed.connect(self.run_scan)
        self.count = QLabel()
        bigger(self.count, 1.8, bold=True)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_box, 1)
        scan_row.addWidget(self.count)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMargin(8)
        bigger(self.status, 1.4, bold=True)

        self.model = ParcelModel(self)
        self.table = row_table(self.model, (50, 170, 190, 160), wrap=False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button = QPushButton(self.tr("Take out the chosen parcel"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.preview_button = QPushButton(self.tr("Preview manifest…"))
        self.preview_button.clicked.connect(self.preview_manifest)
        self.confirm_button = QPushButton(self.tr("Print manifest and hand over…"))
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.confirm_button)
        for button in (self.remove_button, self.preview_button, self.confirm_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps typing here

        scanning = QWidget()
        column = QVBoxLayout(scanning)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(scan_row)
        column.addWidget(self.status)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.day = DayPanel(actor)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scanning)
        split.addWidget(self.day)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        # who may scan and confirm: the capability table's answer, its reason on the widgets
        for widgets, action in (
            ((self.scan_box, self.remove_button), Action.HANDOVER_SCAN),
            ((self.preview_button, self.confirm_button), Action.HANDOVER_CONFIRM),
        ):
            refusal = why_not(action, None, actor)
            for widget in widgets:
                widget.setEnabled(refusal is None)
                if refusal is not None:
                    widget.setToolTip(refusal.message(translate))
        hub().changes_seen.connect(self._changes_seen)
        self._say("idle", self.tr("Choose the courier, then scan each parcel."))
        self.reload_couriers()
        self.day.reload()

    # -- replaced in tests ---------------------------------------------------------------------
    def ask_save(self, name: str) -> Path | None:
        """Where to write the manifest; None if the person cancelled."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the manifest"), str(Path(folder) / name),
            self.tr("PDF documents (*.pdf)"),
        )  # fmt: skip
        return Path(chosen) if chosen else None

    def show_preview(self, title: str, path: Path) -> PreviewDialog:
        self.preview = PreviewDialog([(title, path)], self)
        self.preview.open()
        return self.preview

    # -- the list ------------------------------------------------------------------------------
    def current_courier(self) -> str:
        return self.courier.currentText().strip()

    def reload_couriers(self) -> None:
        Op(self, lambda s: handover.couriers(s, self.actor)).success(self._couriers).run()

    def _couriers(self, names: list[str]) -> None:
        chosen = self.current_courier()
        self.courier.blockSignals(True)
        self.courier.clear()
        self.courier.addItems(names)
        self.courier.setCurrentText(chosen or (names[0] if names else ""))
        self.courier.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        courier = self.current_courier()
        if not courier:
            self._show_list(handover.HandoverList("", (), 0))
            return
        Op(self, lambda s: handover.current(s, self.actor, courier)).newest(self.reloads).success(
            self._show_list
        ).run()

    def _show_list(self, found: handover.HandoverList) -> None:
        if found.courier != self.current_courier():  # another courier was chosen meanwhile
            return
        self._set_parcels(found.parcels)
        self.list_loaded.emit(found)

    def _set_parcels(self, parcels: tuple[handover.Parcel, ...]) -> None:
        self.parcels = parcels
        self.model.set_parcels(parcels)
        count = len({p.tracking_no for p in parcels})
        self.count.setText(self.tr("%n parcel(s)", "", count))

    # -- scanning --------------------------------------------------------------------------------
    def focus_scan(self) -> None:
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.focus_scan()

    def scan(self, code: str) -> None:
        """As if scanned (tests, benchmarks): type the code and press Enter."""
        self.scan_box.setText(code)
        self.run_scan()

    def run_scan(self) -> None:
        number = self.scan_box.text().strip()
        self.scan_box.clear()  # the scanner's next code must not be appended to this one
        self.focus_scan()
        courier = self.current_courier()
        if not number:
            return
        if not courier:
            self._refuse_text(self.tr("Choose the courier first."))
            return
        Op(self, lambda s: handover.scan(s, self.actor, courier, number), write=True).success(
            self._added
        ).failure(self._refuse).run()

    def _added(self, done: handover.Scanned) -> None:
        self._set_parcels(self.parcels + done.parcels)
        self._say(
            "ok",
            self.tr("✓ {number} ({orders}): {count} parcels for {courier}").format(
                number=done.tracking_no,
                orders=self.tr("exchange {case_no} of order {order_no}").format(
                    case_no=done.case_no, order_no=", ".join(done.order_nos)
                )
                if done.case_no
                else ", ".join(done.order_nos),
                count=done.count,
                courier=self.current_courier(),
            ),
        )
        self.parcel_added.emit(done)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._refuse_text(self.tr("Choose the parcel to take out in the list."))
            return
        number = self.model.extra(
            self.model.row_at(rows[0].row()), "waybill", Qt.ItemDataRole.UserRole
        )
        courier = self.current_courier()
        Op(self, lambda s: handover.remove(s, self.actor, courier, number), write=True).success(
            lambda left: self._removed(number, left)
        ).failure(self._refuse).run()

    def _removed(self, number: str, left: int) -> None:
        self._set_parcels(tuple(p for p in self.parcels if p.tracking_no != number))
        self._say(
            "ok",
            self.tr("{number} taken out: {count} parcels left.").format(number=number, count=left),
        )
        self.focus_scan()

    # -- the manifest ------------------------------------------------------------------------------
    def preview_manifest(self) -> None:
        courier = self.current_courier()
        out = Path(tempfile.mkdtemp(prefix="afterdesk-")) / "manifest-preview.pdf"

        def draw(session) -> Path:  # type: ignore[no-untyped-def]
            out.write_bytes(handover.preview(session, self.actor, courier).data)
            return out

        Op(self, draw).success(
            lambda path: self.show_preview(self.tr("Manifest (not yet confirmed)"), path)
        ).failure(self._refuse).run()

    def confirm(self) -> None:
        courier = self.current_courier()
        if not self.parcels:
            self._refuse_text(self.tr("The list is empty: scan the parcels first."))
            return
        path = self.ask_save(f"交接单-{courier}.pdf")
        if path is None:
            return
        db, actor = hub().db, self.actor
        assert db is not None
        self.confirm_button.setEnabled(False)
        Task(self, lambda: handover.confirm(db, actor, courier, path, overwrite=True)).success(
            self._confirmed
        ).failure(self._refuse).finally_(lambda: self.confirm_button.setEnabled(True)).run()

    def _confirmed(self, done: handover.Confirmed) -> None:
        hub().data_changed.emit("orders")  # its orders are shipped: other pages reload
        self._set_parcels(())
        self._say(
            "ok",
            self.tr(
                "Manifest {manifest}: {count} parcels handed to {courier}, orders shipped."
            ).format(manifest=done.manifest_no, count=done.count, courier=done.courier),
        )
        self.show_preview(
            self.tr("Manifest {manifest}").format(manifest=done.manifest_no), done.path
        )
        self.confirmed.emit(done)

    # -- messages --------------------------------------------------------------------------------
    def _say(self, kind: str, text: str) -> None:
        self.status.setStyleSheet(status_style(kind))
        self.status.setText(text)

    def _refuse(self, error: UserError) -> None:
        self._refuse_text(error.message(translate))

    def _refuse_text(self, text: str) -> None:
        self._say("refused", text)
        QApplication.beep()
        self.refused.emit(text)
        self.focus_scan()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        """A parcel taken out or a manifest confirmed on another PC: read the list again."""
        if any(e.entity in ("handover", "order") for e in events):
            self.reload()
