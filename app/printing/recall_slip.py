"""The two-copy recall slip (两联快件退回单, docs/domain.md rule 5): one A4 page, two copies.

After-sales asks the courier to bring a shipped parcel back. The top copy (存根联) is signed
by the courier and kept by the order printer, who signs “原包裹已收到” on it when the parcel
comes back; the bottom copy (快递联) goes with the courier, whose scanner reads its case,
order and tracking numbers. A dashed line with scissors separates the copies.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.models.enums import DocLanguage
from app.models.formats import seed_date, short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing import barcodes, fonts
from app.printing.data import PdfResult, SlipRefused
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import Fitted, fit, fit_line, shorten, wrap
from app.printing.words import field, say

MARGIN = 12 * mm
LABEL_W = 20 * mm  # the captions' column of the details table
BAR_H = 13 * mm
ROW = 7.5 * mm  # the least height of a details row
SIZE = 11.5  # the details' largest size
Clean = Callable[[str], str]
SHOP_COPY, COURIER_COPY = "shop_copy", "courier_copy"  # words keys; the note is key + "_note"


@dataclass(frozen=True)
class RecallSlip:
    """What the two-copy recall slip (两联快件退回单) prints: plain data, no database."""

    case_no: str
    order_no: str
    shop: str
    courier: str
    tracking_no: str
    recipient_name: str
    recipient_phone: str
    address: str
    reason: str
    opened_by: str
    opened_at: datetime
    return_address: str
    sender_name: str
    sender_phone: str
    language: DocLanguage = DocLanguage.ZH  # the shop's document language


def _codes(slip: RecallSlip) -> list[tuple[str, str]]:
    lang = slip.language
    codes = [(say(lang, "case_no"), slip.case_no), (say(lang, "order_no"), slip.order_no)]
    if slip.tracking_no:
        codes.append((say(lang, "tracking_no"), slip.tracking_no))
    return codes


def _rows_of_codes(slip: RecallSlip, width: float) -> list[list[tuple[str, str, float]]]:
    """(caption, number, slot width) per barcode row: one row if the numbers fit side by side."""
    codes = _codes(slip)
    need = [(barcodes.modules(n) + 2 * barcodes.QUIET_MODULES) * 2 * barcodes.DOT for _, n in codes]
    if sum(need) <= width:  # share the width in proportion to what each code needs
        return [[(c, n, width * k / sum(need)) for (c, n), k in zip(codes, need, strict=True)]]
    rows = [[(c, n, width / 2) for c, n in codes[:2]], [(c, n, width) for c, n in codes[2:]]]
    for row in rows:
        for _, number, slot in row:
            if barcodes.module_dots(number, slot) is None:
                raise SlipRefused(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "{number} is too long to print as a barcode on the recall slip.",
                    ),
                    number=number,
                )
    return [r for r in rows if r]


def _barcodes(page: Page, slip: RecallSlip, top: float) -> float:
    """The barcode rows under ``top``; returns the y below them."""
    y = top
    for row in _rows_of_codes(slip, page.size[0] - 2 * MARGIN):
        left = MARGIN
        y -= 10  # the captions
        for caption, number, slot in row:
            page.text(left + slot / 2, y, caption, 9, align="c")
            placed = barcodes.place(number, left, left + slot, y - 2 - BAR_H - 11, BAR_H, 9)
            if placed is not None:  # checked by _rows_of_codes
                page.barcode(placed)
            left += slot
        y -= 2 + BAR_H + 11 + 3
    return y


def _fitted(text: str, width: float, lines: int) -> Fitted:
    """``text`` in at most ``lines`` lines, shrunk to 7 pt if need be, else cut with “…”."""
    found = fit(text, width, lines * SIZE * 1.25, max_size=SIZE, min_size=7, max_lines=lines)
    if found is not None:
        return found
    wrapped = wrap(text, width, 7)[:lines]
    wrapped[-1] = shorten(wrapped[-1] + "…", width, 7)
    return Fitted(7, tuple(wrapped), 7 * 1.25)


def _details(slip: RecallSlip, clean: Clean) -> list[tuple[str, str, int]]:
    """(caption, text, most lines) of the details table, customer text cleaned."""
    sender = "  ".join(
        part
        for part in (clean(slip.sender_name or slip.shop), clean(slip.sender_phone))
        if part.strip()
    )
    if slip.return_address.strip():
        sender += "  " + clean(slip.return_address)
    lang = slip.language
    courier = clean(slip.courier) or say(lang, "unspecified")
    tracking = field(lang, "tracking_no", slip.tracking_no or say(lang, "unknown"))
    return [
        (
            say(lang, "recipient"),
            f"{clean(slip.recipient_name)}    {field(lang, 'phone', clean(slip.recipient_phone))}",
            1,
        ),
        (say(lang, "recipient_address"), clean(slip.address), 2),
        (say(lang, "courier_company"), f"{courier}    {tracking}", 1),
        (say(lang, "recall_reason"), clean(slip.reason) or "—", 3),
        (say(lang, "return_to"), sender or "—", 2),
    ]


def _table(page: Page, slip: RecallSlip, top: float, clean: Clean) -> float:
    w = page.size[0]
    value_w = w - 2 * MARGIN - LABEL_W - 4 * mm
    y = top
    page.hline(MARGIN, w - MARGIN, y, 0.8)
    for caption, text, most in _details(slip, clean):
        fitted = _fitted(text, value_w, most)
        # an English caption may take two lines of its narrow column
        cap = fit(caption, LABEL_W - 2.5 * mm, 30, max_size=10, min_size=7, max_lines=2)
        cap = cap or Fitted(7, (shorten(caption, LABEL_W - 2.5 * mm, 7),), 7 * 1.25)
        height = max(fitted.height + 2 * mm, cap.height + 2 * mm, ROW)
        lines_top = y - (height - fitted.height) / 2
        # beside the value's first line, unless the caption is the taller
        cap_top = lines_top if cap.height <= fitted.height else y - (height - cap.height) / 2
        page.lines(MARGIN + 1.5 * mm, cap_top, cap, bold=True)
        page.lines(MARGIN + LABEL_W + 2 * mm, lines_top, fitted)
        y -= height
        page.hline(MARGIN, w - MARGIN, y, 0.4)
    page.rect(MARGIN, y, w - 2 * MARGIN, top - y, line=0.8)
    page.rect(MARGIN + LABEL_W, y, 0, top - y, line=0.4)  # the captions' column
    return y


def _signatures(page: Page, label: str, bottom: float, lang: DocLanguage) -> None:
    w = page.size[0]
    room = w * 0.64 - MARGIN - 3 * mm
    y = bottom + 9 * mm
    date, date_size = fit_line(say(lang, "date_line"), w * 0.36 - MARGIN, 11, 7)
    if label == SHOP_COPY:
        line = f"{say(lang, 'parcel_received')}    {say(lang, 'received_by')} ______________"
        line, size = fit_line(line, room, 11, 7)
        page.text(MARGIN, y, line, size, bold=True)
        page.text(w * 0.64, y, date, date_size)
        y += 12 * mm
    line = (
        f"{say(lang, 'courier_signature')} ______________    {say(lang, 'courier_id')} __________"
    )
    line, size = fit_line(line, room, 11, 7)
    page.text(MARGIN, y, line, size)
    page.text(w * 0.64, y, date, date_size)


def _copy(
    page: Page,
    slip: RecallSlip,
    label: str,
    top: float,
    bottom: float,
    footer: str,
    clean: Clean,
) -> None:
    w = page.size[0]
    lang = slip.language
    page.text(MARGIN, top - 16, say(lang, "recall_title"), 16, bold=True)
    copy = say(lang, label)
    badge_w = fonts.width(copy, 11) + 6 * mm
    page.rect(w - MARGIN - badge_w, top - 20, badge_w, 20, fill=0)
    page.white_text(w - MARGIN - badge_w / 2, top - 14, copy, 11)
    shop = field(lang, "shop", shorten(clean(slip.shop), w / 2 - MARGIN - 15 * mm, 9))
    page.text(MARGIN, top - 31, shop, 9)
    opened = field(lang, "opened", f"{clean(slip.opened_by)} {seed_date(slip.opened_at)}")
    page.text(w - MARGIN, top - 31, f"{say(lang, 'case')} {slip.case_no}    {opened}", 9, align="r")
    y = _table(page, slip, _barcodes(page, slip, top - 34), clean)
    # the note on two lines at most: English and both are longer than the Chinese
    note = _fitted(say(lang, label + "_note"), w - 2 * MARGIN, 2)
    page.lines(MARGIN, y - 3, note)
    _signatures(page, label, bottom, lang)
    page.text(MARGIN, bottom, footer, 7.5)
    page.text(w - MARGIN, bottom, copy, 7.5, align="r")


def _cut_line(page: Page, y: float, lang: DocLanguage) -> None:
    w = page.size[0]
    caption = say(lang, "cut_here")
    caption_w = fonts.width(caption, 8) + 4 * mm
    middle = w / 2
    x = 5 * mm
    while x < w - 5 * mm:  # dashes of 3 mm every 5 mm, left clear around the caption
        end = min(x + 3 * mm, w - 5 * mm)
        if end < middle - caption_w / 2 or x > middle + caption_w / 2:
            page.hline(x, end, y, 0.6)
        x += 5 * mm
    page.text(middle, y - 3, caption, 8, align="c")


def plan(
    slip: RecallSlip,
    glyphs: fonts.Glyphs,
    *,
    printed_by: str = "",
    printed_at: datetime | None = None,
    reprint: bool = False,
) -> Page:
    w, h = A4
    page = Page((w, h))
    clean = lambda t: fonts.clean(t or "", glyphs, f"{slip.case_no} recall slip")  # noqa: E731
    footer = field(
        slip.language,
        "printed",
        " ".join(p for p in (clean(printed_by), short_time(printed_at) if printed_at else "") if p),
    )
    if reprint:
        footer += f"  {say(slip.language, 'reprint')}"
    half = h / 2
    for label, top, bottom in (
        (SHOP_COPY, h - 10 * mm, half + 7 * mm),
        (COURIER_COPY, half - 8 * mm, 9 * mm),
    ):
        _copy(page, slip, label, top, bottom, footer, clean)
    _cut_line(page, half, slip.language)
    return page


def recall_slip_pdf(
    slip: RecallSlip,
    *,
    printed_by: str = "",
    printed_at: datetime | None = None,
    reprint: bool = False,
) -> PdfResult:
    """One A4 page: the shop's copy above the cut line, the courier's below."""
    glyphs = fonts.Glyphs()
    page = plan(slip, glyphs, printed_by=printed_by, printed_at=printed_at, reprint=reprint)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{say(slip.language, 'recall_title')} {slip.case_no}")
    emit(canvas, [page])
    canvas.save()
    return PdfResult(buffer.getvalue(), 1, tuple(glyphs.messages()))
