"""The printer's request queue, the asker's own requests, overdue, and live updates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import i18n
from app.db import Database
from app.models import RequestState, Role, SpecialKind, Stage
from app.services.changes import requests as changes
from app.services.changes.requests import RequestView
from app.services.changes.texts import Address
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.services.orders import notes
from app.views.changes.request_actions import DoneDialog
from app.views.changes.request_model import OVERDUE, RequestQueueModel
from app.views.changes.requests_page import RequestsPage
from app.views.kit.live import LiveUpdates
from app.views.kit.ops import hub
from app.views.orders.order_detail import OrderDetailPanel
from app.views.orders.orders_page import OrdersPage


def _order_nos(db: Database, stage: Stage, n: int) -> list[str]:
    return [r.order_no for r in db.read(lambda s: orders.list_page(s, stage=stage, limit=n))]


def _ask(db: Database, actor: Actor, order_no: str, text: str, **kw: object) -> RequestView:
    return db.write(
        lambda s: changes.request_special(
            s,
            actor,
            order_no,
            special=SpecialKind.OTHER,
            text=text,
            **kw,  # type: ignore[arg-type]
        )
    )


@pytest.fixture
def asked(gui_shop: Database, actors) -> list[RequestView]:
    """Three requests by 张三: two with the printer (the second urgent), one unconfirmed."""
    presales = actors[Role.PRESALES]
    a, b, c = _order_nos(gui_shop, Stage.PAID, 3)
    return [
        _ask(gui_shop, presales, a, "请用礼盒包装", confirmed=True),
        _ask(gui_shop, presales, b, "加急发货", confirmed=True, urgent=True),
        _ask(gui_shop, presales, c, "等客户确认"),
    ]


def _page(qtbot: QtBot, actor: Actor, *, mine: bool) -> RequestsPage:
    page = RequestsPage(actor, mine=mine)
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.overdue_minutes and page.status.text() != "")
    return page


def test_queue_model_passes_the_model_tester(qtmodeltester, gui_shop: Database, asked) -> None:
    model = RequestQueueModel()
    rows = gui_shop.read(lambda s: changes.queue(s, states=changes.ACTIVE))
    model.set_requests(rows, 30)
    qtmodeltester.check(model)
    model.set_now(rows[0].requested_at + timedelta(hours=2))
    qtmodeltester.check(model)
    model.set_requests([], 30)
    qtmodeltester.check(model)


def test_the_printer_sees_the_queue_urgent_first_and_marks_done(
    qtbot: QtBot, gui_shop: Database, actors, asked, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    page = _page(qtbot, actors[Role.PRINTER], mine=False)
    model = page.model
    assert model.rowCount() == 2  # the unconfirmed one has not reached the printer
    urgent, plain = model.request_at(0), model.request_at(1)
    assert urgent is not None and urgent.id == asked[1].id and plain is not None
    assert model.index(0, 1).data().startswith("URGENT")
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 2).data() == "客户要求加急发货"  # what changes
    assert model.index(0, 3).data().startswith("张三")  # who asked, and when
    assert page.table.isColumnHidden(RequestQueueModel.COLUMNS.index("state"))

    page.select_request(plain.id)
    done = page.button(RequestState.DONE)
    assert done is not None and done.text() == "Done…"
    assert "张三" in page.detail.text() and "礼盒" in page.detail.text()
    monkeypatch.setattr(DoneDialog, "ask", classmethod(lambda cls, parent, view: "已放入礼盒"))
    with qtbot.waitSignal(page.requests_loaded, timeout=10_000):
        done.click()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.request_at(0).id == urgent.id  # type: ignore[union-attr]
    finished = gui_shop.read(lambda s: changes.get(s, plain.id))
    assert finished.state is RequestState.DONE and finished.done_by == "王芳"
    assert finished.done_remark == "已放入礼盒"

    # the asker sees it was done, by whom, with the remark
    mine = _page(qtbot, actors[Role.PRESALES], mine=True)
    qtbot.waitUntil(lambda: mine.model.rowCount() == 3)
    row = mine.model.row_of(plain.id)
    assert row is not None
    state = mine.model.index(row, RequestQueueModel.COLUMNS.index("state")).data()
    done_by = mine.model.index(row, RequestQueueModel.COLUMNS.index("done")).data()
    assert state == "Done" and done_by.startswith("王芳") and "已放入礼盒" in done_by
    mine.select_request(asked[2].id)  # unconfirmed: the asker may confirm or withdraw
    assert mine.button(RequestState.OPEN) is not None
    assert mine.button(RequestState.WITHDRAWN) is not None
    assert mine.button(RequestState.DONE) is None  # only the printer marks done
    assert not errors


def test_cancelling_the_remark_dialog_changes_nothing(
    qtbot: QtBot, gui_shop: Database, actors, asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, actors[Role.PRINTER], mine=False)
    page.select_request(asked[0].id)
    monkeypatch.setattr(DoneDialog, "ask", classmethod(lambda cls, parent, view: None))
    page.button(RequestState.DONE).click()  # type: ignore[union-attr]
    assert gui_shop.read(lambda s: changes.get(s, asked[0].id)).state is RequestState.OPEN


def test_overdue_requests_are_highlighted_to_printer_and_asker(
    qtbot: QtBot, gui_shop: Database, actors, asked
) -> None:
    gui_shop.write(lambda s: changes.set_overdue_minutes(s, actors[Role.SUPERVISOR], 1))
    page = _page(qtbot, actors[Role.PRINTER], mine=False)
    assert page.model.overdue_minutes == 1
    confirmed = asked[0].confirmed_at
    assert confirmed is not None
    page.show_overdue(confirmed + timedelta(seconds=30))
    assert page.model.overdue_ids() == []
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    page.show_overdue(confirmed + timedelta(minutes=5))
    assert sorted(page.model.overdue_ids()) == sorted([asked[0].id, asked[1].id])
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE
    assert "1 minutes" in page.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "overdue: 2" in page.status.text()

    mine = _page(qtbot, actors[Role.PRESALES], mine=True)
    mine.show_overdue(confirmed + timedelta(minutes=5))
    assert sorted(mine.model.overdue_ids()) == sorted([asked[0].id, asked[1].id])  # not #3

    panel = OrderDetailPanel(actors[Role.PRESALES])
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.load(asked[0].order_no)
    panel.show_overdue(confirmed + timedelta(minutes=5))
    assert panel.requests.overdue_ids() == [asked[0].id]
    panel.show_overdue(confirmed)
    assert panel.requests.overdue_ids() == []


def _second_session(db: Database) -> Database:
    """Another PC on the same database: its own engine and connections."""
    return Database(db.url.render_as_string(hide_password=False))


def test_a_change_in_one_session_is_seen_in_another(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    other = _second_session(gui_shop)
    live = LiveUpdates(other)
    try:
        if gui_shop.is_sqlite:
            live.start()
        else:  # pushed: wait until the LISTEN connection is up
            with qtbot.waitSignal(live.listening_changed, timeout=10_000):
                live.start()
        order_no = _order_nos(gui_shop, Stage.PAID, 1)[0]
        promise = 3_000 if gui_shop.is_sqlite else 1_000
        with qtbot.waitSignal(
            live.changes_seen,
            timeout=promise,
            check_params_cb=lambda events: any(e.key == order_no for e in events),
        ) as seen:
            gui_shop.write(
                lambda s: notes.add(s, actors[Role.PRESALES], order_no, "客户要求周末送货")
            )
        (event,) = [e for e in seen.args[0] if e.key == order_no]
        assert event.action == "note.add" and event.actor == "张三" and event.entity == "order"
    finally:
        live.stop()
        other.dispose()


def test_open_screens_reload_what_concerns_them(
    qtbot: QtBot, gui_shop: Database, actors, asked
) -> None:
    """The order panel and the printer's queue, fed by another session's live updates."""
    other = _second_session(gui_shop)
    live = LiveUpdates(other)
    live.changes_seen.connect(hub().changes_seen)
    panel = OrderDetailPanel(actors[Role.PRINTER])
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.order_shown, timeout=10_000):
        panel.load(asked[2].order_no)
    queue = _page(qtbot, actors[Role.PRINTER], mine=False)
    assert queue.model.rowCount() == 2
    try:
        if gui_shop.is_sqlite:
            live.start()
        else:
            with qtbot.waitSignal(live.listening_changed, timeout=10_000):
                live.start()
        promise = 3_000 if gui_shop.is_sqlite else 1_000
        # the customer confirms on another PC (a write this process's runner never saw)
        with (
            qtbot.waitSignal(panel.order_shown, timeout=promise + 2_000),
            qtbot.waitSignal(queue.requests_loaded, timeout=promise + 2_000),
        ):
            gui_shop.write(lambda s: changes.confirm(s, actors[Role.PRESALES], asked[2].id))
        assert panel.requests.requests[0].state is RequestState.OPEN
        qtbot.waitUntil(lambda: queue.model.rowCount() == 3)
    finally:
        live.stop()
        live.changes_seen.disconnect(hub().changes_seen)
        other.dispose()


def test_the_listener_reconnects_after_the_connection_drops(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    if gui_shop.is_sqlite:
        pytest.skip("SQLite has no push connection: it is polled")
    live = LiveUpdates(gui_shop, safety_ms=200)
    try:
        with qtbot.waitSignal(live.listening_changed, timeout=10_000):
            live.start()
        assert live.listener is not None
        with qtbot.waitSignal(live.listening_changed, timeout=5_000) as lost:
            live.listener.conn.pgconn.finish()  # the network dropped it
            live._notified()  # what the socket notifier does when the socket closes
        assert lost.args == [False]
        with qtbot.waitSignal(live.listening_changed, timeout=5_000) as back:
            pass  # the safety poll reconnects
        assert back.args == [True] and live.is_listening
        order_no = _order_nos(gui_shop, Stage.PAID, 1)[0]
        with qtbot.waitSignal(
            live.changes_seen,
            timeout=1_000,
            check_params_cb=lambda events: any(e.key == order_no for e in events),
        ):
            gui_shop.write(lambda s: notes.add(s, actors[Role.PRESALES], order_no, "再次连接"))
    finally:
        live.stop()


def test_the_order_list_updates_rows_changed_elsewhere_in_place(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    page = OrdersPage(actors[Role.PRINTER])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
    target = next(r for r in rows if r is not None and r.stage == "paid")
    position = rows.index(target)
    page.table.selectRow(position)
    other = _second_session(gui_shop)
    live = LiveUpdates(other)
    live.changes_seen.connect(hub().changes_seen)
    try:
        live.start()
        if not gui_shop.is_sqlite:
            qtbot.waitUntil(lambda: live.is_listening, timeout=10_000)
        order = gui_shop.read(lambda s: orders.get(s, target.order_no))
        r = order.recipient
        new = Address("新收件人", "13912345678", "上海市", "上海市", "浦东新区", r.street)
        with qtbot.waitSignal(page.model.rows_refreshed, timeout=5_000):
            gui_shop.write(
                lambda s: changes.request_address(
                    s, actors[Role.PRESALES], target.order_no, new, confirmed=True
                )
            )
        fresh = page.model.row_at(position)
        assert fresh is not None and fresh.order_no == target.order_no
        assert fresh.recipient_name == "新收件人" and fresh.province == "上海市"
        assert page.model.rowCount() == len(rows)  # no reset: the list stays where it was
        assert page.table.selectionModel().selectedRows()[0].row() == position
    finally:
        live.stop()
        live.changes_seen.disconnect(hub().changes_seen)
        other.dispose()


def test_the_queue_loaded_while_hidden_opens_with_one_line_per_request(
    qtbot: QtBot, gui_shop: Database, actors, asked
) -> None:
    """The page loads at start, before anyone opens it: its rows are measured again when it
    shows, so no request fills the whole list; its title names what it is (打单请求)."""
    page = RequestsPage(actors[Role.PRINTER], mine=False)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # loaded, never shown
    page.resize(1200, 600)
    page.show()
    table, line = page.table, page.table.fontMetrics().height()
    qtbot.waitUntil(lambda: all(table.rowHeight(r) < 3 * line for r in range(2)))
    assert table.rowViewportPosition(1) + table.rowHeight(1) < table.viewport().height()
    assert page.windowTitle() == "Request queue"
    assert i18n.Translator(i18n.CHINESE)("RequestsPage", "Request queue") == "打单请求"
