"""Who is on duty, shown where work is handed over (pytest-qt, a fixed clock): the change
request's dialog, the request queue and the supervisor's reassign dialog (docs/scores.md)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role, Stage
from app.services.core.actor import Actor
from app.services.orders import lookup as orders
from app.services.roster import rotation
from app.services.supervision import clock, followups
from app.services.supervision.deadlines import read_kind, spec_of
from app.views.changes.change_dialog import CancelDialog
from app.views.changes.requests_page import RequestsPage
from app.views.kit.ops import wait_for_ops
from app.views.supervision.followup_dialogs import ReassignDialog
from tests.score_helpers import NOVEMBER

MORNING, EVENING = "2026-11-02 10:00", "2026-11-02 20:00"  # the printer works 9:00–18:30


@pytest.fixture
def rostered(gui_shop: Database, actors: dict[Role, Actor]) -> Database:
    gui_shop.write(lambda s: rotation.generate(s, actors[Role.SUPERVISOR], NOVEMBER))
    return gui_shop


def _cancel_dialog(qtbot: QtBot, db: Database, actor: Actor) -> CancelDialog:
    order_no = db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0].order_no
    dialog = CancelDialog(None, actor, db.read(lambda s: orders.get(s, order_no)))
    qtbot.addWidget(dialog)
    assert wait_for_ops()
    return dialog


def test_the_change_dialog_names_the_printer_on_shift_or_warns(
    qtbot: QtBot, rostered: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(clock.ENV, MORNING)
    dialog = _cancel_dialog(qtbot, rostered, actors[Role.PRESALES])
    assert not dialog.printers_on_duty.isHidden() and dialog.printer_away.isHidden()
    assert dialog.printers_on_duty.text() == "On duty now: 王芳 (Printer)"
    monkeypatch.setenv(clock.ENV, EVENING)
    late = _cancel_dialog(qtbot, rostered, actors[Role.PRESALES])
    assert late.printers_on_duty.isHidden() and not late.printer_away.isHidden()
    assert "No order printer is on shift now" in late.printer_away.text()


def test_the_request_queue_says_who_is_at_the_printers_desk(
    qtbot: QtBot, rostered: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(clock.ENV, MORNING)
    queue = RequestsPage(actors[Role.PRINTER], mine=False)
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: "王芳" in queue.printers_on_duty.text())
    assert queue.printers_on_duty.text() == "On duty now: 王芳 (Printer)"
    assert not queue.printers_on_duty.isHidden()
    monkeypatch.setenv(clock.ENV, EVENING)
    mine = RequestsPage(actors[Role.PRESALES], mine=True)  # the asker's own list
    qtbot.addWidget(mine)
    qtbot.waitUntil(lambda: "No order printer" in mine.printers_on_duty.text())
    monkeypatch.setenv(clock.ENV, "2027-01-04 10:00")  # a day without a roster: nothing said
    unrostered = RequestsPage(actors[Role.PRINTER], mine=False)
    qtbot.addWidget(unrostered)
    assert wait_for_ops()
    assert unrostered.printers_on_duty.isHidden()


def test_the_reassign_dialog_names_who_of_the_people_offered_is_on_shift(
    qtbot: QtBot, rostered: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(clock.ENV, MORNING)  # aftersales (李娜) works early, presales late
    supervisor = actors[Role.SUPERVISOR]
    offered = rostered.read(lambda s: followups.candidates(s, supervisor, "not_printed"))
    assert {c.username: c.shift.code if c.shift else None for c in offered}["printer"] == (
        "printer_early"
    )
    task = rostered.read(
        lambda s: read_kind(s, spec_of("not_printed"), None, clock.now(s))
    )[0]  # fmt: skip
    dialog = ReassignDialog(None, task, "王芳", offered)
    qtbot.addWidget(dialog)
    assert dialog.on_duty.text() == "On duty now: 王芳 (Printer)"
    refunds = rostered.read(lambda s: followups.candidates(s, supervisor, "refund_waiting"))
    dialog = ReassignDialog(None, task, "李娜", refunds)
    qtbot.addWidget(dialog)
    assert dialog.on_duty.text() == "On duty now: 李娜 (Service early)"
