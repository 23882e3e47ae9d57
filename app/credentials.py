"""Passwords in the system keyring (Windows Credential Manager, macOS Keychain, Secret Service).

A database password never goes into a plain config file. Where no usable
keyring backend exists the caller asks once per session and is told why.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import keyring
import keyring.backends.fail
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError
from sqlalchemy.engine import URL

from app.models.i18n import QT_TRANSLATE_NOOP

DB_SERVICE = "AfterDesk database"
STAFF_SERVICE = "AfterDesk"


# Backends that keep passwords readable on disk (keyrings.alt: plaintext and "encrypted"
# files with a key beside them), or keep nothing: a test tool, never a place for a password.
INSECURE = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")
# The test suite may use a real file or null backend, and must say so explicitly.
TEST_SWITCH = "AFTERDESK_TEST_KEYRING"


def _in_use(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backends a password may land in: a chainer falls through all of its own."""
    return list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]


# The reason is shown inside a translated sentence (the first-start wizard, the password
# prompt, the CLI): its text is marked for the translators and translated where it is shown.
CONTEXT = "Keyring"


@dataclass(frozen=True)
class KeyringProblem:
    """Why passwords cannot be kept here: an English source text and its technical names."""

    template: str
    backend: str = ""

    def message(self, translate: Callable[[str, str], str] = lambda _c, t: t) -> str:
        text = translate(CONTEXT, self.template) or self.template
        try:
            return text.format(backend=self.backend)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide it
            return self.template.format(backend=self.backend)

    def __str__(self) -> str:
        return self.message()


def keyring_problem() -> KeyringProblem | None:
    """None if passwords can be stored safely; otherwise why not (shown to the user)."""
    try:
        backend = keyring.get_keyring()
    except KeyringError as exc:  # pragma: no cover - depends on the desktop
        return KeyringProblem(
            QT_TRANSLATE_NOOP("Keyring", "the keyring fails: {backend}"), str(exc)
        )
    backends = _in_use(backend)
    if not backends or isinstance(backend, keyring.backends.fail.Keyring) or backend.priority <= 0:
        return KeyringProblem(
            QT_TRANSLATE_NOOP("Keyring", "no usable keyring backend ({backend})"),
            type(backend).__module__,
        )
    if not os.environ.get(TEST_SWITCH):
        for used in backends:
            module = type(used).__module__
            if module.startswith(INSECURE):
                return KeyringProblem(
                    QT_TRANSLATE_NOOP("Keyring", "the keyring backend {backend} is not secure"),
                    f"{module}.{type(used).__name__}",
                )
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
