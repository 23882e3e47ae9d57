"""The trend charts on paper: A4 landscape, a heading, then the charts two by two.

The charts come as PNG images drawn by the screen (the same bars the supervisor clicked);
the heading says which shop, which weeks, who printed and when, so a sheet on the wall
keeps its meaning.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from app.printing import fonts
from app.printing.data import PdfResult
from app.printing.draw import new_canvas

MARGIN = 12 * mm
GAP = 6 * mm
TITLE_SIZE = 14
LINE_SIZE = 9
COLUMNS = 2
ROWS = 2  # charts per page: COLUMNS × ROWS


def trends_pdf(title: str, lines: Sequence[str], charts: Sequence[bytes]) -> PdfResult:
    """``charts`` are PNG images, laid out in reading order, four to a page."""
    out = io.BytesIO()
    canvas = new_canvas(out, title)
    width, height = landscape(A4)
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(charts) // per_page))
    for page in range(pages):
        canvas.setPageSize((width, height))
        y = height - MARGIN - TITLE_SIZE
        canvas.setFont(fonts.MAIN, TITLE_SIZE)
        canvas.drawString(MARGIN, y, fonts.clean(title))
        for line in lines:
            y -= LINE_SIZE * 1.5
            canvas.setFont(fonts.MAIN, LINE_SIZE)
            canvas.drawString(MARGIN, y, fonts.clean(line))
        canvas.setFont(fonts.MAIN, LINE_SIZE)
        canvas.drawRightString(width - MARGIN, MARGIN / 2, f"{page + 1} / {pages}")
        top = y - GAP
        cell_w = (width - 2 * MARGIN - GAP * (COLUMNS - 1)) / COLUMNS
        cell_h = (top - MARGIN - GAP * (ROWS - 1)) / ROWS
        for n, png in enumerate(charts[page * per_page : (page + 1) * per_page]):
            image = ImageReader(io.BytesIO(png))
            iw, ih = image.getSize()
            scale = min(cell_w / iw, cell_h / ih)
            col, row = n % COLUMNS, n // COLUMNS
            x = MARGIN + col * (cell_w + GAP)
            cell_top = top - row * (cell_h + GAP)
            canvas.drawImage(image, x, cell_top - ih * scale, iw * scale, ih * scale)
        canvas.showPage()
    canvas.save()
    return PdfResult(out.getvalue(), pages)
