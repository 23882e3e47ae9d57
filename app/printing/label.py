"""The shipping label (快递单 / 面单): 100×150 mm by default, also 76×130 and 100×180 mm.

Bands from the top: courier and shop; tracking number barcode (or a marked blank when the
courier has not assigned one: printing invents no number); recipient; sender; special
requests in a heavy box; item summary; order number barcode.

The invoice title and the greeting card's text are not on the label: the courier needs
neither, and a card's text is the gift's surprise. They print on the dispatch note inside;
the label's box only says that a card must go in.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.units import mm

from app.models.enums import DocLanguage
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.printing import barcodes, fonts
from app.printing.data import LabelSize, OrderSlip, PdfResult, SlipRefused
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import fit, fit_line, mask_phone, shorten
from app.printing.words import common, say, tag

MARGIN = 3 * mm
HEADER, TRACKING, SENDER, ORDER = 10 * mm, 24 * mm, 15 * mm, 19 * mm
BADGE = 8 * mm
INSIDE_ONLY = frozenset({"invoice", "card"})  # special requests for the dispatch note only


def _encodable(number: str) -> bool:
    return bool(number) and all(32 <= ord(c) < 127 for c in number)


def _refuse(template: str, slip: OrderSlip, size: LabelSize, **extra: object) -> SlipRefused:
    return SlipRefused(template, order_no=slip.order_no, size=size.value, **extra)


def check(slip: OrderSlip) -> None:
    """What no label size can fix: refused before any layout is tried."""
    r = slip.recipient
    if not r.phone.strip():
        raise SlipRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} has no recipient phone: the courier will refuse it."
            ),
            order_no=slip.order_no,
        )
    if not r.name.strip() or not r.address.strip():
        raise SlipRefused(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no} has no recipient name or address to print."
            ),
            order_no=slip.order_no,
        )
    for number in (slip.order_no, slip.tracking_no):
        if number is not None and not _encodable(number):
            raise SlipRefused(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no}: “{number}” cannot be printed as a Code 128 barcode.",
                ),
                order_no=slip.order_no,
                number=number,
            )


def plan(slip: OrderSlip, size: LabelSize, glyphs: fonts.Glyphs, *, preview: bool = False) -> Page:
    """Lay out one label, or raise ``SlipRefused`` saying what does not fit."""
    check(slip)
    w, h = size.points
    page = Page((w, h))
    left, right = MARGIN, w - MARGIN
    inner = right - left
    where = slip.order_no
    clean = lambda t, field: fonts.clean(t, glyphs, f"{where} {field}")  # noqa: E731
    page.rect(left, MARGIN, inner, h - 2 * MARGIN, line=1.2)

    # courier and shop
    top = h - MARGIN
    lang = slip.language
    if slip.packing_only:  # no courier or number: this label must never pass for one
        head, head_size = fit_line(say(lang, "packing_label"), inner - 4 * mm, 13, 7)
        page.text(left + 2 * mm, top - 7 * mm, head, head_size, bold=True)
    else:
        courier = clean(slip.courier, "courier") or say(lang, "no_courier")
        page.text(left + 2 * mm, top - 7 * mm, shorten(courier, inner * 0.55, 15), 15, bold=True)
        shop = shorten(clean(slip.shop_name, "shop"), inner * 0.42, 8)
        page.text(right - 2 * mm, top - 6.5 * mm, shop, 8, align="r")
    top -= HEADER
    page.hline(left, right, top)

    # tracking number: a barcode, or a blank that says why it is blank
    if slip.packing_only:
        box_y = top - TRACKING + 2 * mm
        page.rect(left + 2 * mm, box_y, inner - 4 * mm, TRACKING - 4 * mm, fill=0)
        head, head_size = fit_line(say(lang, "not_shipping"), inner - 8 * mm, 14, 8)
        page.white_text(w / 2, box_y + 10.5 * mm, head, head_size)
        note, note_size = fit_line(say(lang, "not_shipping_hint"), inner - 8 * mm, 7.5, 5)
        page.white_text(w / 2, box_y + 4 * mm, note, note_size)
    elif slip.tracking_no:
        code = barcodes.place(slip.tracking_no, left, right, top - TRACKING + 1.5 * mm, 15 * mm, 10)
        if code is None:
            raise _refuse(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "Order {order_no}: the tracking number is too long for a {size} mm label.",
                ),
                slip,
                size,
            )
        page.barcode(code)
    else:
        box_y = top - TRACKING + 2 * mm
        page.dashed(left + 2 * mm, box_y, inner - 4 * mm, TRACKING - 4 * mm)
        head, head_size = fit_line(say(lang, "no_tracking"), inner - 6 * mm, 12, 8)
        page.text(w / 2, box_y + 11 * mm, head, head_size, bold=True, align="c")
        note = say(lang, "no_tracking_hint")
        note, note_size = fit_line(note, inner - 6 * mm, 7.5 if w > 80 * mm else 6, 5)
        page.text(w / 2, box_y + 4.5 * mm, note, note_size, align="c")
    top -= TRACKING
    page.hline(left, right, top, 1.2)

    variable = top - MARGIN - SENDER - ORDER
    special = _special_text(slip, glyphs)
    special_h = _special_height(special, inner, variable * 0.34) if special else 0.0
    recipient_h = variable * (0.5 if special else 0.6)
    top = _recipient(page, slip, size, left, right, top, recipient_h, clean)
    page.hline(left, right, top)
    top = _sender(page, slip, size, left, right, top, clean)
    page.hline(left, right, top)
    if special:
        top = _special(page, slip, size, left, right, top, special_h, special)
    _items(page, slip, left, right, top, MARGIN + ORDER, clean)
    _order(page, slip, size, left, right)
    if preview:
        page.watermark(say(lang, "preview"))
    elif slip.packing_only:
        page.watermark(say(lang, "not_shipping_mark"))
    return page


def _badge(page: Page, x: float, top: float, height: float, key: str, lang: DocLanguage) -> None:
    # the Chinese mark is one big character; an English word is shrunk to the badge's width
    page.rect(x, top - height, BADGE, height, fill=0)
    words = say(lang, key).split(" ")
    sizes = [
        16.0 if len(wd) == 1 else min(9.0, (BADGE - 1 * mm) / fonts.width(wd, 1)) for wd in words
    ]
    y = top - height / 2 + sum(sizes) * 0.55 - sizes[0] * 0.9
    for word, size in zip(words, sizes, strict=True):
        page.white_text(x + BADGE / 2, y, word, size)
        y -= size * 1.1


def _recipient(page, slip, size, left, right, top, height, clean) -> float:
    r = slip.recipient
    _badge(page, left, top, height, "to", slip.language)
    x = left + BADGE + 2 * mm
    width = right - x - 1.5 * mm
    head = f"{clean(r.name, 'name')}  {mask_phone(r.phone)}"
    name = fit(head, width, 16, max_size=14, min_size=8, max_lines=2)
    if name is None:
        raise _refuse(
            QT_TRANSLATE_NOOP("UserError", "Order {order_no}: the recipient's name is too long."),
            slip,
            size,
        )
    y = page.lines(x, top - 1.5 * mm, name, bold=True)
    room = y - (top - height) - 1.5 * mm
    address = fit(clean(r.address, "address"), width, room, max_size=14, min_size=7.5)
    if address is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no}: the address is too long for a {size} mm label even in small "
                "print. Use the 100x180 label or ask the customer for a shorter address.",
            ),
            slip,
            size,
        )
    page.lines(x, y - 0.5 * mm, address)
    return top - height


def _sender(page, slip, size, left, right, top, clean) -> float:
    s = slip.sender
    _badge(page, left, top, SENDER, "from", slip.language)
    x = left + BADGE + 2 * mm
    width = right - x - 1.5 * mm
    head = shorten(clean(f"{s.name or slip.shop_name}  {s.phone}", "sender"), width, 9)
    page.text(x, top - 4.2 * mm, head, 9)
    address = fit(
        clean(s.address, "return address"), width, SENDER - 6 * mm, max_size=8, min_size=5.5
    )
    if address is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no}: the shop's return address is too long to print."
            ),
            slip,
            size,
        )
    page.lines(x, top - 5.5 * mm, address)
    return top - SENDER


def _special_text(slip: OrderSlip, glyphs: fonts.Glyphs) -> str:
    """The requests the packer and courier need, and a line saying a card must go in."""
    where = f"{slip.order_no} special request"
    lang = slip.language
    lines = [
        tag(lang, f"special.{kind}") + fonts.clean(text, glyphs, where)
        for kind, text in slip.special
        if kind not in INSIDE_ONLY
    ]
    if any(kind == "card" for kind, _ in slip.special):
        lines.append(tag(lang, "card_enclosed").strip())
    return "\n".join(lines)


def _special_height(text: str, width: float, cap: float) -> float:
    """As tall as the requests need at a readable size, at most ``cap``."""
    fitted = fit(text, width - 4 * mm, cap - 7 * mm, max_size=10, min_size=10)
    need = (fitted.height if fitted else cap) + 7 * mm
    return min(cap, need)


def _special(page, slip, size, left, right, top, height, text) -> float:
    # a heavy black frame with an inverted heading: the packer cannot miss it
    box_top = top - 1 * mm
    box_h = height - 2 * mm
    page.rect(left + 1 * mm, box_top - box_h, right - left - 2 * mm, box_h, line=2.2)
    page.rect(left + 1 * mm, box_top - 4.5 * mm, right - left - 2 * mm, 4.5 * mm, fill=0)
    heading, heading_size = fit_line(
        f"★ {say(slip.language, 'special')} ★", right - left - 4 * mm, 8, 6
    )
    page.white_text((left + right) / 2, box_top - 3.5 * mm, heading, heading_size)
    fitted = fit(text, right - left - 6 * mm, box_h - 6 * mm, max_size=10, min_size=6)
    if fitted is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Order {order_no}: the special requests are too long for a {size} mm label; "
                "use the 100x180 label.",
            ),
            slip,
            size,
        )
    page.lines(left + 3 * mm, box_top - 5.2 * mm, fitted, bold=True)
    return top - height


def _items(page, slip, left, right, top, bottom, clean) -> None:
    # the dispatch note lists items in full; the label may abridge them
    head = say(slip.language, "items_count", n=slip.piece_count)
    page.text(left + 1.5 * mm, top - 3.5 * mm, head, 7)
    width = right - left - 3 * mm
    lines = [clean(f"{i.title} {i.attribute_text} ×{i.quantity}", "item") for i in slip.items]
    leading = 8.5
    room = int((top - 4.5 * mm - bottom) // leading)
    more = say(slip.language, "see_note")
    shown = lines if len(lines) <= room else [*lines[: max(room - 1, 0)], more]
    y = top - 4.5 * mm
    for line in shown[: max(room, 0)]:
        y -= leading
        page.text(left + 1.5 * mm, y + 1.5, shorten(line, width, 7.5), 7.5)


def _order(page, slip, size, left, right) -> None:
    page.hline(left, right, MARGIN + ORDER)
    code = barcodes.place(slip.order_no, left, right, MARGIN + 5 * mm, 9 * mm, 8)
    if code is None:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "UserError", "Order {order_no}: the order number is too long for a {size} mm label."
            ),
            slip,
            size,
        )
    page.barcode(code)
    lang = slip.language
    foot = f"{say(lang, 'paid')} {short_time(slip.paid_at)}"
    if slip.batch_no:
        foot += f"  {say(lang, 'batch')} {slip.batch_no}"
    if slip.reprint:
        foot += f"  {say(lang, 'reprint')}"
    foot, foot_size = fit_line(foot, right - left - 2 * mm, 6.5, 5)
    page.text((left + right) / 2, MARGIN + 1.5 * mm, foot, foot_size, align="c")


def plan_all(
    slips: list[OrderSlip], size: LabelSize, glyphs: fonts.Glyphs, *, preview: bool = False
) -> list[Page]:
    return [plan(s, size, glyphs, preview=preview) for s in slips]


def labels_pdf(
    slips: list[OrderSlip],
    size: LabelSize = LabelSize.L100X150,
    *,
    preview: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PdfResult:
    """One label per page, every page exactly ``size`` (a label roll must not be scaled)."""
    glyphs = fonts.Glyphs()
    pages = plan_all(slips, size, glyphs, preview=preview)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, say(common(s.language for s in slips), "labels"))
    emit(canvas, pages, progress=progress, cancelled=cancelled)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
