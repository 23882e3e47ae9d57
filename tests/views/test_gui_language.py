"""The UI language reaches Qt's own dialogs and the counts ("200 orders", 已载入 200 个订单)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from app import i18n
from app.db import Database
from app.models import Role
from app.views.orders.orders_page import OrdersPage


@pytest.fixture
def language(qtbot: QtBot) -> Iterator[QApplication]:
    """Switch the language as Settings does; back to no translator afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield app
    for translator in (*i18n._translators(i18n.CHINESE), *i18n._translators(i18n.ENGLISH)):
        app.removeTranslator(translator)


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
