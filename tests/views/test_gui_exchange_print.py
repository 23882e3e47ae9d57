"""The printer's exchanges panel: waiting exchanges, printing one, reprinting with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CaseType, Role, SignoffResult
from app.services.cases import exchange as case_exchange
from app.services.cases import opening as cases
from app.services.cases import steps as case_steps
from app.services.core import audit
from app.services.core.actor import Actor
from app.views.cases.exchange_print_panel import ExchangeModel, ExchangePrintPanel
from app.views.kit.pdf_preview import page_sizes_mm
from tests.case_helpers import shipped_orders
from tests.views.layout import assert_fits

WANTS = "白色 41 码"


def _exchange(db: Database, actors: dict[Role, Actor], n: int, *, signed: bool) -> str:
    order_no = shipped_orders(db, n + 1)[n]
    after = actors[Role.AFTERSALES]
    case_no = db.write(
        lambda s: cases.open_case(s, after, order_no, CaseType.EXCHANGE, wants=WANTS)
    ).case_no
    if signed:
        tracking = f"SF90000{n:05d}"
        db.write(lambda s: case_steps.record_return(s, after, case_no, tracking=tracking))
        warehouse = actors[Role.WAREHOUSE]
        db.write(
            lambda s: case_steps.signoff(s, warehouse, case_no, result=SignoffResult.AS_DESCRIBED)
        )
    return case_no


def _panel(qtbot: QtBot, actor: Actor) -> ExchangePrintPanel:
    panel = ExchangePrintPanel(actor)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=20_000)  # the first load
    return panel


def _printed(db: Database, case_no: str) -> list[tuple[str, int, str]]:
    rows = db.read(lambda s: audit.history(s, "case", case_no))
    return [
        (r.actor_name, r.after["copy"], r.after["reason"])
        for r in rows
        if r.action == case_exchange.PRINT_ACTION
    ]


def test_model_passes_the_model_tester(qtmodeltester, gui_shop: Database, actors) -> None:
    _exchange(gui_shop, actors, 0, signed=True)
    model = ExchangeModel()
    model.set_rows(gui_shop.read(case_exchange.waiting))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_the_printer_prints_a_signed_for_exchange_and_reprints_it_with_a_reason(
    qtbot: QtBot,
    gui_shop: Database,
    actors: dict[Role, Actor],
    errors: list[str],
) -> None:
    signed = _exchange(gui_shop, actors, 0, signed=True)
    _exchange(gui_shop, actors, 1, signed=False)  # the return has not arrived: not listed
    panel = _panel(qtbot, actors[Role.PRINTER])
    model = panel.model
    assert model.rowCount() == 1 and panel.status.text() == "Waiting: 1"
    shown = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert shown[0] == signed and shown[3] == WANTS
    assert shown[4].startswith("Signed for by 赵强") and shown[5] == "Not yet"
    assert not panel.print_button.isEnabled()  # nothing chosen yet

    panel.table.selectRow(0)
    assert panel.print_button.isEnabled()
    with qtbot.waitSignal(panel.printed, timeout=30_000) as done:
        panel.print_button.click()
    assert not errors
    result = done.args[0]
    assert result.case_no == signed and result.copy == 1
    assert "printed" in panel.message.text() and signed in panel.message.text()
    preview = panel.preview
    assert preview is not None and preview.tabs.count() == 1
    sizes = page_sizes_mm(result.out)
    assert [(round(w), round(h)) for w, h in sizes] == [(100, 150), (148, 210)]
    assert len(preview.page_labels[0]) == 2
    preview.close()
    assert _printed(gui_shop, signed) == [("王芳", 1, "")]
    qtbot.waitUntil(lambda: model.rowCount() == 0)  # printed: off the waiting list

    # printed already: shown with the option, and printed again only with a reason
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.show_printed.setChecked(True)
    assert model.rowCount() == 1 and model.data(model.index(0, 5)).startswith("1× · last by 王芳")
    panel.table.selectRow(0)
    asked: list[str] = []
    panel.ask_reason = lambda case_no: asked.append(case_no)  # type: ignore[method-assign,func-returns-value]
    panel.print_button.click()  # cancelled: nothing happens
    assert asked == [signed] and _printed(gui_shop, signed) == [("王芳", 1, "")]
    panel.ask_reason = lambda case_no: "标签卡纸"  # type: ignore[method-assign]
    with qtbot.waitSignal(panel.printed, timeout=30_000) as again:
        panel.print_button.click()
    assert again.args[0].copy == 2 and "copy 2" in panel.message.text()
    assert _printed(gui_shop, signed) == [("王芳", 1, ""), ("王芳", 2, "标签卡纸")]
    panel.preview.close()
    assert_fits(panel, QSize(1200, 700))


def test_a_refusal_is_shown_and_nothing_recorded(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    case_no = _exchange(gui_shop, actors, 2, signed=True)
    # the warehouse sees the list but may not print: the service says so
    panel = _panel(qtbot, actors[Role.WAREHOUSE])
    panel.table.selectRow(0)
    panel.print_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "role" in errors[0]
    assert _printed(gui_shop, case_no) == [] and panel.preview is None
    qtbot.waitUntil(panel.print_button.isEnabled)


@pytest.mark.parametrize("size", ["76x130"])
def test_the_chosen_label_size_is_printed(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], size: str
) -> None:
    _exchange(gui_shop, actors, 3, signed=True)
    panel = _panel(qtbot, actors[Role.PRINTER])
    panel.label_size.setCurrentIndex(panel.label_size.findData(size))
    panel.sheet_size.setCurrentIndex(panel.sheet_size.findData("A4"))
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.printed, timeout=30_000) as done:
        panel.print_button.click()
    sizes = [(round(w), round(h)) for w, h in page_sizes_mm(done.args[0].out)]
    assert sizes == [(76, 130), (210, 297)]
