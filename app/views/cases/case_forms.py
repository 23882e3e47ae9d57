"""One small form per step of an after-sales case (opened through ``case_actions``).

Each form runs its step's service in one write ``Op`` against the version the user saw and
hands the case as it is now to ``done``. A refusal is shown inside the form, which keeps
what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models import CardInParcel, CaseType, FreightPayer, RefundMethod, SignoffResult
from app.models.errors import UserError
from app.services.cases import photos as case_photos
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.cases.rows import CaseDetail
from app.services.cases.rules import CaseAction
from app.services.core.actor import Actor
from app.views.cases.case_labels import (
    action_label,
    card_label,
    case_type_label,
    refund_method_label,
    signoff_label,
)
from app.views.cases.photo_widgets import PhotoStrip
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner, SaveDialog

Done = Callable[[CaseDetail], None]


def _combo(parent: QWidget, pairs: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox(parent)
    for text, value in pairs:
        box.addItem(text, value)
    return box


class CaseForm(SaveDialog):
    """The shared frame: a banner, the step's fields, Save/Cancel, the write in an Op."""

    def __init__(self, parent: QWidget | None, actor: Actor, detail: CaseDetail, done: Done):
        super().__init__(parent)
        self.actor, self.detail, self.on_done = actor, detail, done
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.result_detail: CaseDetail | None = None
        self.setWindowTitle(
            self.tr("{action} — case {case_no}").format(
                action=action_label(self.action), case_no=detail.case_no
            )
        )
        self.setMinimumWidth(480)
        self.banner = Banner(self)
        self.form = QFormLayout()
        self.buttons = self.save_cancel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        self.build(layout)
        layout.addWidget(self.buttons)

    action: CaseAction = CaseAction.CLOSE

    def build(self, layout: QVBoxLayout) -> None:
        """Add the step's fields (subclasses)."""

    def call(self, session: Session) -> CaseDetail:
        raise NotImplementedError

    def ready(self) -> bool:
        """False while something is still being prepared (photos)."""
        return True

    def save(self) -> None:
        if not self.ready():
            self.banner.show_error(self.tr("Wait until the photos are ready."))
            return
        self.banner.clear()
        self.buttons.setEnabled(False)
        Op(self, self.call, write=True, changes="cases").success(self._saved).failure(
            self._refused
        ).finally_(lambda: self.buttons.setEnabled(True)).run()

    def _saved(self, detail: CaseDetail) -> None:
        self.result_detail = detail
        self.accept()
        self.on_done(detail)

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))


class ConfirmForm(CaseForm):
    """A step that needs no input: say what is signed, then sign."""

    def build(self, layout: QVBoxLayout) -> None:
        question = QLabel(self.question(), self)
        question.setWordWrap(True)
        self.form.addRow(question)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Confirm"))

    def question(self) -> str:
        return ""


class _ApproveForm(ConfirmForm):
    """A supervisor's exception: what is approved, and why (the case's timeline shows it)."""

    approves = ""  # the service's keyword for what this form approves

    def build(self, layout: QVBoxLayout) -> None:
        super().build(layout)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("why this case is an exception"))
        self.form.addRow(self.tr("Reason"), self.reason)

    def call(self, session: Session) -> CaseDetail:
        d, reason = self.detail, self.reason.text()
        return case_steps.approve(
            session,
            self.actor,
            d.case_no,
            reason=reason,
            expected_version=d.version,
            **{self.approves: True},
        )


class ApproveFreeFreightForm(_ApproveForm):
    action = CaseAction.APPROVE_FREE_FREIGHT
    approves = "free_freight"

    def question(self) -> str:
        return self.tr(
            "Approve free return freight on case {case_no}? The shop will pay the return leg, "
            "signed with your name."
        ).format(case_no=self.detail.case_no)


class ApproveEarlyExchangeForm(_ApproveForm):
    action = CaseAction.APPROVE_EARLY_EXCHANGE
    approves = "early_exchange"

    def question(self) -> str:
        return self.tr(
            "Approve shipping the exchange of case {case_no} before the return has been "
            "signed for? Signed with your name."
        ).format(case_no=self.detail.case_no)


