"""Fitting customer text into a box: wrapping with kinsoku, shrinking, masking, escaping.

Chinese has no spaces, so a line may break between any two ideographs, except that a line
must not start with closing punctuation (，。、）…) nor end with opening punctuation (（「“…):
the Japanese and Chinese typesetting rule called kinsoku. Latin words and numbers (a house
number, a phone number) are kept whole unless a single one is wider than the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape

from app.printing import fonts

# may not begin a line (closing brackets, stops, small kana, iteration marks)
NO_START = frozenset("，。、；：？！）」』】〉》〕］｝”’…‥·・ー々〻ゝゞヽヾ,.;:?!)]}%％℃°")
# may not end a line (opening brackets, currency)
NO_END = frozenset("（「『【〈《〔［｛“‘([{￥$#＃")
_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f@#&'\-_/.+]+|\s+|.", re.S)


@dataclass(frozen=True)
class Fitted:
    """Lines of text at one font size, ready to draw."""

    size: float
    lines: tuple[str, ...]
    leading: float

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)


def _atoms(text: str) -> list[str]:
    """Unbreakable pieces: a Latin word or number, a run of spaces, one ideograph.

    Kinsoku is applied here: closing punctuation sticks to the piece before it and
    opening punctuation to the piece after it, so no break can separate them.
    """
    atoms: list[str] = []
    glue_next = False
    for piece in _WORD.findall(text):
        if atoms and (glue_next or piece[0] in NO_START) and not piece.isspace():
            atoms[-1] += piece
        else:
            atoms.append(piece)
        glue_next = piece[-1] in NO_END
    return atoms


_ATOM_WIDTHS: dict[str, float] = {}  # atom → width in 1/1000 em (ideographs, words: they repeat)


def _atom_width(atom: str) -> float:
    try:
        return _ATOM_WIDTHS[atom]
    except KeyError:
        w = sum(fonts.char_width(c) for c in atom)
        if len(_ATOM_WIDTHS) < 200_000:
            _ATOM_WIDTHS[atom] = w
        return w


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaking at ``size`` points into lines no wider than ``width``."""
    if fonts.width(text, size) <= width - 1e-6:  # fits on one line: the common case
        return [text.rstrip()] if text.strip() else []
    lines: list[str] = []
    line, line_w = "", 0.0
    unit = size / 1000
    for atom in _atoms(text):
        atom_w = _atom_width(atom) * unit
        if line_w + atom_w <= width or (not line and atom_w <= width):
            line, line_w = line + atom, line_w + atom_w
            continue
        if atom.isspace():  # a break at a space swallows the space
            lines.append(line.rstrip())
            line, line_w = "", 0.0
            continue
        if line.strip():
            lines.append(line.rstrip())
        line, line_w = "", 0.0
        if atom_w <= width:
            line, line_w = atom, atom_w
            continue
        for ch in atom:  # a single word wider than the line: break it by character
            ch_w = fonts.char_width(ch) * unit
            if line and line_w + ch_w > width:
                lines.append(line)
                line, line_w = "", 0.0
            line, line_w = line + ch, line_w + ch_w
    if line.strip():
        lines.append(line.rstrip())
    return lines


def fit(
    text: str,
    width: float,
    height: float,
    *,
    max_size: float,
    min_size: float,
    leading: float = 1.2,
    max_lines: int | None = None,
) -> Fitted | None:
    """The largest size (in half-point steps) at which ``text`` fits the box, or None.

    Shrinking comes before wrapping onto more lines than the box holds: nothing may run
    off the label. None tells the caller to refuse the slip with a clear message.
    """
    paragraphs = text.split("\n")  # each starts on a new line (one special request each)
    size = max_size
    while size >= min_size - 1e-9:
        lines = []
        for para in paragraphs:
            if fonts.width(para, size) <= width:
                lines.extend([para] if para else [])
            else:
                lines.extend(wrap(para, width, size))
        room = int((height + 1e-6) // (size * leading))
        if max_lines is not None:
            room = min(room, max_lines)
        if len(lines) <= room:
            return Fitted(size, tuple(lines), size * leading)
        size -= 0.5
    return None


def shorten(text: str, width: float, size: float, ellipsis: str = "…") -> str:
    """One line, cut with an ellipsis: only for text another document shows in full."""
    if fonts.width(text, size) <= width:
        return text
    while text and fonts.width(text + ellipsis, size) > width:
        text = text[:-1]
    return text + ellipsis


def fit_line(text: str, width: float, size: float, min_size: float) -> tuple[str, float]:
    """One line at the largest size down to ``min_size`` that fits, else cut at ``min_size``:
    for the fixed words, longer in English than in Chinese (and longer still in both)."""
    while size > min_size and fonts.width(text, size) > width:
        size = max(min_size, size - 0.5)
    return shorten(text, width, size), size


def mask_phone(phone: str) -> str:
    """Hide the middle digits as couriers do: 13800138000 → 138****8000."""
    raw = (phone or "").strip()
    if raw.startswith("+86"):
        raw = raw[3:].strip()
    digit_positions = [i for i, c in enumerate(raw) if c.isdigit()]
    if len(digit_positions) < 7:
        return raw
    hidden = set(digit_positions[3:-4])
    return "".join("*" if i in hidden else c for i, c in enumerate(raw))


def escape(text: str) -> str:
    """Customer text for a ReportLab ``Paragraph``: its mini-markup must not eat & or <."""
    return _xml_escape(text, {'"': "&quot;"})
