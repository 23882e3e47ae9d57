"""The main window, staff administration, the app's start and sign-out, the runner."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import Role
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import accounts
from app.services.core.accounts import UserView
from app.services.core.actor import Actor
from app.views.kit.ops import Op, Task, hub, wait_for_ops
from app.views.shell import app as gui_app
from app.views.shell import navigation
from app.views.shell.main_window import MainWindow
from app.views.shell.settings_dialog import SettingsDialog
from app.views.shell.signin import SignInDialog
from app.views.shell.staff_page import StaffPage, UsersModel
from app.views.shell.user_dialog import AddUserDialog, RolesDialog
from app.views.supervision.review_page import ReviewPage


def _window(qtbot: QtBot, actor: Actor, where: str = "sqlite:///shop.sqlite") -> MainWindow:
    window = MainWindow(actor, where, LocalSettings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_navigation_follows_the_roles(qtbot: QtBot, actors: dict[Role, Actor]) -> None:
    presales = _window(qtbot, actors[Role.PRESALES])
    # the import history only; everyone's own score sheet and the roster (issue 14)
    assert presales.page_keys() == [
        "tasks", "orders", "my_requests", "imports", "scores", "roster"
    ]  # fmt: skip
    assert presales.live is not None and presales.live.is_running  # live updates started
    assert "张三" in presales.windowTitle() and "shop.sqlite" in presales.windowTitle()
    admin = _window(qtbot, actors[Role.ADMIN])
    # no customers' orders
    assert admin.page_keys() == ["tasks", "staff", "shops", "imports", "scores", "roster"]
    assert isinstance(admin.pages["staff"], StaffPage)
    # the status line points at the search box only where there is one (the Orders page)
    assert "search box" in presales.statusBar().currentMessage()
    assert admin.statusBar().currentMessage() == f"Signed in as {actors[Role.ADMIN].display_name}."
    printer = _window(qtbot, actors[Role.PRINTER])
    assert printer.page_keys() == [
        "tasks", "orders", "requests", "printer", "exchanges", "packing", "handover", "scan",
        "imports", "scores", "roster",
    ]  # fmt: skip
    assert printer.nav.item(0).text() == "My tasks"  # everyone's first page (issue 13)
    assert printer.nav.item(6).text() == "Hand-over"
    assert printer.nav.item(7).text() == "Recalled parcels"
    aftersales = _window(qtbot, actors[Role.AFTERSALES])
    assert aftersales.page_keys() == [
        "tasks", "orders", "my_requests", "aftersales", "complaints", "imports", "scores", "roster"
    ]  # fmt: skip
    supervisor = _window(qtbot, actors[Role.SUPERVISOR])
    assert supervisor.page_keys()[-5:] == ["supervisor", "shops", "imports", "scores", "roster"]
    assert printer.nav.item(2).text() == "Request queue"
    # the daily review took the placeholder's place, the Trends tab beside it
    review = supervisor.pages["supervisor"].widget(0)  # type: ignore[attr-defined]
    assert isinstance(review, ReviewPage)
    assert supervisor.nav.item(supervisor.page_keys().index("supervisor")).text() == "Daily review"
    both = Actor(0, "x", "x", frozenset({Role.WAREHOUSE, Role.SUPERVISOR, Role.ADMIN}))
    assert _window(qtbot, both).page_keys() == [
        "tasks", "orders", "my_requests", "aftersales", "complaints", "packing", "handover", "scan",
        "supervisor", "staff", "shops", "imports", "scores", "roster",
    ]  # fmt: skip
    presales.close()
    assert not presales.live.is_running  # its LISTEN connection is closed
    admin.show_page("staff")
    assert admin.stack.currentWidget() is admin.pages["staff"]
    assert admin.nav.item(1).text() == "Staff"


def _staff(qtbot: QtBot, actor: Actor) -> StaffPage:
    page = StaffPage(actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def test_admin_adds_a_user_with_roles(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    page = _staff(qtbot, actors[Role.ADMIN])
    assert page.model.rowCount() == 6

    def ask(parent: QWidget | None, actor: Actor) -> UserView | None:
        dialog = AddUserDialog(parent, actor)
        qtbot.addWidget(dialog)
        dialog.username.setText("lisi")
        dialog.display_name.setText("李四")
        dialog.password.setText("secret-lisi")
        dialog.roles.boxes[Role.PRESALES].setChecked(True)
        dialog.roles.boxes[Role.PRINTER].setChecked(True)
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved is not None)
        return dialog.saved

    monkeypatch.setattr(AddUserDialog, "ask", ask)
    with qtbot.waitSignal(page.users_loaded, timeout=10_000):
        page.add.click()
    users = {u.username: u for u in gui_shop.read(accounts.list_users)}
    assert users["lisi"].roles == frozenset({Role.PRESALES, Role.PRINTER})
    assert page.model.rowCount() == 7
    assert accounts.sign_in(gui_shop, "lisi", "secret-lisi").display_name == "李四"

    page.select("lisi")
    assert page.toggle.text() == "Disable"
    with qtbot.waitSignal(page.users_loaded, timeout=10_000):
        page.toggle.click()
    assert not {u.username: u for u in gui_shop.read(accounts.list_users)}["lisi"].active
    assert page.selected() is not None and page.toggle.text() == "Enable"

    def change(parent: QWidget | None, actor: Actor, user: UserView) -> UserView | None:
        dialog = RolesDialog(parent, actor, user)
        qtbot.addWidget(dialog)
        dialog.roles.set_roles(frozenset({Role.WAREHOUSE}))
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved is not None)
        return dialog.saved

    monkeypatch.setattr(RolesDialog, "ask", change)
    with qtbot.waitSignal(page.users_loaded, timeout=10_000):
        page.roles.click()
    users = {u.username: u for u in gui_shop.read(accounts.list_users)}
    assert users["lisi"].roles == frozenset({Role.WAREHOUSE})
    assert not errors


def test_a_slow_reload_does_not_hide_the_account_just_added(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    """A reload asked on a busy PC (someone changed an account elsewhere), then an account
    added before it answered: its late, older answer must not take the new account away."""
    page = _staff(qtbot, actors[Role.ADMIN])
    slow = threading.Event()
    calls: list[int] = []
    real_list = accounts.list_users

    def list_users(session):  # type: ignore[no-untyped-def]
        found = real_list(session)
        calls.append(1)
        if len(calls) == 1:  # read before the account is added, answers last
            slow.wait(20)
        return found

    monkeypatch.setattr(accounts, "list_users", list_users)
    page.reload()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=20_000)
    saved = gui_shop.write(
        lambda s: accounts.add_user(
            s, actors[Role.ADMIN], "lisi", "李四", "secret-lisi", ["presales"]
        )
    )
    hub().data_changed.emit("users")  # what the Add account dialog's save announces
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=20_000)
    page.select(saved.username)
    slow.set()  # the old answer, without 李四, arrives now
    assert wait_for_ops()
    assert page.model.rowCount() == 7
    assert page.selected() is not None and page.selected().username == "lisi"  # type: ignore[union-attr]
    assert not errors


def test_add_user_refusals_stay_in_the_dialog(qtbot: QtBot, gui_shop: Database, actors) -> None:
    dialog = AddUserDialog(None, actors[Role.ADMIN])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("presales")  # taken
    dialog.display_name.setText("某人")
    dialog.password.setText("secret-lisi")
    dialog.roles.boxes[Role.PRESALES].setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.banner.isVisible() and dialog.buttons.isEnabled())
    assert "taken" in dialog.banner.text() and dialog.isVisible()
    dialog.username.setText("mouren")
    dialog.roles.set_roles(frozenset())
    dialog.save()
    qtbot.waitUntil(lambda: "at least one role" in dialog.banner.text())
    assert dialog.saved is None


def test_users_model_passes_the_model_tester(qtmodeltester, gui_shop: Database) -> None:
    model = UsersModel()
    model.set_users(gui_shop.read(accounts.list_users))
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "admin"


def test_start_sign_out_and_sign_in_as_someone_else(
    qtbot: QtBot,
    gui_shop: Database,
    actors,
    monkeypatch: pytest.MonkeyPatch,
    language: QApplication,  # Settings installs a translator: taken out again afterwards
) -> None:
    queue = [actors[Role.ADMIN], actors[Role.PRESALES]]
    seen: list[bool] = []

    def ask(_parent, _db, _settings, *, demo_accounts: bool) -> Actor | None:
        seen.append(demo_accounts)
        return queue.pop(0) if queue else None

    monkeypatch.setattr(SignInDialog, "ask", ask)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desk = gui_app.Desk(app, gui_app.Opened(gui_shop, True, True), LocalSettings())
    assert desk.start()
    first = desk.window
    assert first is not None and "staff" in first.page_keys()
    qtbot.addWidget(first)
    first.sign_out()
    second = desk.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.page_keys() == ["tasks", "orders", "my_requests", "imports", "scores", "roster"]
    assert first.live is not None and not first.live.is_running  # stopped with its window
    assert seen == [True, True]  # a demo database: the dialog lists the demo accounts

    monkeypatch.setattr(SettingsDialog, "ask", lambda *_a: True)
    second.open_settings()  # rebuilt under the (new) language, same person
    assert desk.window is not None and desk.window is not second
    qtbot.addWidget(desk.window)
    assert desk.window.actor == actors[Role.PRESALES]


def test_settings_dialog_saves_language_and_never_a_password(qtbot: QtBot) -> None:
    settings = LocalSettings()
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.db_url.setText("not a url at all ::")
    dialog.save()
    assert dialog.banner.isVisible() and not dialog.changed
    dialog.db_url.setText("postgresql://shop:s3cret@db.example/afterdesk")
    dialog.save()
    saved = LocalSettings.load()
    assert dialog.changed and saved.language == "zh_CN"
    assert "s3cret" not in saved.db_url and "db.example" in saved.db_url


def test_the_runner_reports_refusals_and_bugs_and_announces_writes(
    qtbot: QtBot, gui_shop: Database, errors, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(_session: object) -> None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "There is no user {username}."), username="bob"
        )

    with qtbot.waitSignal(hub().error_shown, timeout=10_000):
        Op(None, refuse).run()
    assert errors == ["There is no user bob."]

    def crash() -> None:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR), qtbot.waitSignal(hub().error_shown, timeout=10_000):
        Task(None, crash).run()
    assert "went wrong" in errors[-1] and "boom" not in errors[-1]
    assert "boom" in caplog.text  # the traceback is in the log

    results: list[int] = []
    with qtbot.waitSignal(hub().data_changed, timeout=10_000) as changed:
        Op(None, lambda s: accounts.list_users(s), write=True, changes="users").success(
            lambda users: results.append(len(users))
        ).run()
    assert changed.args == ["users"] and results == [6]


def test_cases_open_from_the_pages_that_name_them(
    qtbot: QtBot, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case named on the orders page, the register or the scan desk opens its dialog."""
    from app.models import CaseType
    from app.services.cases import opening as cases
    from app.views.cases.case_dialog import CaseDialog
    from app.views.cases.case_open_dialog import OpenCaseDialog
    from app.views.kit.ops import hub
    from tests.case_helpers import shipped_orders

    db = hub().db
    assert db is not None
    aftersales = actors[Role.AFTERSALES]
    first, second = shipped_orders(db, 2)
    case = db.write(lambda s: cases.open_case(s, aftersales, first, CaseType.RETURN))
    window = _window(qtbot, aftersales)

    def dialog_for(case_no: str) -> CaseDialog:
        found = [d for d in window.findChildren(CaseDialog) if d.case_no == case_no]
        assert len(found) == 1
        qtbot.waitUntil(lambda: found[0].detail is not None, timeout=10_000)
        return found[0]

    window.orders.case_requested.emit(case.case_no)
    assert dialog_for(case.case_no).isVisible()
    # a new case on the order: the open-case dialog's answer opens that case's window
    opened = db.write(lambda s: cases.open_case(s, aftersales, second, CaseType.COMPLAINT))
    asked: list[str] = []
    monkeypatch.setattr(
        OpenCaseDialog, "ask", lambda _parent, _actor, no="": asked.append(no) or opened
    )
    window.pages["aftersales"].open_case_requested.emit(second)
    assert asked == [second] and dialog_for(opened.case_no).isVisible()
    warehouse = _window(qtbot, actors[Role.WAREHOUSE])
    warehouse.pages["scan"].case_requested.emit(case.case_no)
    assert any(d.case_no == case.case_no for d in warehouse.findChildren(CaseDialog))


@pytest.mark.parametrize(
    "roles",
    [
        *({role} for role in Role),
        {Role.ADMIN, Role.PRESALES, Role.PRINTER, Role.WAREHOUSE},
        set(Role),
    ],
    ids=lambda roles: "+".join(sorted(roles)),
)
def test_the_first_starts_list_of_pages_is_the_navigations(
    qtbot: QtBot, gui_shop: Database, roles: set[Role]
) -> None:
    """What the first start's last page says a person will see is what the window shows."""
    actor = Actor(0, "x", "x", frozenset(roles))
    window = _window(qtbot, actor)
    shown = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert shown == navigation.titles(actor)
