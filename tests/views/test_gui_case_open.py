"""Opening a case: from a hand-over it starts as the case the request calls for, with the
customer's reason; the form shows only the fields of the chosen type."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import CaseType, Role
from app.services.cases import handovers
from app.services.cases import opening as cases
from app.services.cases.rows import CaseDetail
from app.services.changes import requests as changes
from app.services.core.actor import Actor
from app.views.cases.case_dialog import CaseDialog
from app.views.cases.case_open_dialog import OpenCaseDialog
from app.views.kit.ops import wait_for_ops
from app.views.shell.main_window import MainWindow
from tests.case_helpers import shipped_orders


def test_a_cancelled_shipped_order_is_taken_up_as_a_recall_with_its_reason(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, errors
) -> None:
    order_no = shipped_orders(gui_shop, 1)[0]
    gui_shop.write(
        lambda s: changes.request_cancel(
            s, actors[Role.PRESALES], order_no, reason="客户不想要了", confirmed=True
        )
    )
    window = MainWindow(actors[Role.AFTERSALES], "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show()
    window.show_page("aftersales")
    page = window.pages["aftersales"]
    qtbot.waitUntil(lambda: page.handed_model.rowCount() == 1)  # type: ignore[attr-defined]
    seen: dict[str, object] = {}

    def ask(parent: QWidget | None, actor: Actor, given: str) -> CaseDetail | None:
        dialog = OpenCaseDialog(parent, actor, given)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.chosen_kind() is CaseType.RECALL)
        seen.update(reason=dialog.reason.toPlainText(), parcel=dialog.parcel.isVisible())
        dialog.save()
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
        return dialog.saved

    monkeypatch.setattr(OpenCaseDialog, "ask", ask)
    monkeypatch.setattr(CaseDialog, "show", lambda _self: None)  # the new case's own window
    page.handed_table.selectRow(0)  # type: ignore[attr-defined]
    page.take_button.click()  # type: ignore[attr-defined]
    assert seen == {"reason": "客户不想要了", "parcel": False}  # 快件退回, not 退货
    assert wait_for_ops()
    made = gui_shop.read(lambda s: cases.for_order(s, order_no))
    assert [(c.type, c.reason) for c in made] == [(CaseType.RECALL, "客户不想要了")]
    assert gui_shop.read(handovers.handed_over) == []  # the hand-over is taken up
    assert not errors


def test_the_form_shows_only_the_fields_of_the_chosen_type(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    dialog = OpenCaseDialog(None, actors[Role.AFTERSALES], shipped_orders(gui_shop, 1)[0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert wait_for_ops()  # no hand-over on this order: nothing is suggested

    def shown() -> tuple[bool, bool, bool]:
        wants = dialog.wants.isVisible()
        return dialog.evidence.isVisible(), dialog.parcel.isVisible(), wants

    expected = {
        CaseType.RECALL: (False, False, False),  # the courier's own parcel comes back
        CaseType.EXCHANGE: (True, True, True),
        CaseType.RETURN: (True, True, False),
        CaseType.REFUND_ONLY: (True, False, False),
        CaseType.COMPLAINT: (False, False, False),
    }
    for kind, fields in expected.items():
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        assert shown() == fields, kind
