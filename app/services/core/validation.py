"""Checks of free text typed by users, shared by every service."""

from __future__ import annotations

import unicodedata

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP


def clean_text(value: str, *, field: str, max_len: int, multiline: bool = False) -> str:
    """Strip, refuse empty, oversized and control characters (they corrupt print-outs)."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "{field} cannot be empty."), field=field)
    if len(text) > max_len:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "{field} is too long: {length} characters, at most {max_len}."
            ),
            field=field,
            length=len(text),
            max_len=max_len,
        )
    allowed = {"\n"} if multiline else set()
    for ch in text:
        if ch not in allowed and unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"}:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "{field} contains a control character (U+{code:04X})."
                ),
                field=field,
                code=ord(ch),
            )
    return text
