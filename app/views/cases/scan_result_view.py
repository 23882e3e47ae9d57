"""What one scan found, shown large enough to read from a step away from the screen.

Three states: a case (with its evidence, signatures and the buttons this person may
use), "not registered" (the parcel's number is in no case), or an order that has no
case. The panel only shows; ``ScanPage`` asks the services and runs the actions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.formats import signed
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.cases.scan import ScanResult
from app.views.cases.case_labels import (
    action_label,
    card_label,
    case_state_label,
    case_type_label,
    photo_purpose_label,
    signoff_label,
)
from app.views.kit.labels import when

THUMBS_SHOWN = 8  # a row of evidence; the case dialog shows them all
SIGNED_STYLE = (
    "QLabel { background: #e6f4ea; color: #14532d; border: 1px solid #a7d7b5;"
    " border-radius: 4px; padding: 8px; }"
)
MISSING_STYLE = (
    "QLabel { background: #fff4e5; color: #7a4100; border: 1px solid #f3c98b;"
    " border-radius: 4px; padding: 10px; }"
)


@dataclass(frozen=True)
class Scanned:
    """One scan as the page shows it: the service's answer and the case's thumbnails."""

    result: ScanResult
    thumbnails: list[tuple[int, bytes]] = field(default_factory=list)


def _font(widget: QWidget, scale: float, bold: bool = True) -> QFont:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def _value() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(40)
    # clicking must not take the keyboard from the scan box: the next parcel is scanned at once
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ScanResultView(QStackedWidget):
    action_requested = Signal(object)
    """A button for a ``CaseAction`` on the shown case was pressed."""

    case_requested = Signal(str)
    """"Open case…" was pressed (the case number)."""

    register_requested = Signal()
    """"Register as unannounced return…" was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanned: Scanned | None = None
        self.action_buttons: dict[CaseAction, QPushButton] = {}

        self.idle = QLabel(self.tr("Scan a parcel's tracking number, an order or a case number."))
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setStyleSheet("color: palette(mid);")
        self.idle.setFont(_font(self.idle, 1.2, bold=False))
        self.addWidget(self.idle)
        self.addWidget(self._case_page())
        self.addWidget(self._missing_page())

    # -- building ------------------------------------------------------------------------------
    def _case_page(self) -> QWidget:
        page = QWidget()
        self.case_no = QLabel()
        self.case_no.setFont(_font(self.case_no, 2.0))
        self.case_no.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QLabel()
        self.kind.setFont(_font(self.kind, 1.3))
        self.open_button = _button(self.tr("Open case…"))
        self.open_button.clicked.connect(self._open_case)
        head = QHBoxLayout()
        head.addWidget(self.case_no)
        head.addSpacing(16)
        head.addWidget(self.kind)
        head.addStretch(1)
        head.addWidget(self.open_button)

        self.signature = QLabel()
        self.signature.setWordWrap(True)
        self.signature.setStyleSheet(SIGNED_STYLE)
        self.signature.setFont(_font(self.signature, 1.25))
        self.signature.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields: dict[str, QLabel] = {}
        left, right = QFormLayout(), QFormLayout()
        rows = (
            (left, "order", self.tr("Order")),
            (left, "buyer", self.tr("Buyer")),
            (left, "matched", self.tr("Found by")),
            (left, "parcel", self.tr("Return parcel")),
            (left, "others", self.tr("Other cases of the order")),
            (right, "reason", self.tr("Reason")),
            (right, "quality", self.tr("Quality problem")),
            (right, "card", self.tr("Card in parcel")),
            (right, "wants", self.tr("Wanted in exchange")),
        )
        for form, key, text in rows:
            self.fields[key] = _value()
            form.addRow(text, self.fields[key])
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)

        self.photos_title = QLabel(self.tr("Photos"))
        self.photos_title.setFont(_font(self.photos_title, 1.0))
        self.thumbs = QHBoxLayout()
        self.thumbs.setContentsMargins(0, 0, 0, 0)
        strip = QWidget()
        outer = QHBoxLayout(strip)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.thumbs)
        outer.addStretch(1)
        self.photo_strip = QScrollArea()
        self.photo_strip.setWidget(strip)
        self.photo_strip.setWidgetResizable(True)
        self.photo_strip.setFrameShape(QFrame.Shape.NoFrame)
        self.photo_strip.setFixedHeight(150)

        self.actions_row = QHBoxLayout()
        self.no_actions = QLabel()
        self.no_actions.setStyleSheet("color: palette(mid);")
        self.actions_row.addWidget(self.no_actions)
        self.actions_row.addStretch(1)

        layout = QVBoxLayout(page)
        layout.addLayout(head)
        layout.addWidget(self.signature)
        layout.addLayout(columns)
        layout.addWidget(self.photos_title)
        layout.addWidget(self.photo_strip)
        layout.addStretch(1)
        layout.addLayout(self.actions_row)
        return page

    def _missing_page(self) -> QWidget:
        page = QWidget()
        self.missing_title = QLabel()
        self.missing_title.setFont(_font(self.missing_title, 2.0))
        self.missing_code = QLabel()
        self.missing_code.setFont(_font(self.missing_code, 1.5))
        self.missing_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing_text = QLabel()
        self.missing_text.setWordWrap(True)
        self.missing_text.setStyleSheet(MISSING_STYLE)
        self.missing_text.setFont(_font(self.missing_text, 1.1, bold=False))
        self.register_button = _button(self.tr("Register as unannounced return…"))
        self.register_button.clicked.connect(self.register_requested)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.missing_title)
        layout.addWidget(self.missing_code)
        layout.addWidget(self.missing_text)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _open_case(self) -> None:
        if self.scanned is not None and self.scanned.result.case is not None:
            self.case_requested.emit(self.scanned.result.case.case_no)

    # -- showing -------------------------------------------------------------------------------
    def show_scanned(self, scanned: Scanned, actions: list[CaseAction], can_register: bool) -> None:
        """Show a scan; ``actions`` are the buttons this person may press on its case."""
        self.scanned = scanned
        found = scanned.result
        if found.case is None:
            self._show_missing(found, can_register)
        else:
            self._show_case(found, found.case, scanned.thumbnails, actions)

    def _show_missing(self, found: ScanResult, can_register: bool) -> None:
        self.missing_code.setText(found.code)
        if found.order_no:
            self.missing_title.setText(self.tr("No after-sales case"))
            self.missing_text.setText(
                self.tr(
                    "Order {order_no} exists, but it has no after-sales case. If this parcel "
                    "came back, register it as an unannounced return so after-sales can "
                    "follow it up."
                ).format(order_no=found.order_no)
            )
        else:
            self.missing_title.setText(self.tr("Not registered"))
            self.missing_text.setText(
                self.tr(
                    "No after-sales case and no order has {code}. Register it as an "
                    "unannounced return so after-sales can follow it up."
                ).format(code=found.code)
            )
        self.missing_title.setStyleSheet("color: #b45309;")
        self.register_button.setVisible(can_register)
        self.setCurrentIndex(2)

    def _show_case(
        self,
        found: ScanResult,
        case: CaseDetail,
        thumbnails: list[tuple[int, bytes]],
        actions: list[CaseAction],
    ) -> None:
        self.case_no.setText(case.case_no)
        self.kind.setText(f"{case_type_label(case.type)} · {case_state_label(case.state)}")
        self._show_signature(case)
        f = self.fields
        f["order"].setText(case.order_no or self.tr("(not linked to an order yet)"))
        f["buyer"].setText(case.buyer_id)
        f["matched"].setText(self._matched(found))
        parcel = " ".join(p for p in (case.return_courier, case.return_tracking_no or "") if p)
        f["parcel"].setText(parcel)
        f["others"].setText(", ".join(found.other_cases) or self.tr("none"))
        unannounced = self.tr("Unannounced return") if case.unannounced else ""
        f["reason"].setText(" — ".join(t for t in (case.reason, unannounced) if t))
        f["quality"].setText(self._quality(case))
        f["card"].setText(card_label(case.card_in_parcel))
        f["wants"].setText(case.wants)
        self._show_thumbnails(case, thumbnails)
        self._show_actions(actions)
        self.setCurrentIndex(1)

    def _show_signature(self, case: CaseDetail) -> None:
        """The signatures the register carries, as the paper does: text---date name."""
        lines = []
        if case.signoff_by and case.signoff_at:
            result = signoff_label(case.signoff_result)
            text = self.tr("Inspected and signed: {result}").format(result=result)
            if case.signoff_notes:
                text += " — " + case.signoff_notes
            lines.append(signed(text, case.signoff_at, case.signoff_by))
        if case.parcel_back_by and case.parcel_back_at:
            lines.append(signed("原包裹已收到", case.parcel_back_at, case.parcel_back_by))
        self.signature.setText("\n".join(lines))
        self.signature.setVisible(bool(lines))

    def _matched(self, found: ScanResult) -> str:
        what = {
            "case_no": self.tr("case number"),
            "return_tracking": self.tr("return parcel's tracking number"),
            "exchange_tracking": self.tr("exchange parcel's tracking number"),
            "order_no": self.tr("order number"),
            "order_tracking": self.tr("the order's own tracking number"),
        }.get(found.matched, found.matched)
        return f"{what}: {found.code}"

    def _quality(self, case: CaseDetail) -> str:
        if not case.quality:
            return self.tr("No")
        where = case.defect_location or self.tr("(where not recorded)")
        text = self.tr("Yes — {where}").format(where=where)
        if case.no_photo_possible:
            text += " " + self.tr("(cannot be photographed)")
        return text

    def _show_thumbnails(self, case: CaseDetail, thumbnails: list[tuple[int, bytes]]) -> None:
        while self.thumbs.count():
            item = self.thumbs.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        metas = {p.id: p for p in case.photos}
        for photo_id, data in thumbnails[:THUMBS_SHOWN]:
            label = QLabel()
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            label.setPixmap(
                pixmap.scaled(
                    140,
                    140,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            label.setObjectName(f"photo-{photo_id}")
            meta = metas.get(photo_id)
            if meta is not None:
                label.setToolTip(
                    f"{photo_purpose_label(meta.purpose)}\n{meta.added_by} {when(meta.added_at)}"
                )
            self.thumbs.addWidget(label)
        more = len(case.photos) - min(len(thumbnails), THUMBS_SHOWN)
        title = self.tr("Photos ({count})").format(count=len(case.photos))
        if more > 0:
            title += " " + self.tr("— {more} more in the case").format(more=more)
        self.photos_title.setText(title)
        self.photo_strip.setVisible(bool(thumbnails))
        if not case.photos:
            self.photos_title.setText(self.tr("Photos: none"))

    def _show_actions(self, actions: list[CaseAction]) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for action in actions:
            button = _button(action_label(action))
            button.setFont(_font(button, 1.15))
            button.setMinimumWidth(200)
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.actions_row.addWidget(button)
            self.action_buttons[action] = button
        self.no_actions.setText("" if actions else self.tr("Nothing for you to do on this case."))
        self.no_actions.setVisible(not actions)

    def signature_text(self) -> str:
        return "" if self.signature.isHidden() else self.signature.text()
