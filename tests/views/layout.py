"""Checking a window's layout as a person would see it: nothing cut off at its size."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

SHOWN = (QAbstractButton, QComboBox, QLabel, QLineEdit, QAbstractItemView)


def assert_fits(window: QWidget, size: QSize | None = None) -> None:
    """At ``size`` (default: as it is) every button, choice, field, text and table shown in
    ``window`` lies whole inside it, and its layout did not force it bigger."""
    size = size or window.size()
    window.resize(size)
    QApplication.processEvents()  # the layout places the children
    assert window.size() == size, f"the layout needs {window.size()}, more than {size}"
    for child in window.findChildren(QWidget):
        if isinstance(child, SHOWN) and child.isVisibleTo(window) and not _scrolled(child, window):
            where = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
            assert window.rect().contains(where), f"{child!r} at {where} is outside {size}"


def _scrolled(child: QWidget, window: QWidget) -> bool:
    """Inside a scroll area, whose own rectangle is what must fit (the rest scrolls)."""
    parent = child.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False
