"""The supervisor's page with its Trends tab beside the review.

The charts' library (Qt Charts, ~0.9 s to load) is not loaded at sign-in: signing in and
every other page stay as quick as before. For a supervisor it loads in the background a
moment after sign-in (``load_charts_ahead``), so the tab's first opening does not pay it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.core.actor import Actor

_charts: threading.Thread | None = None


def load_charts_ahead() -> None:
    """Import the Trends tab's modules (Qt Charts) in a thread: classes only, no widget."""
    global _charts
    if _charts is None:
        _charts = threading.Thread(target=_import_charts, name="charts", daemon=True)
        _charts.start()


def _import_charts() -> None:
    from app.views.supervision import trends_panel  # noqa: F401


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
            if _charts is not None:
                _charts.join()  # never the same modules from two threads at once
            from app.views.supervision.trends_panel import TrendsPanel

            self.trends = TrendsPanel(self.actor, self._holder)
            self.trends.case_requested.connect(self.case_requested)
            layout = self._holder.layout()
            assert layout is not None
            layout.addWidget(self.trends)
        return self.trends
