"""Small checks every after-sales step shares: amounts, tracking numbers, free text."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core.validation import clean_text

_TRACKING = re.compile(r"[A-Za-z0-9\-]{6,40}")


def field(text: str) -> Label:
    return Label(text, "Field")


def optional_text(value: str | None, name: str, max_len: int, multiline: bool = False) -> str:
    value = (value or "").strip()
    return (
        clean_text(value, field=field(name), max_len=max_len, multiline=multiline) if value else ""
    )


_MONEY = re.compile(r"[0-9]{1,9}(\.[0-9]{1,2})?")
MAX_MONEY = Decimal("1000000.00")  # far above any parcel's refund or freight


def parse_money(value: str | Decimal | None, name: str) -> Decimal:
    """A non-negative amount with at most two decimals (yuan and fen), typed plainly.

    Only 0–9 and one point: "1e3" is not 1000.00 to a reader, and full-width "１０" is
    refused with its own message rather than guessed.
    """
    text = format(value, "f") if isinstance(value, Decimal) else str(value or "").strip()
    if unicodedata.normalize("NFKC", text) != text:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "{field}: “{value}” has full-width characters; type it as 0–9 and “.”."
            ),
            field=field(name),
            value=text,
        )
    if not _MONEY.fullmatch(text):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{field}: “{value}” is not an amount of money (digits, at most two decimals).",
            ),
            field=field(name),
            value=text,
        )
    amount = Decimal(text)
    if amount > MAX_MONEY:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "{field}: {value} is more than {max}."),
            field=field(name),
            value=text,
            max=MAX_MONEY,
        )
    return amount.quantize(Decimal("0.01"))


def tracking_number(value: str) -> str:
    number = clean_text(
        value, field=field(QT_TRANSLATE_NOOP("Field", "Tracking number")), max_len=40
    )
    if not _TRACKING.fullmatch(number):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{number}” is not a tracking number."), number=number
        )
    return number


def check_tracking_free(
    session: Session, number: str, case: Case | None, *, exchange: bool = False
) -> None:
    """One tracking number belongs to one parcel of one case: a second claim is a mistake."""
    mine = (case.exchange_tracking_no if exchange else case.return_tracking_no) if case else None
    if number == mine:
        return
    other = session.execute(
        select(Case.case_no).where(
            (Case.return_tracking_no == number) | (Case.exchange_tracking_no == number)
        )
    ).scalar()
    if other:  # another case, or this case's other parcel
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "Tracking number {number} already belongs to case {other}."
            ),
            number=number,
            other=other,
        )
