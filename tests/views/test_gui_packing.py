"""The packing desk screen (issue 11 §2): scan the dispatch note, tick the items off, a wrong
one refused in red with a beep, the label's number scanned: packed. Both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role, Stage
from app.services.changes import requests as changes
from app.services.core.actor import Actor
from app.services.core.events import ChangeEvent
from app.services.packing import barcodes, desk
from app.views.kit.ops import bind_database, hub, wait_for_ops
from app.views.packing.packing_page import PackingPage
from tests.packing_helpers import printed_orders, printed_shop, stage_of


@pytest.fixture
def packed_shop(db: Database, tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[Database, dict]]:
    staff = printed_shop(db, tmp_path / "pdfs")
    bind_database(db)
    yield db, staff
    assert wait_for_ops()
    bind_database(None)


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    heard: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: heard.append(1)))
    return heard


def _page(qtbot: QtBot, actor: Actor) -> PackingPage:
    page = PackingPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(page.scan_box.hasFocus)
    return page


def _scan_order(qtbot: QtBot, page: PackingPage, code: str) -> desk.DeskOrder:
    with qtbot.waitSignal(page.order_shown, timeout=10_000) as shown:
        page.scan(code)
    return shown.args[0]  # type: ignore[no-any-return]


def test_scan_tick_refuse_and_pack(qtbot: QtBot, packed_shop, beeps) -> None:
    db, staff = packed_shop
    page = _page(qtbot, staff[Role.WAREHOUSE])
    order_no = printed_orders(db)[0]  # its first line: two of one SKU
    order = _scan_order(qtbot, page, order_no)
    assert order_no in page.heading.text() and page.table.rowCount() == len(order.lines)
    first = order.lines[0]
    assert page.table.item(0, 0).text() == first.sku and page.table.item(0, 4).text() == "2"
    assert page.table.item(0, 2).text() == first.attribute_text
    # one piece scanned: counts down, not done
    page.scan(first.sku)
    assert page.table.item(0, 4).text() == "1" and not beeps
    # another size of the same product: refused, red, audible, naming what is wanted
    with qtbot.waitSignal(page.refused) as refused:
        page.scan(first.sku.rsplit("-", 1)[0] + "-99")
    assert "Wrong size or colour" in refused.args[0] and first.sku in refused.args[0]
    assert beeps == [1] and "#d93025" in page.status.styleSheet()
    assert page.table.item(0, 4).text() == "1"  # nothing ticked
    page.scan(first.sku)
    for line in order.lines[1:]:
        for _ in range(line.quantity):
            page.scan(line.sku)
    assert all(page.table.item(r, 4).text() == "✓" for r in range(page.table.rowCount()))
    assert "waybill number" in page.status.text()
    # the wrong label: refused, nothing packed
    with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
        page.scan("SF999999999999")
    assert "do not belong together" in refused.args[0]
    assert stage_of(db, order_no)[0] == Stage.PRINTED.value
    with qtbot.waitSignal(page.order_packed, timeout=10_000) as packed:
        page.scan(str(order.tracking_no))
    assert packed.args[0].packed_by == staff[Role.WAREHOUSE].display_name
    assert "Packed" in page.status.text() and stage_of(db, order_no)[0] == Stage.PACKED.value
    assert page.scan_box.hasFocus()
    # the next scan is the next dispatch note; the packed one scanned again is stopped
    with qtbot.waitSignal(page.refused, timeout=10_000) as again:
        page.scan(order_no)
    assert "packed already" in again.args[0]


def test_unknown_barcodes_and_stopped_orders_are_refused(qtbot: QtBot, packed_shop, beeps) -> None:
    db, staff = packed_shop
    page = _page(qtbot, staff[Role.WAREHOUSE])
    with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
        page.scan("12345")
    assert "Unknown barcode 12345" in refused.args[0] and beeps == [1]
    order_no = printed_orders(db)[1]
    db.write(lambda s: changes.request_cancel(s, staff[Role.PRESALES], order_no, reason="拍错了"))
    with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
        page.scan(order_no)
    assert "cancellation is under way" in refused.args[0]
    order = page.order
    assert order is not None and order.stops
    # an item scanned now is taken as the next dispatch note, never ticked
    with qtbot.waitSignal(page.refused, timeout=10_000):
        page.scan(order.lines[0].sku)
    assert stage_of(db, order_no)[0] == Stage.PRINTED.value


def test_a_shop_without_item_barcodes_ticks_by_hand(qtbot: QtBot, packed_shop) -> None:
    db, staff = packed_shop
    order_no = printed_orders(db)[2]
    page = _page(qtbot, staff[Role.WAREHOUSE])
    order = _scan_order(qtbot, page, order_no)
    assert not page.hand_button.isVisible()
    db.write(lambda s: barcodes.set_ticks_by_hand(s, staff[Role.ADMIN], order.shop, True))
    page.clear()
    order = _scan_order(qtbot, page, order_no)
    assert page.hand_button.isVisible() and page.hand_button.isEnabled()
    for row, line in enumerate(order.lines):
        for _ in range(line.quantity):
            page.table.selectRow(row)
            page.hand_button.click()
    assert page.scan_box.hasFocus()
    with qtbot.waitSignal(page.order_packed, timeout=10_000):
        page.scan(str(order.tracking_no))
    assert stage_of(db, order_no)[0] == Stage.PACKED.value


def test_a_change_made_on_another_pc_stops_the_order_on_the_desk(
    qtbot: QtBot, packed_shop, beeps
) -> None:
    db, staff = packed_shop
    order_no = printed_orders(db)[3]
    page = _page(qtbot, staff[Role.WAREHOUSE])
    order = _scan_order(qtbot, page, order_no)
    page.scan(order.lines[0].sku)  # packing has begun
    db.write(lambda s: changes.request_cancel(s, staff[Role.PRESALES], order_no, reason="不要了"))
    event = ChangeEvent(1, datetime.now(UTC), "张三", "change.cancel", "order", order_no)
    with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
        hub().changes_seen.emit([event])
    assert "cancellation is under way" in refused.args[0] and beeps
    with qtbot.waitSignal(page.refused, timeout=10_000):
        page.scan(str(order.tracking_no))  # never packed: the scan is read as a dispatch note
    assert stage_of(db, order_no)[0] == Stage.PRINTED.value
