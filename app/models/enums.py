"""Roles and order stages, with the Chinese and English labels users see."""

from __future__ import annotations

import enum

from app.models.i18n import QT_TRANSLATE_NOOP


class Role(enum.StrEnum):
    PRESALES = "presales"
    AFTERSALES = "aftersales"
    PRINTER = "printer"
    WAREHOUSE = "warehouse"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.PRESALES: QT_TRANSLATE_NOOP("Role", "Pre-sales"),
    Role.AFTERSALES: QT_TRANSLATE_NOOP("Role", "After-sales"),
    Role.PRINTER: QT_TRANSLATE_NOOP("Role", "Order printer"),
    Role.WAREHOUSE: QT_TRANSLATE_NOOP("Role", "Warehouse"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Role", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Administrator"),
}


class Stage(enum.StrEnum):
    # imported unpaid (等待买家付款 / Shopify pending): visible, never printed until paid
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    PRINTED = "printed"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, str] = {
    Stage.AWAITING_PAYMENT: QT_TRANSLATE_NOOP("Stage", "Awaiting payment"),
    Stage.PAID: QT_TRANSLATE_NOOP("Stage", "Paid (not printed)"),
    Stage.PRINTED: QT_TRANSLATE_NOOP("Stage", "Printed"),
    Stage.PACKED: QT_TRANSLATE_NOOP("Stage", "Packed and labelled"),
    Stage.SHIPPED: QT_TRANSLATE_NOOP("Stage", "Shipped"),
    Stage.DELIVERED: QT_TRANSLATE_NOOP("Stage", "Delivered"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("Stage", "Closed"),
    Stage.CANCELLED: QT_TRANSLATE_NOOP("Stage", "Cancelled"),
}


class DocLanguage(enum.StrEnum):
    """The language a shop's printed documents are in (labels, dispatch notes, slips…)."""

    ZH = "zh"
    EN = "en"
    BOTH = "both"  # “中文 English”: each fixed word in Chinese, then in English

    @property
    def label(self) -> str:
        return DOC_LANGUAGE_LABELS[self]

    @classmethod
    def for_platform(cls, platform: str | None) -> DocLanguage:
        """A new shop's default: Chinese, unless it sells on a platform abroad."""
        return cls.EN if (platform or "").strip().lower() in FOREIGN_PLATFORMS else cls.ZH


DOC_LANGUAGE_LABELS: dict[DocLanguage, str] = {
    DocLanguage.ZH: QT_TRANSLATE_NOOP("DocLanguage", "Chinese"),
    DocLanguage.EN: QT_TRANSLATE_NOOP("DocLanguage", "English"),
    DocLanguage.BOTH: QT_TRANSLATE_NOOP("DocLanguage", "Chinese and English"),
}
# platforms whose buyers and couriers read English (the Chinese ones are the default)
FOREIGN_PLATFORMS = frozenset(
    {"shopify", "amazon", "ebay", "etsy", "woocommerce", "bigcommerce", "magento", "wix"}
)


class Sensitivity(enum.StrEnum):
    """How real an order's recipient details are (issue 10: kept as the platform gave them)."""

    CLEAR = "clear"
    MASKED = "masked"  # 1******6198, 张**: part hidden by the platform
    ENCRYPTED = "encrypted"  # 抖店 ##…: ciphertext only the platform can read

    @property
    def label(self) -> str:
        return SENSITIVITY_LABELS[self]


SENSITIVITY_LABELS: dict[Sensitivity, str] = {
    Sensitivity.CLEAR: QT_TRANSLATE_NOOP("Sensitivity", "Clear"),
    Sensitivity.MASKED: QT_TRANSLATE_NOOP("Sensitivity", "Masked by the platform"),
    Sensitivity.ENCRYPTED: QT_TRANSLATE_NOOP("Sensitivity", "Encrypted by the platform"),
}
