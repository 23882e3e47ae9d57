"""The hand-over page (交接, issue 11 §3): scan parcels into the courier's list, refusals in
red with a beep, the manifest previewed and confirmed, the day's lists; and the Printing
page's shipment export. Both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.models import Role
from app.services.orders import lookup as orders
from app.views.dispatch.print_page import PrintPage
from app.views.kit.ops import wait_for_ops
from app.views.shipping.export_dialog import ExportShipmentsDialog
from app.views.shipping.handover_page import HandoverPage
from tests.printing_helpers import text
from tests.shipping_helpers import packed_parcels

SF = "顺丰速运"


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    heard: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: heard.append(1)))
    return heard


def _page(qtbot: QtBot, actor) -> HandoverPage:  # type: ignore[no-untyped-def]
    page = HandoverPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitUntil(lambda: page.courier.count() > 0, timeout=10_000)
    page.courier.setCurrentText(SF)
    assert wait_for_ops()
    return page


def test_scan_refuse_preview_and_confirm(
    qtbot: QtBot, qtmodeltester, gui_shop, actors, beeps, tmp_path
) -> None:
    warehouse = actors[Role.WAREHOUSE]
    parcels = packed_parcels(gui_shop, warehouse, SF, 2)
    page = _page(qtbot, warehouse)
    qtbot.waitUntil(page.scan_box.hasFocus)
    for n, (_, number) in enumerate(parcels, 1):
        with qtbot.waitSignal(page.parcel_added, timeout=10_000):
            page.scan(number)
        assert page.model.rowCount() == n and str(n) in page.count.text()
    # the newest scan is at the top of the list
    assert page.model.text(page.model.row_at(0), "waybill") == parcels[-1][1]
    for bad, words in ((parcels[0][1], "scanned twice"), ("SF404404404", "No order has")):
        with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
            page.scan(bad)
        assert words in refused.args[0] and words in page.status.text()
    assert beeps == [1, 1] and "#d93025" in page.status.styleSheet()
    assert page.model.rowCount() == 2 and page.scan_box.hasFocus()
    qtmodeltester.check(page.model)

    page.preview_manifest()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=15_000)
    assert page.preview is not None and page.preview.tabs.count() == 1
    page.preview.close()

    out = tmp_path / "manifest.pdf"
    page.ask_save = lambda name: out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.confirmed, timeout=20_000) as confirmed:
        page.confirm()
    done = confirmed.args[0]
    assert done.count == 2 and done.manifest_no in page.status.text()
    assert page.model.rowCount() == 0 and "快递交接单" in text(out)
    for no, _ in parcels:
        assert gui_shop.read(lambda s, n=no: orders.get(s, n)).stage == "shipped"
    qtbot.waitUntil(lambda: page.day.manifests.rowCount() == 1, timeout=10_000)
    assert page.day.manifests.text(page.day.manifests.row_at(0), "manifest_no") == done.manifest_no
    for model in (page.day.manifests, page.day.batches, page.day.exchanges):
        qtmodeltester.check(model)


def test_the_printer_sees_the_lists_but_cannot_scan(qtbot: QtBot, gui_shop, actors) -> None:
    page = _page(qtbot, actors[Role.PRINTER])
    assert not page.scan_box.isEnabled() and "Warehouse" in page.scan_box.toolTip()
    assert not page.confirm_button.isEnabled()


def test_export_dialog_writes_the_shops_platform_file(
    qtbot: QtBot, gui_shop, actors, tmp_path: Path
) -> None:
    dialog = ExportShipmentsDialog(actors[Role.PRINTER])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.shop.count() == 2, timeout=10_000)
    dialog.shop.setCurrentText("悦步鞋履旗舰店")
    assert dialog.format.currentData() == "taobao" and "not yet exported" in dialog.pending.text()
    out = tmp_path / "taobao.csv"
    dialog.ask_save = lambda name, pattern: out  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as exported:
        dialog.export()
    assert exported.args[0].count > 0 and out.read_text(encoding="utf-8-sig").startswith("订单编号")
    assert str(out) in dialog.pending.text()


def test_the_printing_pages_button_opens_the_export_dialog(qtbot: QtBot, gui_shop, actors) -> None:
    page = PrintPage(actors[Role.PRINTER])
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert page.export_button.isVisible() and page.export_button.text() == "Export shipments…"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.exports
    assert dialog is not None and dialog.isVisible() and dialog.parent() is page
    assert dialog.windowTitle() == "Export shipments to the platform"
    qtbot.waitUntil(lambda: dialog.shop.count() == 2, timeout=10_000)
    dialog.shop.setCurrentText("悦步鞋履旗舰店")
    assert dialog.format.currentData() == "taobao" and "not yet exported" in dialog.pending.text()
    dialog.reject()
    assert not dialog.isVisible()


def test_an_exchange_parcel_goes_through_the_page_like_an_order(
    qtbot: QtBot, gui_shop, actors, tmp_path: Path
) -> None:
    from app.services.packing import desk
    from tests.test_handover_exchange import LABEL, _courier, _printed_exchange

    warehouse = actors[Role.WAREHOUSE]
    case_no, order_no = _printed_exchange(gui_shop, actors, tmp_path)
    gui_shop.write(lambda s: desk.pack(s, warehouse, case_no, by_hand={0: 1}, waybill=LABEL))
    courier = _courier(gui_shop, order_no)
    page = _page(qtbot, warehouse)
    page.courier.setCurrentText(courier)
    assert wait_for_ops()
    with qtbot.waitSignal(page.parcel_added, timeout=10_000):
        page.scan(LABEL)
    shown = page.model.text(page.model.row_at(0), "order_no")
    assert case_no in shown and order_no in shown and case_no in page.status.text()
    with qtbot.waitSignal(page.refused, timeout=10_000) as refused:
        page.scan(LABEL)
    assert "scanned twice" in refused.args[0]

    out = tmp_path / "manifest.pdf"
    page.ask_save = lambda name: out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.confirmed, timeout=20_000) as confirmed:
        page.confirm()
    assert confirmed.args[0].case_nos == (case_no,) and f"换货 {case_no}" in text(out)
    qtbot.waitUntil(lambda: page.day.exchanges.rowCount() == 1, timeout=10_000)
    assert page.day.exchanges.text(page.day.exchanges.row_at(0), "case_no") == case_no
