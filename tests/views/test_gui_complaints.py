"""The complaint dialogs and the dispute dialog with its evidence pack preview (pytest-qt).

A complaint is registered, responded, escalated, resolved and closed by the follow-up call,
each step signed on the dialog's list; the supervisor alone confirms it against the staff
member it names. A dispute with a deadline in the past is refused and nothing saved; a good
one is listed and its evidence pack opens in the preview. SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CaseType, Role
from app.services.cases import opening as cases
from app.services.complaints import disputes
from app.services.core.actor import Actor
from app.views.complaints.complaint_dialog import ComplaintDialog, NewComplaintDialog
from app.views.complaints.complaints_page import ComplaintsPage
from app.views.complaints.dispute_dialog import DisputeDialog
from app.views.kit.ops import wait_for_ops
from app.views.kit.pdf_preview import PreviewDialog
from tests.case_helpers import shipped_orders


def _settle(qtbot: QtBot) -> None:
    assert wait_for_ops()
    qtbot.wait(20)


def test_a_complaint_from_registration_to_the_follow_up_call(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    after = actors[Role.AFTERSALES]
    new = NewComplaintDialog(None, after)
    qtbot.addWidget(new)
    new.show()
    _settle(qtbot)
    assert new.category.count() >= 5  # the shop's categories
    new.category.setCurrentText("回复慢")
    new.order_no.setText("NO-SUCH-ORDER")
    new.about.setCurrentIndex(new.about.findData("presales"))
    assert new.owner.findData("warehouse") == -1  # only after-sales or the supervisor own one
    new.text.setPlainText("问了半天没人回")
    new.save()
    _settle(qtbot)
    assert "There is no order NO-SUCH-ORDER" in new.banner.text() and new.saved is None
    new.order_no.setText(shipped_orders(gui_shop, 1)[0])
    new.save()
    _settle(qtbot)
    assert new.saved is not None and new.saved.complaint_no.startswith("TS")
    no = new.saved.complaint_no

    dialog = ComplaintDialog(None, after, no)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot)
    assert dialog.respond_button.isEnabled() and not dialog.follow_up.isEnabled()
    assert not dialog.confirm_button.isVisible()  # after-sales does not confirm
    dialog.step_text.setPlainText("已致歉，马上处理")
    dialog.respond_button.click()
    _settle(qtbot)
    assert not dialog.respond_button.isEnabled()
    dialog.step_text.setPlainText("客户要求主管回电")
    dialog.escalate_button.click()
    _settle(qtbot)
    dialog.step_text.setPlainText("主管回电，补发已签收")
    dialog.resolve_button.click()
    _settle(qtbot)
    assert dialog.follow_up.isEnabled() and not dialog.resolve_button.isEnabled()
    dialog.attitude.setValue(5)
    dialog.speed.setValue(3)
    dialog.accuracy.setValue(4)
    dialog.follow_up_button.click()
    _settle(qtbot)
    assert not errors
    lines = dialog.step_texts()
    for what in ("Opened", "First response", "Escalated to the supervisor", "Resolved",
                 "Follow-up call"):  # fmt: skip
        assert any(what in line and "李娜" in line for line in lines), (what, lines)
    assert "Satisfaction: attitude 5, speed 3, accuracy 4" in dialog.facts.text()
    assert dialog.state.text() == "Closed" and not dialog.follow_up.isEnabled()

    # the supervisor confirms it against the named staff member
    boss = ComplaintDialog(None, actors[Role.SUPERVISOR], no)
    qtbot.addWidget(boss)
    boss.show()
    _settle(qtbot)
    assert boss.confirm_button.isVisible() and "张三" in boss.confirm_button.text()
    boss.confirm_button.click()
    _settle(qtbot)
    assert "Confirmed against 张三 by 陈静" in boss.facts.text()
    assert not boss.confirm_button.isVisible()


def test_the_page_lists_overdue_complaints_first(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], monkeypatch
) -> None:
    after = actors[Role.AFTERSALES]
    from app.models.complaint_enums import Channel, Priority
    from app.services.complaints import complaints

    for priority in (Priority.GENERAL, Priority.URGENT):
        gui_shop.write(
            lambda s, p=priority: complaints.open_complaint(
                s, after, channel=Channel.PHONE, customer="tb_客", category="物流", priority=p,
                text="还没到",
            )
        )  # fmt: skip
    # three hours later: the urgent one is late, escalated by itself, and on top
    later = datetime.now() + timedelta(hours=3)
    monkeypatch.setenv("AFTERDESK_NOW", later.isoformat(timespec="minutes"))
    page = ComplaintsPage(after)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    assert [r.priority for r in page.rows] == [Priority.URGENT, Priority.GENERAL]
    assert page.rows[0].overdue and page.rows[0].escalated_at is not None
    assert "overdue" in page.table.item(0, 7).text()
    page.show_filter.setCurrentIndex(1)  # overdue only
    qtbot.waitUntil(lambda: len(page.rows) == 1)


def test_the_dispute_and_its_evidence_pack_preview(
    qtbot: QtBot,
    gui_shop: Database,
    actors: dict[Role, Actor],
    tmp_path: Path,
    errors: list[str],
) -> None:
    after = actors[Role.AFTERSALES]
    order_no = shipped_orders(gui_shop, 1)[0]
    case = gui_shop.write(
        lambda s: cases.open_case(s, after, order_no, CaseType.RETURN, reason="鞋底开胶")
    )
    dialog = DisputeDialog(None, after, case.case_no)
    qtbot.addWidget(dialog)
    dialog.show()
    _settle(qtbot)
    assert dialog.dispute_texts() == []
    # a deadline in the past: refused, nothing saved
    dialog.dispute_no.setText("WQ5501")
    dialog.claim.setPlainText("买家称质量问题")
    dialog.deadline.setDateTime(QDateTime.currentDateTime().addDays(-1))
    dialog.save()
    _settle(qtbot)
    assert "has already passed" in dialog.banner.text()
    assert gui_shop.read(lambda s: disputes.for_order(s, order_no)) == []
    dialog.deadline.setDateTime(QDateTime.currentDateTime().addDays(2))
    dialog.save()
    _settle(qtbot)
    (line,) = dialog.dispute_texts()
    assert "WQ5501" in line and "left" in line
    # the evidence pack, previewed
    dialog.evidence_path = lambda: tmp_path / "pack.pdf"  # type: ignore[method-assign]
    dialog.evidence_button.click()
    _settle(qtbot)
    assert not errors
    assert isinstance(dialog.preview, PreviewDialog) and dialog.preview.isVisible()
    assert (tmp_path / "pack.pdf").stat().st_size > 1000
    # the outcome ends it
    dialog.outcome.setCurrentIndex(0)  # won
    dialog.outcome_button.click()
    _settle(qtbot)
    assert "Won" in dialog.dispute_texts()[0]
    assert not dialog.outcome_button.isEnabled()


def test_a_complaint_task_opens_the_complaint(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    from app.config import LocalSettings
    from app.models.complaint_enums import Channel, Priority
    from app.services.complaints import complaints
    from app.views.shell.main_window import MainWindow

    after = actors[Role.AFTERSALES]
    no = gui_shop.write(
        lambda s: complaints.open_complaint(
            s, after, channel=Channel.IM, customer="tb_客", category="物流",
            priority=Priority.URGENT, text="还没到",
        )
    ).complaint_no  # fmt: skip
    window = MainWindow(after, "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    opened = window._open_other("complaint", no)
    assert isinstance(opened, ComplaintDialog) and opened.isVisible()
    _settle(qtbot)
    assert opened.view is not None and opened.view.complaint_no == no
    window.stop_live_updates()


def test_a_dispute_task_opens_the_dispute(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    """My tasks' Open on a dispute shows the dispute dialog with that dispute chosen (not the
    order, nor the order's newest dispute), where its outcome is recorded."""
    from app.config import LocalSettings
    from app.views.shell.main_window import MainWindow
    from app.views.supervision.my_tasks_page import MyTasksPage

    after = actors[Role.AFTERSALES]
    order_no = shipped_orders(gui_shop, 1)[0]
    for number, days in (("WQ7101", 2), ("WQ7102", 5)):  # two disputes on the same order
        gui_shop.write(
            lambda s, n=number, d=days: disputes.open_dispute(
                s, after, order_no, dispute_no=n, deadline=datetime.now() + timedelta(days=d),
                claim="买家称未收到货",
            )
        )  # fmt: skip
    window = MainWindow(after, "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    tasks = window.pages["tasks"]
    assert isinstance(tasks, MyTasksPage)

    def row() -> int | None:
        keys = [tasks.model.text(t, "key") for t in tasks.model._rows]
        return keys.index("WQ7101") if "WQ7101" in keys else None

    qtbot.waitUntil(lambda: row() is not None, timeout=10_000)
    tasks.table.selectRow(row())
    tasks.open_button.click()
    (dialog,) = window.findChildren(DisputeDialog)
    assert dialog.isVisible()
    _settle(qtbot)
    assert [t for t in dialog.dispute_texts() if "WQ710" in t] == dialog.dispute_texts()
    assert dialog.chosen_dispute() == "WQ7101" and dialog.outcome_button.isEnabled()
    window.stop_live_updates()
