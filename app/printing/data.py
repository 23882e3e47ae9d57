"""Plain, frozen data the documents are drawn from, page sizes, and what a document returns.

The services build these from the database; tests and benchmarks build them by hand.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm

from app.models.enums import DocLanguage
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP


class LabelSize(enum.StrEnum):
    """Thermal label rolls in common use in China (width × height, mm)."""

    L100X150 = "100x150"
    L76X130 = "76x130"
    L100X180 = "100x180"

    @property
    def points(self) -> tuple[float, float]:
        w, h = self.value.split("x")
        return int(w) * mm, int(h) * mm

    @classmethod
    def parse(cls, text: str) -> LabelSize:
        try:
            return cls(text.strip().lower().replace("×", "x").replace("mm", ""))
        except ValueError:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "Unknown label size “{size}”: use 100x150, 76x130 or 100x180."
                ),
                size=text,
            ) from None


class SheetSize(enum.StrEnum):
    """Paper for dispatch notes and the batch cover sheet."""

    A5 = "A5"
    A4 = "A4"

    @property
    def points(self) -> tuple[float, float]:
        return A5 if self is SheetSize.A5 else A4

    @classmethod
    def parse(cls, text: str) -> SheetSize:
        try:
            return cls(text.strip().upper())
        except ValueError:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "Unknown paper size “{size}”: use A5 or A4."),
                size=text,
            ) from None


@dataclass(frozen=True)
class Party:
    name: str
    phone: str
    address: str


@dataclass(frozen=True)
class SlipItem:
    sku: str
    title: str
    attributes: tuple[tuple[str, str], ...]
    quantity: int

    @property
    def attribute_text(self) -> str:
        return " ".join(f"{k}:{v}" for k, v in self.attributes)


@dataclass(frozen=True)
class OrderSlip:
    """Everything a shipping label and a dispatch note show for one order."""

    order_no: str
    shop_name: str
    courier: str
    tracking_no: str | None
    paid_at: datetime
    recipient: Party
    sender: Party
    items: tuple[SlipItem, ...]
    # (kind, text) in print order: invoice, card, delivery, other (exchange for an exchange);
    # the caption is the word "special.<kind>" in the shop's language (printing.words)
    special: tuple[tuple[str, str], ...] = ()
    buyer_id: str = ""
    buyer_message: str = ""
    flagged_notes: tuple[str, ...] = ()
    batch_no: str | None = None
    printed_at: datetime | None = None
    reprint: bool = False  # the slips say so: the warehouse may hold an older copy
    language: DocLanguage = DocLanguage.ZH  # the shop's document language
    # no courier or waybill number: the label says it is a packing label, not a shipping label
    packing_only: bool = False
    # an e-waybill tool printed the shipping label: the batch prints the dispatch note only
    label_elsewhere: bool = False

    @property
    def piece_count(self) -> int:
        return sum(i.quantity for i in self.items)


@dataclass(frozen=True)
class CoverLine:
    order_no: str
    recipient: str
    courier: str
    tracking_no: str | None
    pieces: int


@dataclass(frozen=True)
class BatchCover:
    """The dated, signed slip that clips a day's batch together (docs/domain.md rule 4)."""

    batch_no: str
    printed_at: datetime
    printer_name: str
    shop_filter: str
    courier_filter: str
    cutoff: str
    lines: tuple[CoverLine, ...]
    reprint_reason: str | None = None
    language: DocLanguage = DocLanguage.ZH  # printing.words.common of the batch's shops
    audit_head: str = ""  # the audit chain's head when drawn (COUNT:HASH), kept on paper


@dataclass(frozen=True)
class PdfResult:
    """A finished document and anything the person printing it must be told."""

    data: bytes
    pages: int
    warnings: tuple[str, ...] = field(default=())


class SlipRefused(InvalidInput):
    """An order whose slip cannot be printed as it is (no phone, address too long…)."""

    code = "slip_refused"


class PrintCancelled(InvalidInput):
    """The person printing pressed Cancel: nothing was recorded and no file was written."""

    code = "print_cancelled"

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("UserError", "Printing was cancelled; nothing was recorded.")
        )
