"""The hand-over manifest (交接单): what the courier signs for when they take the parcels.

A4, portrait: courier, manifest number (also as a barcode), date, time and count on top; the
waybill numbers with their order numbers in two columns of rows; at the end the courier's
and the shop's signature lines. Every page names the manifest and says its number.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.models.enums import DocLanguage
from app.models.formats import local
from app.printing import barcodes, fonts
from app.printing.data import PdfResult
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import fit, fit_line, shorten
from app.printing.words import field, say

MARGIN = 12 * mm
ROW = 5 * mm
BLOCKS = 2  # two columns of parcels a page: a 2,000-parcel hand-over on 22 pages, not 44
COLS = (0.0, 0.10, 0.46)  # #, waybill no., order no. (fractions of a block's width): the
# order column widest, for a parcel holding two orders ("A / B")
SIGNATURES = 38 * mm  # room the signature lines need below the last row
SIZE = 9  # a row's text; a cell too long for it shrinks, then wraps within its row
MIN_SIZE = 5  # two lines of 5 pt still fit a row: three 19-digit Taobao orders in one parcel


@dataclass(frozen=True)
class ManifestLine:
    tracking_no: str
    order_no: str


@dataclass(frozen=True)
class Manifest:
    """What a manifest shows; words in the shops' document language."""

    manifest_no: str
    courier: str
    confirmed_at: datetime
    handed_over_by: str
    lines: tuple[ManifestLine, ...]
    language: DocLanguage = DocLanguage.ZH


def _head(page: Page, sheet: Manifest, glyphs: fonts.Glyphs, first: bool) -> float:
    w, h = page.size
    lang = sheet.language
    top = h - MARGIN
    title = say(lang, "manifest_title") + ("" if first else f" {say(lang, 'continued')}")
    title, size = fit_line(title, w / 2 - MARGIN, 18, 11)
    page.text(MARGIN, top - 9 * mm, title, size, bold=True)
    code = barcodes.place(sheet.manifest_no, w / 2, w - MARGIN, top - 15 * mm, 9 * mm, 9)
    if code is not None:
        page.barcode(code)
    when = local(sheet.confirmed_at)
    courier = fonts.clean(sheet.courier, glyphs, "courier")
    rows = [
        f"{field(lang, 'courier_company', courier)}    "
        f"{field(lang, 'manifest_no', sheet.manifest_no)}",
        f"{field(lang, 'handover_date', when.strftime('%Y-%m-%d'))}    "
        f"{field(lang, 'handover_time', when.strftime('%H:%M'))}    "
        f"{say(lang, 'parcel_count', n=len(sheet.lines))}",
    ]
    y = top - 22 * mm
    for row in rows if first else rows[:1]:
        page.text(MARGIN, y, shorten(row, w - 2 * MARGIN, 11), 11, bold=row is rows[0])
        y -= 16
    return y - 2


def _caps(page: Page, lang: DocLanguage, top: float, width: float) -> float:
    caps = [say(lang, k) for k in ("col.no", "tracking_no", "order_no")]
    block = width / BLOCKS
    page.rect(MARGIN, top - ROW, width, ROW, fill=0.85)
    for b in range(BLOCKS):
        left = MARGIN + b * block
        for i, cap in enumerate(caps):
            end = COLS[i + 1] if i + 1 < len(COLS) else 1.0
            text, size = fit_line(cap, (end - COLS[i]) * block - 4, 8.5, 6)
            page.text(left + COLS[i] * block + 2, top - ROW + 4, text, size, bold=True)
    return top - ROW


