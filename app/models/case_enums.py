"""The kinds, states and choices of an after-sales case, with the labels users see.

Apart from the mapped classes so that the command line's parser can offer them as
choices without loading SQLAlchemy.
"""

from __future__ import annotations

import enum

from app.models.i18n import QT_TRANSLATE_NOOP


class CaseType(enum.StrEnum):
    RETURN = "return"  # 退货
    EXCHANGE = "exchange"  # 换货
    RECALL = "recall"  # 快件退回: a shipped parcel called back through the courier
    REFUND_ONLY = "refund_only"  # 仅退款: money without goods coming back
    COMPLAINT = "complaint"  # 投诉

    @property
    def label(self) -> str:
        return CASE_TYPE_LABELS[self]


CASE_TYPE_LABELS = {
    CaseType.RETURN: QT_TRANSLATE_NOOP("CaseType", "Return"),
    CaseType.EXCHANGE: QT_TRANSLATE_NOOP("CaseType", "Exchange"),
    CaseType.RECALL: QT_TRANSLATE_NOOP("CaseType", "Parcel recall"),
    CaseType.REFUND_ONLY: QT_TRANSLATE_NOOP("CaseType", "Refund only"),
    CaseType.COMPLAINT: QT_TRANSLATE_NOOP("CaseType", "Complaint"),
}


class CaseState(enum.StrEnum):
    UNANNOUNCED = "unannounced"  # a parcel arrived that nobody registered (no card)
    OPEN = "open"  # registered; waiting for evidence, the customer or the courier
    RETURN_SENT = "return_sent"  # the customer sent the goods back (tracking known)
    RECEIVED = "received"  # the warehouse inspected the goods and signed
    PARCEL_BACK = "parcel_back"  # recall: the printer signed 原包裹已收到
    EXCHANGE_SHIPPED = "exchange_shipped"
    REFUNDED = "refunded"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return CASE_STATE_LABELS[self]


CASE_STATE_LABELS = {
    CaseState.UNANNOUNCED: QT_TRANSLATE_NOOP("CaseState", "Unannounced return"),
    CaseState.OPEN: QT_TRANSLATE_NOOP("CaseState", "Registered"),
    CaseState.RETURN_SENT: QT_TRANSLATE_NOOP("CaseState", "Return on its way"),
    CaseState.RECEIVED: QT_TRANSLATE_NOOP("CaseState", "Signed for by the warehouse"),
    CaseState.PARCEL_BACK: QT_TRANSLATE_NOOP("CaseState", "Original parcel received"),
    CaseState.EXCHANGE_SHIPPED: QT_TRANSLATE_NOOP("CaseState", "Exchange shipped"),
    CaseState.REFUNDED: QT_TRANSLATE_NOOP("CaseState", "Refunded"),
    CaseState.CLOSED: QT_TRANSLATE_NOOP("CaseState", "Closed"),
}


class CardInParcel(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return CARD_LABELS[self]


CARD_LABELS = {
    CardInParcel.YES: QT_TRANSLATE_NOOP("CardInParcel", "Yes"),
    CardInParcel.NO: QT_TRANSLATE_NOOP("CardInParcel", "No"),
    CardInParcel.UNKNOWN: QT_TRANSLATE_NOOP("CardInParcel", "Not known yet"),
}


class FreightPayer(enum.StrEnum):
    SHOP = "shop"
    CUSTOMER = "customer"

    @property
    def label(self) -> str:
        return FREIGHT_LABELS[self]


FREIGHT_LABELS = {
    FreightPayer.SHOP: QT_TRANSLATE_NOOP("FreightPayer", "Shop pays both legs"),
    FreightPayer.CUSTOMER: QT_TRANSLATE_NOOP("FreightPayer", "Customer pays the return leg"),
}


class SignoffResult(enum.StrEnum):
    AS_DESCRIBED = "as_described"
    DAMAGED = "damaged"
    NOT_RESALEABLE = "not_resaleable"
    NOT_AS_DESCRIBED = "not_as_described"

    @property
    def label(self) -> str:
        return SIGNOFF_LABELS[self]


SIGNOFF_LABELS = {
    SignoffResult.AS_DESCRIBED: QT_TRANSLATE_NOOP("SignoffResult", "As described"),
    SignoffResult.DAMAGED: QT_TRANSLATE_NOOP("SignoffResult", "Damaged"),
    SignoffResult.NOT_RESALEABLE: QT_TRANSLATE_NOOP("SignoffResult", "Not fit for resale"),
    SignoffResult.NOT_AS_DESCRIBED: QT_TRANSLATE_NOOP("SignoffResult", "Not as described"),
}


class RefundMethod(enum.StrEnum):
    ORIGINAL = "original"
    ALIPAY = "alipay"
    BANK = "bank"

    @property
    def label(self) -> str:
        return REFUND_METHOD_LABELS[self]


REFUND_METHOD_LABELS = {
    RefundMethod.ORIGINAL: QT_TRANSLATE_NOOP("RefundMethod", "Original payment"),
    RefundMethod.ALIPAY: QT_TRANSLATE_NOOP("RefundMethod", "Alipay"),
    RefundMethod.BANK: QT_TRANSLATE_NOOP("RefundMethod", "Bank transfer"),
}


class PhotoPurpose(enum.StrEnum):
    CLAIM = "claim"  # the customer's evidence
    INSPECTION = "inspection"  # taken by the warehouse at sign-off

    @property
    def label(self) -> str:
        return PHOTO_PURPOSE_LABELS[self]


PHOTO_PURPOSE_LABELS = {
    PhotoPurpose.CLAIM: QT_TRANSLATE_NOOP("PhotoPurpose", "Customer's evidence"),
    PhotoPurpose.INSPECTION: QT_TRANSLATE_NOOP("PhotoPurpose", "Warehouse inspection"),
}


class TellChannel(enum.StrEnum):
    """How after-sales told the customer the exchange's tracking number."""

    IM = "im"  # 旺旺 / the platform's chat
    PHONE = "phone"
    SMS = "sms"
    PLATFORM = "platform"  # a platform message

    @property
    def label(self) -> str:
        return TELL_LABELS[self]


TELL_LABELS = {
    TellChannel.IM: QT_TRANSLATE_NOOP("TellChannel", "旺旺 / IM"),
    TellChannel.PHONE: QT_TRANSLATE_NOOP("TellChannel", "Phone"),
    TellChannel.SMS: QT_TRANSLATE_NOOP("TellChannel", "SMS"),
    TellChannel.PLATFORM: QT_TRANSLATE_NOOP("TellChannel", "Platform message"),
}
