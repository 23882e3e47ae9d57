"""Show more, shared by My tasks and the daily review: a kind read further than its first page,
a page at a time, and kept that far across the list's live reloads; with the note that says
how many rows are shown of how many."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.services.supervision.deadlines import PAGE, Limit, Paged, TaskKind, count_text
from app.views.kit.widgets import show_if


class ShowMore(QObject):
    def __init__(self, parent: QWidget, reload: Callable[[], None], tip: str) -> None:
        super().__init__(parent)
        self._reload = reload
        self._in_view: list[Paged] = []
        self.limits: dict[TaskKind, int] = {}  # rows of a kind read further than its first page
        self.note = QLabel()
        self.note.setStyleSheet("color: #555555;")
        self.button = QPushButton(self.tr("Show more"))
        self.button.setToolTip(tip)
        self.button.clicked.connect(self.more)
        show_if(self.button, False)

    def limit(self, first: int = PAGE) -> Limit:
        """What the service reads: each kind's first page of ``first`` rows, or as far as it
        was read further."""
        if not self.limits:
            return first
        return {kind: max(self.limits.get(kind, first), first) for kind in TaskKind}

    def start_over(self) -> None:
        """Another list: each kind from its first page again."""
        self.limits = {}

    def show(self, rows: int, in_view: Sequence[Paged]) -> None:
        """``rows`` shown of the kinds in view: the note and the button, if any has more."""
        self._in_view = list(in_view)
        more = sum(k.more for k in in_view)
        total = sum(k.open for k in in_view)
        self.note.setText(
            self.tr("Showing {shown} of {open}.").format(shown=rows, open=count_text(total))
            if more
            else ""
        )
        show_if(self.button, more > 0)

    def more(self) -> None:
        """The next page of each kind in view that has more."""
        for k in self._in_view:
            if k.more:
                self.limits[k.kind] = k.shown + PAGE
        self._reload()
