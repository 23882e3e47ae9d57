"""Database passwords live in a real keyring backend, never in the settings file."""

from __future__ import annotations

from typing import ClassVar

import keyring
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import PlaintextKeyring

from app import credentials
from app.config import LocalSettings
from app.connect import open_database
from app.db import parse_url


def test_password_comes_from_the_keyring(file_keyring) -> None:
    url = parse_url("postgresql://postgres@127.0.0.1:5432/test")
    assert credentials.keyring_problem() is None
    assert credentials.store_db_password(url, "team-secret")
    db = open_database("postgresql://postgres@127.0.0.1:5432/test", check_schema=False)
    try:
        assert db.url.password == "team-secret"
        assert "team-secret" not in db.describe()
    finally:
        db.dispose()
    settings = LocalSettings(db_url="postgresql://postgres@127.0.0.1:5432/test")
    settings.save()
    assert "team-secret" not in LocalSettings.path().read_text(encoding="utf-8")


def test_no_usable_keyring_is_explained() -> None:
    # the suite runs with the null backend: nothing can be stored, and we say so
    assert "no usable keyring backend" in str(credentials.keyring_problem())
    url = parse_url("postgresql://postgres@127.0.0.1:5432/test")
    assert credentials.store_db_password(url, "x") is False
    assert credentials.db_password(url) is None


def test_plaintext_keyring_is_refused_and_nothing_is_written(tmp_path) -> None:
    """keyrings.alt comes with the test tools: the app must not store a password with it."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        assert "is not secure" in str(credentials.keyring_problem())
        url = parse_url("postgresql://postgres@127.0.0.1:5432/test")
        assert credentials.store_db_password(url, "team-secret") is False
        assert not (tmp_path / "keyring_pass.cfg").exists()

        class Chain(ChainerBackend):
            backends: ClassVar = [
                PlaintextKeyring(),
                backend,
            ]  # a chain that falls through to the file

        keyring.set_keyring(Chain())
        assert "is not secure" in str(credentials.keyring_problem())
    finally:
        keyring.set_keyring(previous)
