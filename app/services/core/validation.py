"""Checks of what users type (free text, numbers, phones, postcodes), shared by every service."""

from __future__ import annotations

import re
import unicodedata

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label


def clean_text(value: str, *, field: str, max_len: int, multiline: bool = False) -> str:
    """Strip, refuse empty, oversized and control characters (they corrupt print-outs)."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "{field} cannot be empty."), field=field)
    if len(text) > max_len:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "{field} is too long: {length} characters, at most {max_len}."
            ),
            field=field,
            length=len(text),
            max_len=max_len,
        )
    allowed = {"\n"} if multiline else set()
    for ch in text:
        if ch not in allowed and unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co"}:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError", "{field} contains a control character (U+{code:04X})."
                ),
                field=field,
                code=ord(ch),
            )
    return text


# -- numbers: every number a user types has bounds, checked here -------------------------
MAX_ID = 2**63 - 1  # the largest key SQLite and PostgreSQL (bigint) can look up
PAGE_MAX = 10_000  # rows one list shows at once

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
_INTERNATIONAL = re.compile(r"^\+\d{7,15}$")
_SERVICE = re.compile(r"^[48]00-?\d{3}-?\d{4}$")  # a shop's 400/800 hotline
_POSTCODE = re.compile(r"(?=.*[0-9])[A-Za-z0-9\- ]{3,10}")


def whole_number(value: int, *, field: str, low: int, high: int) -> int:
    """An integer within [low, high]; a huge one would overflow the database driver."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{field}: {value} is not between {low} and {high}."),
            field=field,
            value=value,
            low=low,
            high=high,
        )
    return value


def page_size(limit: int) -> int:
    field = Label(QT_TRANSLATE_NOOP("Field", "Limit"))
    return whole_number(limit, field=field, low=1, high=PAGE_MAX)


def record_id(value: int | None, field: str) -> int | None:
    """A number that names a row (note, request, paging key): positive and storable."""
    return None if value is None else whole_number(value, field=field, low=1, high=MAX_ID)


def phone_number(value: str, *, field: str) -> str:
    """A mobile (13800138000), a landline (0571-88886666) or +country code: it prints on labels."""
    phone = clean_text(value, field=field, max_len=24)
    compact = re.sub(r"[\s()（）]", "", phone)
    if not any(p.match(compact) for p in (_MOBILE, _LANDLINE, _INTERNATIONAL, _SERVICE)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "“{phone}” is not a phone number: a mobile like 13800138000, a landline "
                "like 0571-88886666, or +country code and number.",
            ),
            phone=phone,
        )
    return compact


def postcode(value: str) -> str:
    """Empty, or 3–10 letters, digits, spaces or hyphens with at least one digit."""
    text = (value or "").strip()
    if text and not _POSTCODE.fullmatch(text):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{postcode}” is not a postcode."), postcode=text
        )
    return text
