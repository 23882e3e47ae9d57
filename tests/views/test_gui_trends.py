"""The trend charts: bars equal to the records, a click lists them, PNG and PDF saved readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.db import Database
from app.models import Role
from app.services.core.actor import Actor
from app.services.supervision.trends import Measure
from app.views.shell.main_window import MainWindow
from app.views.supervision.bar_chart import StackedChart
from app.views.supervision.trends_panel import TrendsPanel
from app.views.supervision.trends_tab import SupervisorTabs
from tests.printing_helpers import text as pdf_text
from tests.test_trends import W23, W30, fill
from tests.test_trends_service import service_fill
from tests.trend_helpers import NOW

pytestmark = pytest.mark.usefixtures("gui_db")


@pytest.fixture
def filled(gui_db: Database, staff: dict[Role, Actor]) -> dict[str, list[str]]:
    return fill(gui_db)


def panel(qtbot: QtBot, actor: Actor) -> TrendsPanel:
    view = TrendsPanel(actor, now=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None and view.shop.count() == 3, timeout=10_000)
    return view


def choose_shop(qtbot: QtBot, view: TrendsPanel, name: str) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.shop.setCurrentIndex(view.shop.findText(name))


def test_the_bars_are_the_shops_figures(
    qtbot: QtBot, staff: dict[Role, Actor], filled: dict[str, list[str]]
) -> None:
    view = panel(qtbot, staff[Role.SUPERVISOR])
    every = view.charts[Measure.REFUND_RATE].values()
    assert len(every) == 12 and every[W23] == pytest.approx(60.0)  # 3 refunds of 5 paid
    choose_shop(qtbot, view, "旗舰店")
    assert view.charts[Measure.REFUND_RATE].values()[W23] == pytest.approx(50.0)
    assert view.charts[Measure.QUALITY_REFUND_RATE].values()[W23] == pytest.approx(25.0)
    hours = view.charts[Measure.REFUND_HOURS]
    assert hours.values()[W23] == pytest.approx(27.0) and hours.values()[W30] == pytest.approx(24.0)
    assert view.charts[Measure.REFUND_RATE].label_format() == "@value%"  # 50%, as on the bar


def test_clicking_a_bar_lists_the_cases_it_counts(
    qtbot: QtBot, staff: dict[Role, Actor], filled: dict[str, list[str]]
) -> None:
    view = panel(qtbot, staff[Role.SUPERVISOR])
    choose_shop(qtbot, view, "旗舰店")
    chart = view.charts[Measure.REFUND_RATE]
    with qtbot.waitSignal(view.list_opened, timeout=10_000) as opened:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_point(W23))
    dialog = opened.args[0]
    assert [r.case_no for r in dialog.rows()] == [filled["a"][1], filled["a"][0]]
    assert "2026.11.23" in dialog.windowTitle() and "旗舰店" in dialog.windowTitle()
    dialog.close()
    quality = view.charts[Measure.QUALITY_REFUND_RATE]
    with qtbot.waitSignal(view.list_opened, timeout=10_000) as opened:
        qtbot.mouseClick(quality.viewport(), Qt.MouseButton.LeftButton, pos=quality.bar_point(W23))
    assert [r.case_no for r in opened.args[0].rows()] == [filled["a"][0]]
    opened.args[0].close()


def test_the_charts_save_as_png_and_pdf(
    qtbot: QtBot, staff: dict[Role, Actor], filled: dict[str, list[str]], tmp_path: Path
) -> None:
    view = panel(qtbot, staff[Role.SUPERVISOR])
    choose_shop(qtbot, view, "旗舰店")
    view.ask_save_path = lambda kind: tmp_path / f"trends.{kind}"  # type: ignore[method-assign]
    png = view.save("png")
    assert png is not None
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= view.board.width()
    pdf = view.save("pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "旗舰店" in text and staff[Role.SUPERVISOR].display_name in text
    assert "2026.09.14" in text and "2026.11.30" in text  # the twelve weeks it shows


def test_the_supervisor_page_has_a_trends_tab(
    qtbot: QtBot, staff: dict[Role, Actor], filled: dict[str, list[str]]
) -> None:
    window = MainWindow(staff[Role.SUPERVISOR], "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.show()
    window.show_page("supervisor")
    tabs = window.pages["supervisor"]
    assert isinstance(tabs, SupervisorTabs) and tabs.trends is None  # built when first opened
    assert [tabs.tabText(i) for i in range(tabs.count())][-1] == "Trends"
    trends_panel = tabs.show_trends()
    qtbot.waitUntil(lambda: trends_panel.figures is not None, timeout=10_000)
    assert len(trends_panel.charts[Measure.REFUND_RATE].values()) == 12


def test_complaints_and_disputes_charts_and_their_lists(
    qtbot: QtBot, gui_db: Database, staff: dict[Role, Actor]
) -> None:
    made = service_fill(gui_db)
    view = panel(qtbot, staff[Role.SUPERVISOR])
    choose_shop(qtbot, view, "旗舰店")
    complaints = view.charts[Measure.COMPLAINTS]
    assert isinstance(complaints, StackedChart)
    parts = complaints.parts()
    assert (parts["发错货"][W23], parts["质量问题"][W23], parts["质量问题"][W30]) == (2, 1, 1)
    assert view.charts[Measure.DISPUTE_RATE].values()[W23] == pytest.approx(50.0)
    assert view.charts[Measure.RESPONSES_ON_TIME].values()[W23] == pytest.approx(33.3)
    with qtbot.waitSignal(view.list_opened, timeout=10_000) as opened:
        qtbot.mouseClick(
            complaints.viewport(), Qt.MouseButton.LeftButton, pos=complaints.bar_point(W23)
        )
    assert [r.complaint_no for r in opened.args[0].rows()] == made["complaints_a"][:3]
    opened.args[0].close()
    lost = view.charts[Measure.DISPUTES_LOST]
    with qtbot.waitSignal(view.list_opened, timeout=10_000) as opened:
        qtbot.mouseClick(lost.viewport(), Qt.MouseButton.LeftButton, pos=lost.bar_point(W30))
    assert [r.dispute_no for r in opened.args[0].rows()] == made["disputes_a"][:1]
    opened.args[0].close()
