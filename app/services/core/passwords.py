"""The password rule: long enough, and none of the first ones a guesser tries."""

from __future__ import annotations

import functools

from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.paths import resources_dir

MIN_PASSWORD = 8
COMMON_PASSWORDS = resources_dir() / "passwords" / "common.txt"


@functools.cache
def _common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and line[0] != "#")


def check(password: str, username: str = "") -> str:
    """At least MIN_PASSWORD characters, not on the common list, not the user name."""
    if len(password or "") < MIN_PASSWORD:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "A password needs at least {n} characters."),
            n=MIN_PASSWORD,
        )
    folded = password.casefold()
    if folded in _common_passwords() or folded == username.casefold():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "That password is among the first any guesser tries: choose another."
            )
        )
    return password
