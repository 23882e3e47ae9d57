"""What a task's button opens, shared by My tasks and the review: the case, the order, the
change request, or a plugged-in kind's own record (a complaint, a dispute)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.supervision.deadlines import Task


class TaskOpener(QObject):
    case_requested = Signal(str)
    """A task asked to open its case (the argument is the case number)."""

    order_requested = Signal(str)
    """A task asked to open its order (the argument is the order number)."""

    request_requested = Signal(int, str)
    """A task asked to open its change request (its id, and its order's number)."""

    other_requested = Signal(str, str, str)
    """A task of a plugged-in kind asked to open its record (what, the number its button opens,
    the task's own number): a complaint, a dispute (its order's number and the dispute's)."""

    def open(self, task: Task) -> None:
        if task.opens == "case":
            self.case_requested.emit(task.open_key)
        elif task.opens == "order":
            self.order_requested.emit(task.open_key)
        elif task.opens == "request":
            self.request_requested.emit(int(task.key), task.open_key)
        else:
            self.other_requested.emit(task.opens, task.open_key, task.key)
