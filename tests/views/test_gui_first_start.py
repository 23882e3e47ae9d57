"""The first-start wizard (issue 12 §4): on a PC without a database, this PC's own file or the
team's server, the first administrator and shop, ending signed in; a team PC joining goes
to the sign-in; bad input is refused on its page with nothing saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from app import config, credentials, i18n
from app.config import LocalSettings
from app.db import Database, parse_url
from app.models import Role
from app.services.core import accounts, first_start
from app.services.dispatch import senders, slips
from app.views.kit.ops import bind_database, wait_for_ops
from app.views.shell import app as gui_app
from app.views.shell import first_start_pages as pages
from app.views.shell.first_start_wizard import FirstStartDone, FirstStartWizard
from app.views.shell.signin import SignInDialog
from tests.conftest import PG_URL
from tests.test_first_start import ADMIN, SHOP, server


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This PC's data folder, empty: the built-in database file is made there."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert not config.database_chosen()
    return tmp_path / "data"


@pytest.fixture
def wizards(qtbot: QtBot) -> Iterator[list[FirstStartWizard]]:
    made: list[FirstStartWizard] = []
    yield made
    assert wait_for_ops()
    for wizard in made:
        if wizard.opened is not None and wizard.owns_db:
            wizard.opened.db.dispose()


def open_wizard(
    qtbot: QtBot, made: list[FirstStartWizard], db: Database | None = None
) -> FirstStartWizard:
    wizard = FirstStartWizard(None, LocalSettings.load(), db)
    qtbot.addWidget(wizard)
    made.append(wizard)
    wizard.show()
    return wizard


def press_next(qtbot: QtBot, wizard: FirstStartWizard, expect: int) -> None:
    """Next (or the commit page's button), then wait for the page the wizard should show."""
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
        button = wizard.button(which)
        if button.isVisible():
            button.click()
            break
    qtbot.waitUntil(lambda: wizard.currentId() == expect, timeout=10_000)


def stays(qtbot: QtBot, wizard: FirstStartWizard, page: int, says: str) -> None:
    """Refused: the same page, its banner says why."""
    current = wizard.currentPage()
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
        if wizard.button(which).isVisible():
            wizard.button(which).click()
    assert wait_for_ops()
    qtbot.waitUntil(lambda: current.banner.isVisible())  # type: ignore[attr-defined]
    assert wizard.currentId() == page
    assert says in current.banner.text(), current.banner.text()  # type: ignore[attr-defined]


def plain_english(app: QApplication) -> None:
    """Back to the suite's untranslated English."""
    for translator in (*i18n._translators(i18n.CHINESE), *i18n._translators(i18n.ENGLISH)):
        app.removeTranslator(translator)


def fill_admin(wizard: FirstStartWizard, password: str = ADMIN.password, repeat: str = "") -> None:
    page = wizard.admin_page
    page.display_name.setText(ADMIN.display_name)
    page.username.setText(ADMIN.username)
    page.password.setText(password)
    page.repeat.setText(repeat or password)


def fill_shop(wizard: FirstStartWizard, **changes: str) -> None:
    page = wizard.shop_page
    courier = changes.pop("courier", SHOP.default_courier)
    values = {
        "name": SHOP.name,
        "sender_name": SHOP.sender_name,
        "sender_phone": SHOP.sender_phone,
        "return_address": SHOP.return_address,
        "cutoff": SHOP.cutoff,
    } | changes
    for field, value in values.items():
        getattr(page, field).setText(value)
    page.platform.setCurrentIndex(page.platform.findData(SHOP.platform))
    page.courier.setCurrentText(courier)


def finish(qtbot: QtBot, wizard: FirstStartWizard) -> FirstStartDone:
    wizard.button(QWizard.WizardButton.FinishButton).click()
    done = wizard.outcome()
    assert done is not None
    return done


def signed_in_desk(qtbot: QtBot, done: FirstStartDone) -> gui_app.Desk:
    """What run_gui does after the wizard: the main window of who is signed in."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    bind_database(done.db)
    desk = gui_app.Desk(
        app, gui_app.Opened(done.db, done.actor is None, False), LocalSettings.load()
    )
    assert desk.start(done)
    assert desk.window is not None
    qtbot.addWidget(desk.window)
    return desk


def close(desk: gui_app.Desk) -> None:
    if desk.backups is not None:
        desk.backups.stop()
    assert desk.window is not None
    desk.window.close()
    assert wait_for_ops()
    bind_database(None)


def shop_stored(db: Database) -> None:
    shop = db.read(senders.shops)
    assert [(s.shop, s.platform, s.sender_phone, s.default_courier) for s in shop] == [
        (SHOP.name, SHOP.platform, SHOP.sender_phone, SHOP.default_courier)
    ]
    assert db.read(slips.cutoff) == SHOP.cutoff


def test_this_pc_alone_ends_signed_in_on_the_import_page(
    qtbot: QtBot, data_home: Path, wizards: list[FirstStartWizard]
) -> None:
    wizard = open_wizard(qtbot, wizards)
    assert wizard.currentId() == pages.DATABASE
    assert wizard.database_page.local.isChecked()
    assert str(data_home) in wizard.database_page.local_path.text()  # where the file goes
    press_next(qtbot, wizard, pages.ADMIN)
    assert config.default_db_path().exists()
    fill_admin(wizard)
    press_next(qtbot, wizard, pages.SHOP)
    qtbot.waitUntil(lambda: wizard.shop_page.courier.findText("顺丰速运") >= 0)  # known ones
    fill_shop(wizard)
    press_next(qtbot, wizard, pages.DONE)
    assert (
        "张三" in wizard.done_page.summary.text() and SHOP.name in wizard.done_page.summary.text()
    )
    later = " ".join(
        label.text() for label in wizard.done_page.findChildren(type(wizard.done_page.summary))
    )
    for where in ("Settings", "Staff page", "Shops page", "Import page"):
        assert where in later
    done = finish(qtbot, wizard)
    assert done.actor is not None and done.open_imports
    # the next start goes straight to the sign-in
    assert LocalSettings.load().db_url == f"sqlite:///{config.default_db_path()}"
    assert config.database_chosen()
    desk = signed_in_desk(qtbot, done)
    try:
        window = desk.window
        assert window is not None and window.actor.username == "zhangsan"
        assert window.stack.currentWidget() is window.pages["imports"]
        for page in ("staff", "shops", "imports"):  # where each answer is changed later
            assert page in window.pages
        shop_stored(done.db)
    finally:
        close(desk)


def test_a_one_person_shop_gives_itself_the_work_it_does_and_is_told_its_pages(
    qtbot: QtBot, data_home: Path, wizards: list[FirstStartWizard]
) -> None:
    """The owner who also sells, prints and packs ticks those roles beside the password: the
    last page names the pages they bring, and the window opens with them."""
    wizard = open_wizard(qtbot, wizards)
    press_next(qtbot, wizard, pages.ADMIN)
    fill_admin(wizard)
    offered = wizard.admin_page.also.boxes
    assert Role.ADMIN not in offered and len(offered) == 5  # the administrator anyway
    for role in (Role.PRESALES, Role.PRINTER, Role.WAREHOUSE):
        offered[role].setChecked(True)
    press_next(qtbot, wizard, pages.SHOP)
    fill_shop(wizard)
    press_next(qtbot, wizard, pages.DONE)
    told = wizard.done_page.pages.text()
    for words in ("Administrator", "Pre-sales", "Order printer", "Warehouse"):
        assert words in told
    for page in ("Orders", "Printing", "Packing desk", "Hand-over", "Staff", "Shops"):
        assert page in told
    assert "Daily review" not in told  # not a supervisor
    done = finish(qtbot, wizard)
    desk = signed_in_desk(qtbot, done)
    try:
        window = desk.window
        assert window is not None
        assert window.actor.roles == {Role.ADMIN, Role.PRESALES, Role.PRINTER, Role.WAREHOUSE}
        shown = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert ", ".join(shown) in told  # the same pages, named alike, in the same order
        assert {"orders", "printer", "packing", "staff"} <= set(window.page_keys())
    finally:
        close(desk)


def test_the_teams_server_ends_signed_in_with_the_password_in_the_keyring(
    qtbot: QtBot,
    pg_database: str,
    file_keyring: object,
    data_home: Path,
    wizards: list[FirstStartWizard],
) -> None:
    wizard = open_wizard(qtbot, wizards)
    page = wizard.database_page
    page.server.setChecked(True)
    address = server(pg_database)
    page.host.setText(address.host)
    page.port.setText(address.port)
    page.database.setText(address.database)
    page.user.setText(address.user)
    page.password.setText("team-secret")  # the test server trusts; the keyring keeps it
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and "Connected" in page.result.text())
    assert "empty" in page.result.text()
    press_next(qtbot, wizard, pages.ADMIN)
    fill_admin(wizard)
    press_next(qtbot, wizard, pages.SHOP)
    fill_shop(wizard)
    press_next(qtbot, wizard, pages.DONE)
    assert wizard.done_page.keyring.text() == ""  # kept: nothing to warn about
    wizard.done_page.import_now.setChecked(False)
    done = finish(qtbot, wizard)
    saved = LocalSettings.load()
    assert parse_url(saved.db_url).database == pg_database
    assert "team-secret" not in LocalSettings.path().read_text(encoding="utf-8")
    assert credentials.db_password(parse_url(saved.db_url)) == "team-secret"
    assert not config.default_db_path().exists()  # no local file was made
    desk = signed_in_desk(qtbot, done)
    try:
        window = desk.window
        assert window is not None and window.actor.display_name == "张三"
        assert window.nav.currentRow() == 0  # its first page, not the Import page
        shop_stored(done.db)
    finally:
        close(desk)


def test_connection_test_says_what_failed_in_the_users_language(
    qtbot: QtBot, pg_database: str, wizards: list[FirstStartWizard]
) -> None:
    wizard = open_wizard(qtbot, wizards)
    page = wizard.database_page
    page.server.setChecked(True)
    page.host.setText(make_url(PG_URL).host or "")
    page.user.setText(make_url(PG_URL).username or "")

    def tested(port: str, database: str) -> str:
        page.port.setText(port)
        page.database.setText(database)
        page.test_button.click()
        qtbot.waitUntil(lambda: not page.test_button.isEnabled(), timeout=1000)
        qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=10_000)
        return page.result.text()

    assert "cannot be reached" in tested("5999", pg_database)
    assert "has no database “no_such_afterdesk”" in tested("5432", "no_such_afterdesk")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, i18n.CHINESE)
    try:
        assert "没有数据库" in tested("5432", "no_such_afterdesk")
        assert "无法连接" in tested("5999", pg_database)
    finally:
        plain_english(app)
    # Next on an unreachable server: refused on the page, nothing remembered
    page.port.setText("5999")
    stays(qtbot, wizard, pages.DATABASE, "cannot be reached")
    assert LocalSettings.load().db_url == ""


def test_a_team_pc_joining_goes_to_the_sign_in(
    qtbot: QtBot,
    pg_database: str,
    data_home: Path,
    wizards: list[FirstStartWizard],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the first PC set the server up already
    first = first_start.open_server(server(pg_database), "")
    first.db.write(lambda s: first_start.set_up(s, ADMIN, SHOP))
    first.db.dispose()

    wizard = open_wizard(qtbot, wizards)
    page = wizard.database_page
    page.server.setChecked(True)
    address = server(pg_database)
    for field in ("host", "port", "database", "user"):
        getattr(page, field).setText(getattr(address, field))
    page.password.setText("team-secret")
    press_next(qtbot, wizard, pages.JOIN)
    assert wizard.join_page.isFinalPage()
    # the suite's keyring keeps nothing: the person is told, and asked once per session
    assert "cannot be remembered on this PC" in wizard.join_page.keyring.text()
    done = finish(qtbot, wizard)
    assert done.actor is None  # nobody was made: the team's people sign in
    assert parse_url(LocalSettings.load().db_url).database == pg_database
    asked: list[str] = []

    def sign_in(cls, parent, db, settings, *, demo_accounts: bool):  # type: ignore[no-untyped-def]
        asked.append(db.describe())
        return accounts.sign_in(db, "zhangsan", ADMIN.password)

    monkeypatch.setattr(SignInDialog, "ask", classmethod(sign_in))
    desk = signed_in_desk(qtbot, done)
    try:
        assert asked and pg_database in asked[0]
        assert desk.window is not None and desk.window.actor.username == "zhangsan"
        assert len(done.db.read(senders.shops)) == 1  # nothing new was made
    finally:
        close(desk)


def test_bad_input_is_refused_on_its_page_and_nothing_is_saved(
    qtbot: QtBot, gui_db: Database, wizards: list[FirstStartWizard]
) -> None:
    """A configured database without staff: the wizard starts at the administrator."""
    wizard = open_wizard(qtbot, wizards, gui_db)
    assert wizard.currentId() == pages.ADMIN
    fill_admin(wizard, repeat="harbour-lights-8")
    stays(qtbot, wizard, pages.ADMIN, "The two passwords differ")
    fill_admin(wizard, "12345678")
    stays(qtbot, wizard, pages.ADMIN, "guesser")
    fill_admin(wizard, "short")
    stays(qtbot, wizard, pages.ADMIN, "at least 8 characters")
    fill_admin(wizard)
    press_next(qtbot, wizard, pages.SHOP)
    fill_shop(wizard, name="")
    stays(qtbot, wizard, pages.SHOP, "Shop name cannot be empty")
    fill_shop(wizard, cutoff="4pm")
    stays(qtbot, wizard, pages.SHOP, "“4pm” is not a time of day")
    # refused by the last step of the transaction: the account and shop made before go too
    fill_shop(wizard, courier="快" * 41)
    stays(qtbot, wizard, pages.SHOP, "Default courier is too long")
    assert gui_db.read(accounts.list_users) == [] and gui_db.read(senders.shops) == []
    fill_shop(wizard)
    press_next(qtbot, wizard, pages.DONE)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    wizard.reject()  # the window closed on the last page: still signed in, no import
    done = wizard.outcome()
    assert done is not None and done.db is gui_db and done.actor is not None
    assert not done.open_imports
    shop_stored(gui_db)


def test_a_fresh_pc_opens_the_wizard_and_quitting_it_makes_nothing(
    qtbot: QtBot, data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # a Chinese system, the language never chosen
    asked: list[tuple[Database | None, str]] = []

    def cancelled(cls, parent, settings, db=None):  # type: ignore[no-untyped-def]
        wizard = FirstStartWizard(parent, settings, db)
        asked.append((db, wizard.windowTitle()))
        wizard.deleteLater()
        return None

    monkeypatch.setattr(FirstStartWizard, "ask", classmethod(cancelled))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert gui_app.run_gui() == 0
    finally:
        plain_english(app)
    # asked before any database was opened, in the system's language
    assert asked == [(None, "欢迎使用售后台")]
    assert not config.default_db_path().exists() and LocalSettings.load().db_url == ""


def test_why_the_keyring_keeps_nothing_is_said_in_the_users_language(
    qtbot: QtBot, data_home: Path, wizards: list[FirstStartWizard]
) -> None:
    """The keyring's reason sits inside the wizard's Chinese sentence: it is Chinese too."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, i18n.CHINESE)
    try:
        wizard = open_wizard(qtbot, wizards)
        wizard.use(first_start.open_local(), password="team-secret")  # the suite keeps nothing
        note = wizard.keyring_note()
        assert "本机无法记住服务器密码" in note, note
        assert "没有可用的密钥环" in note, note
        assert "no usable keyring backend" not in note
    finally:
        plain_english(app)
