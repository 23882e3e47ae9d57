"""States of score entries, month sheets and roster swaps, with the labels users see.

Apart from the mapped classes so that the command line's parser can offer them without
loading SQLAlchemy (docs/scores.md).
"""

from __future__ import annotations

import enum

from app.models.i18n import QT_TRANSLATE_NOOP


class EntryState(enum.StrEnum):
    PROPOSED = "proposed"  # found in the records; counts only once a person confirms it
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"

    @property
    def label(self) -> str:
        return ENTRY_LABELS[self]


ENTRY_LABELS = {
    EntryState.PROPOSED: QT_TRANSLATE_NOOP("EntryState", "Proposed"),
    EntryState.CONFIRMED: QT_TRANSLATE_NOOP("EntryState", "Confirmed"),
    EntryState.DISMISSED: QT_TRANSLATE_NOOP("EntryState", "Dismissed"),
}


class MonthState(enum.StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"  # the supervisor handed it to the administrator
    APPROVED = "approved"  # locked: a correction is a new entry in the next month

    @property
    def label(self) -> str:
        return MONTH_LABELS[self]


MONTH_LABELS = {
    MonthState.OPEN: QT_TRANSLATE_NOOP("MonthState", "Open"),
    MonthState.SUBMITTED: QT_TRANSLATE_NOOP("MonthState", "Submitted"),
    MonthState.APPROVED: QT_TRANSLATE_NOOP("MonthState", "Approved (locked)"),
}


class SwapState(enum.StrEnum):
    REQUESTED = "requested"  # asked by one person; the colleague has not agreed yet
    AGREED = "agreed"  # the colleague agreed: asked by the two, waiting for the supervisor
    APPROVED = "approved"  # the supervisor approved: the two shifts are exchanged
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # one of the two took it back before the supervisor approved

    @property
    def label(self) -> str:
        return SWAP_LABELS[self]


SWAP_LABELS = {
    SwapState.REQUESTED: QT_TRANSLATE_NOOP("SwapState", "Waiting for the colleague"),
    SwapState.AGREED: QT_TRANSLATE_NOOP("SwapState", "Waiting for the supervisor"),
    SwapState.APPROVED: QT_TRANSLATE_NOOP("SwapState", "Approved"),
    SwapState.REFUSED: QT_TRANSLATE_NOOP("SwapState", "Refused"),
    SwapState.WITHDRAWN: QT_TRANSLATE_NOOP("SwapState", "Withdrawn"),
}
