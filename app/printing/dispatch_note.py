"""The dispatch note (发货单), A5 or A4: what the packer picks, checks and packs.

Order barcode for the packer's scanner, recipient, every item with SKU and attributes, the
buyer's message, flagged notes (红旗备注) and special requests (with the invoice title and the
greeting card's text, which the outside label leaves off), and sign-off lines. A long order
continues on further pages, each repeating the order number.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import mm

from app.models.enums import DocLanguage
from app.models.formats import short_time
from app.printing import barcodes, fonts
from app.printing.data import OrderSlip, PdfResult, SheetSize
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import fit, fit_line, mask_phone, wrap
from app.printing.words import common, field, say, tag

MARGIN = 10 * mm
ROW = 5.2 * mm


def _header(page: Page, slip: OrderSlip, clean, cont: bool) -> float:
    w, h = page.size
    top = h - MARGIN
    lang = slip.language
    title = say(lang, "dispatch_note")
    title = f"{title} {say(lang, 'continued')}" if cont else title
    title, title_size = fit_line(title, w / 2 - MARGIN - 2 * mm, 18, 11)
    page.text(MARGIN, top - 8 * mm, title, title_size, bold=True)
    page.text(MARGIN, top - 14 * mm, clean(slip.shop_name, "shop"), 10)
    code = barcodes.place(slip.order_no, w / 2, w - MARGIN, top - 17 * mm, 10 * mm, 9)
    if code is not None:  # the label planner already refused an unprintable number
        page.barcode(code)
    return top - 19 * mm


def _info(page: Page, slip: OrderSlip, top: float, clean) -> float:
    w = page.size[0]
    r = slip.recipient
    lang = slip.language
    courier = slip.courier or say(lang, "unspecified")
    rows = [
        f"{field(lang, 'order_no', slip.order_no)}    "
        f"{field(lang, 'paid', short_time(slip.paid_at))}    {field(lang, 'buyer', slip.buyer_id)}",
        field(lang, "recipient", f"{r.name}  {mask_phone(r.phone)}"),
        field(lang, "address", r.address),
        f"{field(lang, 'courier', courier)}    "
        f"{field(lang, 'tracking_no', slip.tracking_no or say(lang, 'unassigned'))}",
    ]
    y = top
    for row in rows:
        for line in wrap(clean(row, "recipient"), w - 2 * MARGIN, 9.5):
            y -= 13
            page.text(MARGIN, y, line, 9.5)
    page.hline(MARGIN, w - MARGIN, y - 4)
    return y - 6


COLS = (0.0, 0.06, 0.30, 0.78, 0.90)  # №, SKU, 商品, 属性… as fractions of the width
HEADS = ("col.no", "col.sku", "col.item", "col.qty", "col.check")


def _table_head(page: Page, top: float, lang: DocLanguage) -> float:
    w = page.size[0] - 2 * MARGIN
    page.rect(MARGIN, top - ROW, w, ROW, fill=0.85)
    for i, (frac, key) in enumerate(zip(COLS, HEADS, strict=True)):
        end = COLS[i + 1] if i + 1 < len(COLS) else 1.0
        cap, size = fit_line(say(lang, key), (end - frac) * w - 3, 9, 6)
        page.text(MARGIN + frac * w + 2, top - ROW + 4.5, cap, size, bold=True)
    return top - ROW


Line = list[tuple[int, str]]  # one printed line of the item table: (column, text) pairs


def _item_rows(slip: OrderSlip, width: float, clean) -> list[list[Line]]:
    """Each item as its lines (an item's title or SKU may wrap onto several)."""
    rows: list[list[Line]] = []
    for n, item in enumerate(slip.items, 1):
        title = clean(f"{item.title}  {item.attribute_text}", "item")
        lines = wrap(title, (COLS[3] - COLS[2]) * width - 4, 9)
        sku = wrap(clean(item.sku, "sku"), (COLS[2] - COLS[1]) * width - 4, 8)
        first: Line = [
            (0, str(n)),
            (1, sku[0]),
            (2, lines[0] if lines else ""),
            (3, f"×{item.quantity}"),
        ]
        first.append((4, "□"))
        rest = [
            [(1, s), (2, t)]
            for s, t in zip(sku[1:] + [""] * len(lines), lines[1:] + [""] * len(sku), strict=False)
            if s or t
        ]
        rows.append([first, *rest])
    return rows


def _boxes(slip: OrderSlip, clean) -> list[tuple[str, str, bool]]:
    lang = slip.language
    boxes = []
    if slip.special:
        text = "\n".join(
            tag(lang, f"special.{kind}") + clean(t, "special request") for kind, t in slip.special
        )
        boxes.append((f"★ {say(lang, 'special')}", text, True))
    if slip.buyer_message.strip():
        boxes.append(
            (say(lang, "buyer_message"), clean(slip.buyer_message, "buyer message"), False)
        )
    if slip.flagged_notes:
        notes = "\n".join(clean(n, "note") for n in slip.flagged_notes)
        boxes.append((say(lang, "flagged_notes"), notes, True))
    return boxes


def plan(slip: OrderSlip, size: SheetSize, glyphs: fonts.Glyphs) -> list[Page]:
    w, h = size.points
    width = w - 2 * MARGIN
    clean = lambda t, field: fonts.clean(t, glyphs, f"{slip.order_no} {field}")  # noqa: E731
    page = Page((w, h))
    pages = [page]
    top = _table_head(
        page, _info(page, slip, _header(page, slip, clean, False), clean), slip.language
    )
    footer = MARGIN + 14 * mm
    for item_lines in _item_rows(slip, width, clean):
        if top - ROW * len(item_lines) < footer:
            page = Page((w, h))
            pages.append(page)
            top = _table_head(page, _header(page, slip, clean, True), slip.language)
        for cells in item_lines:
            top -= ROW
            for col, text in cells:
                page.text(MARGIN + COLS[col] * width + 2, top + 4.5, text, 9 if col != 1 else 8)
        page.hline(MARGIN, w - MARGIN, top, 0.4)
    for caption, text, heavy in _boxes(slip, clean):
        fitted = fit(text, width - 6 * mm, 60 * mm, max_size=10, min_size=8)
        lines = fitted.lines if fitted else tuple(wrap(text.replace("\n", " "), width - 6 * mm, 8))
        size_pt = fitted.size if fitted else 8
        box_h = 7 * mm + len(lines) * size_pt * 1.25
        if top - 3 * mm - box_h < footer:
            page = Page((w, h))
            pages.append(page)
            top = _header(page, slip, clean, True)
        top -= 3 * mm
        page.rect(MARGIN, top - box_h, width, box_h, line=2 if heavy else 0.8)
        page.text(MARGIN + 2 * mm, top - 4.5 * mm, caption, 9, bold=True)
        y = top - 6 * mm
        for line in lines:
            y -= size_pt * 1.25
            page.text(MARGIN + 3 * mm, y + 2, line, size_pt, bold=heavy)
        top -= box_h
    for n, p in enumerate(pages, 1):
        _footer(p, slip, n, len(pages))
    return pages


def _footer(page: Page, slip: OrderSlip, n: int, count: int) -> None:
    w = page.size[0]
    lang = slip.language
    y = MARGIN + 6 * mm
    lines = "   ".join(f"{say(lang, key)} ________" for key in ("picked", "checked", "packed"))
    lines, size = fit_line(lines, w - 2 * MARGIN, 9, 6.5)
    page.text(MARGIN, y, lines, size)
    printed = short_time(slip.printed_at) if slip.printed_at else ""
    batch = f"{say(lang, 'batch')} {slip.batch_no}  {printed}" if slip.batch_no else printed
    if slip.reprint:
        batch += f"  {say(lang, 'reprint')}"
    page.text(MARGIN, MARGIN, batch, 7.5)
    pages = say(lang, "page", n=n, count=count)
    page.text(w - MARGIN, MARGIN, f"{slip.order_no}  {pages}", 7.5, align="r")


def plan_all(slips: list[OrderSlip], size: SheetSize, glyphs: fonts.Glyphs) -> list[Page]:
    return [p for s in slips for p in plan(s, size, glyphs)]


def dispatch_notes_pdf(
    slips: list[OrderSlip],
    size: SheetSize = SheetSize.A5,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PdfResult:
    glyphs = fonts.Glyphs()
    pages = plan_all(slips, size, glyphs)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, say(common(s.language for s in slips), "dispatch_notes"))
    emit(canvas, pages, progress=progress, cancelled=cancelled)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
