"""One after-sales case in its own window: the register row, photos, timeline and its steps.

Non-modal, so after-sales can keep several cases open beside the order list. The step
buttons come from the case's state table for the signed-in person's roles; every step goes
through ``run_case_action``. The window reloads after any write and when the change feed
says someone (perhaps on another PC) touched this case.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models.errors import UserError
from app.services.cases import documents as case_print
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases.documents import SlipPrinted
from app.services.cases.photos import PreparedPhoto
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, case_steps, may
from app.services.core.events import ChangeEvent
from app.views.cases.case_actions import run_case_action
from app.views.cases.case_detail_view import CaseDetailView
from app.views.cases.case_labels import action_label, case_state_label
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.kit.ops import Op, Task, hub, translate
from app.views.kit.pdf_preview import PreviewDialog
from app.views.kit.widgets import Banner, show_if

Loaded = tuple[CaseDetail, dict[int, bytes]]


class CaseDialog(QDialog):
    shown = Signal(str)
    """The case was (re)loaded and is on screen (the argument is its number)."""

    def __init__(self, actor: Actor, case_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.case_no = actor, case_no.strip().upper()
        self.detail: CaseDetail | None = None
        self.preview: PreviewDialog | None = None
        self.action_buttons: dict[CaseAction, QPushButton] = {}
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowTitle(self.tr("After-sales case {case_no}").format(case_no=self.case_no))
        self.resize(1040, 760)

        self.title = QLabel(self.case_no, self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel(self)
        self.state.setStyleSheet(
            "QLabel { background: #e8f0fe; color: #1a4fa0; border-radius: 8px; padding: 2px 10px; }"
        )
        self.updated = QLabel(self)
        self.updated.setStyleSheet("color: palette(mid);")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.state)
        header.addStretch(1)
        header.addWidget(self.updated)

        self.banner = Banner(self)
        self.view = CaseDetailView(self)
        self.view.photos.prepared.connect(self._add_photos)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.view)

        self.actions_row = QHBoxLayout()
        self.print_slip_button = QPushButton(self.tr("Print recall slip…"), self)
        self.print_slip_button.clicked.connect(self.print_slip)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        self.dispute_button = QPushButton(self.tr("Dispute…"), self)
        self.dispute_button.clicked.connect(self.open_dispute)
        show_if(self.dispute_button, may(Action.DISPUTE_READ, actor))
        bottom = QHBoxLayout()
        bottom.addLayout(self.actions_row)
        bottom.addStretch(1)
        bottom.addWidget(self.dispute_button)
        bottom.addWidget(self.print_slip_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.print_slip_button.hide()
        hub().data_changed.connect(self._data_changed)
        hub().changes_seen.connect(self._changes_seen)
        self.load()

    # -- loading --------------------------------------------------------------------------
    def load(self) -> None:
        case_no = self.case_no

        def read(s: Session) -> Loaded:
            detail = cases.get(s, case_no)
            return detail, dict(case_photos.thumbnails(s, case_no))

        Op(self, read).success(self._loaded).failure(self._load_failed).run()

    def _load_failed(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))

    def _loaded(self, found: Loaded) -> None:
        detail, thumbs = found
        self.detail = detail
        self.state.setText(case_state_label(detail.state))
        self.updated.setText(
            self.tr("Last changed by {name}").format(name=detail.updated_by)
            if detail.updated_by
            else ""
        )
        self.view.show_case(detail, thumbs)
        self._fill_actions(detail)
        self.shown.emit(detail.case_no)

    def _fill_actions(self, detail: CaseDetail) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        # the steps still to come are shown disabled, saying why not yet
        for action, why in case_steps(detail, self.actor):
            button = QPushButton(action_label(action), self)
            button.clicked.connect(lambda _=False, a=action: self.act(a))
            button.setEnabled(why is None)
            button.setToolTip(why.message(translate) if why is not None else "")
            self.actions_row.addWidget(button)
            self.action_buttons[action] = button
        # the slip waits for the courier's parcel (the capability table's condition)
        self.print_slip_button.setVisible(may(Action.CASE_RECALL_SLIP, self.actor, detail))
        # photos are added by dropping or pasting on the strip only where the step is allowed
        self.view.photos.set_adding_allowed(may(Action.CASE_PHOTO, self.actor, detail))

    def _data_changed(self, _what: str) -> None:
        self.load()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        if any(e.entity == "case" and e.key == self.case_no for e in events):
            self.load()

    # -- steps ----------------------------------------------------------------------------
    def act(self, action: CaseAction) -> None:
        if self.detail is not None:
            self.banner.clear()
            run_case_action(self, self.actor, self.detail, action, self._done)

    def _done(self, detail: CaseDetail) -> None:
        self.load()  # the thumbnails too, not only the detail the step returned

    def _add_photos(self, photos: list[PreparedPhoto]) -> None:
        """Photos dropped or pasted on the strip: saved at once, all or none."""
        if self.detail is None:
            return
        actor, case_no, version = self.actor, self.case_no, self.detail.version
        Op(
            self,
            lambda s: case_photos.add_photos(s, actor, case_no, photos, expected_version=version),
            write=True,
            changes="cases",
        ).success(self._done).failure(
            lambda e: self.view.photos.show_error(e.message(translate))
        ).run()

    def open_dispute(self) -> DisputeDialog:
        """The case's dispute on the platform (维权) and its evidence pack."""
        dialog = DisputeDialog(self, self.actor, self.case_no)
        dialog.show()
        return dialog

    # -- the recall slip ------------------------------------------------------------------
    def ask_slip_path(self) -> Path | None:
        """Where the slip's PDF goes before the preview (which can print or save a copy)."""
        folder = Path(tempfile.mkdtemp(prefix="afterdesk-slip-"))
        return folder / f"{self.case_no}-recall-slip.pdf"

    def print_slip(self) -> None:
        out = self.ask_slip_path()
        if out is None:
            return
        db, actor, case_no = hub().db, self.actor, self.case_no
        assert db is not None
        self.print_slip_button.setEnabled(False)
        Task(self, lambda: case_print.print_recall_slip(db, actor, case_no, out=out)).success(
            lambda printed: self._slip_printed(printed, out)
        ).finally_(lambda: self.print_slip_button.setEnabled(True)).run()

    def _slip_printed(self, printed: SlipPrinted, out: Path) -> None:
        hub().data_changed.emit("cases")  # the slip is a step of the timeline
        title = self.tr("Recall slip {case_no} (copy {copy})").format(
            case_no=printed.case_no, copy=printed.copy
        )
        self.preview = PreviewDialog([(title, out)], self)
        self.preview.show()


_open: dict[str, CaseDialog] = {}


def open_case_dialog(parent: QWidget | None, actor: Actor, case_no: str) -> CaseDialog:
    """Show the case; a window already open on it for the same person is brought forward."""
    key = case_no.strip().upper()
    dialog = _open.get(key)
    if dialog is not None and shiboken6.isValid(dialog) and dialog.actor == actor:
        dialog.load()
    else:
        dialog = CaseDialog(actor, key, parent)
        _open[key] = dialog
        dialog.destroyed.connect(lambda _=None, k=key: _open.pop(k, None))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
