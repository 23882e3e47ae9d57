"""The dispute's evidence pack (维权证据包): one A4 PDF to upload to the platform.

Drawn from plain, already-worded blocks (``services/complaints/evidence.py`` words them in the
shop's document language): facts as caption–value lines, tables (notes, items, the timeline),
and photos. A photo is embedded as the stored screen copy (≤ 1920 px JPEG, legible at A4
width) rather than the original, so twenty 12 MP photos stay a few megabytes; its SHA-256,
printed under it, is the original file's, which the shop keeps untouched. Fonts are embedded
(CJK subset); every page says “page n/N”.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.printing import fonts
from app.printing.data import PdfResult

MARGIN = 14 * mm
PHOTO_MAX_W = A4[0] - 2 * MARGIN
PHOTO_MAX_H = 120 * mm
PHOTO_PX = 1600  # the long side embedded: about 240 dpi across the page's width


@dataclass(frozen=True)
class Facts:
    title: str
    pairs: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Rows:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float]  # relative
    empty: str = ""  # said when there are no rows


@dataclass(frozen=True)
class Photo:
    caption: Sequence[str]  # lines: what, who and when, size, SHA-256
    image: bytes  # JPEG or PNG as stored (the screen copy)
    mime: str


Block = Facts | Rows | Photo


@dataclass(frozen=True)
class EvidencePack:
    title: str
    subtitle: str
    blocks: Sequence[Block]
    page_label: str = "{page}/{pages}"
    printed: str = ""  # who made it and when, on every page
    warnings: list[str] = field(default_factory=list)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=fonts.MAIN, fontSize=9, leading=12, wordWrap="CJK", splitLongWords=1
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "head": ParagraphStyle(
            "head", parent=base, fontSize=12, leading=16, spaceBefore=6, keepWithNext=1
        ),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
    }


class _Markup:
    """Text to Paragraph markup: escaped, undrawable characters spelled, symbols in DejaVu."""

    def __init__(self, glyphs: fonts.Glyphs) -> None:
        self.glyphs = glyphs

    def __call__(self, text: str, where: str = "evidence") -> str:
        lines = []
        for line in (text or "").split("\n"):
            cleaned = fonts.clean(line, self.glyphs, where)
            lines.append("".join(_run(font, run) for font, run in fonts.runs(cleaned)))
        return "<br/>".join(lines)


def _run(font: str, text: str) -> str:
    return escape(text) if font == fonts.MAIN else f'<font name="{font}">{escape(text)}</font>'


def _facts(block: Facts, st: dict[str, ParagraphStyle], m: _Markup) -> list[Flowable]:
    data = [[Paragraph(m(k), st["cell"]), Paragraph(m(v), st["cell"])] for k, v in block.pairs]
    table = Table(data, colWidths=[38 * mm, A4[0] - 2 * MARGIN - 38 * mm])
    table.setStyle(_grid(header=False))
    return [Paragraph(m(block.title), st["head"]), Spacer(1, 2 * mm), table]


def _rows(block: Rows, st: dict[str, ParagraphStyle], m: _Markup) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(m(block.title), st["head"]), Spacer(1, 2 * mm)]
    if not block.rows:
        return [*out, Paragraph(m(block.empty), st["body"])]
    total, width = sum(block.widths), A4[0] - 2 * MARGIN
    data = [[Paragraph(f"<b>{m(h)}</b>", st["cell"]) for h in block.headers]]
    data += [[Paragraph(m(str(c)), st["cell"]) for c in row] for row in block.rows]
    table = Table(data, colWidths=[width * w / total for w in block.widths], repeatRows=1)
    table.setStyle(_grid(header=True))
    return [*out, table]


def _grid(*, header: bool) -> TableStyle:
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),  # else Helvetica, referenced unembedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)))
    else:
        style.append(("BACKGROUND", (0, 0), (0, -1), colors.Color(0.94, 0.94, 0.94)))
    return TableStyle(style)


def page_image(data: bytes, mime: str) -> tuple[bytes, int, int]:
    """The picture as the page embeds it: a stored JPEG within PHOTO_PX as it is (ReportLab
    copies its bytes, no decoding), anything else re-encoded as a JPEG of that size."""
    with PILImage.open(io.BytesIO(data)) as image:
        w, h = image.size
        if mime == "image/jpeg" and max(w, h) <= PHOTO_PX * 5 // 4 and image.mode == "RGB":
            return data, w, h
        image.draft("RGB", (PHOTO_PX, PHOTO_PX))
        flat = image.convert("RGB")
        flat.thumbnail((PHOTO_PX, PHOTO_PX), PILImage.Resampling.BICUBIC)
        out = io.BytesIO()
        flat.save(out, "JPEG", quality=82, optimize=True)
        return out.getvalue(), flat.width, flat.height


def _photo(block: Photo, st: dict[str, ParagraphStyle], m: _Markup, folder: Path) -> list[Flowable]:
    data, w, h = page_image(block.image, block.mime)
    scale = min(PHOTO_MAX_W / w, PHOTO_MAX_H / h)
    # a .jpg file, not bytes: ReportLab then copies the JPEG as it is, where from an image
    # object it decodes every pixel to fingerprint it (two thirds of the pack's time)
    path = folder / f"photo{len(list(folder.iterdir()))}.jpg"
    path.write_bytes(data)
    picture = Image(str(path), width=w * scale, height=h * scale)
    picture.hAlign = "LEFT"
    caption = [Paragraph(m(line), st["small"]) for line in block.caption]
    return [KeepTogether([Spacer(1, 3 * mm), picture, Spacer(1, 1 * mm), *caption])]


def _numbered(page_label: str, printed: str, m: _Markup) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say “n/N”."""

    class Numbered(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._pages)
            for n, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self.setFont(fonts.MAIN, 7.5)
                label = fonts.clean(page_label.format(page=n, pages=count), m.glyphs)
                self.drawRightString(A4[0] - MARGIN, 8 * mm, label)
                self.drawString(MARGIN, 8 * mm, fonts.clean(printed, m.glyphs))
                super().showPage()
            super().save()

    return Numbered


def evidence_pdf(pack: EvidencePack) -> PdfResult:
    fonts.register()
    rl_config.useA85 = 0  # binary streams: ASCII85 adds a quarter to the photos' size
    glyphs = fonts.Glyphs()
    m, st = _Markup(glyphs), _styles()
    story: list[Flowable] = [
        Paragraph(m(pack.title), st["title"]),
        Paragraph(m(pack.subtitle), st["body"]),
        Spacer(1, 3 * mm),
    ]
    with tempfile.TemporaryDirectory(prefix="afterdesk-pack-") as folder:
        for block in pack.blocks:
            if isinstance(block, Facts):
                story += _facts(block, st, m)
            elif isinstance(block, Rows):
                story += _rows(block, st, m)
            else:
                story += _photo(block, st, m, Path(folder))
        return _build(pack, story, m)


def _build(pack: EvidencePack, story: list[Flowable], m: _Markup) -> PdfResult:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=fonts.clean(pack.title),
        creator="AfterDesk",
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.MAIN,
    )
    doc.build(story, canvasmaker=_numbered(pack.page_label, pack.printed, m))
    return PdfResult(buffer.getvalue(), doc.page, tuple(m.glyphs.messages()))
