"""The read-only tables of the hand-over page: the open list and a day's lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.services.shipping.days import BatchOfDay, ExchangeOfDay, ManifestOfDay
from app.services.shipping.handover import Parcel
from app.views.kit.labels import when
from app.views.kit.table_model import RowsTableModel


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


class BatchDayModel(RowsTableModel):
    COLUMNS = ("batch_no", "printed", "by", "orders")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Batch"), self.tr("Printed"), self.tr("Printed by"), self.tr("Orders"))

    def text(self, row: BatchOfDay, column: str) -> str:
        match column:
            case "batch_no":
                return row.batch_no
            case "printed":
                return when(row.printed_at)
            case "by":
                return row.printed_by
            case _:
                return str(row.orders)


class ManifestDayModel(RowsTableModel):
    COLUMNS = ("manifest_no", "courier", "confirmed", "by", "parcels")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Manifest"),
            self.tr("Courier"),
            self.tr("Handed over"),
            self.tr("By"),
            self.tr("Parcels"),
        )

    def text(self, row: ManifestOfDay, column: str) -> str:
        match column:
            case "manifest_no":
                return row.manifest_no
            case "courier":
                return row.courier
            case "confirmed":
                return when(row.confirmed_at)
            case "by":
                return row.confirmed_by
            case _:
                return str(row.parcels)


class ExchangeDayModel(RowsTableModel):
    COLUMNS = ("case_no", "order_no", "courier", "tracking", "shipped", "by")

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case"),
            self.tr("Original order"),
            self.tr("Courier"),
            self.tr("Waybill no."),
            self.tr("Shipped"),
            self.tr("By"),
        )

    def text(self, row: ExchangeOfDay, column: str) -> str:
        match column:
            case "case_no":
                return row.case_no
            case "order_no":
                return row.order_no
            case "courier":
                return row.courier
            case "tracking":
                return row.tracking_no
            case "shipped":
                return when(row.shipped_at)
            case _:
                return row.shipped_by
