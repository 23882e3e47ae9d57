"""What each audited step of a case is called on its timeline (audit action → text).

Shared by the case window and the printed evidence pack; the text is translated where it is
shown, in the "CaseTimeline" context.
"""

from __future__ import annotations

from app.models.i18n import QT_TRANSLATE_NOOP

TIMELINE_LABELS = {
    "case.open": QT_TRANSLATE_NOOP("CaseTimeline", "Case opened"),
    "case.claim": QT_TRANSLATE_NOOP("CaseTimeline", "Claim recorded"),
    "case.photo": QT_TRANSLATE_NOOP("CaseTimeline", "Photos added"),
    "case.return": QT_TRANSLATE_NOOP("CaseTimeline", "Return parcel recorded"),
    "case.approve": QT_TRANSLATE_NOOP("CaseTimeline", "Approved by a supervisor"),
    "case.signoff": QT_TRANSLATE_NOOP("CaseTimeline", "Inspected and signed by the warehouse"),
    "case.parcel_back": QT_TRANSLATE_NOOP("CaseTimeline", "Signed “原包裹已收到”"),
    "case.refund": QT_TRANSLATE_NOOP("CaseTimeline", "Refund recorded"),
    "case.exchange_shipped": QT_TRANSLATE_NOOP("CaseTimeline", "Exchange shipped"),
    "case.close": QT_TRANSLATE_NOOP("CaseTimeline", "Case closed"),
    "case.unannounced": QT_TRANSLATE_NOOP("CaseTimeline", "Unannounced parcel registered"),
    "case.link": QT_TRANSLATE_NOOP("CaseTimeline", "Linked to an order"),
    "case.recall_slip": QT_TRANSLATE_NOOP("CaseTimeline", "Recall slip printed"),
    "case.customer_told": QT_TRANSLATE_NOOP("CaseTimeline", "Customer told the tracking number"),
    "case.customer_received": QT_TRANSLATE_NOOP(
        "CaseTimeline", "Customer confirmed receiving the exchange"
    ),
    "case.platform_deadline": QT_TRANSLATE_NOOP("CaseTimeline", "Platform refund deadline set"),
    "dispute.open": QT_TRANSLATE_NOOP("CaseTimeline", "Dispute opened on the platform"),
    "dispute.outcome": QT_TRANSLATE_NOOP("CaseTimeline", "Dispute outcome recorded"),
}