class ParcelReceivedForm(ConfirmForm):
    action = CaseAction.RECEIVED

    def question(self) -> str:
        return self.tr(
            "Sign “原包裹已收到” (original parcel received) for case {case_no}, tracking "
            "number {tracking}?"
        ).format(case_no=self.detail.case_no, tracking=self.detail.return_tracking_no or "—")

    def call(self, session: Session) -> CaseDetail:
        d = self.detail
        return case_steps.parcel_received(
            session, self.actor, d.case_no, expected_version=d.version
        )


class CloseForm(ConfirmForm):
    action = CaseAction.CLOSE

    def build(self, layout: QVBoxLayout) -> None:
        super().build(layout)
        self.remark = QLineEdit(self)
        self.form.addRow(self.tr("Remark"), self.remark)

    def question(self) -> str:
        return self.tr("Close case {case_no}? Nothing more can be done on it.").format(
            case_no=self.detail.case_no
        )

    def call(self, session: Session) -> CaseDetail:
        d, remark = self.detail, self.remark.text()
        return case_steps.close(
            session, self.actor, d.case_no, remark=remark, expected_version=d.version
        )


class ReturnForm(CaseForm):
    action = CaseAction.RETURN

    def build(self, layout: QVBoxLayout) -> None:
        d = self.detail
        self.tracking = QLineEdit(d.return_tracking_no or "", self)
        self.courier = QLineEdit(d.return_courier, self)
        self.card = _combo(self, [(card_label(c), c) for c in CardInParcel])
        self.card.setCurrentIndex(list(CardInParcel).index(d.card_in_parcel))
        self.advance = QLineEdit(f"{d.return_freight:.2f}" if d.return_freight else "", self)
        self.advance.setPlaceholderText(self.tr("0.00"))
        self.form.addRow(self.tr("Return tracking no."), self.tracking)
        self.form.addRow(self.tr("Courier"), self.courier)
        self.form.addRow(self.tr("Card in parcel"), self.card)
        self.form.addRow(self.tr("Freight advanced by the customer"), self.advance)
        if d.freight_payer is not FreightPayer.SHOP:
            self.advance.setToolTip(
                self.tr("Only where the shop pays the return leg (quality or approved).")
            )
        self.tracking.setFocus()

    def call(self, session: Session) -> CaseDetail:
        d, advance = self.detail, self.advance.text().strip() or None
        tracking, courier, card = (
            self.tracking.text(),
            self.courier.text(),
            CardInParcel(self.card.currentData()),
        )
        return case_steps.record_return(
            session,
            self.actor,
            d.case_no,
            tracking=tracking,
            courier=courier,
            card=card,
            freight_advance=advance,
            expected_version=d.version,
        )


class SignoffForm(CaseForm):
    action = CaseAction.SIGNOFF

    def build(self, layout: QVBoxLayout) -> None:
        self.setMinimumWidth(620)
        self.result = _combo(self, [(signoff_label(r), r) for r in SignoffResult])
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(80)
        self.notes.setPlaceholderText(self.tr("What you found, e.g. 鞋头开胶属实"))
        self.form.addRow(self.tr("Result"), self.result)
        self.form.addRow(self.tr("Notes"), self.notes)
        self.photos = PhotoStrip(self)
        layout.addWidget(QLabel(self.tr("Inspection photos (optional)"), self))
        layout.addWidget(self.photos)
        signed = QLabel(
            self.tr("Signed with your name and the time: {name}").format(
                name=self.actor.display_name
            ),
            self,
        )
        signed.setStyleSheet("color: palette(mid);")
        layout.addWidget(signed)

    def ready(self) -> bool:
        return not self.photos.busy

    def call(self, session: Session) -> CaseDetail:
        d, result = self.detail, SignoffResult(self.result.currentData())
        text, photos = self.notes.toPlainText(), self.photos.pending()
        return case_steps.signoff(
            session,
            self.actor,
            d.case_no,
            result=result,
            notes_text=text,
            photos=photos,
            expected_version=d.version,
        )


