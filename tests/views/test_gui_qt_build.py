"""The installed Qt for Python build does not corrupt the interpreter.

PySide6 6.12.0 drops a reference to ``True`` on every ``emit()``: after a day of
clicks the count reaches zero and the app aborts as it closes ("Fatal Python
error: bool_dealloc"), as our own test run did. pyproject.toml excludes that
release; this test refuses any other build with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    flag = Signal(bool)
    value = Signal(object)


def test_emitting_signals_keeps_the_interpreters_true_and_false_alive() -> None:
    sender, seen = _Sender(), []
    sender.flag.connect(seen.append)
    sender.value.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        sender.flag.emit(True)
        sender.value.emit(False)
    seen.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    # Other threads may hold a few more or fewer; a faulty build loses 100.
    assert after[0] > before[0] - 40, f"True lost {before[0] - after[0]} references"
    assert after[1] > before[1] - 40, f"False lost {before[1] - after[1]} references"
