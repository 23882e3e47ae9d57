"""Cleaning what real export files put in their cells, before a value means anything.

Platform exports are written for Excel, not for programs: numbers wrapped as ``="…"`` so
Excel keeps the leading zeros, phones behind a ``'``, ids behind a tab, header names with
spaces, amounts ending in 元. Each helper here takes the raw text and the column's name, and
either returns the clean value or raises ``InvalidInput`` naming the column (docs/imports.md).
"""

from __future__ import annotations

import codecs
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP

# Chinese platforms write Beijing time without saying so; China has no daylight saving.
CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")

# The database's column lengths (app/models/entities.py): longer text is refused, never cut.
LIMITS = {
    "order_no": 40,
    "buyer_id": 100,
    "recipient_name": 100,
    "recipient_phone": 32,
    "province": 40,
    "city": 40,
    "district": 40,
    "street": 200,
    "postcode": 12,
    "courier": 40,
    "tracking_no": 40,
    "sku": 64,
    "title": 200,
}
# Messages and memos are Text in the database; a bound still stops a runaway field
# (a broken quote swallowing the rest of the file) from being stored as one note.
TEXT_LIMIT = 4000

# control and invisible format characters (bidi overrides, zero-widths, BOM): they corrupt
# print-outs and searches; tabs and line breaks inside a note are kept
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)
_AMOUNT_NOISE = re.compile(r"[¥￥$€£,，\s]|元|RMB|CNY|USD|EUR|GBP|HKD", re.IGNORECASE)
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%Y/%m/%d",
)
_MOMENT = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
    r"(?: ?([+-]\d{2}:?\d{2}))?$"
)
_PARTS = re.compile(r"[;；]")
_CIPHER = re.compile(r"#[A-Za-z0-9+/=_-]{8,}#*")
_OFFSET_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M %z")


def header_name(raw: str) -> str:
    """A header as meant: no BOM, quotes or spaces (``收货地址 `` → ``收货地址``)."""
    return clean(raw).replace("\u3000", "").strip()


def clean(raw: str | None) -> str:
    """A cell's text without the Excel armour: ``="123"`` → ``123``, ``'0571`` → ``0571``.

    Control characters are dropped (line breaks inside a note stay); a leading tab (抖店's
    way of keeping long ids as text) and surrounding spaces go.
    """
    if not raw:
        return ""
    text = raw.strip(" \t\r\n\u3000")
    if text[:1] in {"=", "'"}:  # a few cells only: the common case skips this
        if text.startswith("'=\""):  # ="…" kept as text by a CSV export (refused rows saved)
            text = text[1:]
        if text.startswith('="') and text.endswith('"') and len(text) >= 3:
            text = text[2:-1]
        if text.startswith("'"):
            text = text[1:]
    if text.isprintable():  # no control, format or odd space character: nothing to remove
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip(" \t\u3000")


def bounded(value: str, column: str, limit: int) -> str:
    """The value, or a refusal when it is longer than the database keeps."""
    if len(value) > limit:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The column {column} holds {length} characters; at most {limit} fit."
            ),
            column=column,
            length=len(value),
            limit=limit,
        )
    return value


def required(value: str, column: str) -> str:
    if not value:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The column {column} is empty."), column=column
        )
    return value


def amount(raw: str, column: str, *, blank: Decimal | None = None) -> Decimal:
    """``¥1,299.00``, ``58.00元``, ``="58"`` → Decimal; negative or non-numeric is refused."""
    text = _AMOUNT_NOISE.sub("", clean(raw))
    if not text:
        if blank is not None:
            return blank
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The column {column} has no amount."), column=column
        )
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The column {column} holds “{value}”, not an amount."),
            column=column,
            value=raw.strip()[:40],
        )
    if value < 0:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The column {column} holds a negative amount ({value})."
            ),
            column=column,
            value=text,
        )
    if value >= Decimal("10000000000"):  # Numeric(12, 2)
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The column {column} holds an amount too large ({value})."
            ),
            column=column,
            value=text,
        )
    return value.quantize(Decimal("0.01"))


