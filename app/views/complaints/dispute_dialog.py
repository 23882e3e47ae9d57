"""The dispute dialog, reached from a case or an order: the order's disputes on the platform,
a new one (its number, the platform's deadline, the buyer's claim), the outcome, and the
evidence pack previewed before it is uploaded."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.complaint_enums import Outcome
from app.models.errors import UserError
from app.models.formats import short_time
from app.services.complaints import disputes, evidence
from app.services.complaints.evidence import PackMade
from app.services.complaints.rows import DisputeView
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.views.complaints.labels import late_text
from app.views.kit.ops import Op, Task, hub, translate
from app.views.kit.pdf_preview import PreviewDialog
from app.views.kit.widgets import Banner, SaveDialog

Found = tuple[str, str | None, list[DisputeView]]


class DisputeDialog(SaveDialog):
    def __init__(
        self, parent: QWidget | None, actor: Actor, ref: str, *, dispute_no: str = ""
    ) -> None:
        """``ref``: a case or order number (its order's disputes); ``dispute_no``: the one to
        show chosen (a task opened it), else the newest."""
        super().__init__(parent)
        self.actor, self.ref, self.wanted = actor, ref.strip(), dispute_no.strip()
        self.found: list[DisputeView] = []
        self.preview: PreviewDialog | None = None
        self.setWindowTitle(self.tr("Dispute on the platform (维权) — {ref}").format(ref=self.ref))
        self.setMinimumWidth(640)
        self.banner = Banner(self)
        self.listing = QListWidget()
        self.listing.setFixedHeight(110)
        self.outcome = QComboBox()
        for o in Outcome:
            self.outcome.addItem(translate("Outcome", o.label), o.value)
        self.outcome_button = QPushButton(self.tr("Record outcome"))
        self.outcome_button.clicked.connect(self.record_outcome)
        self.evidence_button = QPushButton(self.tr("Evidence pack…"))
        self.evidence_button.clicked.connect(self.make_evidence)
        ended = QHBoxLayout()
        ended.addWidget(self.outcome)
        ended.addWidget(self.outcome_button)
        ended.addStretch(1)
        ended.addWidget(self.evidence_button)

        self.platform = QLineEdit()
        self.platform.setPlaceholderText(self.tr("Default: the shop's platform"))
        self.dispute_no = QLineEdit()
        self.deadline = QDateTimeEdit(QDateTime.currentDateTime().addDays(3))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.claim = QPlainTextEdit()
        self.claim.setPlaceholderText(self.tr("What the buyer claims on the platform"))
        self.claim.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Dispute no."), self.dispute_no)
        form.addRow(self.tr("Platform's deadline"), self.deadline)
        form.addRow(self.tr("Buyer's claim"), self.claim)
        self.buttons = self.save_cancel(self.tr("Mark as in dispute"))
        editable = may(Action.DISPUTE_EDIT, actor)
        for widget in (self.outcome_button, self.platform, self.dispute_no, self.claim):
            widget.setEnabled(editable)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(QLabel(self.tr("Disputes of this order")))
        layout.addWidget(self.listing)
        layout.addLayout(ended)
        layout.addWidget(QLabel(self.tr("New dispute")))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        ref = self.ref
        Op(self, lambda s: disputes.for_ref(s, ref)).success(self._loaded).failure(
            self._refused
        ).run()

    def _loaded(self, found: Found) -> None:
        _order_no, _case_no, views = found
        self.found = views
        self.listing.clear()
        for d in views:
            state = (
                translate("Outcome", d.outcome.label) if d.outcome else late_text(d.deadline, d.now)
            )
            self.listing.addItem(
                self.tr("{no} ({platform}) · deadline {deadline} · {owner} · {state}").format(
                    no=d.dispute_no,
                    platform=d.platform,
                    deadline=short_time(d.deadline),
                    owner=d.owner,
                    state=state,
                )
            )
        numbers = [d.dispute_no for d in views]
        if views:
            chosen = numbers.index(self.wanted) if self.wanted in numbers else len(views) - 1
            self.listing.setCurrentRow(chosen)
        self.outcome_button.setEnabled(
            may(Action.DISPUTE_EDIT, self.actor) and any(d.outcome is None for d in views)
        )

    def chosen_dispute(self) -> str:
        """The number of the dispute the outcome and the list's choice are about."""
        row = self.listing.currentRow()
        return self.found[row].dispute_no if 0 <= row < len(self.found) else ""

    def dispute_texts(self) -> list[str]:
        return [self.listing.item(i).text() for i in range(self.listing.count())]

    def save(self) -> None:
        self.banner.clear()
        actor, ref = self.actor, self.ref
        number, platform = self.dispute_no.text(), self.platform.text()
        deadline: datetime = self.deadline.dateTime().toPython()  # type: ignore[assignment]
        claim = self.claim.toPlainText()
        Op(
            self,
            lambda s: disputes.open_dispute(
                s,
                actor,
                ref,
                dispute_no=number,
                deadline=deadline,
                claim=claim,
                platform=platform or None,
            ),
            write=True,
            changes="disputes",
        ).success(lambda _v: self._opened()).failure(self._refused).run()

    def _opened(self) -> None:
        self.dispute_no.clear()
        self.claim.clear()
        self.load()

    def record_outcome(self) -> None:
        actor, number = self.actor, self.chosen_dispute()
        if not number:
            return
        self.banner.clear()
        outcome = Outcome(self.outcome.currentData())
        Op(
            self,
            lambda s: disputes.record_outcome(s, actor, number, outcome),
            write=True,
            changes="disputes",
        ).success(lambda _v: self.load()).failure(self._refused).run()

    # -- the evidence pack ----------------------------------------------------------------
    def evidence_path(self) -> Path:
        """Where the pack goes before the preview (which prints it or saves a copy)."""
        folder = Path(tempfile.mkdtemp(prefix="afterdesk-evidence-"))
        return folder / f"{self.ref}-evidence.pdf"

    def make_evidence(self) -> None:
        db, actor, ref, out = hub().db, self.actor, self.ref, self.evidence_path()
        assert db is not None
        self.banner.clear()
        self.evidence_button.setEnabled(False)
        Task(self, lambda: evidence.make(db, actor, ref, out)).success(self._preview).failure(
            self._refused
        ).finally_(lambda: self.evidence_button.setEnabled(True)).run()

    def _preview(self, made: PackMade) -> None:
        assert made.path is not None
        title = self.tr("Evidence pack {ref}: {pages} pages, {photos} photos").format(
            ref=made.ref, pages=made.pages, photos=made.photos
        )
        self.preview = PreviewDialog([(title, made.path)], self)
        self.preview.show()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
