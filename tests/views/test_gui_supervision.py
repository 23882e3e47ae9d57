"""My tasks and the daily review on screen (issue 13): overdue first, a scan opens its task,
the supervisor reminds and reassigns from the review and records the day's review, and a
task done on another PC leaves the list live. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import CaseType, RefundMethod, Role, Stage
from app.models.errors import UserError
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.core import accounts
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.services.supervision import clock
from app.services.supervision import tasks as task_lists
from app.views.orders.orders_page import OrdersPage
from app.views.shell.main_window import MainWindow
from app.views.supervision import review_page
from app.views.supervision.followup_dialogs import ReassignDialog, RemindDialog
from app.views.supervision.my_tasks_page import MyTasksPage
from app.views.supervision.review_page import ReviewPage
from app.views.supervision.task_model import TaskModel
from tests.test_cli import afterdesk
from tests.views.live_helpers import live_updates


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two days on: every refund waiting since today is past its 24 h."""
    monkeypatch.setenv(clock.ENV, (datetime.now(UTC) + timedelta(days=2)).isoformat())


@pytest.fixture
def refunds(gui_shop: Database, actors: dict[Role, Actor]) -> list[str]:
    """Two refund-only cases of 李娜's, waiting for their refund."""
    paid = [
        r.order_no for r in gui_shop.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=2))
    ]
    return [
        gui_shop.write(
            lambda s, no=no: cases.open_case(s, actors[Role.AFTERSALES], no, CaseType.REFUND_ONLY)
        ).case_no
        for no in paid
    ]