def quantity(raw: str, column: str) -> int:
    """A count of pieces: a whole number from 1 up (``2``, ``2.0`` from a spreadsheet)."""
    text = clean(raw).replace("件", "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or number != number.to_integral_value() or not 0 < number < 100000:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The column {column} holds “{value}”, not a quantity."),
            column=column,
            value=raw.strip()[:40],
        )
    return int(number)


def moment(raw: str, column: str, *, zone: timezone = CHINA) -> datetime | None:
    """A date and time in the platforms' forms, timezone-aware; ``None`` when blank.

    Without an offset the platform's own zone is meant (Beijing time for the Chinese ones);
    Shopify writes ``2026-11-20 10:01:02 +0800``. An impossible date (2026-13-45) is refused.
    """
    text = clean(raw)
    if not text or text in {"-", "--", "null", "NULL", "0000-00-00 00:00:00"}:
        return None
    if "  " in text or "\t" in text or "\n" in text:
        text = " ".join(text.split())
    match = _MOMENT.match(text)
    if match:  # the forms every platform uses, without strptime's cost (100,000s of rows)
        year, month, day, hour, minute, second, offset = match.groups()
        try:
            found = datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
        except ValueError:
            raise _not_a_date(column, text) from None
        if offset is None:
            return found.replace(tzinfo=zone)
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        shift = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return found.replace(tzinfo=timezone(sign * shift))
    for form in _OFFSET_FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(text, form).replace(tzinfo=zone)
        except ValueError:
            continue
    raise _not_a_date(column, text)


def _not_a_date(column: str, text: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP("UserError", "The column {column} holds “{value}”, not a real date."),
        column=column,
        value=text[:40],
    )


_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?E\+\d+", re.IGNORECASE)


def spreadsheet_number(value: str) -> bool:
    """``3.01235E+18``: a long number that a spreadsheet program rounded when saving the CSV."""
    return bool(_SCIENTIFIC.fullmatch(value))


def number_lost(column: str, value: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "The column {column} holds “{value}”: the file was saved by a spreadsheet program, "
            "which rounded the long numbers. Download the export again and import it without "
            "opening it first.",
        ),
        column=column,
        value=value[:40],
    )


def garbled(column: str, value: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "UserError",
            "The column {column} holds garbled text (“{value}”): the file was once opened with "
            "the wrong encoding and saved. Download the export again.",
        ),
        column=column,
        value=value[:20],
    )


def attributes(raw: str) -> dict[str, str]:
    """``颜色分类：灰色;尺码：40`` → ``{"颜色分类": "灰色", "尺码": "40"}``.

    A part without a name (抖店 ``灰色 40``) is kept under ``规格`` so nothing is lost.
    """
    found: dict[str, str] = {}
    for part in _PARTS.split(clean(raw)):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.replace("：", ":").partition(":")
        if sep and name.strip():
            found[name.strip()] = value.strip()
        else:
            found["规格"] = f"{found['规格']} {part}" if "规格" in found else part
    return found


def is_masked(value: str) -> bool:
    """``1******6198``, ``张**``: part of it hidden by the platform."""
    return "*" in value


def is_encrypted(value: str) -> bool:
    """抖店 and other platforms give ciphertext for the recipient: ``##A1b2…`` / ``#A1b2…#``."""
    return value.startswith("##") or (value[:1] == "#" and bool(_CIPHER.fullmatch(value)))


def decodable_as(head: bytes, encoding: str) -> bool:
    """Whether ``head`` (the first block of a file, possibly cut mid-character) is this encoding."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def encoding_of(head: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Excel in China writes).

    GBK bytes are almost never valid UTF-8, so trying UTF-8 first tells them apart; text that
    already went wrong once (GBK shown as UTF-8 and saved: ``�`` or ``è®¢``) is caught on the
    headers by ``looks_garbled``.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if decodable_as(head, "utf-8"):
        return "utf-8"
    return "gb18030"


_MOJIBAKE = re.compile(
    r"[\ufffd]|[ÃÂÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêë][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
)


def looks_garbled(text: str) -> bool:
    """Text decoded with the wrong encoding at some point: replacement marks or UTF-8-as-Latin."""
    return bool(_MOJIBAKE.search(text))
