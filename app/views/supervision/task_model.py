"""The rows of My tasks and of the review's lists: one task each, its deadline and owner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.formats import short_time
from app.services.supervision.deadlines import Task
from app.views.kit.table_model import RowsTableModel

LATE = QColor("#fde2e1")  # a light red: past its deadline


def span_text(span: timedelta) -> str:
    """``2 h 05 min`` / ``3 d 4 h``: how long, as a person reads it."""
    minutes = int(abs(span.total_seconds()) // 60)
    days, hours, mins = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days:
        return QCoreApplication.translate("TaskModel", "{d} d {h} h").format(d=days, h=hours)
    return QCoreApplication.translate("TaskModel", "{h} h {m:02d} min").format(h=hours, m=mins)


class TaskModel(RowsTableModel):
    COLUMNS = ("state", "deadline", "kind", "key", "title", "owner", "age", "reminder")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.now = datetime.now(UTC)
        self.names: dict[int, str] = {}

    def set_tasks(self, tasks: list[Task], now: datetime, names: dict[int, str]) -> None:
        self.now, self.names = now, names
        self.set_rows(tasks)

    def task_at(self, row: int) -> Task | None:
        task: Task | None = self.row_at(row)
        return task

    def row_of(self, task: Task | None) -> int | None:
        if task is None:
            return None
        for i, t in enumerate(self._rows):
            if (t.kind, t.ref_id) == (task.kind, task.ref_id):
                return i
        return None

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time left"),
            self.tr("Deadline"),
            self.tr("Kind"),
            self.tr("Number"),
            self.tr("About"),
            self.tr("Owner"),
            self.tr("Age"),
            self.tr("Reminder"),
        )

    def owner(self, task: Task) -> str:
        if task.owner_id is None:
            return QCoreApplication.translate("Role", task.owner_role.label)
        return self.names.get(task.owner_id, "?")

    def text(self, row: Task, column: str) -> str:
        if column == "state":
            if row.overdue(self.now):
                return self.tr("Late by {span}").format(span=span_text(self.now - row.deadline))
            return span_text(row.deadline - self.now)
        if column == "deadline":
            return short_time(row.deadline)
        if column == "kind":
            return QCoreApplication.translate("TaskKind", row.kind.label)
        if column == "key":
            return row.key
        if column == "title":
            return row.title
        if column == "owner":
            return self.owner(row)
        if column == "age":
            return span_text(self.now - row.start)
        if column == "reminder" and row.reminders:
            last = row.reminders[-1]
            return self.tr("{by} {at}: {text}").format(
                by=last.by, at=short_time(last.at), text=last.text
            )
        return ""

    def extra(self, row: Task, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue(self.now):
            return QBrush(LATE)
        if role == Qt.ItemDataRole.ToolTipRole and column == "reminder" and row.reminders:
            return "\n".join(f"{short_time(r.at)} {r.by}: {r.text}" for r in row.reminders)
        return None
