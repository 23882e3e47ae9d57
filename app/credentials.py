"""Passwords in the system keyring (Windows Credential Manager, macOS Keychain, Secret Service).

A database password never goes into a plain config file. Where no usable
keyring backend exists the caller asks once per session and is told why.
"""

from __future__ import annotations

import keyring
import keyring.backends.fail
from keyring.errors import KeyringError
from sqlalchemy.engine import URL

DB_SERVICE = "AfterDesk database"
STAFF_SERVICE = "AfterDesk"


def keyring_problem() -> str | None:
    """None if passwords can be stored; otherwise why not (shown to the user)."""
    try:
        backend = keyring.get_keyring()
    except KeyringError as exc:  # pragma: no cover - depends on the desktop
        return str(exc)
    if isinstance(backend, keyring.backends.fail.Keyring) or backend.priority <= 0:
        return f"no usable keyring backend ({type(backend).__module__})"
    return None


def db_key(url: URL) -> str:
    return f"{url.username or ''}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def _get(service: str, key: str) -> str | None:
    if keyring_problem():
        return None
    try:
        return keyring.get_password(service, key)
    except KeyringError:
        return None


def _set(service: str, key: str, password: str) -> bool:
    if keyring_problem():
        return False
    try:
        keyring.set_password(service, key, password)
    except KeyringError:
        return False
    return True


def db_password(url: URL) -> str | None:
    return _get(DB_SERVICE, db_key(url))


def store_db_password(url: URL, password: str) -> bool:
    return _set(DB_SERVICE, db_key(url), password)


def staff_password(db_ident: str, username: str) -> str | None:
    return _get(STAFF_SERVICE, f"{username}@{db_ident}")
