"""The complaint dialogs: register a new one, and work one (respond, escalate, resolve, the
follow-up call, the supervisor's confirmation). Every step is a service call in one
transaction; a refusal is shown in the banner and the typed text stays."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.models.complaint_enums import Channel, ComplaintState, Priority, StepKind
from app.models.errors import UserError
from app.models.formats import short_time
from app.services.complaints import complaints, settings, staff
from app.services.complaints.rows import ComplaintView
from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.views.complaints.labels import late_text, step_text
from app.views.kit.ops import Op, translate
from app.views.kit.widgets import Banner, SaveDialog


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for text, value in items:
        box.addItem(text, value)
    return box


class NewComplaintDialog(SaveDialog):
    """Register a complaint: its number, owner and deadlines come from the service."""

    def __init__(self, parent: QWidget | None, actor: Actor, order_no: str = "") -> None:
        super().__init__(parent)
        self.actor = actor
        self.saved: ComplaintView | None = None
        self.setWindowTitle(self.tr("New complaint"))
        self.setMinimumWidth(520)
        self.banner = Banner(self)
        self.channel = _combo([(translate("Channel", c.label), c.value) for c in Channel])
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Buyer's ID or name (default: the order's buyer)"))
        self.order_no = QLineEdit(order_no)
        self.order_no.setPlaceholderText(self.tr("If the complaint is about an order"))
        self.category = QComboBox()
        self.priority = _combo([(translate("Priority", p.label), p.value) for p in Priority])
        self.priority.setCurrentIndex(1)  # general
        self.owner = QComboBox()
        self.owner.addItem(self.tr("Me"), "")
        self.about = QComboBox()
        self.about.addItem(self.tr("Nobody named"), "")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What the customer complains about"))
        self.text.setFixedHeight(100)
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Order no."), self.order_no)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("About staff member"), self.about)
        form.addRow(self.tr("Complaint"), self.text)
        self.buttons = self.save_cancel(self.tr("Register"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        Op(self, settings.categories).success(self.category.addItems).run()
        Op(self, staff.staff_choices).success(self._staff).run()

    def _staff(self, people: list[staff.StaffChoice]) -> None:
        for person in people:
            self.about.addItem(person.name, person.username)
            if person.may_own and person.username != self.actor.username:
                self.owner.addItem(person.name, person.username)

    def save(self) -> None:
        self.banner.clear()
        actor = self.actor
        values = {
            "channel": Channel(self.channel.currentData()),
            "customer": self.customer.text(),
            "category": self.category.currentText(),
            "priority": Priority(self.priority.currentData()),
            "text": self.text.toPlainText(),
            "order_no": self.order_no.text().strip() or None,
            "about": self.about.currentData() or None,
            "owner": self.owner.currentData() or None,
        }
        assert self.buttons is not None
        self.buttons.setEnabled(False)
        Op(
            self,
            lambda s: complaints.open_complaint(s, actor, **values),  # type: ignore[arg-type]
            write=True,
            changes="complaints",
        ).success(self._saved).failure(self._refused).finally_(
            lambda: self.buttons.setEnabled(True) if self.buttons else None
        ).run()

    def _saved(self, view: ComplaintView) -> None:
        self.saved = view
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))


class ComplaintDialog(QDialog):
    """One complaint: its facts, every signed step, and the steps this person may take."""

    changed = Signal(str)
    """A step was saved (the argument is the complaint's number)."""

    def __init__(self, parent: QWidget | None, actor: Actor, complaint_no: str) -> None:
        super().__init__(parent)
        self.actor, self.complaint_no = actor, complaint_no
        self.view: ComplaintView | None = None
        self.setWindowTitle(self.tr("Complaint {no}").format(no=complaint_no))
        self.resize(760, 640)
        self.banner = Banner(self)
        self.title = QLabel(complaint_no)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.state = QLabel()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QListWidget()
        self.steps.setWordWrap(True)

        self.step_text = QPlainTextEdit()
        self.step_text.setPlaceholderText(
            self.tr("What the customer was told, why it goes up, or how it was resolved")
        )
        self.step_text.setFixedHeight(70)
        self.respond_button = QPushButton(self.tr("Record first response"))
        self.escalate_button = QPushButton(self.tr("Escalate to the supervisor"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.respond_button.clicked.connect(lambda: self._step(StepKind.RESPOND))
        self.escalate_button.clicked.connect(lambda: self._step(StepKind.ESCALATE))
        self.resolve_button.clicked.connect(lambda: self._step(StepKind.RESOLVE))
        step_buttons = QHBoxLayout()
        for button in (self.respond_button, self.escalate_button, self.resolve_button):
            step_buttons.addWidget(button)
        step_buttons.addStretch(1)

        self.follow_up = QGroupBox(self.tr("Follow-up call (回访): satisfaction 1–5"))
        self.attitude, self.speed, self.accuracy = QSpinBox(), QSpinBox(), QSpinBox()
        scores = QHBoxLayout(self.follow_up)
        for label, box in (
            (self.tr("Attitude"), self.attitude),
            (self.tr("Speed"), self.speed),
            (self.tr("Accuracy"), self.accuracy),
        ):
            box.setRange(1, 5)
            box.setValue(5)
            scores.addWidget(QLabel(label))
            scores.addWidget(box)
        self.follow_up_button = QPushButton(self.tr("Record follow-up call"))
        self.follow_up_button.clicked.connect(self.record_follow_up)
        scores.addStretch(1)
        scores.addWidget(self.follow_up_button)

        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.confirm_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.state)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(self.tr("Signed steps")))
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.step_text)
        layout.addLayout(step_buttons)
        layout.addWidget(self.follow_up)
        layout.addLayout(bottom)
        self.load()

    def load(self) -> None:
        no = self.complaint_no
        Op(self, lambda s: complaints.get(s, no)).success(self.show_complaint).failure(
            self._refused
        ).run()

    def show_complaint(self, c: ComplaintView) -> None:
        self.view = c
        self.state.setText(translate("ComplaintState", c.state.label))
        lines = [
            self.tr("{channel} · {category} · {priority} · customer {customer}").format(
                channel=translate("Channel", c.channel.label),
                category=c.category,
                priority=translate("Priority", c.priority.label),
                customer=c.customer,
            ),
            self.tr("Owner: {owner}; order: {order}").format(
                owner=c.owner, order=c.order_no or "—"
            ),
            self.tr("First response due {respond}; resolution due {resolve}").format(
                respond=short_time(c.respond_due), resolve=short_time(c.resolve_due)
            ),
        ]
        late = late_text(c.due, c.now)
        if late:
            lines.append(late)
        if c.escalated_at is not None:
            lines.append(
                self.tr("Escalated to the supervisor at {time}").format(
                    time=short_time(c.escalated_at)
                )
            )
        if c.about:
            lines.append(self.tr("About staff member: {name}").format(name=c.about))
        if c.confirmed_at is not None:
            lines.append(
                self.tr("Confirmed against {name} by {by} at {time}").format(
                    name=c.about, by=c.confirmed_by, time=short_time(c.confirmed_at)
                )
            )
        if c.satisfaction:
            lines.append(
                self.tr("Satisfaction: attitude {a}, speed {s}, accuracy {c}").format(
                    a=c.satisfaction[0], s=c.satisfaction[1], c=c.satisfaction[2]
                )
            )
        self.facts.setText("\n".join(lines))
        self.steps.clear()
        self.steps.addItems([step_text(s) for s in c.steps])
        editable = may(Action.COMPLAINT_EDIT, self.actor)
        state = c.state
        self.respond_button.setEnabled(editable and state is ComplaintState.OPEN)
        waiting = state in (ComplaintState.OPEN, ComplaintState.RESPONDED)
        self.escalate_button.setEnabled(editable and waiting)
        self.resolve_button.setEnabled(editable and waiting)
        self.step_text.setEnabled(editable and waiting)
        self.follow_up.setEnabled(editable and state is ComplaintState.RESOLVED)
        self.confirm_button.setText(self.tr("Confirm against {name}").format(name=c.about or "—"))
        self.confirm_button.setVisible(
            bool(c.about) and c.confirmed_at is None and may(Action.COMPLAINT_CONFIRM, self.actor)
        )

    def step_texts(self) -> list[str]:
        return [self.steps.item(i).text() for i in range(self.steps.count())]

    def _run(self, fn: Callable[[Session], ComplaintView]) -> None:
        self.banner.clear()
        Op(self, fn, write=True, changes="complaints").success(self._done).failure(
            self._refused
        ).run()

    def _step(self, kind: StepKind) -> None:
        if self.view is None:
            return
        actor, no, version = self.actor, self.complaint_no, self.view.version
        text = self.step_text.toPlainText()
        self._run(
            lambda s: complaints.text_step(s, actor, kind, no, text, expected_version=version)
        )

    def record_follow_up(self) -> None:
        if self.view is None:
            return
        actor, no, version = self.actor, self.complaint_no, self.view.version
        scores = (self.attitude.value(), self.speed.value(), self.accuracy.value())
        text = self.step_text.toPlainText()
        self._run(
            lambda s: complaints.follow_up(
                s,
                actor,
                no,
                attitude=scores[0],
                speed=scores[1],
                accuracy=scores[2],
                text=text,
                expected_version=version,
            )
        )

    def confirm(self) -> None:
        actor, no = self.actor, self.complaint_no
        self._run(lambda s: complaints.confirm(s, actor, no))

    def _done(self, c: ComplaintView) -> None:
        self.step_text.clear()
        self.show_complaint(c)
        self.changed.emit(c.complaint_no)  # the Op's write told every list already

    def _refused(self, error: UserError) -> None:
        self.banner.show_error(error.message(translate))
