"""The embedded fonts, glyph coverage and text widths.

WenQuanYi Micro Hei covers Simplified Chinese, Latin and CJK punctuation; DejaVu Sans fills in
symbols and accented letters it lacks. A character neither font has would print as an empty
box or nothing at all, so it is replaced by its code point (``[U+20BB7]``) and reported: a
name must never lose a character silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

FONT_DIR = resources_dir() / "fonts"
MAIN = "AfterDeskSans"
FALLBACK = "AfterDeskSymbols"
_FILES = {MAIN: ("wqy-microhei.ttc", 0), FALLBACK: ("DejaVuSans.ttf", 0)}
# control characters other than the tab would reach the PDF as garbage; treat them as spaces
_SPACE_TABLE = str.maketrans({chr(c): " " for c in range(32)} | {"\u00a0": " ", "\u3000": " "})


@cache
def register() -> None:
    """Load both fonts once per process (about 0.1 s; ReportLab keeps them registered)."""
    for name, (filename, index) in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename), subfontIndex=index))


@cache
def _covered(name: str) -> frozenset[str]:
    register()
    font = pdfmetrics.getFont(name)
    return frozenset(chr(c) for c in font.face.charToGlyph)


@cache
def _widths(name: str) -> dict[str, float]:
    """Advance widths in 1/1000 em, per character (the dict ReportLab measures with)."""
    register()
    face = pdfmetrics.getFont(name).face
    return {chr(c): w for c, w in face.charWidths.items()}


@dataclass
class Glyphs:
    """Collects characters that no embedded font can draw, for the caller to report."""

    missing: dict[str, set[str]] = field(default_factory=dict)  # where → characters

    def note(self, where: str, chars: set[str]) -> None:
        self.missing.setdefault(where, set()).update(chars)

    def messages(self) -> list[str]:
        return [
            f"{where}: " + " ".join(f"{ch} [U+{ord(ch):04X}]" for ch in sorted(chars))
            for where, chars in self.missing.items()
        ]


def clean(text: str, glyphs: Glyphs | None = None, where: str = "") -> str:
    """Text safe to draw: spaces normalised, undrawable characters spelled as code points."""
    if not text.isprintable():  # line breaks, tabs, ideographic and no-break spaces
        text = text.translate(_SPACE_TABLE)
    main, fallback = _covered(MAIN), _covered(FALLBACK)
    if main.issuperset(text):  # the common case, decided in C
        return text
    missing = {ch for ch in set(text) if ch not in main and ch not in fallback}
    if not missing:
        return text
    if glyphs is not None:
        glyphs.note(where, missing)
    return "".join(f"[U+{ord(ch):04X}]" if ch in missing else ch for ch in text)


def runs(text: str) -> list[tuple[str, str]]:
    """Split cleaned text into (font, text) runs: the main font wherever it has the glyph."""
    main = _covered(MAIN)
    if main.issuperset(text):
        return [(MAIN, text)]
    out: list[tuple[str, str]] = []
    for ch in text:
        font = MAIN if ch in main else FALLBACK
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def width(text: str, size: float) -> float:
    """Width in points of cleaned text at ``size``, whichever font draws each character."""
    main = _widths(MAIN)
    try:
        return sum(main[ch] for ch in text) * size / 1000
    except KeyError:
        fallback = _widths(FALLBACK)
        total = sum(main.get(ch) or fallback.get(ch, 1000.0) for ch in text)
        return total * size / 1000


def char_width(ch: str) -> float:
    """Width of one character in 1/1000 em."""
    return _widths(MAIN).get(ch) or _widths(FALLBACK).get(ch, 1000.0)
