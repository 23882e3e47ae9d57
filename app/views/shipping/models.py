"""The read-only tables of the hand-over page: the open list and a day's lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.services.shipping.handover import Parcel
from app.views.kit.labels import when
from app.views.kit.table_model import FieldsTableModel, RowsTableModel


class ParcelModel(RowsTableModel):
    """The courier's open list, newest scan first (the one just scanned is at the top)."""

    COLUMNS = ("n", "waybill", "order_no", "shop", "scanned")

    def set_parcels(self, parcels: tuple[Parcel, ...]) -> None:
        self.set_rows([(n, p) for n, p in reversed(list(enumerate(parcels, 1)))])

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("#"),
            self.tr("Waybill no."),
            self.tr("Order no."),
            self.tr("Shop"),
            self.tr("Scanned"),
        )

    def text(self, row: tuple[int, Parcel], column: str) -> str:
        n, parcel = row
        match column:
            case "n":
                return str(n)
            case "waybill":
                return parcel.tracking_no
            case "order_no":
                if parcel.case_no:  # an exchange parcel: its case, for the original order
                    return self.tr("Exchange {case_no} ({order_no})").format(
                        case_no=parcel.case_no, order_no=parcel.order_no
                    )
                return parcel.order_no
            case "shop":
                return parcel.shop
            case _:
                return when(parcel.scanned_at)

    def extra(self, row: tuple[int, Parcel], column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            return row[1].tracking_no
        return None


class BatchDayModel(FieldsTableModel):
    COLUMNS = ("batch_no", "printed", "by", "orders")
    FIELDS = {"printed": "printed_at", "by": "printed_by"}  # noqa: RUF012

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Batch"), self.tr("Printed"), self.tr("Printed by"), self.tr("Orders"))


class ManifestDayModel(FieldsTableModel):
    COLUMNS = ("manifest_no", "courier", "confirmed", "by", "parcels")
    FIELDS = {"confirmed": "confirmed_at", "by": "confirmed_by"}  # noqa: RUF012

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Manifest"),
            self.tr("Courier"),
            self.tr("Handed over"),
            self.tr("By"),
            self.tr("Parcels"),
        )


class ExchangeDayModel(FieldsTableModel):
    COLUMNS = ("case_no", "order_no", "courier", "tracking", "shipped", "by")
    FIELDS = {"tracking": "tracking_no", "shipped": "shipped_at", "by": "shipped_by"}  # noqa: RUF012

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case"),
            self.tr("Original order"),
            self.tr("Courier"),
            self.tr("Waybill no."),
            self.tr("Shipped"),
            self.tr("By"),
        )
