"""Open an after-sales case on an order (a new row of the 售后登记表), with its evidence.

The case and its photos are saved in one transaction: a refused photo, or a quality claim
still without its evidence, saves nothing and the form keeps what was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models import CardInParcel, CaseType
from app.models.errors import UserError
from app.services.cases import handovers
from app.services.cases import photos as case_photos
from app.services.cases.handovers import CaseSuggestion
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import OPENING_PARTS
from app.services.core.actor import Actor
from app.views.cases.case_labels import card_label, case_type_label
from app.views.cases.photo_widgets import PhotoStrip
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner, SaveDialog


class OpenCaseDialog(SaveDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, order_no: str = "") -> None:
        super().__init__(parent)
        self.actor = actor
        self.saved: CaseDetail | None = None
        self.setWindowTitle(self.tr("Open an after-sales case"))
        self.setMinimumWidth(900)

        self.banner = Banner(self)
        self.order_no = QLineEdit(order_no, self)
        self.kind = QComboBox(self)
        for kind in CaseType:
            self.kind.addItem(case_type_label(kind), kind)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(60)
        self.reason.setPlaceholderText(self.tr("What the customer says, e.g. 鞋底开胶"))
        self.wants = QLineEdit(self)
        self.wants.setPlaceholderText(self.tr("e.g. 同款 38 码"))
        self.claim = claim = QFormLayout()
        claim.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        claim.addRow(self.tr("Order no."), self.order_no)
        claim.addRow(self.tr("Type"), self.kind)
        claim.addRow(self.tr("Reason"), self.reason)
        claim.addRow(self.tr("Wanted in exchange"), self.wants)

        self.quality = QCheckBox(self.tr("Quality problem (质量问题): the shop pays both legs"))
        self.defect = QLineEdit(self)
        self.defect.setPlaceholderText(self.tr("Where the defect is, e.g. 左脚鞋头缝线"))
        self.no_photo = QCheckBox(self.tr("Cannot be photographed (lining, insole)"))
        self.photos = PhotoStrip(self)
        self.evidence = evidence = QGroupBox(self.tr("Evidence"), self)
        ev_form = QFormLayout(evidence)
        ev_form.addRow(self.quality)
        ev_form.addRow(self.tr("Defect location"), self.defect)
        ev_form.addRow(self.no_photo)
        ev_form.addRow(self.photos)
        self.quality.toggled.connect(self._quality_toggled)
        self._quality_toggled(False)

        self.tracking = QLineEdit(self)
        self.courier = QLineEdit(self)
        self.card = QComboBox(self)
        for card in CardInParcel:
            self.card.addItem(card_label(card), card)
        self.card.setCurrentIndex(list(CardInParcel).index(CardInParcel.UNKNOWN))
        self.advance = QLineEdit(self)
        self.advance.setPlaceholderText("0.00")
        self.advance.setToolTip(self.tr("Only on a quality claim: the shop reimburses it."))
        self.parcel = parcel = QGroupBox(self.tr("Return parcel (if already sent)"), self)
        p_form = QFormLayout(parcel)
        p_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        p_form.addRow(self.tr("Tracking no."), self.tracking)
        p_form.addRow(self.tr("Courier"), self.courier)
        p_form.addRow(self.tr("Card in parcel"), self.card)
        p_form.addRow(self.tr("Freight advanced"), self.advance)

        self.buttons = self.save_cancel()
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(claim)
        left.addWidget(parcel)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(evidence, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        (self.reason if order_no else self.order_no).setFocus()
        if order_no:  # taking up a hand-over: the case it calls for, with the customer's reason
            Op(self, lambda s: handovers.suggested_case(s, order_no)).success(self._suggested).run()

    def chosen_kind(self) -> CaseType:
        return CaseType(self.kind.currentData())

    def _kind_changed(self) -> None:
        """Only the fields that apply to this type of case show."""
        parts = OPENING_PARTS[self.chosen_kind()]
        self.claim.setRowVisible(self.wants, "wants" in parts)
        self.evidence.setVisible("quality" in parts)
        self.parcel.setVisible("parcel" in parts)

    def _suggested(self, suggestion: CaseSuggestion | None) -> None:
        if suggestion is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(suggestion.kind))
        if not self.reason.toPlainText().strip():
            self.reason.setPlainText(suggestion.reason)

    def _quality_toggled(self, on: bool) -> None:
        self.defect.setEnabled(on)
        self.no_photo.setEnabled(on)
        if not on:
            self.no_photo.setChecked(False)

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor, order_no: str = "") -> CaseDetail | None:
        """Show the dialog; the new case, or None if cancelled. Tests replace this."""
        dialog = cls(parent, actor, order_no)
        dialog.exec()
        dialog.deleteLater()  # its photos' thumbnails go with it
        return dialog.saved

    def save(self) -> None:
        if self.photos.busy:
            self.banner.show_error(self.tr("Wait until the photos are ready."))
            return
        actor, order_no = self.actor, self.order_no.text()
        kind = self.chosen_kind()
        parts = OPENING_PARTS[kind]  # what is hidden is not sent
        quality = "quality" in parts and self.quality.isChecked()
        parcel = "parcel" in parts
        photos = self.photos.pending() if "quality" in parts else []
        fields = {
            "reason": self.reason.toPlainText(),
            "quality": quality,
            "defect_location": self.defect.text() if quality else "",
            "no_photo_possible": quality and self.no_photo.isChecked(),
            "return_tracking": (self.tracking.text().strip() or None) if parcel else None,
            "return_courier": self.courier.text() if parcel else "",
            "card": CardInParcel(self.card.currentData()) if parcel else CardInParcel.UNKNOWN,
            "wants": self.wants.text() if "wants" in parts else "",
            "freight_advance": (self.advance.text().strip() or None) if parcel else None,
        }
        self.banner.clear()
        self.buttons.setEnabled(False)
        Op(
            self,
            lambda s: case_photos.open_with_photos(s, actor, order_no, kind, photos, **fields),
            write=True,
            changes="cases",
        ).success(self._saved).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _saved(self, detail: CaseDetail) -> None:
        self.saved = detail
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))


def ask_open_case(parent: QWidget | None, actor: Actor, order_no: str = "") -> str | None:
    """Ask for a new case on this order; its case number, or None if cancelled."""
    detail = OpenCaseDialog.ask(parent, actor, order_no)
    return detail.case_no if detail is not None else None
