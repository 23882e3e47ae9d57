"""What the warehouse's scanning desks share (packing, hand-over): large type read from an
arm's length, and the status line's colours (red: refused, green: done, blue: next step)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

STYLE = {
    "refused": "background: #fdecea; color: #8a1c13; border: 2px solid #d93025;",
    "ok": "background: #e6f4ea; color: #0d652d; border: 2px solid #1e8e3e;",
    "next": "background: #e8f0fe; color: #174ea6; border: 2px solid #1a73e8;",
    "idle": "background: #f1f3f4; color: #3c4043; border: 1px solid #dadce0;",
}


def bigger(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def status_style(kind: str) -> str:
    """The status line's style sheet for ``kind`` (a key of STYLE)."""
    return f"QLabel {{ {STYLE[kind]} border-radius: 4px; }}"
