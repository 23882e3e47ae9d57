"""The UI language reaches Qt's own dialogs and the counts ("200 orders", 已载入 200 个订单)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from app import i18n
from app.db import Database
from app.models import Role, SpecialKind
from app.services.changes import requests as changes
from app.services.core import demo
from app.services.dispatch import batches as printing
from app.services.dispatch.batch_waybills import WithoutWaybill
from app.views.dispatch.print_page import PrintPage
from app.views.orders.orders_page import OrdersPage
from tests.conftest import demo_actors


def test_qts_file_dialog_speaks_chinese(qtbot: QtBot, language: QApplication) -> None:
    i18n.install(language, i18n.CHINESE)
    dialog = QFileDialog(None, "保存")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not [text for text in labels if text.isascii() and not text.startswith("/")]


@pytest.mark.parametrize(
    ("language_code", "loaded", "one"),
    [
        (i18n.ENGLISH, "Newest first: 50 orders loaded; scroll for more.", "1 order found."),
        (i18n.CHINESE, "按最新排序：已载入 50 个订单，向下滚动载入更多。", "找到 1 个订单。"),
    ],
)
def test_order_counts_follow_the_language(
    qtbot: QtBot,
    gui_shop: Database,
    actors,
    language: QApplication,
    language_code: str,
    loaded: str,
    one: str,
) -> None:
    i18n.install(language, language_code)
    page = OrdersPage(actors[Role.PRESALES], page_size=50)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.status.text() == loaded)
    order_no = page.model.row_at(0).order_no  # type: ignore[union-attr]
    page.search.setText(order_no)
    with qtbot.waitSignal(page.search_finished, timeout=10_000):
        page.run_search()
    assert page.status.text() == one


def test_a_batchs_summary_is_in_the_ui_language(
    qtbot: QtBot, gui_db: Database, language: QApplication, tmp_path: Path
) -> None:
    """A printed order with a request still open is named in the summary, in Chinese."""
    gui_db.write(lambda s: demo.fill(s, 20))
    staff = demo_actors(gui_db)
    order_no = gui_db.read(lambda s: printing.waiting(s, cutoff=""))[0].order_no
    gui_db.write(
        lambda s: changes.request_special(
            s, staff[Role.PRESALES], order_no, special=SpecialKind.INVOICE, text="某某公司",
            confirmed=True,
        )
    )  # fmt: skip
    i18n.install(language, i18n.CHINESE)
    page = PrintPage(staff[Role.PRINTER])
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.use_cutoff.setChecked(False)
    page.ask_save = lambda title, name: tmp_path / "batch.pdf"  # type: ignore[method-assign]
    page.ask_without_waybill = lambda count: WithoutWaybill.PACKING  # type: ignore[method-assign]
    page.show_preview = lambda files: None  # type: ignore[method-assign,assignment,return-value]
    with qtbot.waitSignal(page.printed, timeout=60_000):
        page.print_button.click()
    summary = page.message.text()
    assert summary.startswith("批次 ") and f"订单 {order_no}：请求 #" in summary
    assert "Mark it done" not in summary
