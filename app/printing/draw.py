"""Drawing primitives shared by the documents, and the two-step plan → draw pattern.

Each document first *plans* a page as a list of operations (this is where text is fitted and
where a slip that cannot be printed is refused), then *draws* it. A batch plans every slip
before it draws any, so one bad order never leaves half a page behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from app.printing import barcodes, fonts, pdftext
from app.printing.text import Fitted

Op = tuple[Any, ...]


@dataclass
class Page:
    """One planned page: its size and the operations that draw it."""

    size: tuple[float, float]
    ops: list[Op] = field(default_factory=list)

    def text(
        self, x: float, y: float, text: str, size: float, *, bold: bool = False, align: str = "l"
    ) -> None:
        """``text`` must have been through ``fonts.clean``; ``y`` is the baseline."""
        self.ops.append(("t", x, y, text, size, bold, align))

    def lines(
        self, x: float, top: float, fitted: Fitted, *, bold: bool = False, align: str = "l"
    ) -> float:
        """Draw fitted lines from ``top`` downwards; returns the y below the last line."""
        y = top
        for line in fitted.lines:
            y -= fitted.leading
            baseline = y + (fitted.leading - fitted.size) * 0.5
            self.text(x, baseline, line, fitted.size, bold=bold, align=align)
        return y

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        line: float = 0.8,
        fill: float | None = None,
    ) -> None:
        """A box: ``fill`` is a grey level (0 black) or None for an outline of ``line`` points."""
        self.ops.append(("r", x, y, w, h, line, fill))

    def dashed(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(("d", x, y, w, h))

    def hline(self, x1: float, x2: float, y: float, line: float = 0.8) -> None:
        self.ops.append(("h", x1, x2, y, line))

    def white_text(self, x: float, y: float, text: str, size: float, align: str = "c") -> None:
        self.ops.append(("w", x, y, text, size, align))

    def barcode(self, placed: barcodes.Placed) -> None:
        self.ops.append(("b", placed))

    def watermark(self, text: str) -> None:
        self.ops.append(("m", text))


def _string(canvas: Canvas, x: float, y: float, text: str, size: float, align: str) -> None:
    pdftext.show(canvas, x, y, text, size, align)


def _bold(canvas: Canvas, x: float, y: float, text: str, size: float, align: str) -> None:
    # Micro Hei has no bold face: fill and stroke the outlines (text render mode 2); the
    # line width and render mode stay inside q … Q
    canvas._code.append(f"q {fp_str(size * 0.04)} w")
    pdftext.show(canvas, x, y, text, size, align, "2 Tr")
    canvas._code.append("Q")


def render(canvas: Canvas, page: Page) -> None:
    """Draw a planned page onto the current canvas page."""
    for op in page.ops:
        kind = op[0]
        if kind == "t":
            _, x, y, text, size, bold, align = op
            (_bold if bold else _string)(canvas, x, y, text, size, align)
        elif kind == "r":
            _, x, y, w, h, line, fill = op
            if fill is None:
                canvas.setLineWidth(line)
                canvas.rect(x, y, w, h, stroke=1, fill=0)
            else:
                canvas.setFillGray(fill)
                canvas.rect(x, y, w, h, stroke=0, fill=1)
                canvas.setFillGray(0)
        elif kind == "h":
            _, x1, x2, y, line = op
            canvas.setLineWidth(line)
            canvas.line(x1, y, x2, y)
        elif kind == "d":
            _, x, y, w, h = op
            canvas.saveState()
            canvas.setDash(3, 2)
            canvas.setLineWidth(1)
            canvas.rect(x, y, w, h, stroke=1, fill=0)
            canvas.restoreState()
        elif kind == "w":
            _, x, y, text, size, align = op
            canvas.setFillGray(1)
            _string(canvas, x, y, text, size, align)
            canvas.setFillGray(0)
        elif kind == "b":
            barcodes.draw(canvas, op[1])
        elif kind == "m":
            _watermark(canvas, page.size, op[1])


def _watermark(canvas: Canvas, size: tuple[float, float], text: str) -> None:
    canvas.saveState()
    canvas.setFillGray(0.55)
    canvas.translate(size[0] / 2, size[1] / 2)
    canvas.rotate(60)
    _string(canvas, 0, 0, text, min(size) / 9, "c")
    canvas.restoreState()


def new_canvas(buffer: Any, title: str) -> Canvas:
    """A compressed PDF whose bytes depend only on its content (no creation time or id)."""
    fonts.register()
    # binary compressed streams: ASCII85 (ReportLab's default) adds a quarter to the size
    rl_config.useA85 = 0
    # the initial font would otherwise be Helvetica: a font reference no page needs, unembedded
    canvas = Canvas(buffer, pageCompression=1, invariant=1, initialFontName=fonts.MAIN)
    canvas.setTitle(title)
    canvas.setCreator("AfterDesk")
    return canvas


def emit(
    canvas: Canvas,
    pages: list[Page],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    done: int = 0,
    total: int | None = None,
) -> int:
    """Draw planned pages, one canvas page each; reports progress every 50 pages."""
    total = total if total is not None else len(pages)
    for i, page in enumerate(pages, 1):
        if cancelled is not None and i % 50 == 0 and cancelled():
            from app.printing.data import PrintCancelled

            raise PrintCancelled()
        canvas.setPageSize(page.size)
        render(canvas, page)
        canvas.showPage()
        if progress is not None and (i % 50 == 0 or i == len(pages)):
            progress(done + i, total)
    return done + len(pages)
