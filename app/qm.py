"""Reading a compiled Qt translation (``.qm``) without Qt.

The command line translates its messages from the same ``.qm`` file as the desktop app,
but importing PySide6 for that costs it 0.2–0.3 s at every start. The format is Qt's
(``qtranslator.cpp``): a magic number, then tagged blocks; the messages block holds one
record per message, each a run of tagged fields ending with ``END``. Only what lrelease
writes is read: context, source text, disambiguation comment and translation(s).
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
MESSAGES = 0x69  # the block of messages (others: hashes, contexts, numerus rules, language)
END, TRANSLATION, OBSOLETE1, SOURCE, CONTEXT, COMMENT = 1, 3, 5, 6, 7, 8
NULL = 0xFFFFFFFF


def _blocks(data: bytes) -> dict[int, bytes]:
    blocks, pos = {}, len(MAGIC)
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack_from(">I", data, pos + 1)
        blocks[tag] = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    return blocks


def read_qm(path: Path) -> dict[tuple[str, str], str]:
    """``(context, source text) → translation`` of the messages without a disambiguation
    comment (the only ones ``translate(context, text)`` finds); the first form of a plural."""
    data = path.read_bytes() if path.exists() else b""
    if not data.startswith(MAGIC):
        return {}
    found: dict[tuple[str, str], str] = {}
    fields: dict[int, str] = {}
    block, pos = _blocks(data).get(MESSAGES, b""), 0
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == END:
            text = fields.get(TRANSLATION, "")
            if text and not fields.get(COMMENT):
                found.setdefault((fields.get(CONTEXT, ""), fields.get(SOURCE, "")), text)
            fields = {}
        elif tag == OBSOLETE1:
            pos += 4
        elif tag in (TRANSLATION, SOURCE, CONTEXT, COMMENT):
            (length,) = struct.unpack_from(">I", block, pos)
            pos += 4
            if length == NULL:
                continue
            raw = block[pos : pos + length]
            pos += length
            value = raw.decode("utf-16-be" if tag == TRANSLATION else "utf-8")
            fields.setdefault(tag, value)  # a plural's later forms are not needed here
        else:  # a field lrelease does not write: stop rather than misread the rest
            break
    return found
