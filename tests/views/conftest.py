"""GUI fixtures: the operation runner bound to a real database, errors collected."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n
from app.db import Database
from app.models import Role
from app.services.core.actor import Actor
from app.views.kit import keyboard
from app.views.kit.keyboard import KeyboardAccess
from app.views.kit.ops import bind_database, hub, wait_for_ops
from app.views.shell import app as gui_app


@pytest.fixture(autouse=True)
def _app_wide_setup_undone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test that starts the whole app (run_gui) gives every later button an Alt+letter and
    the focus style; undone after it, so what a test sees does not depend on the suite's order
    (test_gui_keyboard covers the keyboard access itself)."""
    app = QApplication.instance()
    style = app.styleSheet() if isinstance(app, QApplication) else ""
    installed: list[KeyboardAccess] = []

    def install(qapp: QApplication) -> KeyboardAccess:
        installed.append(keyboard.install_keyboard_access(qapp))
        return installed[-1]

    monkeypatch.setattr(gui_app, "install_keyboard_access", install)
    yield
    app = QApplication.instance()
    if installed and isinstance(app, QApplication):
        for access in installed:
            app.removeEventFilter(access)
        app.setStyleSheet(style)


@pytest.fixture(autouse=True)
def _collect_on_gui_thread() -> Iterator[None]:
    """As in the app (ops.GarbageCollector): no cycle with a Qt object freed in a worker."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()
    gc.collect()


@pytest.fixture
def errors(qtbot: QtBot) -> Iterator[list[str]]:
    """Every message the app put in front of the user during the test."""
    shown: list[str] = []
    hub().error_shown.connect(shown.append)
    yield shown
    hub().error_shown.disconnect(shown.append)


def _bound(database: Database) -> Iterator[Database]:
    bind_database(database)
    yield database
    # let every worker finish before the database (or its PostgreSQL schema) goes away
    assert wait_for_ops()
    bind_database(None)


@pytest.fixture
def gui_db(db: Database, qtbot: QtBot) -> Iterator[Database]:
    """An empty migrated database, bound for the views' operations."""
    yield from _bound(db)


@pytest.fixture
def gui_shop(shop_db: Database, qtbot: QtBot) -> Iterator[Database]:
    """The demo shop (300 orders, six accounts), bound for the views' operations."""
    yield from _bound(shop_db)


@pytest.fixture
def actors(gui_shop: Database, shop_staff: dict[Role, Actor]) -> dict[Role, Actor]:
    return shop_staff


@pytest.fixture
def language(qtbot: QtBot) -> Iterator[QApplication]:
    """Switch the language as Settings does; back to no translator afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield app
    for translator in (*i18n._translators(i18n.CHINESE), *i18n._translators(i18n.ENGLISH)):
        app.removeTranslator(translator)
