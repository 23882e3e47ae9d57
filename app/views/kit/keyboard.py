"""Everything by keyboard: every button gets an Alt+letter of its own, and focus shows.

Like KDE's accelerator manager: rather than 60 hand-picked "&" that clash as soon as two
screens share a window (and differ per language), each button is given a free letter of
its window as it is shown, the first free letter of its words in English, "(&X)" after
Chinese text as Chinese software writes it. A letter a person chose ("&Quit") is kept.
"""

from __future__ import annotations

import re
import string

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenuBar, QTabBar, QWidget

# A focused button gets a blue frame: the platform's own focus mark is a faint dotted line,
# or nothing, which the person at the keyboard cannot find. Every button is drawn with the
# same box, focused or not, so the frame never squeezes its text.
FOCUS_STYLE = """
QPushButton {
    border: 1px solid #a0a0a0; border-radius: 4px; padding: 4px 12px;
    background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #fdfdfd, stop:1 #ececec);
}
QPushButton:hover { background: #f4f8ff; }
QPushButton:pressed { background: #dde6f5; }
QPushButton:disabled { color: #9a9a9a; background: #f2f2f2; border-color: #cfcfcf; }
QPushButton:focus { border: 2px solid #2f6fdb; padding: 3px 11px; background: #eaf1fd; }
"""

_MNEMONIC = re.compile(r"&([^&\s])")
LETTERS = string.ascii_uppercase + string.digits


def mnemonic(text: str) -> str | None:
    """The Alt+letter ``text`` carries, upper case; "&&" is a plain "&"."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _used(window: QWidget) -> set[str]:
    texts = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()]
    for bar in window.findChildren(QMenuBar):
        texts += [a.text() for a in bar.actions()]
    for tabs in window.findChildren(QTabBar):
        if tabs.isVisible():
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    return {m for t in texts if (m := mnemonic(t))}


def with_mnemonic(text: str, used: set[str]) -> str:
    """``text`` with the first free letter marked, or "(&X)" added; unchanged if none."""
    if not text or mnemonic(text) or not any(c.isalnum() for c in text):
        return text
    if not any(c >= "\u2e80" for c in text):  # no CJK: mark a letter of the words
        starts = [m.start() for m in re.finditer(r"\b\w", text)]
        for i in starts + list(range(len(text))):
            if text[i].isalnum() and text[i].upper() not in used:
                return text[:i] + "&" + text[i:]
    free = next((c for c in LETTERS if c not in used), None)
    if free is None:
        return text
    stem, dots = (text[:-1], "…") if text.endswith("…") else (text, "")
    return f"{stem}(&{free}){dots}"


class KeyboardAccess(QObject):
    """Gives each button a free Alt+letter of its window as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QAbstractButton) and not watched.isWindow():
            text = watched.text()
            if text and mnemonic(text) is None:
                watched.setText(with_mnemonic(text, _used(watched.window())))
        return False


def install_keyboard_access(app: QApplication) -> KeyboardAccess:
    access = KeyboardAccess(app)
    app.installEventFilter(access)
    app.setStyleSheet(app.styleSheet() + FOCUS_STYLE)
    return access
