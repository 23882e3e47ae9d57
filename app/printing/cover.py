"""The batch cover sheet: the dated slip, signed by the printer, that clips a batch together.

docs/domain.md rule 4: each day's slips are clipped with a slip carrying the date and the
printer's signature, so a batch knows its date, its printer and its orders.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm

from app.models.formats import local
from app.printing import barcodes, fonts
from app.printing.data import BatchCover, PdfResult, SheetSize
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import fit_line, shorten
from app.printing.words import field, say

MARGIN = 10 * mm
ROW = 5 * mm
COLS = (0.0, 0.06, 0.34, 0.52, 0.68, 0.94)


def _head(page: Page, cover: BatchCover, glyphs: fonts.Glyphs, first: bool) -> float:
    w, h = page.size
    top = h - MARGIN
    lang = cover.language
    title = say(lang, "batch_title")
    if cover.reprint_reason is not None:
        title += f" · {say(lang, 'reprint')}"
    title = title if first else f"{title} {say(lang, 'continued')}"
    title, title_size = fit_line(title, w / 2 - MARGIN - 2 * mm, 18, 11)
    page.text(MARGIN, top - 9 * mm, title, title_size, bold=True)
    code = barcodes.place(cover.batch_no, w / 2, w - MARGIN, top - 15 * mm, 9 * mm, 9)
    if code is not None:
        page.barcode(code)
    if not first:
        return top - 20 * mm
    when = local(cover.printed_at).strftime("%Y-%m-%d %H:%M")
    clean = lambda t: fonts.clean(t, glyphs, f"{cover.batch_no} cover")  # noqa: E731
    every = say(lang, "all")
    rows = [
        field(lang, "batch_no", cover.batch_no),
        f"{field(lang, 'printed_at', when)}    {say(lang, 'order_count', n=len(cover.lines))}",
        f"{field(lang, 'shop', clean(cover.shop_filter) or every)}    "
        f"{field(lang, 'courier', clean(cover.courier_filter) or every)}    "
        f"{field(lang, 'cutoff', cover.cutoff or '—')}",
    ]
    if cover.reprint_reason is not None:
        rows.append(field(lang, "reprint_reason", clean(cover.reprint_reason)))
    if cover.audit_head:  # outside the database: `audit verify --against` checks it later
        rows.append(field(lang, "audit_head", cover.audit_head))
    y = top - 22 * mm
    for row in rows:
        page.text(MARGIN, y, shorten(row, w - 2 * MARGIN, 10.5), 10.5)
        y -= 15
    printer = shorten(field(lang, "printed_by", clean(cover.printer_name)), w / 2 - MARGIN, 12)
    page.text(MARGIN, y - 6, printer, 12, bold=True)
    signature, size = fit_line(say(lang, "signature"), w / 2 - MARGIN, 12, 8)
    page.text(w / 2, y - 6, signature, size)
    return y - 18


def plan(cover: BatchCover, size: SheetSize, glyphs: fonts.Glyphs) -> list[Page]:
    w, h = size.points
    width = w - 2 * MARGIN
    pages = [Page((w, h))]
    top = _head(pages[0], cover, glyphs, True)
    lang = cover.language
    caps = [
        say(lang, key)
        for key in ("col.no", "order_no", "recipient", "courier", "tracking_no", "pieces")
    ]
    n = 0
    while True:
        page = pages[-1]
        page.rect(MARGIN, top - ROW, width, ROW, fill=0.85)
        for i, cap in enumerate(caps):
            end = COLS[i + 1] if i + 1 < len(COLS) else 1.0
            cap_text, cap_size = fit_line(cap, (end - COLS[i]) * width - 4, 8.5, 6)
            page.text(MARGIN + COLS[i] * width + 2, top - ROW + 4, cap_text, cap_size, bold=True)
        top -= ROW
        while n < len(cover.lines) and top - ROW >= MARGIN + 6 * mm:
            line = cover.lines[n]
            n += 1
            top -= ROW
            cells = (
                str(n),
                line.order_no,
                fonts.clean(line.recipient, glyphs, f"{line.order_no} name"),
                fonts.clean(line.courier, glyphs, f"{line.order_no} courier"),
                line.tracking_no or say(lang, "unassigned"),
                str(line.pieces),
            )
            for i, cell in enumerate(cells):
                end = COLS[i + 1] if i + 1 < len(COLS) else 1.0
                text = shorten(cell, (end - COLS[i]) * width - 4, 8.5)
                page.text(MARGIN + COLS[i] * width + 2, top + 1.5 * mm, text, 8.5)
            page.hline(MARGIN, w - MARGIN, top, 0.3)
        if n >= len(cover.lines):
            break
        pages.append(Page((w, h)))
        top = _head(pages[-1], cover, glyphs, False)
    for i, page in enumerate(pages, 1):
        number = say(lang, "page", n=i, count=len(pages))
        page.text(w - MARGIN, MARGIN, f"{cover.batch_no}  {number}", 7.5, align="r")
    return pages


def cover_pdf(cover: BatchCover, size: SheetSize = SheetSize.A5) -> PdfResult:
    glyphs = fonts.Glyphs()
    pages = plan(cover, size, glyphs)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{say(cover.language, 'batch_title')} {cover.batch_no}")
    emit(canvas, pages)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
