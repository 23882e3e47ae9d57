"""The Score sheet and Roster pages (pytest-qt): proposals confirmed and dismissed, evidence
that opens, the roster's grid and a swap approved; a staff member sees only their own sheet."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import EntryState, MonthState, Role
from app.services.complaints import disputes
from app.services.core.actor import Actor
from app.services.roster import rotation, swaps
from app.services.scores import entries, proposals, sheet
from app.services.scores import rules as score_rules
from app.views.complaints.complaint_dialog import ComplaintDialog
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.kit.ops import wait_for_ops
from app.views.scores.roster_page import RosterPage
from app.views.scores.rules_dialog import RulesDialog
from app.views.scores.score_page import ScorePage
from app.views.scores.shift_dialog import ShiftDialog
from tests.printing_helpers import text
from tests.score_helpers import (
    NOVEMBER,
    NOW,
    complaint_and_late_dispute,
    confirm_all,
    month_of_work,
)


def _page(qtbot: QtBot, actor: Actor) -> ScorePage:
    page = ScorePage(actor)
    qtbot.addWidget(page)
    page.show()
    assert wait_for_ops()
    page.month.setText("2026-11")
    with qtbot.waitSignal(page.sheet_loaded):
        page.reload()
    return page


def _roster_page(qtbot: QtBot, actor: Actor) -> RosterPage:
    page = RosterPage(actor)
    qtbot.addWidget(page)
    page.show()
    assert wait_for_ops()
    page.month.setText("2026-11")
    with qtbot.waitSignal(page.grid_loaded):
        page.reload()
    return page


def _row_of(page: ScorePage, rule: str) -> int:
    for row in range(page.entries.rowCount()):
        if page.entries.item(row, 0).data(256).rule.code == rule:
            return row
    raise AssertionError(rule)


def test_the_supervisor_confirms_dismisses_and_opens_the_evidence(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    work = month_of_work(gui_shop, actors)
    supervisor = actors[Role.SUPERVISOR]
    gui_shop.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    page = _page(qtbot, supervisor)
    assert page.sheet is not None and page.sheet.proposed == 8
    assert page.entries.rowCount() == 8 and page.summary.rowCount() >= 5
    # a case's evidence opens the case; a request's opens its order
    page.entries.selectRow(_row_of(page, "free_freight_non_quality"))
    with qtbot.waitSignal(page.case_requested) as opened:
        page.evidence_button.click()
    assert opened.args == [work["free"]]
    page.entries.selectRow(_row_of(page, "change_not_passed"))
    with qtbot.waitSignal(page.order_requested):
        page.entries.doubleClicked.emit(page.entries.currentIndex())
    assert page.confirm_button.isEnabled()
    with qtbot.waitSignal(page.sheet_loaded):
        page.confirm_button.click()
    page.entries.selectRow(_row_of(page, "return_not_registered"))
    page.ask_reason = lambda: "旺旺里客户没说过"  # type: ignore[method-assign]
    with qtbot.waitSignal(page.sheet_loaded):
        page.dismiss_button.click()
    states = {e.rule.code: e.state for p in page.sheet.people for e in p.entries}
    assert states["change_not_passed"] is EntryState.CONFIRMED
    assert states["return_not_registered"] is EntryState.DISMISSED
    presales = next(p for p in page.sheet.people if p.person.username == "presales")
    assert presales.points == 98
    # the printed sheet from the page
    out = tmp_path / "sheet.pdf"
    page.ask_export_path = lambda _month: out  # type: ignore[method-assign]
    page.export_button.click()
    assert wait_for_ops()
    assert "2026-11" in text(out, 1)


def test_evidence_that_is_a_complaint_or_a_dispute_opens_it(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    """Open evidence on a confirmed complaint shows that complaint; on a late dispute, the
    dispute dialog with that dispute chosen (not the order's newest one), as My tasks does."""
    from app.config import LocalSettings
    from app.views.shell.main_window import MainWindow

    supervisor = actors[Role.SUPERVISOR]
    complaint_no, dispute_no, order_no = complaint_and_late_dispute(gui_shop, actors)
    later = datetime.now().astimezone() + timedelta(days=5)
    gui_shop.write(
        lambda s: disputes.open_dispute(
            s, supervisor, order_no, dispute_no="WQ2026112000002", deadline=later,
            claim="质量问题", owner="aftersales",
        )
    )  # fmt: skip
    gui_shop.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    window = MainWindow(supervisor, "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show_page("scores")
    page = window.pages["scores"]
    assert isinstance(page, ScorePage)
    page.month.setText("2026-11")
    with qtbot.waitSignal(page.sheet_loaded):
        page.reload()
    page.entries.selectRow(_row_of(page, "complaint_confirmed"))
    page.evidence_button.click()
    (complaint,) = window.findChildren(ComplaintDialog)
    qtbot.waitUntil(lambda: complaint.view is not None, timeout=10_000)
    assert complaint.isVisible() and complaint.view.complaint_no == complaint_no
    page.entries.selectRow(_row_of(page, "dispute_late"))
    page.entries.doubleClicked.emit(page.entries.currentIndex())
    (dispute,) = window.findChildren(DisputeDialog)
    qtbot.waitUntil(lambda: len(dispute.found) == 2, timeout=10_000)
    assert dispute.isVisible() and dispute.chosen_dispute() == dispute_no
    assert window.stack.currentWidget() is page  # not the Orders page
    window.stop_live_updates()


def test_the_administrator_edits_the_rules_on_the_score_page(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    """Rules…: the administrator changes a rule's points and turns one off, through the same
    service as 'score rule'; later entries and proposals follow, the supervisor has no such
    button."""
    month_of_work(gui_shop, actors)
    supervisor, admin = actors[Role.SUPERVISOR], actors[Role.ADMIN]
    assert _page(qtbot, supervisor).rules_button.isHidden()
    page = _page(qtbot, admin)
    assert not page.rules_button.isHidden()
    page.rules_button.click()
    dialog = page.findChild(RulesDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: len(dialog.found) > 20, timeout=10_000)
    row = dialog.row_of("overtime")
    assert dialog.rules.item(row, 1).text() == "Unconditional overtime for a promotion"
    dialog.points_box(row).setValue(8)
    off = dialog.rules.item(dialog.row_of("request_not_acknowledged"), 3)
    off.setCheckState(Qt.CheckState.Unchecked)
    assert sorted(dialog.changes()) == [
        ("overtime", 8, None),
        ("request_not_acknowledged", None, False),
    ]
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
    qtbot.waitUntil(lambda: next(r for r in page.rules if r.code == "overtime").points == 8)
    rules = {r.code: r for r in gui_shop.read(score_rules.all_rules)}
    assert rules["overtime"].points == 8 and not rules["request_not_acknowledged"].active
    added = gui_shop.write(
        lambda s: entries.add(s, supervisor, "warehouse", "overtime", "加班", month=NOVEMBER)
    )
    assert added.points == 8
    gui_shop.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    whole = gui_shop.read(lambda s: sheet.read(s, supervisor, NOVEMBER))
    assert "request_not_acknowledged" not in {e.rule.code for p in whole.people for e in p.entries}


def test_a_submitted_month_is_frozen_and_the_administrator_sends_it_back(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    month_of_work(gui_shop, actors)
    supervisor = actors[Role.SUPERVISOR]
    gui_shop.write(lambda s: proposals.propose(s, supervisor, NOVEMBER, now=NOW))
    confirm_all(gui_shop, supervisor)
    gui_shop.write(lambda s: sheet.submit(s, supervisor, NOVEMBER))
    page = _page(qtbot, supervisor)
    assert page.sheet.state is MonthState.SUBMITTED
    assert not page.propose_button.isEnabled() and not page.add_button.isEnabled()
    assert "administrator sends it back" in page.add_button.toolTip()
    page.entries.selectRow(0)
    assert not page.confirm_button.isEnabled() and not page.dismiss_button.isEnabled()
    assert page.send_back_button.isHidden()  # the supervisor cannot take it back
    boss = _page(qtbot, actors[Role.ADMIN])
    assert boss.send_back_button.isEnabled() and boss.approve_button.isEnabled()
    boss.ask_send_back_reason = lambda: "仓库加班漏了"  # type: ignore[method-assign]
    with qtbot.waitSignal(boss.sheet_loaded):
        boss.send_back_button.click()
    assert boss.sheet.state is MonthState.OPEN
    assert not boss.send_back_button.isEnabled() and not boss.approve_button.isEnabled()
    with qtbot.waitSignal(page.sheet_loaded):
        page.reload()
    assert page.propose_button.isEnabled() and page.add_button.isEnabled()


def test_a_staff_member_sees_only_their_own_sheet(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    month_of_work(gui_shop, actors)
    gui_shop.write(lambda s: proposals.propose(s, actors[Role.SUPERVISOR], NOVEMBER, now=NOW))
    page = _page(qtbot, actors[Role.PRINTER])
    assert [p.person.username for p in page.sheet.people] == ["printer"]
    assert page.person.count() == 1 and not page.person.isEnabled()
    assert page.confirm_button.isHidden() and page.export_button.isHidden()
    assert page.sheet.state is MonthState.OPEN


def test_the_roster_grid_and_a_swap_approved(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    supervisor, presales = actors[Role.SUPERVISOR], actors[Role.PRESALES]
    gui_shop.write(lambda s: rotation.generate(s, supervisor, NOVEMBER))
    swap = gui_shop.write(
        lambda s: swaps.request(s, presales, NOVEMBER.days()[2], "aftersales", "家里有事")
    )
    gui_shop.write(lambda s: swaps.agree(s, actors[Role.AFTERSALES], swap.id))
    page = _roster_page(qtbot, supervisor)
    assert page.grid.columnCount() == 30
    names = [page.grid.verticalHeaderItem(r).text() for r in range(page.grid.rowCount())]
    row = names.index("张三")
    assert page.grid.item(row, 2).text() == "L"  # presales works late on the 3rd
    assert page.swaps.rowCount() == 1
    page.swaps.selectRow(0)
    assert page.approve_button.isEnabled()
    with qtbot.waitSignal(page.grid_loaded):
        page.approve_button.click()
    assert page.grid.item(row, 2).text() == "E"
    assert page.swap_rows[0].id == swap.id
    staff_page = RosterPage(presales)
    qtbot.addWidget(staff_page)
    assert staff_page.generate_button.isHidden() and staff_page.approve_button.isHidden()
    assert not staff_page.swap_button.isHidden()


def test_a_fourth_swap_of_the_month_is_flagged_in_the_list(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    supervisor, presales = actors[Role.SUPERVISOR], actors[Role.PRESALES]
    gui_shop.write(lambda s: rotation.generate(s, supervisor, NOVEMBER))
    for n in (1, 3, 5, 7):  # every other day (no swaps on consecutive days)
        swap = gui_shop.write(
            lambda s, d=n: swaps.request(s, presales, NOVEMBER.days()[d], "aftersales")
        )
        if n < 7:
            gui_shop.write(lambda s, i=swap.id: swaps.agree(s, actors[Role.AFTERSALES], i))
            gui_shop.write(lambda s, i=swap.id: swaps.approve(s, supervisor, i))
    page = _roster_page(qtbot, supervisor)
    headers = [page.swaps.horizontalHeaderItem(c).text() for c in range(page.swaps.columnCount())]
    beyond = headers.index("Beyond 3 this month")
    flags = [page.swaps.item(r, beyond).text() for r in range(page.swaps.rowCount())]
    assert flags == ["", "", "", "presales, aftersales"]


def test_the_supervisor_adds_a_warehouse_shift_and_the_month_shows_it(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    supervisor = actors[Role.SUPERVISOR]
    page = _roster_page(qtbot, supervisor)
    assert not page.shifts_button.isHidden()
    dialog = ShiftDialog(page, supervisor, page.roster.shifts if page.roster else None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setEditText("printer_early")  # a known code fills its fields, to change them
    assert dialog.hours.text() == "09:00-11:30, 12:30-18:30"
    dialog.code.setEditText("warehouse_day")
    dialog.team.setCurrentIndex(dialog.team.findData("warehouse"))
    dialog.name_zh.setText("仓库班")
    dialog.name_en.setText("Warehouse day")
    dialog.hours.setText("17:30-08:30")
    dialog.save()
    assert wait_for_ops()
    assert dialog.saved is None and "ends before it starts" in dialog.banner.text()
    dialog.hours.setText("08:30-12:00, 13:00-17:30")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
    assert wait_for_ops()  # the page's own reload after the new shift
    with qtbot.waitSignal(page.grid_loaded):
        page.generate_button.click()
    assert wait_for_ops()
    assert "Warehouse day 08:30-12:00, 13:00-17:30" in page.legend.text()
    names = [page.grid.verticalHeaderItem(r).text() for r in range(page.grid.rowCount())]
    row = names.index("赵强")  # the warehouse's account
    assert page.grid.item(row, 0).text() == "D"  # "Warehouse day": its mark
    assert not _roster_page(qtbot, actors[Role.PRESALES]).shifts_button.isVisible()
