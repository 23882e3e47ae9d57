"""The after-sales page and its register (售后登记表), on SQLite and PostgreSQL.

Cases are made through the services as after-sales and the warehouse would; the tests
read what the register shows, filter it, page it, export and print it, and check which
case or order the page asks the main window to open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QThread
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import CaseState, CaseType, Role, SignoffResult
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import register as case_register
from app.services.cases import steps as case_steps
from app.services.cases import unannounced_parcels
from app.services.cases.register import RegisterFilter
from app.services.changes import requests as changes
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.views.cases.aftersales_page import AftersalesPage
from app.views.cases.register_model import RegisterModel
from app.views.cases.register_page import RegisterPage
from app.views.kit.ops import hub, wait_for_ops
from app.views.kit.pdf_preview import PreviewDialog
from tests.case_helpers import jpeg, shipped_orders

RETURN_TRACKING = "SF1000200030"
UNANNOUNCED_TRACKING = "YT9990001234"


@dataclass(frozen=True)
class Made:
    quality: str  # a quality return, photo, parcel sent back and signed by the warehouse
    exchange: str  # an exchange waiting for the customer
    recall: str  # a recall of a shipped parcel
    unannounced: str  # a parcel nobody announced
    orders: list[str]


@pytest.fixture
def made(actors: dict[Role, Actor], gui_shop: Database) -> Made:
    after, warehouse = actors[Role.AFTERSALES], actors[Role.WAREHOUSE]
    nos = shipped_orders(gui_shop, 6)

    def build(s):  # type: ignore[no-untyped-def]
        quality = cases.open_case(
            s, after, nos[0], CaseType.RETURN, reason="鞋底开胶", quality=True,
            defect_location="左脚鞋头缝线", freight_advance="12",
        ).case_no  # fmt: skip
        case_photos.add_photos(s, after, quality, [case_photos.prepare(jpeg(), "toe.jpg")])
        case_steps.record_return(s, after, quality, tracking=RETURN_TRACKING, courier="顺丰")
        case_steps.signoff(s, warehouse, quality, result=SignoffResult.AS_DESCRIBED)
        exchange = cases.open_case(
            s, after, nos[1], CaseType.EXCHANGE, reason="尺码小了", wants="42码"
        ).case_no
        recall = cases.open_case(s, after, nos[2], CaseType.RECALL, reason="客户取消").case_no
        unannounced = unannounced_parcels.register_unannounced(
            s, warehouse, tracking=UNANNOUNCED_TRACKING, courier="圆通"
        ).case_no
        return Made(quality, exchange, recall, unannounced, nos)

    return gui_shop.write(build)


def _page(qtbot: QtBot, actor: Actor) -> RegisterPage:
    page = RegisterPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert wait_for_ops()
    return page


def _shown(page: RegisterPage) -> list[str]:
    """The case numbers in the table, top to bottom."""
    return [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]


def _apply(page: RegisterPage) -> None:
    page.apply_filters()
    assert wait_for_ops()


def test_the_register_lists_every_case_with_its_columns(
    qtbot: QtBot, made: Made, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    assert _shown(page) == [made.unannounced, made.recall, made.exchange, made.quality]  # newest
    assert page.count_label.text() == "4 cases"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(18)]
    assert headers[:3] == ["Date", "Case", "Order"] and headers[-1] == "Exchange tracking no."
    row = page.model.row_of(made.quality)
    assert row is not None
    cells = dict(zip(headers, page.model.shown()[row], strict=True))
    assert cells["Order"] == made.orders[0] and cells["Type"] == "Return"
    assert (cells["Quality problem"], cells["Defect location"], cells["Photos"]) == (
        "Yes", "左脚鞋头缝线", "1",
    )  # fmt: skip
    assert (
        cells["Return tracking no."] == RETURN_TRACKING
        and cells["State"] == "Signed for by the warehouse"
    )
    assert cells["Warehouse signature"].startswith(actors[Role.WAREHOUSE].display_name)
    unannounced = page.model.row_of(made.unannounced)
    colour = page.model.data(page.model.index(unannounced, 0), Qt.ItemDataRole.BackgroundRole)
    assert colour is not None  # the parcel nobody announced stands out
    assert not errors


def test_the_model_pages_lazily_from_one_page_call(
    qtbot: QtBot, qtmodeltester, made: Made, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int | None] = []
    real = case_register.page

    def counted(session, filters, *, before_id=None, limit=200):  # type: ignore[no-untyped-def]
        calls.append(before_id)
        return real(session, filters, before_id=before_id, limit=limit)

    monkeypatch.setattr(case_register, "page", counted)
    model = RegisterModel(page_size=3)
    qtmodeltester.check(model)
    model.show(RegisterFilter())
    assert wait_for_ops()
    assert model.rowCount() == 3 and calls == [None]  # the first page is one read
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.page_loaded, timeout=10_000) as more:
        model.fetchMore(QModelIndex())
    assert more.args == [1] and model.rowCount() == 4 and len(calls) == 2
    assert calls[1] == model.row_at(2).id  # keyset: below the last case held
    assert not model.canFetchMore(QModelIndex())  # a short page: that was all
    qtmodeltester.check(model)


def test_scrolling_the_table_fetches_more(qtbot: QtBot, made: Made, actors) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    page.model.page_size = 1
    page.table.setFixedHeight(90)  # room for a row or two: the rest comes on scrolling
    _apply(page)
    assert 1 <= page.model.rowCount() < 4
    for _ in range(10):
        bar = page.table.verticalScrollBar()
        bar.setValue(bar.maximum())
        wait_for_ops()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)


def test_each_filter_narrows_the_register(qtbot: QtBot, made: Made, actors) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    bar = page.filter_bar
    bar.states.set_chosen((CaseState.UNANNOUNCED,))
    assert wait_for_ops()
    assert _shown(page) == [made.unannounced] and page.count_label.text() == "1 cases"
    bar.states.actions_by_value[CaseState.OPEN].setChecked(True)  # by hand, in the menu
    assert wait_for_ops()
    assert _shown(page) == [made.unannounced, made.recall, made.exchange]
    bar.clear()
    assert wait_for_ops()
    assert len(_shown(page)) == 4

    bar.types.set_chosen((CaseType.EXCHANGE,))
    assert wait_for_ops()
    assert _shown(page) == [made.exchange]
    bar.types.set_chosen(())
    assert wait_for_ops()

    today = date.today()
    bar.date_from.setDate(QDate(today + timedelta(days=1)))
    assert wait_for_ops()
    assert _shown(page) == [] and page.count_label.text() == "0 cases"
    bar.date_from.setDate(QDate(today - timedelta(days=1)))
    bar.date_to.setDate(QDate(today))
    assert wait_for_ops()
    assert len(_shown(page)) == 4
    assert bar.filters().date_from == today - timedelta(days=1)
    bar.date_from.set_value(None)  # "no date" again
    assert bar.filters().date_from is None and bar.date_from.text() == "No date"
    bar.date_to.setDate(QDate(today - timedelta(days=1)))
    assert wait_for_ops()
    assert _shown(page) == []
    bar.clear()
    assert wait_for_ops()

    warehouse = actors[Role.WAREHOUSE].display_name
    assert bar.staff.findText(warehouse) > 0  # the staff are offered by name
    bar.staff.setEditText(warehouse)
    bar.staff.lineEdit().editingFinished.emit()
    assert wait_for_ops()
    assert _shown(page) == [made.unannounced, made.quality]  # registered one, signed the other
    bar.clear()
    assert wait_for_ops()

    qtbot.keyClicks(bar.search, RETURN_TRACKING)
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert wait_for_ops()
    assert _shown(page) == [made.quality]
    bar.search.setText(made.orders[1])
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    assert wait_for_ops()
    assert _shown(page) == [made.exchange]


def test_export_writes_the_rows_shown(
    qtbot: QtBot, made: Made, actors, tmp_path: Path, errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    page.filter_bar.types.set_chosen((CaseType.RECALL, CaseType.EXCHANGE))
    assert wait_for_ops()
    out = tmp_path / "register.xlsx"
    page.ask_export_path = lambda: out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.exported, timeout=20_000) as done:
        page.export_button.click()
    assert done.args == [2, str(out)]
    assert "2 cases exported to" in page.message.text() and str(out) in page.message.text()
    sheet = load_workbook(out, read_only=True).active
    lines = [[("" if v is None else str(v)) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert lines[0] == [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(18)]
    assert lines[1:] == page.model.shown()
    assert [line[1] for line in lines[1:]] == [made.recall, made.exchange]
    assert not errors


def test_a_refused_export_says_why(qtbot: QtBot, made: Made, actors, tmp_path, errors) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    page.ask_export_path = lambda: tmp_path / "register.csv"  # type: ignore[method-assign]
    page.export_button.click()
    assert wait_for_ops()
    assert errors and ".xlsx" in errors[0]
    assert page.export_button.isEnabled() and page.message.text() == ""


def test_print_register_previews_a_pdf(
    qtbot: QtBot, made: Made, actors, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    opened: list[PreviewDialog] = []
    monkeypatch.setattr(PreviewDialog, "open", lambda self: opened.append(self))
    page = _page(qtbot, actors[Role.AFTERSALES])
    page.filter_bar.states.set_chosen((CaseState.OPEN,))
    assert wait_for_ops()
    with qtbot.waitSignal(page.printed, timeout=30_000) as done:
        page.print_button.click()
    number, path = done.args
    assert number == 2 and "2 cases" in page.message.text()
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert made.exchange in text and made.recall in text and made.quality not in text
    assert len(opened) == 1 and opened[0].files == [("After-sales register", Path(path))]
    assert len(opened[0].page_labels[0]) >= 1  # the pages are drawn in the preview
    assert not errors


def test_double_click_or_enter_asks_for_the_case(qtbot: QtBot, made: Made, actors) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    row = page.model.row_of(made.recall)
    assert row is not None
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.case_requested) as asked:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked.args == [made.recall]
    page.table.selectRow(page.model.row_of(made.exchange))
    page.table.setFocus()
    with qtbot.waitSignal(page.case_requested) as entered:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert entered.args == [made.exchange]


def test_a_change_elsewhere_refreshes_the_register(
    qtbot: QtBot, made: Made, actors, gui_shop: Database
) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    page.table.selectRow(page.model.row_of(made.exchange))
    from app.views.kit.ops import Op  # a step saved by another screen of this app

    after = actors[Role.AFTERSALES]
    Op(
        page,
        lambda s: cases.open_case(s, after, made.orders[3], CaseType.COMPLAINT, reason="态度差"),
        write=True,
        changes="cases",
    ).run()
    assert wait_for_ops()
    assert len(_shown(page)) == 5 and page.count_label.text() == "5 cases"
    assert page.selected_case() == made.exchange  # the chosen case stays chosen

    # another PC closes a case: the change feed says so and the row follows
    supervisor = actors[Role.SUPERVISOR]
    gui_shop.write(lambda s: case_steps.close(s, supervisor, made.exchange, remark="客户撤回"))
    assert page.model.shown()[page.model.row_of(made.exchange)][13] != "Closed"
    event = ChangeEvent(1, datetime.now(UTC), "x", "case.close", "case", made.exchange)
    hub().changes_seen.emit([event])
    assert wait_for_ops()
    assert page.model.shown()[page.model.row_of(made.exchange)][13] == "Closed"
    assert page.selected_case() == made.exchange


def test_aftersales_page_hands_over_and_opens_cases(
    qtbot: QtBot, made: Made, actors, gui_shop: Database, errors: list[str]
) -> None:
    presales = actors[Role.PRESALES]
    order_no = made.orders[4]
    gui_shop.write(
        lambda s: changes.request_cancel(s, presales, order_no, reason="不要了", confirmed=True)
    )
    page = AftersalesPage(actors[Role.AFTERSALES])
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    assert wait_for_ops()
    assert page.windowTitle() == "After-sales"
    assert page.handed_model.rowCount() == 1
    assert page.handed_model.data(page.handed_model.index(0, 0)) == order_no
    assert page.handed_model.data(page.handed_model.index(0, 2))  # the request comes along
    assert not page.take_button.isEnabled()  # nothing chosen yet
    page.handed_table.selectRow(0)
    with qtbot.waitSignal(page.open_case_requested) as take:
        page.take_button.click()
    assert take.args == [order_no]
    with qtbot.waitSignal(page.open_case_requested) as blank:
        page.open_button.click()
    assert blank.args == [""]

    page.unannounced_button.click()  # the quick filter
    assert wait_for_ops()
    assert _shown(page.register) == [made.unannounced]
    page.register.filter_bar.clear()
    assert wait_for_ops()
    assert not page.unannounced_button.isChecked() and len(_shown(page.register)) == 4

    with qtbot.waitSignal(page.case_requested) as asked:
        page.register.table.doubleClicked.emit(page.register.model.index(0, 0))
    assert asked.args == [made.unannounced]

    # a case taken up on the handed-over order empties the list
    after = actors[Role.AFTERSALES]
    from app.views.kit.ops import Op

    Op(
        page,
        lambda s: cases.open_case(s, after, order_no, CaseType.RECALL, reason="客户取消"),
        write=True,
        changes="cases",
    ).run()
    assert wait_for_ops()
    assert page.handed_model.rowCount() == 0 and page.handed_empty.isVisible()
    assert not errors


def test_several_states_are_ticked_in_one_visit_to_the_menu(
    qtbot: QtBot, made: Made, actors
) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    menu = page.filter_bar.states.menu()
    menu.popup(page.filter_bar.states.mapToGlobal(page.filter_bar.states.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    for state in (CaseState.UNANNOUNCED, CaseState.RECEIVED):
        action = page.filter_bar.states.actions_by_value[state]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        assert menu.isVisible() and action.isChecked()  # still open for the next one
    menu.hide()
    assert wait_for_ops()
    assert _shown(page) == [made.unannounced, made.quality]
    assert page.filter_bar.states.text() == "Unannounced return +1"


def test_opening_the_register_reads_one_page_and_counts_in_a_worker(
    qtbot: QtBot, made: Made, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, list[bool]] = {"page": [], "count": []}
    real_page, real_count = case_register.page, case_register.count

    def on_gui() -> bool:
        return QThread.currentThread() is QCoreApplication.instance().thread()

    def page(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["page"].append(on_gui())
        return real_page(*args, **kwargs)

    def count(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads["count"].append(on_gui())
        return real_count(*args, **kwargs)

    monkeypatch.setattr(case_register, "page", page)
    monkeypatch.setattr(case_register, "count", count)
    shown = _page(qtbot, actors[Role.AFTERSALES])
    assert len(_shown(shown)) == 4
    assert threads == {"page": [False], "count": [False]}  # one read each, neither on the GUI


def test_refreshes_that_overlap_keep_the_chosen_case(
    qtbot: QtBot, made: Made, actors: dict[Role, Actor]
) -> None:
    """A save here and the change feed's news of it arrive together: the list is read
    again once more, not started over, and the chosen case stays chosen."""
    page = _page(qtbot, actors[Role.AFTERSALES])
    chosen = _shown(page)[-1]
    page.table.selectRow(page.model.row_of(chosen))
    page.refresh()
    page.refresh()  # while the first is loading
    assert wait_for_ops()
    assert page.selected_case() == chosen
    assert _shown(page)[-1] == chosen and not page.model.is_loading
