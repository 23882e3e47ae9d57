"""Add a signed note to an order (docs/domain.md rule 1): text, 红旗 flag, optional correction."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.errors import UserError
from app.models.formats import seed_date
from app.services.core.actor import Actor
from app.services.core.rows import NoteView, OrderDetail
from app.services.orders import notes
from app.views.kit.labels import flag_icon
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner


class AddNoteDialog(QDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, order: OrderDetail) -> None:
        super().__init__(parent)
        self.actor, self.order = actor, order
        self.saved: NoteView | None = None
        self.setWindowTitle(self.tr("Note on order {order_no}").format(order_no=order.order_no))
        self.setMinimumWidth(520)

        self.banner = Banner(self)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(
            self.tr("What the customer asked and what you did, e.g. 客户要求修改地址，新地址为：…")
        )
        self.flagged = QCheckBox(self.tr("Red flag (红旗): the order printer must see this"), self)
        self.flagged.setIcon(flag_icon())
        self.corrects = QComboBox(self)
        self.corrects.addItem(self.tr("(not a correction)"), None)
        for note in order.notes:
            short = note.text if len(note.text) <= 40 else note.text[:39] + "…"
            self.corrects.addItem(f"#{note.id}  {short}", note.id)
        self.signature = QLabel(
            self.tr("Signed automatically: …---{date} {name}").format(
                date=seed_date(datetime.now(UTC)), name=actor.display_name
            ),
            self,
        )
        self.signature.setStyleSheet("color: palette(mid);")

        form = QFormLayout()
        form.addRow(self.tr("Note"), self.text)
        form.addRow("", self.flagged)
        form.addRow(self.tr("Corrects note"), self.corrects)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.signature)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor, order: OrderDetail) -> NoteView | None:
        """Show the dialog; the saved note, or None if cancelled. Tests replace this."""
        dialog = cls(parent, actor, order)
        dialog.exec()
        return dialog.saved

    def save(self) -> None:
        """Write the note; on a refusal say why here and keep what the user typed."""
        actor, order_no = self.actor, self.order.order_no
        text, flagged = self.text.toPlainText(), self.flagged.isChecked()
        corrects = self.corrects.currentData()
        self.banner.clear()
        self.buttons.setEnabled(False)
        Op(
            self,
            lambda s: notes.add(s, actor, order_no, text, flagged=flagged, corrects_id=corrects),
            write=True,
            changes="notes",
        ).success(self._saved).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True)
        ).run()

    def _saved(self, note: NoteView) -> None:
        self.saved = note
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
        self.text.setFocus()
