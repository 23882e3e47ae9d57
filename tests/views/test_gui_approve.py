"""A supervisor's approval asks why, and the case's timeline shows it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CaseType, Role
from app.services.cases import opening as cases
from app.services.cases.rules import CaseAction
from app.views.cases.case_dialog import open_case_dialog
from app.views.cases.case_forms import ApproveEarlyExchangeForm, CaseForm
from app.views.kit.ops import wait_for_ops
from tests.case_helpers import shipped_orders


def test_an_early_exchange_is_approved_with_a_reason(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    order_no = shipped_orders(gui_shop, 1)[0]
    case = gui_shop.write(
        lambda s: cases.open_case(s, actors[Role.AFTERSALES], order_no, CaseType.EXCHANGE)
    )
    dialog = open_case_dialog(None, actors[Role.SUPERVISOR], case.case_no)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    dialog.action_buttons[CaseAction.APPROVE_EARLY_EXCHANGE].click()
    [form] = [f for f in dialog.findChildren(CaseForm) if f.isVisible()]
    assert isinstance(form, ApproveEarlyExchangeForm)
    confirm = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    confirm.click()
    assert wait_for_ops()
    qtbot.waitUntil(lambda: form.banner.isVisible())
    assert "Reason cannot be empty" in form.banner.text() and form.isVisible()
    form.reason.setText("客户婚礼急用")
    confirm.click()
    assert wait_for_ops()
    qtbot.waitUntil(lambda: form.result_detail is not None)
    qtbot.waitUntil(lambda: any("客户婚礼急用" in t for t in dialog.view.timeline_texts()))
