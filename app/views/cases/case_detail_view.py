"""What the case dialog shows: the register row's fields, photos and the timeline.

Only shows: reading and writing happen in ``case_dialog``. Every stamp is a name plus a time.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.cases.rows import CaseDetail, TimelineEntry
from app.views.cases.case_labels import (
    card_label,
    case_state_label,
    case_type_label,
    freight_label,
    refund_method_label,
    signoff_label,
    timeline_label,
)
from app.views.cases.photo_widgets import PhotoStrip
from app.views.kit.labels import when

DASH = "—"


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _money(value: Decimal | None) -> str:
    return DASH if value is None else f"¥ {value:.2f}"


BOXES = {
    "claim": ("order", "buyer", "type", "reason", "quality", "wants", "opened"),
    "parcel": ("tracking", "card", "freight", "advance", "free_freight", "early_exchange"),
    "signed": ("signoff", "signoff_notes", "parcel_back"),
    "money": ("refund", "refund_reference", "freight_back", "exchange", "closed"),
}


class CaseDetailView(QWidget):
    """The fields of one case in four boxes, its photos and its timeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLabel] = {}
        titles = {
            "claim": self.tr("Claim"),
            "parcel": self.tr("Return parcel and freight"),
            "signed": self.tr("Signatures"),
            "money": self.tr("Refund and exchange"),
        }
        names = {
            "order": self.tr("Order no."),
            "buyer": self.tr("Buyer"),
            "type": self.tr("Type"),
            "reason": self.tr("Reason"),
            "quality": self.tr("Quality problem"),
            "wants": self.tr("Wanted in exchange"),
            "opened": self.tr("Opened"),
            "tracking": self.tr("Return courier / tracking"),
            "card": self.tr("Card in parcel"),
            "freight": self.tr("Freight"),
            "advance": self.tr("Advanced by the customer"),
            "free_freight": self.tr("Free freight approved"),
            "early_exchange": self.tr("Early exchange approved"),
            "signoff": self.tr("Warehouse sign-off"),
            "signoff_notes": self.tr("Inspection notes"),
            "parcel_back": self.tr("原包裹已收到"),
            "refund": self.tr("Refund"),
            "refund_reference": self.tr("Reference"),
            "freight_back": self.tr("Freight reimbursed"),
            "exchange": self.tr("Exchange shipped"),
            "closed": self.tr("Closed"),
        }
        grid = QGridLayout()
        for n, (box_key, keys) in enumerate(BOXES.items()):
            box = QGroupBox(titles[box_key], self)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for key in keys:
                self.fields[key] = _value()
                form.addRow(names[key], self.fields[key])
            grid.addWidget(box, n // 2, n % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.photos = PhotoStrip(self, keep_pending=False)
        photos_box = QGroupBox(self.tr("Photos"), self)
        QVBoxLayout(photos_box).addWidget(self.photos)

        self.timeline = QListWidget(self)
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.timeline.setMinimumHeight(120)
        timeline_box = QGroupBox(self.tr("Timeline"), self)
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(photos_box)
        layout.addWidget(timeline_box, 1)

    def _stamp(self, name: str | None, at: datetime | None) -> str:
        if not name:
            return DASH
        return self.tr("{name}, {time}").format(name=name, time=when(at))

    def show_case(self, d: CaseDetail, thumbs: dict[int, bytes]) -> None:
        f = self.fields
        f["order"].setText(d.order_no or self.tr("(not linked yet)"))
        f["buyer"].setText(d.buyer_id or DASH)
        f["type"].setText(case_type_label(d.type))
        f["reason"].setText(d.reason or DASH)
        if not d.quality:
            quality = self.tr("No")
        elif d.no_photo_possible:
            quality = self.tr("Yes: {where} (cannot be photographed)").format(
                where=d.defect_location or DASH
            )
        else:
            quality = self.tr("Yes: {where}").format(where=d.defect_location or DASH)
        f["quality"].setText(quality)
        f["wants"].setText(d.wants or DASH)
        f["opened"].setText(self._stamp(d.opened_by, d.opened_at))
        parcel = " ".join(p for p in (d.return_courier, d.return_tracking_no or "") if p)
        f["tracking"].setText(parcel or DASH)
        f["card"].setText(card_label(d.card_in_parcel))
        f["freight"].setText(freight_label(d.freight_payer))
        f["advance"].setText(_money(d.return_freight) if d.return_freight else DASH)
        f["free_freight"].setText(self._stamp(d.free_freight_by, d.free_freight_at))
        f["early_exchange"].setText(self._stamp(d.early_exchange_by, d.early_exchange_at))
        signoff = DASH
        if d.signoff_by:
            signoff = self.tr("{result} — {stamp}").format(
                result=signoff_label(d.signoff_result),
                stamp=self._stamp(d.signoff_by, d.signoff_at),
            )
        f["signoff"].setText(signoff)
        f["signoff_notes"].setText(d.signoff_notes or DASH)
        f["parcel_back"].setText(self._stamp(d.parcel_back_by, d.parcel_back_at))
        refund = DASH
        if d.refund_by:
            refund = self.tr("{amount} by {method} — {stamp}").format(
                amount=_money(d.refund_amount),
                method=refund_method_label(d.refund_method),
                stamp=self._stamp(d.refund_by, d.refund_at),
            )
        f["refund"].setText(refund)
        f["refund_reference"].setText(d.refund_reference or DASH)
        back = d.freight_paid_back
        f["freight_back"].setText(_money(back) if back is not None else DASH)
        exchange = DASH
        if d.exchange_by:
            exchange = self.tr("{courier} {tracking} — {stamp}").format(
                courier=d.exchange_courier,
                tracking=d.exchange_tracking_no or "",
                stamp=self._stamp(d.exchange_by, d.exchange_at),
            )
        f["exchange"].setText(exchange)
        f["closed"].setText(self._stamp(d.closed_by, d.closed_at))
        self.photos.show_saved(d.photos, thumbs)
        self._fill_timeline(d.timeline)

    def _fill_timeline(self, entries: tuple[TimelineEntry, ...]) -> None:
        self.timeline.clear()
        for entry in entries:
            self.timeline.addItem(self.timeline_text(entry))
        self.timeline.scrollToBottom()

    def timeline_text(self, entry: TimelineEntry) -> str:
        """One step: when, who, what, and the state the case was left in."""
        text = f"{when(entry.at)}  {entry.who}  {timeline_label(entry.action)}"
        extra = self._details(entry)
        state = entry.details.get("state")
        if state:
            extra.append(self.tr("now “{state}”").format(state=case_state_label(state)))
        return text + ("  (" + "; ".join(extra) + ")" if extra else "")

    def _details(self, entry: TimelineEntry) -> list[str]:
        d = entry.details
        if entry.action == "case.refund":
            return [
                self.tr("{amount} by {method}").format(
                    amount=d.get("amount", ""), method=refund_method_label(d.get("method"))
                )
            ]
        if entry.action == "case.signoff":
            return [signoff_label(d.get("result"))]
        if entry.action in ("case.return", "case.unannounced") and d.get("return_tracking_no"):
            return [str(d["return_tracking_no"])]
        if entry.action == "case.exchange_shipped" and d.get("tracking_no"):
            return [str(d["tracking_no"])]
        if entry.action == "case.approve" and d.get("reason"):
            return [str(d["reason"])]
        if entry.action == "case.photo":
            return [self.tr("%n photo(s)", "", len(d.get("photos") or []))]
        if entry.action == "case.recall_slip":
            return [self.tr("copy {copy}").format(copy=d.get("copy", ""))]
        return []

    def timeline_texts(self) -> list[str]:
        return [self.timeline.item(i).text() for i in range(self.timeline.count())]