class RefundForm(CaseForm):
    action = CaseAction.REFUND

    def build(self, layout: QVBoxLayout) -> None:
        d = self.detail
        suggested = d.suggested_refund
        self.amount = QLineEdit(f"{suggested:.2f}" if suggested is not None else "", self)
        self.method = _combo(self, [(refund_method_label(m), m) for m in RefundMethod])
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("Transaction or transfer number"))
        freight = d.freight_due
        self.freight = QLabel(
            self.tr("¥ {amount} (the return freight the customer advanced)").format(
                amount=f"{freight:.2f}"
            )
            if freight
            else self.tr("None due"),
            self,
        )
        self.form.addRow(self.tr("Refund amount (¥)"), self.amount)
        self.form.addRow(self.tr("Method"), self.method)
        self.form.addRow(self.tr("Reference"), self.reference)
        self.form.addRow(self.tr("Freight reimbursed"), self.freight)
        if d.order_total is not None:
            self.form.addRow(self.tr("Order paid"), QLabel(f"¥ {d.order_total:.2f}", self))
        self.amount.setFocus()
        self.amount.selectAll()

    def call(self, session: Session) -> CaseDetail:
        d, amount = self.detail, self.amount.text().strip()
        method, reference = RefundMethod(self.method.currentData()), self.reference.text()
        return case_steps.refund(
            session,
            self.actor,
            d.case_no,
            amount=amount,
            method=method,
            reference=reference,
            expected_version=d.version,
        )


class ExchangeShippedForm(CaseForm):
    action = CaseAction.EXCHANGE_SHIPPED

    def build(self, layout: QVBoxLayout) -> None:
        self.courier = QLineEdit(self)
        self.tracking = QLineEdit(self)
        self.form.addRow(self.tr("Courier"), self.courier)
        self.form.addRow(self.tr("Exchange tracking no."), self.tracking)
        if self.detail.wants:
            self.form.addRow(self.tr("Wanted in exchange"), QLabel(self.detail.wants, self))
        note = QLabel(
            self.tr("The order gets the note “换货已发出，单号为：…” signed by you."), self
        )
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        self.courier.setFocus()

    def call(self, session: Session) -> CaseDetail:
        d, tracking, courier = self.detail, self.tracking.text(), self.courier.text()
        return case_steps.exchange_shipped(
            session,
            self.actor,
            d.case_no,
            tracking=tracking,
            courier=courier,
            expected_version=d.version,
        )


class LinkForm(CaseForm):
    action = CaseAction.LINK

    def build(self, layout: QVBoxLayout) -> None:
        self.order_no = QLineEdit(self)
        self.kind = _combo(
            self, [(case_type_label(t), t) for t in (CaseType.RETURN, CaseType.EXCHANGE)]
        )
        self.reason = QLineEdit(self.detail.reason, self)
        self.form.addRow(self.tr("Order no."), self.order_no)
        self.form.addRow(self.tr("Type"), self.kind)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.order_no.setFocus()

    def call(self, session: Session) -> CaseDetail:
        d, order_no = self.detail, self.order_no.text()
        kind, reason = CaseType(self.kind.currentData()), self.reason.text()
        return unannounced_parcels.link(
            session,
            self.actor,
            d.case_no,
            order_no=order_no,
            kind=kind,
            reason=reason,
            expected_version=d.version,
        )


class PhotoForm(CaseForm):
    action = CaseAction.PHOTO

    def build(self, layout: QVBoxLayout) -> None:
        self.setMinimumWidth(620)
        self.photos = PhotoStrip(self)
        layout.addWidget(self.photos)

    def ready(self) -> bool:
        return not self.photos.busy

    def call(self, session: Session) -> CaseDetail:
        d, photos = self.detail, self.photos.pending()
        return case_photos.add_photos(
            session, self.actor, d.case_no, photos, expected_version=d.version
        )
