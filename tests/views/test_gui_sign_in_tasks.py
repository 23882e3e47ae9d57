"""My tasks' first page is read while the password is checked (views/supervision/first_tasks.py):
shown after a sign-in of that same account, dropped unseen otherwise."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import CaseType, Role, Stage
from app.services.cases import opening as cases
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.views.shell.signin import SignInDialog
from app.views.supervision import first_tasks
from app.views.supervision.my_tasks_page import MyTasksPage


def _refund_case(db: Database, actor: Actor, skip: int = 0) -> str:
    no = db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=skip + 1))[skip].order_no
    return db.write(lambda s: cases.open_case(s, actor, no, CaseType.REFUND_ONLY)).case_no


def _keys(page: MyTasksPage) -> set[str]:
    return {page.model.task_at(row).key for row in range(page.model.rowCount())}


def _sign_in(qtbot: QtBot, db: Database, password: str) -> SignInDialog:
    dialog = SignInDialog(None, db, LocalSettings(), demo_accounts=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("aftersales")
    dialog.password.setText(password)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.actor is not None or dialog.banner.isVisible(), timeout=10_000)
    return dialog


def test_the_first_page_read_at_the_click_is_what_my_tasks_shows_after_sign_in(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    first = _refund_case(gui_shop, actors[Role.AFTERSALES])
    refused = _sign_in(qtbot, gui_shop, "wrong")
    assert refused.actor is None
    assert (
        first_tasks.take(actors[Role.AFTERSALES], gui_shop) is None
    )  # a refused sign-in keeps nothing

    dialog = _sign_in(qtbot, gui_shop, "demo")
    assert dialog.actor == actors[Role.AFTERSALES]
    # a case opened after the click: the rows shown first are those read beside the check
    later = _refund_case(gui_shop, actors[Role.AFTERSALES], skip=1)
    page = MyTasksPage(dialog.actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: first in _keys(page), timeout=10_000)
    assert later not in _keys(page)
    assert first_tasks.take(dialog.actor, gui_shop) is None  # used once
    page.refresh.click()
    qtbot.waitUntil(lambda: later in _keys(page), timeout=10_000)


@pytest.mark.parametrize("change", ["roles", "someone else", "too long ago"])
def test_a_page_read_for_other_roles_another_person_or_long_ago_is_not_shown(
    qtbot: QtBot,
    gui_shop: Database,
    actors: dict[Role, Actor],
    change: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = _refund_case(gui_shop, actors[Role.AFTERSALES])
    first_tasks.start(gui_shop, "aftersales").result()
    me = actors[Role.AFTERSALES]
    if change == "roles":  # the administrator adds a role while the password is checked
        admin = actors[Role.ADMIN]
        gui_shop.write(
            lambda s: accounts.set_roles(s, admin, "aftersales", [Role.AFTERSALES, Role.SUPERVISOR])
        )
        me = Actor(me.user_id, me.username, me.display_name, me.roles | {Role.SUPERVISOR})
        wait = first_tasks.take(me, gui_shop)
        assert wait is not None and wait() is None  # read for the old roles: not used
    elif change == "someone else":
        assert first_tasks.take(actors[Role.PRESALES], gui_shop) is None
    else:  # e.g. an administrator's sign-in, who has no My tasks, long before this page
        monkeypatch.setattr(first_tasks, "FRESH_S", 0.0)
        assert first_tasks.take(me, gui_shop) is None
    page = MyTasksPage(me)  # reads its own first page
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: case in _keys(page), timeout=10_000)
