"""The supervisor's page with its Trends tab beside the review.

The charts' library (Qt Charts) loads only when the tab is first opened: signing in
and every other page stay as quick as before.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.core.actor import Actor


class SupervisorTabs(QTabWidget):
    case_requested = Signal(str)

    def __init__(self, review: QWidget, review_title: str, actor: Actor) -> None:
        super().__init__()
        self.actor = actor
        self.trends = None  # the TrendsPanel, once opened
        self.addTab(review, review_title)
        self._holder = QWidget()
        QVBoxLayout(self._holder).setContentsMargins(0, 0, 0, 0)
        self.addTab(self._holder, self.tr("Trends"))
        self.currentChanged.connect(self._changed)

    def show_trends(self):  # type: ignore[no-untyped-def]
        """Open the Trends tab (building it the first time); the panel."""
        self.setCurrentWidget(self._holder)
        return self._build()

    def _changed(self, index: int) -> None:
        if self.widget(index) is self._holder:
            self._build()

    def _build(self):  # type: ignore[no-untyped-def]
        if self.trends is None:
            from app.views.supervision.trends_panel import TrendsPanel

            self.trends = TrendsPanel(self.actor, self._holder)
            self.trends.case_requested.connect(self.case_requested)
            layout = self._holder.layout()
            assert layout is not None
            layout.addWidget(self.trends)
        return self.trends
