"""The change requests of one order, on its panel: state, old → new, who and when, actions."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.changes.requests import RequestView
from app.services.core.actor import Actor
from app.views.changes.request_actions import buttons_for, stamps
from app.views.kit.labels import FLAG_RED, kind_label, request_state_label

OVERDUE_STYLE = "#requestCard { background: #fff4d6; border: 1px solid #e0a800; }"
CARD_STYLE = "#requestCard { border: 1px solid palette(mid); border-radius: 4px; }"


class OrderRequestsBox(QGroupBox):
    request_changed = Signal(int)
    """A request of this order was confirmed, withdrawn or done here (its id)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change requests"), parent)
        self.actor = actor
        self.requests: list[RequestView] = []
        self.overdue_minutes = 30
        self.cards: dict[int, QFrame] = {}
        self.column = QVBoxLayout(self)
        self.empty = QLabel(self.tr("No change requests."), self)
        self.empty.setStyleSheet("color: #555555;")
        self.column.addWidget(self.empty)

    def show_requests(
        self, requests: list[RequestView], overdue_minutes: int, now: datetime | None = None
    ) -> None:
        for card in self.cards.values():
            self.column.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        self.requests, self.overdue_minutes = list(requests), overdue_minutes
        self.empty.setVisible(not requests)
        for view in reversed(self.requests):  # newest first
            card = self._card(view)
            self.cards[view.id] = card
            self.column.addWidget(card)
        self.show_overdue(now)

    def show_overdue(self, now: datetime | None = None) -> None:
        """Highlight the requests left open too long (call again as time passes)."""
        at = now or datetime.now(UTC)
        for view in self.requests:
            card = self.cards.get(view.id)
            if card is None:
                continue
            late = view.is_overdue(at, self.overdue_minutes)
            card.setProperty("overdue", late)
            card.setStyleSheet(OVERDUE_STYLE if late else CARD_STYLE)
            card.setToolTip(
                self.tr(
                    "Open for more than {minutes} minutes: the printer has not done it yet."
                ).format(minutes=self.overdue_minutes)
                if late
                else ""
            )

    def overdue_ids(self) -> list[int]:
        return [i for i, card in self.cards.items() if card.property("overdue")]

    def buttons(self, request_id: int) -> dict[str, object]:
        """The action buttons on a request's card, by the state they move it to."""
        card = self.cards[request_id]
        return {
            str(b.property("request_action")): b
            for b in card.findChildren(QWidget)
            if b.property("request_action")
        }

    def _card(self, view: RequestView) -> QFrame:
        card = QFrame(self)
        card.setObjectName("requestCard")
        head = QLabel(
            self.tr("#{id} {kind} — {state}").format(
                id=view.id, kind=kind_label(view.kind), state=request_state_label(view.state)
            ),
            card,
        )
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        top = QHBoxLayout()
        top.addWidget(head)
        if view.urgent:
            urgent = QLabel(self.tr("URGENT"), card)
            urgent.setStyleSheet(f"color: {FLAG_RED.name()}; font-weight: bold;")
            top.addWidget(urgent)
        top.addStretch(1)
        changed = lambda v: self.request_changed.emit(v.id)  # noqa: E731
        for button in buttons_for(self, self.actor, view, changed):
            button.setParent(card)
            top.addWidget(button)
        summary = QLabel(view.summary, card)
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        who = QLabel(stamps(view), card)
        who.setWordWrap(True)
        who.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(summary)
        layout.addWidget(who)
        return card

    def texts(self) -> list[str]:
        """What each card says, newest first (tests read this)."""
        return [
            " | ".join(label.text() for label in card.findChildren(QLabel))
            for card in self.cards.values()
        ]
