"""The Roster page (pytest-qt): a swap agreed by the colleague before the supervisor can
approve it, and withdrawn; the supervisor's edit of a day (docs/scores.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role, SwapState
from app.services.core.actor import Actor
from app.services.roster import rotation, swaps
from app.views.scores.roster_page import RosterPage
from tests.score_helpers import NOVEMBER
from tests.views.test_gui_scores import _roster_page


def _click(qtbot: QtBot, page: RosterPage, button_name: str) -> None:
    button = getattr(page, button_name)
    assert button.isEnabled(), button.toolTip()
    with qtbot.waitSignal(page.grid_loaded):
        button.click()


def test_the_colleague_agrees_on_the_page_before_the_supervisor_approves(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    supervisor, presales, after = (
        actors[Role.SUPERVISOR], actors[Role.PRESALES], actors[Role.AFTERSALES]
    )  # fmt: skip
    gui_shop.write(lambda s: rotation.generate(s, supervisor, NOVEMBER))
    gui_shop.write(lambda s: swaps.request(s, presales, NOVEMBER.days()[2], "aftersales"))
    boss = _roster_page(qtbot, supervisor)
    boss.swaps.selectRow(0)
    assert boss.swaps.item(0, 4).text() == "Waiting for the colleague"
    assert not boss.approve_button.isEnabled()  # the colleague has not agreed
    assert "waits for aftersales to agree" in boss.approve_button.toolTip()
    assert boss.refuse_button.isEnabled()
    asker = _roster_page(qtbot, presales)
    asker.swaps.selectRow(0)
    assert not asker.agree_button.isEnabled() and asker.withdraw_button.isEnabled()
    assert asker.approve_button.isHidden()
    colleague = _roster_page(qtbot, after)
    colleague.swaps.selectRow(0)
    _click(qtbot, colleague, "agree_button")
    assert colleague.swap_rows[0].state is SwapState.AGREED
    with qtbot.waitSignal(boss.grid_loaded):
        boss.reload()
    boss.swaps.selectRow(0)
    assert boss.swaps.item(0, 4).text() == "Waiting for the supervisor"
    names = [boss.grid.verticalHeaderItem(r).text() for r in range(boss.grid.rowCount())]
    row = names.index("张三")
    assert boss.grid.item(row, 2).text() == "L"
    _click(qtbot, boss, "approve_button")
    assert boss.grid.item(row, 2).text() == "E"  # the approved swap is on the roster


def test_a_swap_is_withdrawn_on_the_page(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    supervisor, presales = actors[Role.SUPERVISOR], actors[Role.PRESALES]
    gui_shop.write(lambda s: rotation.generate(s, supervisor, NOVEMBER))
    swap = gui_shop.write(lambda s: swaps.request(s, presales, NOVEMBER.days()[2], "aftersales"))
    gui_shop.write(lambda s: swaps.agree(s, actors[Role.AFTERSALES], swap.id))
    printer = _roster_page(qtbot, actors[Role.PRINTER])
    printer.swaps.selectRow(0)
    assert not printer.withdraw_button.isEnabled()  # not one of the two
    asker = _roster_page(qtbot, presales)
    asker.swaps.selectRow(0)
    _click(qtbot, asker, "withdraw_button")
    assert asker.swaps.item(0, 4).text() == "Withdrawn"
    asker.swaps.selectRow(0)
    assert not asker.withdraw_button.isEnabled() and not asker.agree_button.isEnabled()


def _double_click(qtbot: QtBot, page: RosterPage, row: int, column: int) -> None:
    item = page.grid.item(row, column)
    page.grid.scrollToItem(item)
    at = page.grid.visualItemRect(item).center()
    # an item view reads a double click as a press, then the double click
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_the_supervisor_sets_a_day_by_double_clicking_its_cell(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    supervisor = actors[Role.SUPERVISOR]
    gui_shop.write(lambda s: rotation.generate(s, supervisor, NOVEMBER))
    staff_page = _roster_page(qtbot, actors[Role.PRESALES])
    _double_click(qtbot, staff_page, 0, 2)
    assert staff_page.day_dialog is None  # staff read the grid; the service refuses them too
    page = _roster_page(qtbot, supervisor)
    names = [page.grid.verticalHeaderItem(r).text() for r in range(page.grid.rowCount())]
    row = names.index("张三")
    assert page.grid.item(row, 2).text() == "L"
    _double_click(qtbot, page, row, 2)
    dialog = page.day_dialog
    assert dialog is not None and "张三" in dialog.windowTitle()
    assert "2026-11-03" in dialog.windowTitle()
    assert dialog.shift.currentData() == "service_late"  # what the day holds
    dialog.choose(None)
    assert dialog.shift.currentText() == "Off (no shift)"
    with qtbot.waitSignal(page.grid_loaded):
        dialog.save()
    assert page.grid.item(row, 2).text() == ""  # a day off
    with qtbot.waitSignal(page.grid_loaded):
        page.generate_button.click()
    assert page.grid.item(row, 2).text() == ""  # generating again keeps it
    assert "days you set: 1" in page.status.text()
