"""The scan desk: the warehouse's returns desk and the order printer's recalled parcels.

A barcode scanner types a number and presses Enter; ``case_scan.scan`` finds the case
(by return or exchange tracking number, order or case number) and the page shows it at
once, with the buttons this person may use (sign for the goods, 原包裹已收到, photos).
The keyboard stays in the scan box after every action, so the next parcel can be
scanned straight away. What this session scanned is listed below.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services.cases import photos as case_photos
from app.services.cases import scan as case_scan
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, case_actions, may
from app.services.core.events import ChangeEvent
from app.views.cases.case_actions import CaseForm, run_case_action
from app.views.cases.case_labels import case_state_label
from app.views.cases.scan_result_view import Scanned, ScanResultView
from app.views.cases.unannounced_dialog import UnannouncedDialog
from app.views.kit.ops import Op, hub

# what is done at the desk; the rest of a case's life is in the case dialog
DESK_ACTIONS = (CaseAction.SIGNOFF, CaseAction.RECEIVED, CaseAction.PHOTO)


def returns_desk(actor: Actor) -> bool:
    """The page is the warehouse's returns desk, else the printer's recalled parcels."""
    return may(Action.CASE_SIGNOFF, actor) or not may(Action.CASE_RECEIVED, actor)


HISTORY = 20


def look_up(session: Session, code: str) -> Scanned:
    """One scan: the service's answer and, for a case, its photos' thumbnails."""
    found = case_scan.scan(session, code)
    thumbs = case_photos.thumbnails(session, found.case.case_no) if found.case else []
    return Scanned(found, thumbs)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    code: str
    result: str


class ScanPage(QWidget):
    shown = Signal(object)
    """A scan's result (``Scanned``) is on screen: after a scan, a refresh or a registration."""

    case_requested = Signal(str)
    """The person wants the whole case (the case number): the main window opens it."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.current: Scanned | None = None
        self._asked = 0  # reads asked for; only the newest one's answer is shown
        self.history: list[HistoryEntry] = []
        warehouse = returns_desk(actor)
        if warehouse:
            self.setWindowTitle(self.tr("Returns desk"))
            hint = self.tr(
                "Scan the returned parcel's tracking number (or type an order or case number) "
                "and press Enter."
            )
        else:
            self.setWindowTitle(self.tr("Recalled parcels"))
            hint = self.tr(
                "Scan the tracking number of the parcel the courier brought back (or its case "
                "or order number) and press Enter."
            )
        title = QLabel(self.windowTitle())
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.hint = QLabel(hint)
        self.hint.setStyleSheet("color: #555555;")
        self.hint.setWordWrap(True)

        self.scan_box = QLineEdit()
        self.scan_box.setPlaceholderText(self.tr("Scan or type a number"))
        self.scan_box.setClearButtonEnabled(True)
        box_font = self.scan_box.font()
        box_font.setPointSizeF(box_font.pointSizeF() * 1.8)
        self.scan_box.setFont(box_font)
        self.scan_box.setMinimumHeight(48)
        self.scan_box.returnPressed.connect(self.run_scan)
        self.scan_button = QPushButton(self.tr("Find"))
        self.scan_button.setMinimumHeight(48)
        self.scan_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scan_button.clicked.connect(self.run_scan)
        box_row = QHBoxLayout()
        box_row.addWidget(self.scan_box, 1)
        box_row.addWidget(self.scan_button)

        self.result = ScanResultView()
        self.result.action_requested.connect(self.run_action)
        self.result.case_requested.connect(self._open_case)
        self.result.register_requested.connect(self.register_unannounced)

        self.history_title = QLabel(self.tr("Scanned in this session"))
        self.history_table = QTableWidget(0, 3)
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Number"), self.tr("Result")]
        )
        self.history_table.verticalHeader().hide()
        self.history_table.setTabKeyNavigation(False)  # Tab goes on, not cell by cell
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.history_table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 80)
        header.resizeSection(1, 220)
        self.history_table.setMaximumHeight(200)
        self.history_table.cellDoubleClicked.connect(self._rescan_row)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addLayout(box_row)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_table)
        # the shown case changed at another desk (after-sales linked or refunded it): re-read
        hub().changes_seen.connect(self._changes_seen)
        self.focus_scan()

    # -- scanning ------------------------------------------------------------------------------
    def focus_scan(self) -> None:
        """Ready for the next parcel: the keyboard (the scanner) types into the scan box."""
        # no selectAll: a refresh may land while the scanner is typing the next number
        self.scan_box.setFocus(Qt.FocusReason.OtherFocusReason)
        # a closed form may leave no window active; take it back, never from another window
        if self.isVisible() and QApplication.activeWindow() is None:
            self.window().activateWindow()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.focus_scan()

    def run_scan(self) -> None:
        code = self.scan_box.text().strip()
        if not code:
            self.focus_scan()
            return
        self.scan_box.clear()  # the scanner's next number must not be appended to this one
        self._look_up(code, remember=True)

    def scan(self, code: str) -> None:
        """Look a number up as if scanned (the history's double-click, other screens)."""
        self.scan_box.setText(code)
        self.run_scan()

    def _ask(self) -> int:
        """A number for each read: only the newest one's answer is shown."""
        self._asked += 1
        return self._asked

    def _look_up(self, code: str, *, remember: bool) -> None:
        asked = self._ask()
        Op(self, lambda s: look_up(s, code)).success(
            lambda found: self._show(found, remember=remember, asked=asked)
        ).finally_(self.focus_scan).run()

    def _show(self, scanned: Scanned, *, remember: bool, asked: int) -> None:
        if asked != self._asked:  # a later scan (or refresh) was asked for meanwhile
            if remember:
                self._remember(scanned)
            return
        self.current = scanned
        case = scanned.result.case
        actions = [] if case is None else self.desk_actions(case)
        can_register = may(Action.CASE_UNANNOUNCED, self.actor)
        self.result.show_scanned(scanned, actions, can_register)
        if remember:
            self._remember(scanned)
        self.focus_scan()
        self.shown.emit(scanned)

    def desk_actions(self, case: CaseDetail) -> list[CaseAction]:
        """What the services let this person do to the case that is done at this desk."""
        allowed = case_actions(case, self.actor)
        return [a for a in DESK_ACTIONS if a in allowed]

    def refresh(self) -> None:
        """Read the shown case again (after an action), without a new history line."""
        if self.current is None:
            return
        before = self.current.result
        code = before.case.case_no if before.case is not None else before.code

        def again(session: Session) -> Scanned:
            fresh = look_up(session, code)
            if before.case is None or fresh.result.case is None:
                return fresh
            # keep what the person scanned and how it matched, not the number we re-read by
            return Scanned(replace(before, case=fresh.result.case), fresh.thumbnails)

        asked = self._ask()
        Op(self, again).success(
            lambda found: self._show(found, remember=False, asked=asked)
        ).finally_(self.focus_scan).run()

    def _changes_seen(self, events: list[ChangeEvent]) -> None:
        case = self.current.result.case if self.current is not None else None
        if case is not None and any(e.entity == "case" and e.key == case.case_no for e in events):
            self.refresh()

    # -- history -------------------------------------------------------------------------------
    def _remember(self, scanned: Scanned) -> None:
        found = scanned.result
        if found.case is not None:
            result = f"{found.case.case_no} · {case_state_label(found.case.state)}"
        elif found.order_no:
            result = self.tr("Order {order_no}: no after-sales case").format(
                order_no=found.order_no
            )
        else:
            result = self.tr("Not registered")
        self.history.insert(0, HistoryEntry(datetime.now(), found.code, result))
        del self.history[HISTORY:]
        self._show_history()

    def _note_in_history(self, result: str) -> None:
        """An action done at the desk goes in the list too, so a packer sees what they did."""
        if self.current is None:
            return
        self.history.insert(0, HistoryEntry(datetime.now(), self.current.result.code, result))
        del self.history[HISTORY:]
        self._show_history()

    def _show_history(self) -> None:
        table = self.history_table
        table.setRowCount(len(self.history))
        for row, entry in enumerate(self.history):
            for column, text in enumerate(
                (entry.at.strftime("%H:%M:%S"), entry.code, entry.result)
            ):
                table.setItem(row, column, QTableWidgetItem(text))

    def _rescan_row(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.history):
            self.scan(self.history[row].code)

    # -- actions -------------------------------------------------------------------------------
    def run_action(self, action: CaseAction) -> None:
        """Sign, receive or add photos through the case dialogs' one entry point."""
        case = self.current.result.case if self.current is not None else None
        if case is None:
            return
        run_case_action(self, self.actor, case, action, self._acted)
        # the form is window-modal without its own event loop: once it closes, saved or
        # cancelled, the scanner types into the scan box again
        for form in self.findChildren(CaseForm):
            if form.isVisible() and not form.property("scan_desk"):
                form.setProperty("scan_desk", True)
                form.finished.connect(self.focus_scan)

    def _acted(self, case: CaseDetail) -> None:
        self._note_in_history(f"{case.case_no} · {case_state_label(case.state)}")
        self.refresh()

    def register_unannounced(self) -> None:
        found = self.current.result if self.current is not None else None
        if found is None:
            return
        case = UnannouncedDialog.ask(self, self.actor, found.code, found.order_no)
        if case is not None:
            self._note_in_history(self.tr("Registered as {case_no}").format(case_no=case.case_no))
            # by its parcel's number, so "found by" says what the next scan will match
            self._look_up(case.return_tracking_no or case.case_no, remember=False)
        self.focus_scan()

    def _open_case(self, case_no: str) -> None:
        self.case_requested.emit(case_no)  # the case's window takes the keyboard
