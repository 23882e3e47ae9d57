"""What a bar counts: the week's refunded cases, disputes or complaints; double-click a case."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.models.formats import short_time
from app.services.supervision.trends import CountedCase
from app.services.supervision.trends_service import CountedComplaint, CountedDispute
from app.views.cases.case_labels import case_type_label
from app.views.kit.table_model import RowsTableModel
from app.views.kit.widgets import row_table


class CountedCasesModel(RowsTableModel):
    COLUMNS = ("case", "order", "shop", "type", "reason", "quality", "opened", "refunded", "hours",
               "amount")  # fmt: skip

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case"), self.tr("Order"), self.tr("Shop"), self.tr("Type"), self.tr("Reason"),
            self.tr("Quality problem"), self.tr("Opened"), self.tr("Refunded"), self.tr("Hours"),
            self.tr("Refund"),
        )  # fmt: skip

    def text(self, row: CountedCase, column: str) -> str:
        values = {
            "case": row.case_no,
            "order": row.order_no or "",
            "shop": row.shop or "",
            "type": case_type_label(row.type),
            "reason": row.reason,
            "quality": self.tr("Yes") if row.quality else "",
            "opened": short_time(row.opened_at),
            "refunded": short_time(row.refund_at),
            "hours": f"{row.hours:.1f}",
            "amount": f"{row.refund_amount:.2f}",
        }
        return values[column]

    def extra(self, row: CountedCase, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("hours", "amount"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CountedDisputesModel(RowsTableModel):
    COLUMNS = ("dispute", "order", "shop", "platform", "claim", "opened", "outcome", "decided")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Dispute"), self.tr("Order"), self.tr("Shop"), self.tr("Platform"),
            self.tr("Buyer's claim"), self.tr("Opened"), self.tr("Outcome"), self.tr("Decided"),
        )  # fmt: skip

    def text(self, row: CountedDispute, column: str) -> str:
        outcomes = {
            "won": self.tr("Won"),
            "lost": self.tr("Lost"),
            "withdrawn": self.tr("Withdrawn"),
        }
        values = {
            "dispute": row.dispute_no,
            "order": row.order_no,
            "shop": row.shop,
            "platform": row.platform,
            "claim": row.claim,
            "opened": short_time(row.opened_at),
            "outcome": outcomes.get(row.outcome or "", row.outcome or ""),
            "decided": short_time(row.outcome_at),
        }
        return values[column]


class CountedComplaintsModel(RowsTableModel):
    COLUMNS = ("complaint", "shop", "category", "customer", "opened", "due", "responded", "in_time")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Complaint"), self.tr("Shop"), self.tr("Category"), self.tr("Customer"),
            self.tr("Opened"), self.tr("First response due"), self.tr("First response"),
            self.tr("In time"),
        )  # fmt: skip

    def text(self, row: CountedComplaint, column: str) -> str:
        values = {
            "complaint": row.complaint_no,
            "shop": row.shop or "",
            "category": row.category,
            "customer": row.customer,
            "opened": short_time(row.opened_at),
            "due": short_time(row.respond_due),
            "responded": short_time(row.responded_at),
            "in_time": self.tr("Yes") if row.on_time else self.tr("No"),
        }
        return values[column]


def model_for(rows: list[Any], parent: QObject) -> RowsTableModel:
    """The table for what a bar counts: cases, disputes or complaints."""
    first = rows[0] if rows else None
    if isinstance(first, CountedDispute):
        model: RowsTableModel = CountedDisputesModel(parent)
    elif isinstance(first, CountedComplaint):
        model = CountedComplaintsModel(parent)
    else:
        model = CountedCasesModel(parent)
    model.set_rows(rows)
    return model


class TrendListDialog(QDialog):
    """The list behind one bar of one chart."""

    case_requested = Signal(str)

    def __init__(self, heading: str, rows: list[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(heading)
        self.resize(980, 480)
        self.model = model_for(rows, self)
        self.table = row_table(self.model, (130, 150, 90, 70, 150, 60, 120, 120, 50), stretch=4)
        self.table.doubleClicked.connect(self._open)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.count = QLabel(
            self.tr("%n counted.", "", len(rows)) if rows else self.tr("Nothing counted.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)

    def rows(self) -> list[Any]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if isinstance(row, CountedCase):
            self.case_requested.emit(row.case_no)
