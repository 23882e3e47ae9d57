"""The Roster page (pytest-qt): a swap agreed by the colleague before the supervisor can
approve it, and withdrawn; the supervisor's edit of a day (docs/scores.md)."""

from __future__ import annotations

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
