"""The Import page's tables: the orders as they will be stored, refused lines, past imports
and conflicts. Rows are the services' frozen rows; nothing here decides anything."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.models import Stage
from app.models.formats import short_time
from app.services.imports.chunks import RefusedLine
from app.services.imports.history import ConflictView, RunView
from app.services.imports.merge import PreviewOrder
from app.services.imports.plan import OUTCOME_LABELS
from app.services.imports.records import FormatId
from app.views.kit.ops import translate
from app.views.kit.table_model import RowsTableModel


def _stage(value: str) -> str:
    try:
        return translate("Stage", Stage(value).label)
    except ValueError:
        return value


def _address(p: PreviewOrder) -> str:
    if p.country and p.country != "CN":
        return " ".join([*p.address_lines, p.city, p.province, p.postcode, p.country]).strip()
    return " ".join(part for part in (p.province, p.city, p.district, p.street) if part)


def _items(p: PreviewOrder) -> str:
    parts = []
    for sku, title, attributes, quantity, _price in p.items:
        words = " ".join(f"{k}:{v}" for k, v in attributes.items())
        parts.append(f"{title} {words} [{sku or '—'}] ×{quantity}".replace("  ", " "))
    return "\n".join(parts)


class PreviewModel(RowsTableModel):
    COLUMNS = ("order_no", "outcome", "stage", "recipient", "address", "items", "notes")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Will be"),
            self.tr("Stage"),
            self.tr("Recipient"),
            self.tr("Address"),
            self.tr("Items (SKU)"),
            self.tr("Buyer's message / seller's memo"),
        )

    def outcome(self, value: str) -> str:
        known = OUTCOME_LABELS.get(value)
        return translate("Outcome", known) if known else value

    def text(self, row: PreviewOrder, column: str) -> str:
        match column:
            case "order_no":
                return row.order_no
            case "outcome":
                return self.outcome(row.outcome)
            case "stage":
                return _stage(row.stage)
            case "recipient":
                hidden = row.sensitivity != "clear"
                mark = self.tr(" (hidden by the platform)") if hidden else ""
                return f"{row.recipient} {row.phone}{mark}".strip()
            case "address":
                return _address(row)
            case "items":
                return _items(row)
            case _:
                return "\n".join(t for t in (row.buyer_message, row.seller_memo) if t)

    def extra(self, row: PreviewOrder, column: str, role: int) -> Any:
        hidden = row.sensitivity != "clear"
        if role == Qt.ItemDataRole.ToolTipRole and column == "recipient" and hidden:
            return self.tr(
                "The platform masked or encrypted these details: the order is not printed "
                "until a real address is typed in or exported again."
            )
        return None


class RefusedModel(RowsTableModel):
    COLUMNS = ("line", "order_no", "problem")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Line"), self.tr("Order no."), self.tr("Why it was refused"))

    def text(self, row: RefusedLine, column: str) -> str:
        match column:
            case "line":
                return str(row.line)
            case "order_no":
                return row.order_no or "—"
            case _:
                return row.problem.message(translate)


class RunsModel(RowsTableModel):
    COLUMNS = ("when", "shop", "format", "files", "by", "counts", "state")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Shop"),
            self.tr("Format"),
            self.tr("Files"),
            self.tr("By"),
            self.tr("New / updated / unchanged / conflicts / refused"),
            self.tr("State"),
        )

    def text(self, row: RunView, column: str) -> str:
        match column:
            case "when":
                return short_time(row.started_at)
            case "shop":
                return row.shop
            case "format":  # the stored id ("taobao"), named as on the page above
                known = row.format in FormatId.__members__.values()
                return translate("FormatId", FormatId(row.format).label) if known else row.format
            case "files":
                return "\n".join(row.files)
            case "by":
                return row.by
            case "counts":
                return " / ".join(
                    str(n)
                    for n in (row.new, row.updated, row.unchanged, row.conflicts, row.refused)
                )
            case _:
                if row.finished:
                    return self.tr("finished")
                return self.tr("stopped after line {line}: import the file again").format(
                    line=row.last_line
                )


class ConflictsModel(RowsTableModel):
    COLUMNS = ("order_no", "shop", "field", "ours", "theirs", "settled")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order no."),
            self.tr("Shop"),
            self.tr("Field"),
            self.tr("In AfterDesk"),
            self.tr("On the platform"),
            self.tr("Settled"),
        )

    def text(self, row: ConflictView, column: str) -> str:
        match column:
            case "order_no":
                return row.order_no
            case "shop":
                return row.shop
            case "field":
                return row.field
            case "ours":
                return _plain(row.ours)
            case "theirs":
                return _plain(row.theirs)
            case _:
                if row.settled_at is None:
                    return ""
                return f"{row.settled_by or ''} {short_time(row.settled_at)}".strip()


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    if isinstance(value, list | tuple):
        return " ".join(_plain(v) for v in value)
    return "" if value is None else str(value)
