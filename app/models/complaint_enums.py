"""Complaints (投诉) and platform disputes (维权): their choices, with the labels users see.

Apart from the mapped classes so that the command line's parser can offer them as choices
without loading SQLAlchemy (docs/supervision.md).
"""

from __future__ import annotations

import enum

from app.models.i18n import QT_TRANSLATE_NOOP


class Channel(enum.StrEnum):
    IM = "im"  # 旺旺 / the platform's chat
    PHONE = "phone"
    PLATFORM = "platform"  # lodged through the platform's complaint form
    EMAIL = "email"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    Channel.IM: QT_TRANSLATE_NOOP("Channel", "旺旺 / IM"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Channel", "Phone"),
    Channel.PLATFORM: QT_TRANSLATE_NOOP("Channel", "Platform"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Channel", "E-mail"),
}


class Priority(enum.StrEnum):
    """Sets the deadlines (the generic manuals: urgent 2 h, general 24 h, return/exchange 48 h)."""

    URGENT = "urgent"
    GENERAL = "general"
    RETURN_EXCHANGE = "return_exchange"

    @property
    def label(self) -> str:
        return PRIORITY_LABELS[self]


PRIORITY_LABELS = {
    Priority.URGENT: QT_TRANSLATE_NOOP("Priority", "Urgent"),
    Priority.GENERAL: QT_TRANSLATE_NOOP("Priority", "General"),
    Priority.RETURN_EXCHANGE: QT_TRANSLATE_NOOP("Priority", "Return or exchange request"),
}


class ComplaintState(enum.StrEnum):
    OPEN = "open"  # waiting for its first response
    RESPONDED = "responded"  # the customer heard from us; not yet resolved
    RESOLVED = "resolved"  # waiting for the follow-up call (回访)
    CLOSED = "closed"  # followed up, satisfaction recorded

    @property
    def label(self) -> str:
        return COMPLAINT_STATE_LABELS[self]


COMPLAINT_STATE_LABELS = {
    ComplaintState.OPEN: QT_TRANSLATE_NOOP("ComplaintState", "Waiting for a response"),
    ComplaintState.RESPONDED: QT_TRANSLATE_NOOP("ComplaintState", "Responded"),
    ComplaintState.RESOLVED: QT_TRANSLATE_NOOP("ComplaintState", "Resolved, follow-up due"),
    ComplaintState.CLOSED: QT_TRANSLATE_NOOP("ComplaintState", "Closed"),
}


class StepKind(enum.StrEnum):
    """One signed line of a complaint's record (append-only, like notes)."""

    OPEN = "open"
    RESPOND = "respond"
    ESCALATE = "escalate"  # by a person
    AUTO_ESCALATE = "auto_escalate"  # a deadline passed: recorded once by the first PC to see it
    RESOLVE = "resolve"
    FOLLOW_UP = "follow_up"
    CONFIRM = "confirm"  # the supervisor confirms it against the named staff member

    @property
    def label(self) -> str:
        return STEP_LABELS[self]


STEP_LABELS = {
    StepKind.OPEN: QT_TRANSLATE_NOOP("ComplaintStep", "Opened"),
    StepKind.RESPOND: QT_TRANSLATE_NOOP("ComplaintStep", "First response"),
    StepKind.ESCALATE: QT_TRANSLATE_NOOP("ComplaintStep", "Escalated to the supervisor"),
    StepKind.AUTO_ESCALATE: QT_TRANSLATE_NOOP(
        "ComplaintStep", "Escalated automatically: deadline passed"
    ),
    StepKind.RESOLVE: QT_TRANSLATE_NOOP("ComplaintStep", "Resolved"),
    StepKind.FOLLOW_UP: QT_TRANSLATE_NOOP("ComplaintStep", "Follow-up call"),
    StepKind.CONFIRM: QT_TRANSLATE_NOOP("ComplaintStep", "Confirmed against staff member"),
}


class Outcome(enum.StrEnum):
    WON = "won"
    LOST = "lost"
    WITHDRAWN = "withdrawn"  # the buyer withdrew the dispute

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.WON: QT_TRANSLATE_NOOP("Outcome", "Won"),
    Outcome.LOST: QT_TRANSLATE_NOOP("Outcome", "Lost"),
    Outcome.WITHDRAWN: QT_TRANSLATE_NOOP("Outcome", "Withdrawn by the buyer"),
}

# the shop edits its own list (setting "complaint_categories"); these until it does
DEFAULT_CATEGORIES = ("服务态度", "回复慢", "发错货", "质量问题", "物流", "退款")
