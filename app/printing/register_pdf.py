"""The after-sales register (售后登记表) as a printed table: A4 landscape, one line per case.

The columns and the cells are the export's (``case_register.COLUMNS`` and ``cells``), so the
XLSX and the paper show the same register. Long texts wrap inside their column; the header
row repeats on every page; each page says its number and the total.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from app.printing import fonts
from app.printing.data import PdfResult
from app.printing.draw import Page, emit, new_canvas
from app.printing.text import shorten, wrap

MARGIN = 10 * mm
SIZE = 6.5  # cells
HEAD_SIZE = 6.0
LEADING = SIZE * 1.22
PAD = 1.2 * mm
Clean = Callable[[str], str]
# a number (letters, digits, dashes: no space) is never broken across lines, which would make
# it unreadable to a scanner and a person alike: a cell too narrow prints it smaller
CODE = re.compile(r"[!-~]+")
MAX_LINES = 14  # a cell taller than this is cut with “…” (the case itself holds it all)
# the widths (mm on A4 landscape) of the register's eighteen columns, in its order
# (case_register.COLUMNS): a 19-digit order number and a case number fit on one line
WEIGHTS = (
    14.0,  # date
    21.5,  # case
    26.5,  # order
    15.0,  # buyer
    14.0,  # type
    22.0,  # reason (wraps; the numbers beside it may not)
    11.0,  # quality problem
    14.0,  # defect location
    9.5,  # photos
    10.0,  # return courier
    23.0,  # return tracking: 15–21 characters
    8.0,  # card in parcel
    13.0,  # wanted in exchange
    14.0,  # state
    16.0,  # warehouse signature
    10.5,  # refund
    12.0,  # freight reimbursed
    23.0,  # exchange tracking
)


@dataclass(frozen=True)
class RegisterSheet:
    """What the printed register shows: texts already translated, cells already formatted."""

    title: str
    period: str  # “2026.11.01 – 2026.11.30” or “all dates”, with any filters
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    page_label: str = "{page}/{pages}"  # translated, with {page} and {pages}
    printed: str = ""  # who and when, bottom left of every page
    weights: Sequence[float] | None = None  # column widths of another table (score sheet, roster)


def _columns(
    count: int, width: float, given: Sequence[float] | None = None
) -> list[tuple[float, float]]:
    """(left, width) of each column."""
    weights = given or (WEIGHTS if count == len(WEIGHTS) else (1.0,) * count)
    total = sum(weights)
    out, x = [], MARGIN
    for weight in weights:
        w = width * weight / total
        out.append((x, w))
        x += w
    return out


def _cell_lines(text: str, width: float, size: float) -> list[str]:
    if CODE.fullmatch(text):  # a tracking or order number: one line, shrunk when drawn
        return [text]
    lines = [line for para in text.split("\n") for line in wrap(para, width, size)]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], shorten(lines[MAX_LINES - 1] + "…", width, size)]
    return lines


def _row(
    cells: Sequence[object], cols: list[tuple[float, float]], size: float, clean: Clean
) -> list[list[str]]:
    return [
        _cell_lines(clean("" if cell is None else str(cell)), w - 2 * PAD, size)
        for cell, (_, w) in zip(cells, cols, strict=False)
    ]


def _height(lines: list[list[str]], leading: float) -> float:
    return max(1, *(len(c) for c in lines)) * leading + 2 * PAD


def _draw_row(
    page: Page,
    lines: list[list[str]],
    cols: list[tuple[float, float]],
    top: float,
    size: float,
    *,
    bold: bool = False,
) -> float:
    leading = size * 1.22
    height = _height(lines, leading)
    for cell, (x, w) in zip(lines, cols, strict=False):
        y = top - PAD
        for line in cell:
            y -= leading
            # only a number (kept whole by _cell_lines) can be wider than its column
            room = (w - 2 * PAD) / max(fonts.width(line, size), 1e-6)
            page.text(x + PAD, y + (leading - size) * 0.6, line, size * min(1.0, room), bold=bold)
    page.hline(MARGIN, page.size[0] - MARGIN, top - height, 0.3)
    return top - height


def _page_head(
    page: Page,
    sheet: RegisterSheet,
    head: list[list[str]],
    cols: list[tuple[float, float]],
    clean: Clean,
) -> float:
    w, h = page.size
    top = h - MARGIN
    page.text(MARGIN, top - 14, clean(sheet.title), 14, bold=True)
    page.text(w - MARGIN, top - 14, shorten(clean(sheet.period), w / 2, 9), 9, align="r")
    top -= 22
    height = _height(head, HEAD_SIZE * 1.22)
    page.rect(MARGIN, top - height, w - 2 * MARGIN, height, fill=0.85)
    page.hline(MARGIN, w - MARGIN, top, 0.6)
    return _draw_row(page, head, cols, top, HEAD_SIZE, bold=True)


def _grid(page: Page, cols: list[tuple[float, float]], top: float, bottom: float) -> None:
    w = page.size[0]
    for x, _ in cols[1:]:
        page.rect(x, bottom, 0, top - bottom, line=0.3)
    page.rect(MARGIN, bottom, w - 2 * MARGIN, top - bottom, line=0.6)


def plan(sheet: RegisterSheet, glyphs: fonts.Glyphs, *, numbered: bool = True) -> list[Page]:
    """The sheet's pages; ``numbered``: each with "page n of N" of this sheet's own pages (a
    document of several sheets numbers them across the document instead: ``tables_pdf``)."""
    w, h = landscape(A4)
    clean = lambda t: fonts.clean(t, glyphs, "register")  # noqa: E731
    cols = _columns(len(sheet.headers), w - 2 * MARGIN, sheet.weights)
    head = _row(sheet.headers, cols, HEAD_SIZE, clean)
    footer = MARGIN + 5 * mm
    pages: list[Page] = []
    grid_top = 0.0

    def new_page() -> float:
        nonlocal grid_top
        if pages:
            _grid(pages[-1], cols, grid_top, current)
        pages.append(Page((w, h)))
        grid_top = h - MARGIN - 22
        return _page_head(pages[-1], sheet, head, cols, clean)

    current = 0.0
    current = new_page()
    for cells in sheet.rows:
        lines = _row(cells, cols, SIZE, clean)
        if current - _height(lines, LEADING) < footer:
            current = new_page()
        current = _draw_row(pages[-1], lines, cols, current, SIZE)
    _grid(pages[-1], cols, grid_top, current)
    if numbered:
        _number(sheet, pages, glyphs, 1, len(pages))
    return pages


def _number(
    sheet: RegisterSheet, pages: list[Page], glyphs: fonts.Glyphs, first: int, total: int
) -> None:
    """Who printed it, bottom left; "page n of N", bottom right (n from ``first``)."""
    w, _h = landscape(A4)
    for n, page in enumerate(pages, first):
        page.text(MARGIN, MARGIN, fonts.clean(sheet.printed, glyphs, "register"), 7)
        label = sheet.page_label.format(page=n, pages=total)
        page.text(w - MARGIN, MARGIN, fonts.clean(label, glyphs, "register"), 7.5, align="r")


def register_pdf(sheet: RegisterSheet) -> PdfResult:
    return tables_pdf([sheet])


def tables_pdf(
    sheets: Sequence[RegisterSheet], title: str | None = None, *, count_across: bool = False
) -> PdfResult:
    """Several tables in one document, each starting on a new page. The page numbers count
    within each table, or across the whole document with ``count_across`` (a score sheet:
    the summary, then one person per page: "page 3 of 7")."""
    glyphs = fonts.Glyphs()
    planned = [(sheet, plan(sheet, glyphs, numbered=not count_across)) for sheet in sheets]
    if count_across:
        total, first = sum(len(p) for _s, p in planned), 1
        for sheet, sheet_pages in planned:
            _number(sheet, sheet_pages, glyphs, first, total)
            first += len(sheet_pages)
    pages = [page for _sheet, sheet_pages in planned for page in sheet_pages]
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, fonts.clean(title or sheets[0].title))
    emit(canvas, pages)
    canvas.save()
    return PdfResult(buffer.getvalue(), len(pages), tuple(glyphs.messages()))
