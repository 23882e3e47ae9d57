"""Which column of a file AfterDesk does not know holds which field (issue 10, "any other CSV
or XLSX"): one combo of the file's column names per field, the needed ones marked, filled in
from the shop's saved mapping. OK asks the page to save it for the shop (the service checks
it) and preview the import with it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.imports.formats import mapped
from app.views.kit.ops import translate
from app.views.kit.widgets import Banner

FIELD_LABELS = {
    "order_no": QT_TRANSLATE_NOOP("ImportField", "Order number"),
    "status": QT_TRANSLATE_NOOP("ImportField", "Order status"),
    "ordered_at": QT_TRANSLATE_NOOP("ImportField", "Ordered at"),
    "paid_at": QT_TRANSLATE_NOOP("ImportField", "Paid at"),
    "buyer_id": QT_TRANSLATE_NOOP("ImportField", "Buyer"),
    "recipient_name": QT_TRANSLATE_NOOP("ImportField", "Recipient"),
    "recipient_phone": QT_TRANSLATE_NOOP("ImportField", "Recipient's phone"),
    "address": QT_TRANSLATE_NOOP("ImportField", "Whole address (one column)"),
    "province": QT_TRANSLATE_NOOP("ImportField", "Province"),
    "city": QT_TRANSLATE_NOOP("ImportField", "City"),
    "district": QT_TRANSLATE_NOOP("ImportField", "District"),
    "street": QT_TRANSLATE_NOOP("ImportField", "Street"),
    "postcode": QT_TRANSLATE_NOOP("ImportField", "Postcode"),
    "total": QT_TRANSLATE_NOOP("ImportField", "Order total"),
    "title": QT_TRANSLATE_NOOP("ImportField", "Item title"),
    "sku": QT_TRANSLATE_NOOP("ImportField", "SKU"),
    "attributes": QT_TRANSLATE_NOOP("ImportField", "Item attributes"),
    "quantity": QT_TRANSLATE_NOOP("ImportField", "Quantity"),
    "price": QT_TRANSLATE_NOOP("ImportField", "Unit price"),
    "buyer_message": QT_TRANSLATE_NOOP("ImportField", "Buyer's message"),
    "seller_memo": QT_TRANSLATE_NOOP("ImportField", "Seller's memo"),
    "invoice": QT_TRANSLATE_NOOP("ImportField", "Invoice title"),
    "courier": QT_TRANSLATE_NOOP("ImportField", "Courier"),
    "tracking_no": QT_TRANSLATE_NOOP("ImportField", "Tracking number"),
    "payment_method": QT_TRANSLATE_NOOP("ImportField", "Payment method"),
}


class MappingDialog(QDialog):
    submitted = Signal()
    """OK: the page saves ``mapping()`` for ``shop.text()`` and keeps the dialog open if refused."""

    def __init__(
        self,
        parent: QWidget | None,
        file: str,
        headers: list[str],
        saved: dict[str, str],
        shop: str,
    ) -> None:
        super().__init__(parent)
        self.file = file
        self.headers = list(headers)
        self.setWindowTitle(self.tr("Columns of {file}").format(file=file))
        about = QLabel(
            self.tr(
                "AfterDesk does not know this file's format. Choose which column holds each "
                "field, once: the choice is kept for the shop and offered next time. Fields "
                "marked * are needed; an address is one whole-address column, or province and "
                "street columns."
            )
        )
        about.setWordWrap(True)
        self.banner = Banner()
        self.shop = QLineEdit(shop)
        self.shop.setMaxLength(100)
        self.shop.setPlaceholderText(self.tr("the shop this file belongs to"))
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Shop"), self.shop)
        for field in mapped.FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("(not in the file)"), "")
            for header in self.headers:
                combo.addItem(header, header)
            chosen = saved.get(field, "")
            if chosen in self.headers:  # a saved column this file lacks stays unchosen
                combo.setCurrentIndex(combo.findData(chosen))
            label = translate("ImportField", FIELD_LABELS[field])
            if field in mapped.REQUIRED:
                label += " *"
            form.addRow(label, combo)
            self.combos[field] = combo
        fields = QWidget()
        fields.setLayout(form)
        scroll = QScrollArea()  # 25 fields: the dialog fits a small screen
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save and preview"))
        self.buttons.accepted.connect(self.submitted.emit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 600)

    def choose(self, field: str, header: str) -> None:
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(header)))

    def mapping(self) -> dict[str, str]:
        return {
            field: combo.currentData()
            for field, combo in self.combos.items()
            if combo.currentData()
        }
