"""Shared fixtures: a real SQLite file and a real PostgreSQL schema for every database test."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

# Before anything imports Qt or reads the clock: no screen (an offscreen one of a small shop
# PC's 1366×768, so windows are checked against it), a fixed shop time zone,
# a keyring that stores nothing (real backend, no desktop needed), a private config dir.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={os.path.join(os.path.dirname(__file__), 'offscreen_screen.json')}"
)
os.environ["TZ"] = "Asia/Shanghai"
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
time.tzset()

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from app import migrations  # noqa: E402
from app.db import Database  # noqa: E402
from app.models import Role  # noqa: E402
from app.services.core import accounts, demo  # noqa: E402
from app.services.core.actor import Actor  # noqa: E402

PG_URL = os.environ.get("AFTERDESK_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def _private_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("AFTERDESK_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("AFTERDESK_DB", raising=False)
    monkeypatch.delenv("AFTERDESK_USER", raising=False)
    monkeypatch.delenv("AFTERDESK_PASSWORD", raising=False)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id, with test-sized cost: the production cost is a deliberate 50+ ms."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def file_keyring(tmp_path, monkeypatch):
    """A real file keyring backend in a temp folder (the app refuses file keyrings otherwise:
    the test switch says this one is on purpose)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    from app import credentials

    monkeypatch.setenv(credentials.TEST_SWITCH, "1")
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh, empty database of its own on the real server (the first start connects to a
    whole database, not a schema), dropped afterwards."""
    name = f"afterdesk_wizard_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def pg_schema_url() -> tuple[str, str]:
    """A fresh schema on the real server, so runs never collide."""
    schema = f"t_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # unreachable server: fail loudly, never skip
        pytest.fail(f"PostgreSQL at {PG_URL} is required for the test suite: {exc}")
    finally:
        admin.dispose()
    return f"{PG_URL}?options=-csearch_path%3D{schema}", schema


def drop_pg_schema(schema: str) -> None:
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database URL: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'afterdesk.sqlite'}"
        return
    url, schema = pg_schema_url()
    try:
        yield url
    finally:
        drop_pg_schema(schema)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A migrated, empty database."""
    database = Database(db_url)
    migrations.upgrade(database)
    yield database
    database.dispose()


def demo_actors(db: Database) -> dict[Role, Actor]:
    """The demo accounts as signed-in actors, one per role (named after the role)."""

    def read(session) -> dict[Role, Actor]:
        users = {u.username: u for u in accounts.list_users(session)}
        return {
            role: Actor(u.id, u.username, u.display_name, u.roles)
            for role in Role
            if (u := users.get(role.value))
        }

    return db.read(read)


@pytest.fixture
def staff(db: Database) -> dict[Role, Actor]:
    """The demo shop's six accounts (password "demo"), one per role, and no orders."""
    db.write(demo.create_staff)
    return demo_actors(db)


@pytest.fixture
def shop_db(db: Database) -> Database:
    """The demo shop with 300 orders and its six accounts."""
    db.write(lambda s: demo.fill(s, 300))
    return db


@pytest.fixture
def shop_staff(shop_db: Database) -> dict[Role, Actor]:
    return demo_actors(shop_db)
