"""Text straight into the page's content stream: one ``BT … ET`` per string.

ReportLab's ``drawString`` builds a text object per call and maps every character to its
font subset in a Python loop (``TTFont.splitString``): two thirds of a label's drawing time.
Here each canvas keeps, per font, a translation table from character to subset code, filled
once per new character through ReportLab's own ``splitString`` (so the subsets, their
embedding and the ToUnicode maps stay ReportLab's); after that a string is encoded by
``str.translate`` and split into runs of one subset by a regular expression, both in C.
"""

from __future__ import annotations

import re

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.printing import fonts

_RUNS = re.compile(rb"(.)\1*", re.S)  # runs of one subset number (the high byte of a code)


class _Encoder:
    """Character → subset code for one font in one document."""

    __slots__ = ("doc", "font", "known", "names", "table")

    def __init__(self, font, doc) -> None:
        self.font, self.doc = font, doc
        self.known: set[str] = set()
        self.table: dict[int, str] = {}
        self.names: dict[int, str] = {}

    def _learn(self, text: str) -> None:
        self.font.splitString(text, self.doc)  # assigns codes to new characters
        assignments = self.font.state[self.doc].assignments
        for ch in set(text) - self.known:
            self.table[ord(ch)] = chr(assignments.get(ord(ch), 0))
            self.known.add(ch)

    def runs(self, text: str) -> list[tuple[str, bytes]]:
        """(subset font name, bytes) runs of ``text``."""
        if not self.known.issuperset(text):
            self._learn(text)
        raw = text.translate(self.table).encode("utf-16-be")  # codes stay far below U+D800
        hi, lo = raw[0::2], raw[1::2]
        if hi.count(hi[0]) == len(hi):
            return [(self.name(hi[0]), lo)]
        return [(self.name(hi[m.start()]), lo[m.start() : m.end()]) for m in _RUNS.finditer(hi)]

    def name(self, subset: int) -> str:
        try:
            return self.names[subset]
        except KeyError:
            name = self.names[subset] = self.font.getSubsetInternalName(subset, self.doc)
            return name


class _Writer:
    """One canvas's encoders, and the text operators of strings it has drawn before."""

    __slots__ = ("bodies", "canvas", "encoders")

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.encoders: dict[str, _Encoder] = {}
        self.bodies: dict[tuple[str, float], str] = {}

    def body(self, text: str, size: float) -> str:
        """``Tf`` and ``Tj`` operators for ``text``: captions and names repeat on every page."""
        key = (text, size)
        try:
            return self.bodies[key]
        except KeyError:
            pass
        escape = self.canvas._escape
        sz = fp_str(size)
        out = []
        for font_name, chunk in fonts.runs(text):
            enc = self.encoders.get(font_name)
            if enc is None:
                enc = self.encoders[font_name] = _Encoder(
                    pdfmetrics.getFont(font_name), self.canvas._doc
                )
            for name, data in enc.runs(chunk):
                out.append(f"{name} {sz} Tf ({escape(data)}) Tj")
        body = " ".join(out)
        if len(self.bodies) < 50_000:
            self.bodies[key] = body
        return body


def show(
    canvas: Canvas, x: float, y: float, text: str, size: float, align: str = "l", mode: str = ""
) -> None:
    """Draw cleaned ``text`` with its baseline at ``y``; ``align`` l, c or r about ``x``.

    ``mode`` is PDF text state put before the text (for instance ``"2 Tr"``); the text state
    ends with ``ET``, so nothing leaks into later strings except what the caller wraps.
    """
    if not text:
        return
    if align != "l":
        w = fonts.width(text, size)
        x = x - w / 2 if align == "c" else x - w
    writer = canvas.__dict__.get("_afterdesk_text")
    if writer is None:
        writer = canvas.__dict__["_afterdesk_text"] = _Writer(canvas)
    body = writer.body(text, size)
    if mode:
        canvas._code.append(f"BT {mode} {fp_str(x, y)} Td {body} ET")
    else:
        canvas._code.append(f"BT {fp_str(x, y)} Td {body} ET")
