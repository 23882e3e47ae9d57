"""The kinds of work with a deadline (issue 13, docs/supervision.md) and where each kind's
deadline comes from, with the labels users see.

Apart from the services so that the command line's parser and the settings can name them
without loading the deadline machinery (supervision/deadlines.py).
"""

from __future__ import annotations

import enum

from app.models.i18n import QT_TRANSLATE_NOOP


class TaskKind(enum.StrEnum):
    REFUND_WAITING = "refund_waiting"  # signed for (or refund only): after-sales refunds
    PLATFORM_REFUND = "platform_refund"  # the platform refunds by itself soon
    DISPUTE = "dispute"  # 维权中 (plugged in by complaints/disputes)
    PRINTER_REQUEST = "printer_request"  # a change with the printer, not acknowledged
    CHANGE_UNCONFIRMED = "change_unconfirmed"  # waiting for the customer's confirmation
    NOT_PRINTED = "not_printed"  # paid before the cut-off, not printed by it
    MADE_TO_ORDER = "made_to_order"  # made-to-order goods: 48 h to ship
    UNANNOUNCED = "unannounced"  # a parcel nobody announced: reach the buyer
    EXCHANGE_NOT_TOLD = "exchange_not_told"  # exchange shipped, number not passed on
    EXCHANGE_NOT_RECEIVED = "exchange_not_received"  # customer has not confirmed receipt
    COMPLAINT = "complaint"  # 投诉 (plugged in by complaints)

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    TaskKind.REFUND_WAITING: QT_TRANSLATE_NOOP("TaskKind", "Cases waiting for a refund"),
    TaskKind.PLATFORM_REFUND: QT_TRANSLATE_NOOP("TaskKind", "Platform refund deadline near"),
    TaskKind.DISPUTE: QT_TRANSLATE_NOOP("TaskKind", "Disputes on the platform"),
    TaskKind.PRINTER_REQUEST: QT_TRANSLATE_NOOP("TaskKind", "Printer requests overdue"),
    TaskKind.CHANGE_UNCONFIRMED: QT_TRANSLATE_NOOP(
        "TaskKind", "Changes waiting for the customer's confirmation"
    ),
    TaskKind.NOT_PRINTED: QT_TRANSLATE_NOOP("TaskKind", "Paid orders not printed by the cut-off"),
    TaskKind.MADE_TO_ORDER: QT_TRANSLATE_NOOP("TaskKind", "Made-to-order goods past 48 h"),
    TaskKind.UNANNOUNCED: QT_TRANSLATE_NOOP("TaskKind", "Unannounced parcels waiting"),
    TaskKind.EXCHANGE_NOT_TOLD: QT_TRANSLATE_NOOP(
        "TaskKind", "Exchanges shipped, customer not told"
    ),
    TaskKind.EXCHANGE_NOT_RECEIVED: QT_TRANSLATE_NOOP(
        "TaskKind", "Exchanges not confirmed received"
    ),
    TaskKind.COMPLAINT: QT_TRANSLATE_NOOP("TaskKind", "Complaints past a deadline"),
}


class DeadlineFrom(enum.StrEnum):
    """Where a kind's deadline comes from: a duration set here, or something else."""

    HOURS = "hours"  # a number of hours (``deadline set KIND HOURS``, or its own setting)
    CUTOFF = "cutoff"  # the same-day cut-off (``print cutoff``)
    PLATFORM = "platform"  # the platform's deadline, entered on each record
    PRIORITY = "priority"  # the complaint's priority (the complaint settings)

    @property
    def label(self) -> str:
        return DEADLINE_FROM_LABELS[self]


DEADLINE_FROM_LABELS = {
    DeadlineFrom.HOURS: QT_TRANSLATE_NOOP("DeadlineFrom", "a number of hours"),
    DeadlineFrom.CUTOFF: QT_TRANSLATE_NOOP("DeadlineFrom", "the same-day cut-off"),
    DeadlineFrom.PLATFORM: QT_TRANSLATE_NOOP(
        "DeadlineFrom", "the platform's deadline, entered on each dispute"
    ),
    DeadlineFrom.PRIORITY: QT_TRANSLATE_NOOP(
        "DeadlineFrom", "each complaint's priority (the complaint settings)"
    ),
}
