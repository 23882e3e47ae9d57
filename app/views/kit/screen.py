"""Windows and dialogs fit the screen they open on (a 1366×768 shop PC, a taskbar below).

Every window asks for a comfortable size; on a small screen that size would put its
bottom, and the buttons there, off the screen. One application-wide filter trims each
window as it is shown to the screen's available area and moves it inside; what then does
not fit scrolls inside the window (its tables, text and scroll areas).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget


def available_area(widget: QWidget) -> QRect:
    """Where a window may go: its screen without the taskbar and docks."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, area: QRect | None = None) -> None:
    """Shrink ``window`` (never below its minimum) to the area and move it inside."""
    area = area or available_area(window)
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    room = QSize(area.width() - frame.width(), area.height() - frame.height())
    if window.width() > room.width() or window.height() > room.height():
        window.resize(window.size().boundedTo(room).expandedTo(window.minimumSize()))
    outer = window.frameGeometry()
    x = min(max(outer.x(), area.left()), area.right() + 1 - outer.width())
    y = min(max(outer.y(), area.top()), area.bottom() + 1 - outer.height())
    if (x, y) != (outer.x(), outer.y()):
        window.move(QPoint(max(x, area.left()), max(y, area.top())))


class ScreenFit(QObject):
    """Fits every main window and dialog to its screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QDialog | QMainWindow) and watched.isWindow():
            fit_to_screen(watched)
        return False


def install_screen_fit(app: QApplication) -> ScreenFit:
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    return fit
