"""Translation markers usable below the Qt layer.

The core never imports Qt, yet its user-facing messages must reach the
translators: ``QT_TRANSLATE_NOOP`` is the marker ``pyside6-lupdate`` looks for,
and the views/CLI translate the returned source text at display time.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class Label(str):
    """A message parameter that is itself translatable (a field or role name)."""

    context: str

    def __new__(cls, text: str, context: str = "Field") -> Label:
        obj = super().__new__(cls, text)
        obj.context = context
        return obj
