"""How dates, signatures and names are written (docs/domain.md, rule 1)."""

from __future__ import annotations

from datetime import datetime

SIGNATURE_SEPARATOR = "---"


def local(at: datetime) -> datetime:
    """The shop's wall-clock time for a stored UTC instant (the PC's time zone)."""
    return at.astimezone()


def seed_date(at: datetime) -> str:
    """The paper register's date: 2026.11.24."""
    return local(at).strftime("%Y.%m.%d")


def short_time(at: datetime | None) -> str:
    """``2026-11-24 16:05`` in the shop's time; "" for none (an order awaiting payment)."""
    return local(at).strftime("%Y-%m-%d %H:%M") if at is not None else ""


def signed(text: str, at: datetime, author: str) -> str:
    """A note as the seed demands it: ``text---2026.11.24 张三``."""
    return f"{text}{SIGNATURE_SEPARATOR}{seed_date(at)} {author}"


def name_key(name: str) -> str:
    """What name searches compare: casefolded, without spaces (“Emily Chen” → “emilychen”)."""
    return "".join(name.casefold().split())
