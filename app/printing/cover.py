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
from app.printing.text import shorten

MARGIN = 10 * mm
ROW = 5 * mm
COLS = (0.0, 0.06, 0.34, 0.52, 0.68, 0.94)


def _head(page: Page, cover: BatchCover, glyphs: fonts.Glyphs, first: bool) -> float:
    w, h = page.size
    top = h - MARGIN
    title = "打单批次 · 补打" if cover.reprint_reason is not None else "打单批次"
    page.text(MARGIN, top - 9 * mm, title if first else f"{title} (续)", 18, bold=True)
    code = barcodes.place(cover.batch_no, w / 2, w - MARGIN, top - 15 * mm, 9 * mm, 9)
    if code is not None:
        page.barcode(code)
    if not first:
        return top - 20 * mm
    when = local(cover.printed_at).strftime("%Y-%m-%d %H:%M")
    clean = lambda t: fonts.clean(t, glyphs, f"{cover.batch_no} cover")  # noqa: E731
    rows = [
        f"批次号：{cover.batch_no}",
        f"打印时间：{when}    共 {len(cover.lines)} 单",
        f"店铺：{clean(cover.shop_filter) or '全部'}    "
        f"快递：{clean(cover.courier_filter) or '全部'}    截单时间：{cover.cutoff or '—'}",
    ]
    if cover.reprint_reason is not None:
        rows.append(f"补打原因：{clean(cover.reprint_reason)}")
    y = top - 22 * mm
    for row in rows:
        page.text(MARGIN, y, shorten(row, w - 2 * MARGIN, 10.5), 10.5)
        y -= 15
    page.text(MARGIN, y - 6, f"打单人：{clean(cover.printer_name)}", 12, bold=True)
    page.text(w / 2, y - 6, "签名 ______________", 12)
    return y - 18


def plan(cover: BatchCover, size: SheetSize, glyphs: fonts.Glyphs) -> list[Page]:
    w, h = size.points
    width = w - 2 * MARGIN
    pages = [Page((w, h))]
    top = _head(pages[0], cover, glyphs, True)
    caps = ("#", "订单号", "收件人", "快递", "运单号", "件数")
    n = 0
    while True:
        page = pages[-1]
        page.rect(MARGIN, top - ROW, width, ROW, fill=0.85)
        for frac, cap in zip(COLS, caps, strict=True):
            page.text(MARGIN + frac * width + 2, top - ROW + 4, cap, 8.5, bold=True)
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
                line.tracking_no or "未分配",
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
        page.text(w - MARGIN, MARGIN, f"{cover.batch_no}  第 {i}/{len(pages)} 页", 7.5, align="r")
    return pages


def cover_pdf(cover: BatchCover, size: SheetSize = SheetSize.A5) -> PdfResult:
    glyphs = fonts.Glyphs()
    pages = plan(cover, size, glyphs)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"打单批次 {cover.batch_no}")
    emit(canvas, pages)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
