"""Code 128 barcodes as vector bars, sized for 203 dpi thermal label printers.

python-barcode only encodes (data → modules, with the shortest mix of code sets); the bars
are drawn here as filled rectangles. A module is a whole number of printer dots, so every
bar prints at exactly its width instead of being rounded to a dot more or less here and
there, which is what makes a cheap thermal print unreadable. The bars start on the dot
grid for the same reason.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfgen.canvas import Canvas

from app.printing import pdftext


def _import_code128():
    """python-barcode's encoder without its image writer.

    The writer imports Pillow's ImageFont, which loads Pillow's own FreeType; in a process
    that also runs Qt (the desktop app) the two FreeType copies crash text rendering. We
    only need the encoder, so ImageFont is hidden while python-barcode is imported (its
    writer handles a missing Pillow) unless something else has loaded it already.
    """
    hide = "PIL.ImageFont" not in sys.modules
    if hide:
        sys.modules["PIL.ImageFont"] = None  # type: ignore[assignment]
    try:
        from barcode.codex import Code128
    finally:
        if hide:
            del sys.modules["PIL.ImageFont"]
    return Code128


Code128 = _import_code128()

DPI = 203
DOT = 72 / DPI  # one printer dot in points (0.125 mm)
QUIET_MODULES = 10  # ISO/IEC 15417: at least ten modules of white either side
MIN_DOTS, MAX_DOTS = 2, 3  # 0.25–0.375 mm: readable by every handheld scanner
# Bar width reduction: each bar is drawn half a dot narrower, a quarter dot in from each side,
# so an edge never lies exactly on a dot boundary. A rasteriser (or a thermal head, whose
# heat spreads) that blackens every dot a bar touches would otherwise widen each bar by a
# dot, and at two dots a module that turns 2:2 bar:space into 3:1 and the code unreadable.
BWR = 0.5 * DOT


@lru_cache(maxsize=16384)
def _encode(data: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    """Modules and bars of ``data``, encoded once (a label asks for both several times)."""
    pattern = Code128(data).build()[0]
    out: list[tuple[int, int]] = []
    start = None
    for i, bit in enumerate(pattern + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            out.append((start, i - start))
            start = None
    return len(pattern), tuple(out)


def bars(data: str) -> tuple[tuple[int, int], ...]:
    """(start, width) of each bar in modules; the total width is ``modules(data)``."""
    return _encode(data)[1]


def modules(data: str) -> int:
    return _encode(data)[0]


def module_dots(data: str, available: float) -> int | None:
    """The widest whole-dot module that fits ``available`` points with quiet zones."""
    total = modules(data) + 2 * QUIET_MODULES
    for dots in range(MAX_DOTS, MIN_DOTS - 1, -1):
        if total * dots * DOT <= available:
            return dots
    return None


@dataclass(frozen=True)
class Placed:
    """A barcode positioned on the page: left edge of the quiet zone, bottom of the text."""

    data: str
    x: float
    y: float
    dots: int
    bar_height: float
    text_size: float

    @property
    def width(self) -> float:
        return (modules(self.data) + 2 * QUIET_MODULES) * self.dots * DOT

    @property
    def height(self) -> float:
        return self.bar_height + self.text_size * 1.25


def place(
    data: str, left: float, right: float, y: float, bar_height: float, text_size: float = 9
) -> Placed | None:
    """Centre the code between ``left`` and ``right``; None when it cannot fit at 2 dots."""
    dots = module_dots(data, right - left)
    if dots is None:
        return None
    width = (modules(data) + 2 * QUIET_MODULES) * dots * DOT
    x = round(((left + right - width) / 2) / DOT) * DOT  # on the printer's dot grid
    return Placed(data, x, y, dots, bar_height, text_size)


def draw(canvas: Canvas, code: Placed) -> None:
    """Bars as one filled path, then the human-readable text centred under them."""
    module = code.dots * DOT
    x0 = code.x + QUIET_MODULES * module
    bottom = code.y + code.text_size * 1.25
    # one filled path written as PDF operators: a 19-digit code has ~45 bars, and ReportLab's
    # path object formats each number through a generic routine (a third of a label's time)
    h = code.bar_height
    ops = [
        f"{x0 + start * module + BWR / 2:.3f} {bottom:.3f} {run * module - BWR:.3f} {h:.3f} re"
        for start, run in bars(code.data)
    ]
    canvas.addLiteral(" ".join(ops) + " f")
    pdftext.show(
        canvas,
        code.x + code.width / 2,
        code.y + 0.2 * code.text_size,
        code.data,
        code.text_size,
        "c",
    )
