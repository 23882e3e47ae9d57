"""Small shared widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class Banner(QLabel):
    """An inline message at the top of a form: why the input was refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fdecea; color: #8a1c13; border: 1px solid #f5c2bd;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear(self) -> None:
        self.setText("")
        self.hide()
