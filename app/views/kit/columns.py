"""A list's columns fitted to the room it has: no sideways scrolling on a small shop PC.

Each column is as wide as a typical value (or its heading) needs. When that is more than the
list's width, the columns holding free text (names, places) give up room first, down to a
few characters, their text elided (…); if that is still too wide, the columns the page shows
elsewhere (the order's panel beside the list) are hidden, least needed first, and come back
when the window or the splitter gives the list more room. The last column shown takes what
room is left. A column the person dragged keeps its width until the list's width changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

HORIZONTAL = Qt.Orientation.Horizontal
PADDING = 14  # a cell's margins and the grid line, in pixels
FLOOR_CHARS = "汉字汉"  # an elided column keeps room for this much: a Chinese name, whole


@dataclass(frozen=True)
class Column:
    sample: str  # a typical, long-ish value: the width the column wants
    elide: bool = False  # free text, cut with … when room is short
    drop: int = 0  # hidden when the room is shorter still: 1 first, then 2…; 0 never


class FittedColumns(QObject):
    """Keeps ``table``'s columns fitted to its width (see the module's doc)."""

    def __init__(self, table: QTableView, columns: Sequence[Column]) -> None:
        super().__init__(table)
        self.table = table
        self.columns = tuple(columns)
        self._width = -1
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.horizontalHeader().setStretchLastSection(True)
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        room = self.table.viewport().width()
        if room == self._width or room <= 0:
            return
        self._width = room
        wanted, floors = self._wanted(), self._floors()
        shown = list(range(len(self.columns)))
        for drop in sorted({c.drop for c in self.columns if c.drop}):
            if sum(floors[i] for i in shown) <= room:
                break
            shown = [i for i in shown if self.columns[i].drop != drop]
        widths = _shrunk(wanted, floors, shown, room)
        header = self.table.horizontalHeader()
        for i in range(len(self.columns)):
            self.table.setColumnHidden(i, i not in shown)
            if i in shown:
                header.resizeSection(i, widths[i])

    def _wanted(self) -> list[int]:
        text = self.table.fontMetrics()
        return [
            max(heading, PADDING + text.horizontalAdvance(c.sample))
            for c, heading in zip(self.columns, self._headings(), strict=True)
        ]

    def _headings(self) -> list[int]:
        """Each heading's width: never cut, even where the column's text is."""
        model = self.table.model()
        metrics = self.table.horizontalHeader().fontMetrics()
        return [
            PADDING + metrics.horizontalAdvance(str(model.headerData(i, HORIZONTAL) or ""))
            for i in range(len(self.columns))
        ]

    def _floors(self) -> list[int]:
        floor = PADDING + self.table.fontMetrics().horizontalAdvance(FLOOR_CHARS)
        return [
            max(heading, min(floor, wanted)) if c.elide else wanted
            for c, wanted, heading in zip(
                self.columns, self._wanted(), self._headings(), strict=True
            )
        ]


def _shrunk(wanted: list[int], floors: list[int], shown: list[int], room: int) -> list[int]:
    """Wanted widths, the elided columns shrunk alike (by their share of spare) to fit."""
    over = sum(wanted[i] for i in shown) - room
    spare = sum(wanted[i] - floors[i] for i in shown)
    if over <= 0 or spare <= 0:
        return wanted
    cut = min(1.0, over / spare)
    return [
        w - int((w - f) * cut + 0.999) if i in shown else w
        for i, (w, f) in enumerate(zip(wanted, floors, strict=True))
    ]