def _tasks(qtbot: QtBot, actor: Actor) -> MyTasksPage:
    page = MyTasksPage(actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page


def _review(qtbot: QtBot, actor: Actor) -> ReviewPage:
    page = ReviewPage(actor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.review is not None, timeout=10_000)
    return page


def test_my_tasks_overdue_first_and_a_scan_opens_its_case(
    qtbot: QtBot, gui_shop: Database, actors, refunds, later
) -> None:
    page = _tasks(qtbot, actors[Role.AFTERSALES])
    first = page.model.task_at(0)
    assert first is not None and first.overdue(page.model.now)
    keys = [page.model.task_at(i).key for i in range(page.model.rowCount())]
    assert set(refunds) <= set(keys)
    assert page.model.text(first, "state").startswith("Late by")
    with qtbot.waitSignal(page.case_requested) as opened:
        page.scan.setText(refunds[1].lower())
        page.scan.returnPressed.emit()
    assert opened.args == [refunds[1]]
    with qtbot.waitSignal(page.scan_done, timeout=10_000) as done:
        page.scan.setText("NOPE-1")
        page.scan.returnPressed.emit()
    assert done.args == [None] and "No task of yours for NOPE-1" in page.status.text()
    # the printer's own list has none of after-sales' cases
    printer = MyTasksPage(actors[Role.PRINTER])
    qtbot.addWidget(printer)
    qtbot.waitSignal(printer.tasks_loaded, timeout=10_000)
    qtbot.waitUntil(lambda: printer.model.rowCount() > 0, timeout=10_000)
    assert not {printer.model.task_at(i).key for i in range(printer.model.rowCount())} & set(
        refunds
    )


def _keys(page: MyTasksPage) -> list[str]:
    return [page.model.task_at(i).key for i in range(page.model.rowCount())]


def _cli_keys(db_url: str, user: str, *args: str) -> list[str]:
    done = afterdesk(db_url, "tasks", "--json", *args, user=user)
    assert done.returncode == 0, done.stderr
    return [t["key"] for t in json.loads(done.stdout)]


def test_the_supervisor_sees_everyones_tasks_and_staff_their_own(
    qtbot: QtBot, gui_shop: Database, actors, refunds, later, db_url: str
) -> None:
    """My tasks' Everyone's switch is the supervisor's alone (the service refuses it to
    staff); the page and `afterdesk tasks` list the same tasks for the same choice."""
    page = MyTasksPage(actors[Role.SUPERVISOR])
    qtbot.addWidget(page)
    page.show()
    owner = TaskModel.COLUMNS.index("owner")
    assert page.everyone.isVisible() and not page.everyone.isChecked()
    with qtbot.waitSignal(page.tasks_loaded, timeout=10_000):
        page.reload()
    own = _keys(page)
    assert not set(own) & set(refunds) and page.table.isColumnHidden(owner)
    assert own == _cli_keys(db_url, "supervisor", "--mine")
    page.everyone.setChecked(True)
    qtbot.waitUntil(lambda: not page.table.isColumnHidden(owner), timeout=10_000)
    everyone = _keys(page)
    assert len(everyone) > len(own)
    # whose each is: the printer's pool, 李娜 …
    assert {page.model.text(page.model.task_at(i), "owner") for i in range(len(everyone))} - {""}
    assert everyone == _cli_keys(db_url, "supervisor", "--everyone")
    assert everyone == _cli_keys(db_url, "supervisor")  # the command line's default for them
    # after-sales: no switch, their own list only, the same on the command line
    staff = _tasks(qtbot, actors[Role.AFTERSALES])
    assert staff.everyone.isHidden() and staff.table.isColumnHidden(owner)
    assert set(refunds) <= set(_keys(staff))
    assert (
        _keys(staff) == _cli_keys(db_url, "aftersales") == _cli_keys(db_url, "aftersales", "--mine")
    )
    refused = afterdesk(db_url, "tasks", "--everyone", user="aftersales")
    assert refused.returncode == 2 and "This needs the Supervisor role" in refused.stderr
    with pytest.raises(UserError):
        gui_shop.read(lambda s: task_lists.my_tasks(s, actors[Role.AFTERSALES], mine=False))


def test_the_review_reminds_reassigns_and_records_the_day(
    qtbot: QtBot, gui_shop: Database, actors, refunds, later, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = actors[Role.ADMIN]
    gui_shop.write(
        lambda s: accounts.add_user(s, admin, "zhoumin", "周敏", "demo-pw-1", ["aftersales"])
    )
    page = _review(qtbot, actors[Role.SUPERVISOR])
    assert "Not reviewed yet today" in page.reviewed.text()
    page.kinds.setCurrentRow(page.kind_row("refund_waiting"))
    assert page.kinds.currentItem().text().startswith("Cases waiting for a refund (2 · 2 late)")
    assert [page.model.task_at(i).key for i in range(2)] == refunds  # oldest first
    page.table.selectRow(0)
    monkeypatch.setattr(RemindDialog, "ask", classmethod(lambda cls, p, t, o: "请今天退款"))
    with qtbot.waitSignal(page.review_loaded, timeout=10_000):
        page.remind_selected()
    qtbot.waitUntil(lambda: "请今天退款" in page.model.text(page.model.task_at(0), "reminder"))
    # the reminder reached 李娜's own list
    mine = _tasks(qtbot, actors[Role.AFTERSALES])
    task = next(mine.model.task_at(i) for i in range(mine.model.rowCount())
                if mine.model.task_at(i).key == refunds[0] and mine.model.task_at(i).kind.value
                == "refund_waiting")  # fmt: skip
    assert [(r.by, r.text) for r in task.reminders] == [("陈静", "请今天退款")]
    # reassign the second to 周敏: the dialog offers people at work who do after-sales
    offered: list[str] = []

    def choose(cls, parent, task, owner, people):
        offered.extend(p.username for p in people)
        return "zhoumin"

    page.table.selectRow(1)
    monkeypatch.setattr(ReassignDialog, "ask", classmethod(choose))
    with qtbot.waitSignal(page.review_loaded, timeout=10_000):
        page.reassign_selected()
    assert "zhoumin" in offered and "printer" not in offered
    qtbot.waitUntil(
        lambda: any(
            page.model.task_at(i).key == refunds[1] and page.model.text(page.model.task_at(i),
                                                                        "owner") == "周敏"
            for i in range(page.model.rowCount())
        )
    )  # fmt: skip
    with qtbot.waitSignal(page.review_loaded, timeout=10_000):
        page.done_button.click()
    qtbot.waitUntil(lambda: "Reviewed by 陈静" in page.reviewed.text())
    assert not page.done_button.isEnabled()


def test_a_kind_with_more_than_a_page_shows_its_rows_then_its_count(
    qtbot: QtBot, gui_shop: Database, actors, refunds, later, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows show at once, the kind saying "at least" ("1+"); its count follows."""
    monkeypatch.setattr(review_page, "ROWS_PER_KIND", 1)
    page = ReviewPage(actors[Role.SUPERVISOR])
    qtbot.addWidget(page)
    first: list[str] = []
    page.review_loaded.connect(lambda: first.append(page.kinds.item(kind_row()).text()))

    def kind_row() -> int:
        return page.kind_row("refund_waiting")

    with qtbot.waitSignal(page.counts_loaded, timeout=10_000):
        page.show()
    assert first[0].startswith("Cases waiting for a refund (1+ · 1+ late)")
    assert page.kinds.item(kind_row()).text().startswith("Cases waiting for a refund (2 · 2 late)")
    page.kinds.setCurrentRow(kind_row())
    assert page.model.rowCount() == 1 and page.model.task_at(0).key == refunds[0]
    assert page.note.text() == "Showing 1 of 2." and page.more_button.isVisible()


def test_a_task_done_on_another_pc_leaves_the_list(
    qtbot: QtBot, gui_shop: Database, actors, refunds, later
) -> None:
    page = _tasks(qtbot, actors[Role.AFTERSALES])
    other = Database(gui_shop.url.render_as_string(hide_password=False))  # the other PC

    def waiting() -> set[str]:
        return {
            page.model.task_at(i).key
            for i in range(page.model.rowCount())
            if page.model.task_at(i).kind.value == "refund_waiting"
        }

    try:
        with live_updates(qtbot, gui_shop) as promise:  # this PC's own feed of others' changes
            assert refunds[0] in waiting()
            other.write(
                lambda s: case_steps.refund(
                    s, actors[Role.AFTERSALES], refunds[0], amount="1", method=RefundMethod.ALIPAY
                )
            )
            qtbot.waitUntil(lambda: refunds[0] not in waiting(), timeout=promise + 2_000)
    finally:
        other.dispose()


def test_after_sign_in_my_tasks_shows_its_rows_and_a_page_is_built_when_first_opened(
    qtbot: QtBot, gui_shop: Database, actors, refunds
) -> None:
    """Only the page shown first is built with the window, so My tasks' rows come sooner after
    Sign in (issue 13); any other page is built the first time it is opened, with its data."""
    window = MainWindow(actors[Role.AFTERSALES], gui_shop.describe(), LocalSettings())
    qtbot.addWidget(window)
    window.show()
    tasks = window.stack.currentWidget()
    assert isinstance(tasks, MyTasksPage)
    qtbot.waitUntil(lambda: set(refunds) <= set(_keys(tasks)), timeout=10_000)
    assert [key for key in window.page_keys() if window.pages.is_built(key)] == ["tasks"]
    assert window.nav.item(window.page_keys().index("orders")).text() == "Orders"

    window.nav.setCurrentRow(window.page_keys().index("orders"))  # its first opening
    orders_page = window.stack.currentWidget()
    assert isinstance(orders_page, OrdersPage) and orders_page is window.orders
    qtbot.waitUntil(lambda: orders_page.table.model().rowCount() > 0, timeout=10_000)
    window.nav.setCurrentRow(0)  # back to My tasks: the same page, its rows kept
    assert window.stack.currentWidget() is tasks and set(refunds) <= set(_keys(tasks))
    window.nav.setCurrentRow(window.page_keys().index("orders"))
    assert window.stack.currentWidget() is orders_page  # built once
    window.stop_live_updates()