def _signatures(page: Page, sheet: Manifest, glyphs: fonts.Glyphs, top: float) -> None:
    w = page.size[0]
    lang = sheet.language
    half = (w - 2 * MARGIN) / 2
    y = top - 8 * mm
    page.text(MARGIN, y, say(lang, "courier_received"), 10, bold=True)
    y -= 10 * mm
    by = fonts.clean(sheet.handed_over_by, glyphs, "handed over by")
    for x, lines in (
        (MARGIN, (say(lang, "courier_signature"), say(lang, "courier_id"))),
        (MARGIN + half, (say(lang, "shop_signature"), field(lang, "handed_over_by", by))),
    ):
        first, size = fit_line(f"{lines[0]}：", half * 0.45, 10.5, 7)
        page.text(x, y, first, size)
        page.hline(x + half * 0.45, x + half - 6 * mm, y - 1, 0.6)
        second, size = fit_line(lines[1], half - 6 * mm, 9.5, 7)
        page.text(x, y - 9 * mm, second, size)
        date, size = fit_line(say(lang, "date_line"), half - 6 * mm, 9.5, 7)
        page.text(x, y - 17 * mm, date, size)


def _cell(page: Page, x: float, bottom: float, text: str, width: float) -> None:
    """One cell of a parcel's row, whole: the courier checks every number against the parcel
    ("A / B" for a parcel holding two orders), so a long cell shrinks and wraps in its row
    rather than being cut."""
    if fonts.width(text, SIZE) <= width:
        page.text(x, bottom + 1.5 * mm, text, SIZE)
        return
    fitted = fit(text, width, ROW - 1, max_size=SIZE, min_size=MIN_SIZE, leading=1.0)
    if fitted is None:  # more than a row holds even at the smallest size: cut, as before
        page.text(x, bottom + 1.5 * mm, shorten(text, width, MIN_SIZE), MIN_SIZE)
        return
    page.lines(x, bottom + (ROW + fitted.height) / 2, fitted)


def plan(sheet: Manifest, glyphs: fonts.Glyphs) -> list[Page]:
    w, h = A4
    width = w - 2 * MARGIN
    block = width / BLOCKS
    pages = [Page((w, h))]
    top = _caps(pages[0], sheet.language, _head(pages[0], sheet, glyphs, True), width)
    bottom = MARGIN + 6 * mm
    n = 0
    while True:
        page = pages[-1]
        per_block = max(1, int((top - bottom) // ROW))
        last = len(sheet.lines) - n <= per_block * BLOCKS
        if last and len(sheet.lines) - n > 0:
            # the last page's rows fill the left block first, then the right one, and leave
            # room for the signatures below them when the rows end high enough
            per_block = -(-(len(sheet.lines) - n) // BLOCKS)
        for b in range(BLOCKS):
            y = top
            for _ in range(per_block):
                if n >= len(sheet.lines):
                    break
                line = sheet.lines[n]
                n += 1
                y -= ROW
                cells = (str(n), line.tracking_no, fonts.clean(line.order_no, glyphs, "order"))
                for i, cell in enumerate(cells):
                    end = COLS[i + 1] if i + 1 < len(COLS) else 1.0
                    left = MARGIN + b * block + COLS[i] * block + 2
                    _cell(page, left, y, cell, (end - COLS[i]) * block - 4)
                page.hline(MARGIN + b * block, MARGIN + (b + 1) * block, y, 0.3)
        rows_bottom = top - per_block * ROW
        page.rect(MARGIN + block, rows_bottom, 0, top - rows_bottom + ROW, line=0.3)
        if n >= len(sheet.lines):
            if rows_bottom - SIGNATURES < MARGIN + 6 * mm:
                pages.append(Page((w, h)))
                rows_bottom = _head(pages[-1], sheet, glyphs, False)
            _signatures(pages[-1], sheet, glyphs, rows_bottom)
            break
        pages.append(Page((w, h)))
        top = _caps(pages[-1], sheet.language, _head(pages[-1], sheet, glyphs, False), width)
    for i, page in enumerate(pages, 1):
        number = say(sheet.language, "page", n=i, count=len(pages))
        page.text(w - MARGIN, MARGIN, f"{sheet.manifest_no}  {number}", 7.5, align="r")
    return pages


def manifest_pdf(sheet: Manifest) -> PdfResult:
    glyphs = fonts.Glyphs()
    pages = plan(sheet, glyphs)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{say(sheet.language, 'manifest_title')} {sheet.manifest_no}")
    emit(canvas, pages)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
