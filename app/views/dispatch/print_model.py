"""The order printer's tables: orders waiting to print, stale printed copies, batches.

What holds an order back and what needs care come from the service
(``printing.Waiting.holds`` / ``warnings``); the model only shows them: a held-back order
is greyed with its reason, one with a warning has an amber reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from app.services.core.actor import Actor
from app.services.core.capabilities import Action, may
from app.services.dispatch import batches as printing
from app.services.dispatch import pools
from app.services.dispatch import records as print_records
from app.services.dispatch import slips as print_slips
from app.services.dispatch.batches import Waiting
from app.services.dispatch.pools import PoolLeft
from app.services.dispatch.records import BatchView, Stale
from app.views.kit.labels import FLAG_RED, stage_label, when
from app.views.kit.ops import translate
from app.views.kit.table_model import FieldsTableModel, RowsTableModel

HELD = QColor("#eeeeee")
WARNED = QColor("#ffe8a3")


@dataclass(frozen=True)
class Loaded:
    waiting: list[Waiting]
    shops: list[str]
    couriers: list[str]
    cutoff: str
    stale: list[Stale]
    batches: list[BatchView]
    pools: list[PoolLeft] = field(default_factory=list)  # waybill numbers left


def load(
    session: Session,
    shop: str | None,
    courier: str | None,
    cutoff: str | None,
    actor: Actor | None = None,
) -> Loaded:
    everything = printing.waiting(session, cutoff="")
    return Loaded(
        printing.waiting(session, shop=shop, courier=courier, cutoff=cutoff),
        sorted({w.shop for w in everything}),
        sorted({w.courier for w in everything}),
        print_slips.cutoff(session),
        print_records.stale(session),
        print_records.batches(session),
        pools.left(session, actor) if actor and may(Action.WAYBILL_READ, actor) else [],
    )


class WaitingModel(RowsTableModel):
    COLUMNS = ("order_no", "paid", "shop", "courier", "recipient", "reason")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Paid"),
            self.tr("Shop"),
            self.tr("Courier"),
            self.tr("Recipient"),
            self.tr("Held back / needs care"),
        )

    def waiting_at(self, row: int) -> Waiting | None:
        return self.row_at(row)

    def printable_count(self) -> int:
        return sum(1 for w in self._rows if not w.holds)

    def held_count(self) -> int:
        return sum(1 for w in self._rows if w.holds)

    @staticmethod
    def reasons(w: Waiting) -> str:
        return "\n".join(p.message(translate) for p in (*w.holds, *w.warnings))

    def text(self, row: Waiting, column: str) -> str:
        match column:
            case "order_no":
                return row.order_no
            case "paid":
                return when(row.paid_at)
            case "shop":
                return row.shop
            case "courier":
                return row.courier
            case "recipient":
                return row.recipient
            case _:
                return self.reasons(row)

    def extra(self, row: Waiting, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HELD) if row.holds else QBrush(WARNED) if row.warnings else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "reason" and row.holds:
            return QBrush(FLAG_RED)
        if role == Qt.ItemDataRole.ToolTipRole and (row.holds or row.warnings):
            return self.reasons(row)
        if role == Qt.ItemDataRole.UserRole:
            return row.order_no
        return None


class StaleModel(RowsTableModel):
    """What the printer must know: which copy, printed when, and changed since when
    (the order's internal version numbers mean nothing to a person)."""

    COLUMNS = ("order_no", "stage", "batch", "printed", "changed")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Stage"),
            self.tr("Printed in batch"),
            self.tr("Printed at"),
            self.tr("Changed after printing at"),
        )

    def text(self, row: Stale, column: str) -> str:
        match column:
            case "order_no":
                return row.order_no
            case "stage":
                return stage_label(row.stage)
            case "batch":
                return row.batch_no
            case "printed":
                return when(row.printed_at)
            case _:
                return when(row.changed_at)

    def extra(self, row: Stale, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "The order was changed at {changed}, after its slips were printed at "
                "{printed}: the printed copy is out of date, reprint it."
            ).format(changed=when(row.changed_at), printed=when(row.printed_at))
        if role == Qt.ItemDataRole.UserRole:
            return row.order_no
        return None


class BatchModel(FieldsTableModel):
    COLUMNS = ("batch_no", "printed", "by", "count", "shop", "courier", "cutoff", "size", "pdf")
    # the columns it shares with the hand-over page's day of batches (shipping.models)
    FIELDS = {"printed": "printed_at", "by": "printed_by", "count": "order_count"}  # noqa: RUF012

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Batch"),
            self.tr("Printed"),
            self.tr("Printed by"),
            self.tr("Orders"),
            self.tr("Shop"),
            self.tr("Courier"),
            self.tr("Cut-off"),
            self.tr("Label size"),
            self.tr("PDF"),
        )

    def text(self, row: BatchView, column: str) -> str:
        match column:
            case "batch_no" | "printed" | "by" | "count":
                return super().text(row, column)
            case "shop":
                return row.shop_filter or self.tr("all")
            case "courier":
                return row.courier_filter or self.tr("all")
            case "cutoff":
                return row.cutoff or self.tr("none")
            case "pdf" if row.missing_files:
                return self.tr(
                    "Missing: {paths}. Select the batch and press Reprint… to put it in place."
                ).format(paths="; ".join(row.missing_files))
            case "pdf":
                return ""
            case _:
                return row.label_size

    def extra(self, row: BatchView, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row.batch_no
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "count":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
