"""The kinds, paths and states of a change request, with the labels users see.

Apart from the mapped class so that the command line's parser can offer them as
choices without loading SQLAlchemy.
"""

from __future__ import annotations

import enum

from app.models.i18n import QT_TRANSLATE_NOOP


class RequestKind(enum.StrEnum):
    ADDRESS = "address"
    ATTRIBUTE = "attribute"
    SPECIAL = "special"
    CANCEL = "cancel"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    RequestKind.ADDRESS: QT_TRANSLATE_NOOP("RequestKind", "Address change"),
    RequestKind.ATTRIBUTE: QT_TRANSLATE_NOOP("RequestKind", "Item change"),
    RequestKind.SPECIAL: QT_TRANSLATE_NOOP("RequestKind", "Special request"),
    RequestKind.CANCEL: QT_TRANSLATE_NOOP("RequestKind", "Cancellation"),
}


class SpecialKind(enum.StrEnum):
    COURIER = "courier"
    INVOICE = "invoice"
    CARD = "card"
    DELIVERY = "delivery"
    OTHER = "other"

    @property
    def label(self) -> str:
        return SPECIAL_LABELS[self]


SPECIAL_LABELS = {
    SpecialKind.COURIER: QT_TRANSLATE_NOOP("SpecialKind", "Courier"),
    SpecialKind.INVOICE: QT_TRANSLATE_NOOP("SpecialKind", "Invoice title (发票抬头)"),
    SpecialKind.CARD: QT_TRANSLATE_NOOP("SpecialKind", "Greeting card (贺卡)"),
    SpecialKind.DELIVERY: QT_TRANSLATE_NOOP("SpecialKind", "Delivery time"),
    SpecialKind.OTHER: QT_TRANSLATE_NOOP("SpecialKind", "Other"),
}


class RequestPath(enum.StrEnum):
    """What has to happen, decided by the order's stage when the request was made."""

    APPLY = "apply"  # not printed: changed in the system, the printer is told
    AMEND_SLIPS = "amend_slips"  # printed: retrieve dispatch note and label, amend or reprint
    RETRIEVE_PARCEL = "retrieve_parcel"  # packed: retrieve the parcel, reprint
    VOID = "void"  # cancel, not printed: the printer voids it
    RETRIEVE_SLIPS_VOID = "retrieve_slips_void"  # cancel, printed: retrieve slips, void
    RETRIEVE_PARCEL_VOID = "retrieve_parcel_void"  # cancel, packed: parcel back to stock, void
    HANDOVER = "handover"  # shipped: after-sales takes it (recall or exchange)

    @property
    def label(self) -> str:
        return PATH_LABELS[self]


PATH_LABELS = {
    RequestPath.APPLY: QT_TRANSLATE_NOOP(
        "RequestPath", "Not printed yet: changed in the system; the order printer is told."
    ),
    RequestPath.AMEND_SLIPS: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already printed: the printer retrieves the dispatch note and label from the "
        "warehouse and amends or reprints them.",
    ),
    RequestPath.RETRIEVE_PARCEL: QT_TRANSLATE_NOOP(
        "RequestPath", "Already packed: the printer retrieves the parcel and reprints."
    ),
    RequestPath.VOID: QT_TRANSLATE_NOOP(
        "RequestPath", "Not printed yet: the order printer voids the order; after-sales refunds."
    ),
    RequestPath.RETRIEVE_SLIPS_VOID: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already printed: the printer retrieves and destroys the slips, then voids the order; "
        "after-sales refunds.",
    ),
    RequestPath.RETRIEVE_PARCEL_VOID: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already packed: the parcel is retrieved and the goods go back to stock, then the "
        "order is voided; after-sales refunds.",
    ),
    RequestPath.HANDOVER: QT_TRANSLATE_NOOP(
        "RequestPath",
        "Already shipped: this cannot be changed here. The order goes to after-sales "
        "(recall or exchange) with the request attached.",
    ),
}


class RequestState(enum.StrEnum):
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # recorded, customer not yet confirmed
    OPEN = "open"  # with the order printer
    DONE = "done"  # the printer acknowledged it
    HANDED_OVER = "handed_over"  # with after-sales
    WITHDRAWN = "withdrawn"  # the customer changed their mind before confirming

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


STATE_LABELS = {
    RequestState.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP(
        "RequestState", "Waiting for the customer's confirmation"
    ),
    RequestState.OPEN: QT_TRANSLATE_NOOP("RequestState", "With the order printer"),
    RequestState.DONE: QT_TRANSLATE_NOOP("RequestState", "Done"),
    RequestState.HANDED_OVER: QT_TRANSLATE_NOOP("RequestState", "Handed to after-sales"),
    RequestState.WITHDRAWN: QT_TRANSLATE_NOOP("RequestState", "Withdrawn"),
}
