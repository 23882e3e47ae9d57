"""The Orders page on real services: the lazy list, search and scan, the order, its notes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import i18n
from app.config import LocalSettings
from app.db import Database
from app.models import Role, Stage
from app.models.formats import name_key, seed_date
from app.services.core.actor import Actor
from app.services.core.rows import NoteView, OrderDetail, OrderRow
from app.services.orders import lookup as orders
from app.services.orders import notes
from app.views.kit.labels import FLAG_RED
from app.views.orders.note_dialog import AddNoteDialog
from app.views.orders.order_model import OrderListModel
from app.views.orders.orders_page import OrdersPage
from app.views.shell.main_window import MainWindow


def _page(qtbot: QtBot, actor: Actor) -> OrdersPage:
    page = OrdersPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def _scan(qtbot: QtBot, page: OrdersPage, text: str) -> None:
    """Type like a barcode scanner: the characters, then Enter."""
    page.search.clear()
    if text.isascii():
        qtbot.keyClicks(page.search, text)
    else:  # QTest can only type ASCII; a Chinese input method delivers the text at once
        page.search.insert(text)
    with qtbot.waitSignal(page.search_finished, timeout=10_000):
        qtbot.keyClick(page.search, Qt.Key.Key_Return)


def _rows(db: Database, **kw: object) -> list[OrderRow]:
    return db.read(lambda s: orders.list_page(s, **kw))  # type: ignore[arg-type]


def test_order_model_passes_the_model_tester(qtmodeltester, qtbot: QtBot, gui_shop, actors) -> None:
    model = OrderListModel(actors[Role.PRESALES], page_size=50)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.show_stage(None)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: not model.is_loading)


def test_order_list_pages_lazily(qtbot: QtBot, gui_shop: Database, actors) -> None:
    model = OrderListModel(actors[Role.WAREHOUSE], page_size=100)
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.show_stage(None)
    assert model.rowCount() == 100 and model.canFetchMore()
    assert "****" in model.row_at(0).recipient_phone  # type: ignore[union-attr]  # warehouse
    first_ids = [model.row_at(i).id for i in range(100)]  # type: ignore[union-attr]
    assert first_ids == sorted(first_ids, reverse=True)  # newest first
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 300
    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.fetchMore(QModelIndex())  # an empty page: the end
    assert model.rowCount() == 300 and not model.canFetchMore()
    ids = [model.row_at(i).id for i in range(300)]  # type: ignore[union-attr]
    assert len(set(ids)) == 300 and ids == sorted(ids, reverse=True)

    with qtbot.waitSignal(model.page_loaded, timeout=10_000):
        model.show_stage(Stage.SHIPPED)
    shipped = [model.row_at(i) for i in range(model.rowCount())]
    assert shipped and all(r is not None and r.stage == "shipped" for r in shipped)
    assert model.index(0, 2).data() == "Shipped"  # the translated stage label


def test_scanning_an_order_number_opens_the_order(
    qtbot: QtBot, gui_shop: Database, actors, errors
) -> None:
    page = _page(qtbot, actors[Role.PRESALES])
    target = _rows(gui_shop, limit=300)[123]
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000) as shown:
        _scan(qtbot, page, target.order_no)
    assert shown.args == [target.order_no]
    assert page.model.rowCount() == 1
    order = page.detail.order
    assert order is not None and order.order_no == target.order_no
    _check_detail_on_screen(page, order)
    assert page.search.selectedText() == target.order_no  # the next scan replaces it
    assert not errors


def _check_detail_on_screen(page: OrdersPage, order: OrderDetail) -> None:
    detail = page.detail
    assert detail.title.text() == order.order_no
    assert detail.items.rowCount() == len(order.items)
    for row, item in enumerate(order.items):
        assert detail.items.item(row, 0).text() == item.sku
        assert detail.items.item(row, 1).text() == item.title
        for key, value in item.attributes.items():
            assert f"{key}:{value}" in detail.items.item(row, 2).text()
        assert detail.items.item(row, 3).text() == str(item.quantity)
    r = order.recipient
    address = detail.recipient["address"].text()
    assert all(part in address for part in (r.province, r.city, r.district, r.street))
    assert detail.recipient["postcode"].text() == r.postcode
    assert detail.recipient["name"].text() == r.name
    assert detail.stage.text() == Stage(order.stage).label
    texts = detail.timeline_texts()
    for note in order.notes:
        assert any(note.display in t for t in texts)


def test_search_by_tracking_number_and_by_part_of_a_name(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    page = _page(qtbot, actors[Role.AFTERSALES])
    rows = _rows(gui_shop, limit=300)
    tracked = next(r for r in rows if r.tracking_no)
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        _scan(qtbot, page, tracked.tracking_no or "")
    assert page.detail.order is not None and page.detail.order.id == tracked.id

    chinese = next(r for r in rows if len(r.recipient_name) >= 3 and r.recipient_name.isalpha()
                   and not r.recipient_name.isascii())  # fmt: skip
    part = chinese.recipient_name[1:3]  # two characters from the middle of a Chinese name
    _scan(qtbot, page, part)
    hits = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert hits and all(h is not None and part in h.recipient_name for h in hits)
    assert any(h.id == chinese.id for h in hits if h) or len(hits) >= 50

    latin = next(r for r in rows if r.recipient_name.isascii() and " " in r.recipient_name)
    part = latin.recipient_name.split()[1][:4].lower()
    _scan(qtbot, page, part)
    hits = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert hits and all(h is not None and part in name_key(h.recipient_name) for h in hits)

    _scan(qtbot, page, "no such order zzz")
    assert page.model.rowCount() == 0 and "No order matches" in page.status.text()
    with qtbot.waitSignal(page.model.page_loaded, timeout=10_000):
        page.search.clear()  # back to the whole list
    assert page.model.rowCount() > 1


def test_choosing_a_row_opens_the_order(qtbot: QtBot, actors) -> None:
    page = _page(qtbot, actors[Role.PRINTER])
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        page.table.selectRow(5)
    row = page.model.row_at(5)
    assert row is not None and page.detail.order is not None
    assert page.detail.order.order_no == row.order_no


def _fill_note(qtbot: QtBot, text: str, *, flagged: bool = False, corrects: int | None = None):
    """An ``AddNoteDialog.ask`` replacement that types like a user and presses Save."""
    result: dict[str, NoteView | None] = {}

    def ask(parent: QWidget | None, actor: Actor, order: OrderDetail) -> NoteView | None:
        dialog = AddNoteDialog(parent, actor, order)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.text.insertPlainText(text)  # QTest types ASCII only
        dialog.flagged.setChecked(flagged)
        if corrects is not None:
            dialog.corrects.setCurrentIndex(dialog.corrects.findData(corrects))
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog.saved is not None, timeout=10_000)
        result["note"] = dialog.saved
        return dialog.saved

    return ask, result


def _open(qtbot: QtBot, page: OrdersPage, order_no: str) -> OrderDetail:
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        _scan(qtbot, page, order_no)
    assert page.detail.order is not None
    return page.detail.order


@pytest.mark.parametrize("flagged", [False, True])
def test_add_note_appears_signed_in_the_timeline(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch, flagged: bool, errors
) -> None:
    actor = actors[Role.PRESALES]
    page = _page(qtbot, actor)
    order = _open(qtbot, page, _rows(gui_shop, limit=10)[3].order_no)
    before = len(order.notes)
    text = "客户要求修改地址，新地址为：浙江省杭州市西湖区文三路 90 号"
    ask, result = _fill_note(qtbot, text, flagged=flagged)
    monkeypatch.setattr(AddNoteDialog, "ask", ask)
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        page.detail.add_note.click()
    note = result["note"]
    assert note is not None and note.author == actor.display_name == "张三"
    shown = page.detail.order
    assert shown is not None and len(shown.notes) == before + 1
    signed = f"{text}---{seed_date(note.created_at)} 张三"
    assert note.display == signed
    last = page.detail.timeline.item(page.detail.timeline.count() - 1)
    assert signed in last.text()
    assert (last.foreground().color() == FLAG_RED) is flagged
    assert last.icon().isNull() is not flagged
    assert page.detail.flag.isVisibleTo(page.detail) is (
        flagged or any(n.flagged for n in order.notes)
    )
    assert not errors


def test_a_correction_refers_to_the_old_note(
    qtbot: QtBot, gui_shop: Database, actors, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = actors[Role.PRESALES]
    db = gui_shop
    order_no = _rows(db, limit=10)[7].order_no
    old = db.write(lambda s: notes.add(s, actor, order_no, "客户要求发顺丰"))
    page = _page(qtbot, actor)
    _open(qtbot, page, order_no)
    ask, result = _fill_note(qtbot, "更正：客户要求发中通", corrects=old.id)
    monkeypatch.setattr(AddNoteDialog, "ask", ask)
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        page.detail.add_note.click()
    assert result["note"] is not None and result["note"].corrects_id == old.id
    texts = page.detail.timeline_texts()
    assert any(f"#{old.id}" in t and "客户要求发顺丰" in t for t in texts)  # never edited
    assert f"(corrects note #{old.id})" in texts[-1]


@pytest.mark.parametrize(
    ("text", "why"),
    [("   ", "empty"), ("客户要求改地址---2026.11.24 张三", "---"), ("x" * 1001, "1000")],
)
def test_a_refused_note_is_explained_inline_and_kept(
    qtbot: QtBot, gui_shop: Database, actors, text: str, why: str, errors
) -> None:
    actor = actors[Role.PRESALES]
    db = gui_shop
    order = db.read(lambda s: orders.get(s, _rows(db, limit=1)[0].order_no))
    dialog = AddNoteDialog(None, actor, order)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setPlainText(text)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.banner.isVisible() and dialog.buttons.isEnabled())
    assert why.lower() in dialog.banner.text().lower()
    assert dialog.isVisible() and dialog.saved is None
    assert dialog.text.toPlainText() == text  # the user's input is still there
    assert len(db.read(lambda s: orders.get(s, order.order_no)).notes) == len(order.notes)
    assert not errors  # shown inline, not in a message box


def test_the_order_shows_its_cases_and_their_steps(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    """An order with an after-sales case: the case in its own box, its steps in the timeline."""
    from app.models import CaseType
    from app.services.cases import opening as cases
    from app.services.orders import notes
    from tests.case_helpers import shipped_orders

    order_no = shipped_orders(gui_shop, 1)[0]
    aftersales = actors[Role.AFTERSALES]
    case = gui_shop.write(
        lambda s: cases.open_case(s, aftersales, order_no, CaseType.EXCHANGE, reason="尺码小了")
    )
    gui_shop.write(lambda s: notes.add(s, aftersales, order_no, "客户要换42码"))
    page = _page(qtbot, aftersales)
    _open(qtbot, page, order_no)
    box = page.detail.cases
    assert box.case_numbers() == [case.case_no]
    assert box.open_button.isVisibleTo(page)  # after-sales may open another case
    texts = page.detail.timeline_texts()
    opened = [t for t in texts if case.case_no in t]
    assert len(opened) == 1 and aftersales.display_name in opened[0]
    # the case was opened before the note was written: the timeline keeps that order
    assert texts.index(opened[0]) < next(i for i, t in enumerate(texts) if "客户要换42码" in t)
    with qtbot.waitSignal(page.case_requested, timeout=5_000) as signal:
        box.list.itemActivated.emit(box.list.item(0))
    assert signal.args == [case.case_no]
    with qtbot.waitSignal(page.open_case_requested, timeout=5_000) as signal:
        box.open_button.click()
    assert signal.args == [order_no]


def test_only_after_sales_sees_the_open_case_button(qtbot: QtBot, actors) -> None:
    page = _page(qtbot, actors[Role.PRINTER])
    with qtbot.waitSignal(page.detail.order_shown, timeout=10_000):
        page.table.selectRow(0)
    assert not page.detail.cases.open_button.isVisibleTo(page)
    assert page.detail.cases.empty.isVisibleTo(page)


def test_a_new_search_clears_the_old_order_and_the_next_order_starts_at_the_top(
    qtbot: QtBot, gui_shop: Database, actors
) -> None:
    page = _page(qtbot, actors[Role.PRESALES])
    page.resize(1000, 420)  # a small window: the order scrolls
    rows = _rows(gui_shop, limit=300)
    first = _open(qtbot, page, rows[10].order_no)
    bar = page.detail.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # read down to the notes

    latin = next(r for r in rows if r.recipient_name.isascii() and " " in r.recipient_name)
    _scan(qtbot, page, latin.recipient_name.split()[1][:4].lower())
    hits = {page.model.row_at(i).order_no for i in range(page.model.rowCount())}  # type: ignore[union-attr]
    assert len(hits) > 1 and first.order_no not in hits
    assert page.detail.order is None and not page.detail.title.isVisible()  # not the old one

    second = _open(qtbot, page, rows[20].order_no)
    assert second.order_no != first.order_no
    assert bar.value() == 0 and page.detail.title.isVisible()  # its number and buttons show


@pytest.mark.parametrize("language_code", [i18n.CHINESE, i18n.ENGLISH])
def test_the_order_list_fits_a_1366_wide_window(
    qtbot: QtBot, gui_shop: Database, actors, language: QApplication, language_code: str
) -> None:
    """A shop PC's 1366×768 screen: the order list needs no sideways scrolling, and the
    order number, stage, recipient and phone are on screen for every row; the columns the
    order's panel shows too come back when the list has the room."""
    i18n.install(language, language_code)
    window = MainWindow(actors[Role.PRESALES], "sqlite:///shop.sqlite", LocalSettings())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_page("orders")
    page = window.pages["orders"]
    assert isinstance(page, OrdersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    table = page.table
    assert table.horizontalScrollBar().maximum() == 0
    shown = [c for c in range(page.model.columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
    order_no, phone = (
        OrderListModel.COLUMNS.index("order_no"),
        OrderListModel.COLUMNS.index("phone"),
    )
    assert {order_no, phone, OrderListModel.COLUMNS.index("stage")} <= set(shown)
    metrics = table.fontMetrics()
    for row in range(page.model.rowCount()):  # whole, not elided
        for column in (order_no, phone):
            text = page.model.data(page.model.index(row, column))
            assert metrics.horizontalAdvance(text) < table.columnWidth(column)
    heading = table.horizontalHeader().fontMetrics()
    for column in shown:  # every heading whole
        title = page.model.headerData(column, Qt.Orientation.Horizontal)
        assert heading.horizontalAdvance(title) < table.columnWidth(column), title

    window.resize(1920 + 800, 768)  # a wide screen (or the splitter moved): all of them
    qtbot.waitUntil(lambda: not any(table.isColumnHidden(c) for c in range(10)))
    assert table.horizontalScrollBar().maximum() == 0
