"""The exchange order (换货单, docs/domain.md rule 6): a shipping label and a dispatch note.

Once the return is signed for (or a supervisor approved an early exchange), the order
printer prints the exchange's parcel with the same two documents as any order: the label
and the dispatch note, drawn by ``label`` and ``dispatch_note`` from an ``OrderSlip`` that
the service fills with the original order's recipient and the goods wanted in exchange.
This module only marks both clearly as an exchange: a black “换货” stamp (in the shop's
document language) beside
each document's heading, so the packer sees at a glance that this parcel is not the
original order again; the case number and the goods wanted are in the slip itself.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from reportlab.lib.units import mm

from app.printing import dispatch_note, fonts, label
from app.printing.data import LabelSize, OrderSlip, PdfResult, SheetSize
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import fit_line
from app.printing.words import say

STAMP_W, STAMP_H = 30 * mm, 7 * mm


@dataclass(frozen=True)
class ExchangeOrder:
    """What the exchange parcel's documents show: the slip, and the case it belongs to."""

    case_no: str
    slip: OrderSlip


def _stamp(page: Page, x: float, top: float, width: float, text: str) -> None:
    page.rect(x, top - STAMP_H, width, STAMP_H, fill=0)
    text, size = fit_line(text, width - 2 * mm, 11, 6)
    page.white_text(x + width / 2, top - STAMP_H + 2 * mm, text, size)


def _mark_label(page: Page, text: str) -> None:
    # at the right of the header band, where an order's label names the shop (the sender
    # block below still does); a narrow roll keeps room for the courier's name
    w, h = page.size
    width = STAMP_W if w > 90 * mm else 16 * mm
    _stamp(page, w - label.MARGIN - width - 1.5 * mm, h - label.MARGIN - 1.5 * mm, width, text)


def _mark_note(page: Page, text: str) -> None:
    # above the heading, whose width depends on the language, left of the order's barcode
    _stamp(page, dispatch_note.MARGIN, page.size[1] - 3.5 * mm, STAMP_W, text)


def plan(order: ExchangeOrder, label_size: LabelSize, sheet_size: SheetSize, glyphs) -> list[Page]:
    """The label, then the dispatch note's pages; ``SlipRefused`` if the slip cannot print."""
    stamp = say(order.slip.language, "exchange")
    first = label.plan(replace(order.slip, shop_name=""), label_size, glyphs)
    _mark_label(first, stamp)
    notes = dispatch_note.plan(order.slip, sheet_size, glyphs)
    for page in notes:
        _mark_note(page, stamp)
    return [first, *notes]


def exchange_order_pdf(
    order: ExchangeOrder,
    label_size: LabelSize = LabelSize.L100X150,
    sheet_size: SheetSize = SheetSize.A5,
) -> PdfResult:
    """One PDF: the label at its roll's size, then the dispatch note on A5 or A4."""
    glyphs = fonts.Glyphs()
    pages = plan(order, label_size, sheet_size, glyphs)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{say(order.slip.language, 'exchange')} {order.case_no}")
    emit(canvas, pages)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
