"""The Import page: drop an export, see what it will do, import with progress, Cancel half-way,
open a conflict (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app import i18n
from app.db import Database
from app.models import ImportRun, Order, OrderItem, Role, Shop
from app.services.changes import requests as changes
from app.services.changes.texts import Address as NewAddress
from app.services.core.actor import Actor
from app.services.imports.records import Address, PlatformStatus
from app.views.imports.import_page import ImportPage
from app.views.kit.progress import ProgressTask
from tests.import_helpers import run, taobao

TAOBAO = Path(__file__).resolve().parent.parent / "fixtures" / "imports" / "taobao"
FILES = [TAOBAO / "ExportOrderList2019.csv", TAOBAO / "ExportOrderDetailList2019.csv"]
SHOP = "悦步淘宝二店"
JD = TAOBAO.parent / "jd" / "jd_orders.csv"


def _page(qtbot: QtBot, actor: Actor) -> ImportPage:
    page = ImportPage(actor)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.runs_model is not None and page.shop.count() > 0, timeout=20_000)
    return page


def _drop(page: ImportPage, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)


def _orders_in(db: Database, shop: str) -> int:
    stmt = select(func.count()).select_from(Order).join(Shop).where(Shop.name == shop)
    return db.read(lambda s: s.scalar(stmt))


def test_drop_preview_then_import_with_progress(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.PRINTER])
    page.shop.setEditText(SHOP)
    with qtbot.waitSignal(page.previewed, timeout=30_000) as shown:
        _drop(page, list(reversed(FILES)))  # the items file first: found all the same
    summary = shown.args[0]
    assert summary.dry_run and summary.counts.new == 6
    assert "Taobao/Tmall order report" in page.detected.text()
    assert f"{SHOP} (a new shop, made by this import)" in page.detected.text()
    assert page.counts.text().startswith("New 6 · updated 0")
    rows = [page.preview_model.row_at(i) for i in range(page.preview_model.rowCount())]
    first = rows[0]
    assert (first.province, first.city, first.district) == ("浙江省", "杭州市", "西湖区")
    cells = [page.preview_model.index(0, c).data() for c in range(page.preview_model.columnCount())]
    assert cells[1] == "new" and "XB-CAN-灰-40" in cells[5] and "尺码:40" in cells[5]
    assert _orders_in(gui_shop, SHOP) == 0  # a preview writes nothing
    assert page.import_button.isEnabled() and not errors

    with qtbot.waitSignal(page.imported, timeout=60_000) as done:
        page.import_button.click()
        assert page.job is not None and page.job.dialog.isVisible()  # the progress bar
    assert done.args[0].finished and _orders_in(gui_shop, SHOP) == 6
    assert page.message.text() == "Imported: 6 order(s) read."
    qtbot.waitUntil(lambda: page.runs_model.rowCount() == 1, timeout=20_000)
    assert page.runs_model.index(0, 6).data() == "finished"
    assert page.runs_model.index(0, 2).data() == "Taobao/Tmall order report"  # not "taobao"

    with qtbot.waitSignal(page.previewed, timeout=30_000):
        _drop(page, FILES)  # the same file again: recognised, nothing to do
    assert "imported already" in page.message.text() and not page.import_button.isEnabled()
    assert not errors


def test_cancel_half_way_then_the_same_file_completes_it(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, actors[Role.SUPERVISOR])
    page.chunk = 2
    page.shop.setEditText(SHOP)
    with qtbot.waitSignal(page.previewed, timeout=30_000):
        _drop(page, FILES)
    with monkeypatch.context() as m:  # Cancel pressed while the first chunk is written
        m.setattr(ProgressTask, "report", lambda self, done, total: self.stop.set())
        with qtbot.waitSignal(page.imported, timeout=60_000) as done:
            page.import_button.click()
    assert done.args[0].cancelled
    came_in = _orders_in(gui_shop, SHOP)
    assert 0 < came_in < 6
    assert page.message.text().startswith(f"Cancelled: {came_in} order(s) came in.")
    qtbot.waitUntil(lambda: page.runs_model.rowCount() == 1, timeout=20_000)
    assert "import the file again" in page.runs_model.index(0, 6).data()

    with qtbot.waitSignal(page.previewed, timeout=30_000):
        _drop(page, FILES)
    with qtbot.waitSignal(page.imported, timeout=60_000) as done:
        page.import_button.click()
    assert done.args[0].finished and _orders_in(gui_shop, SHOP) == 6  # nothing doubled
    runs = gui_shop.read(lambda s: s.scalars(select(ImportRun)).all())
    assert len(runs) == 1 and runs[0].finished


def test_a_conflict_opens_its_order(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    printer, presales = actors[Role.PRINTER], actors[Role.PRESALES]
    run(gui_shop, printer, tmp_path, [taobao("C1")], shop=SHOP)
    confirmed = NewAddress("王小明", "13800138000", "浙江省", "杭州市", "滨江区", "江南大道 1号")
    gui_shop.write(lambda s: changes.request_address(s, presales, "C1", confirmed, confirmed=True))
    elsewhere = Address(province="浙江省", city="杭州市", district="余杭区", street="五常大道 8号")
    run(
        gui_shop,
        printer,
        tmp_path,
        [taobao("C1", PlatformStatus.PAID, address=elsewhere)],
        shop=SHOP,
    )

    page = _page(qtbot, printer)
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=20_000)
    assert page.tabs.tabText(2) == "Conflicts (1 open)"
    cells = [page.conflicts_model.index(0, c).data() for c in range(6)]
    assert cells[0] == "C1" and "滨江区" in cells[3] and "余杭区" in cells[4]
    with qtbot.waitSignal(page.order_requested, timeout=5_000) as opened:
        page.conflicts_table.doubleClicked.emit(page.conflicts_model.index(0, 0))
    assert opened.args == ["C1"]
    assert not page.keep_ours.isEnabled()  # nothing chosen yet
    page.conflicts_table.selectRow(0)
    with qtbot.waitSignal(page.settled, timeout=20_000):
        page.take_theirs.click()  # not printed yet: the platform's address is written
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 0, timeout=20_000)
    assert page.tabs.tabText(2) == "Conflicts (0 open)"
    stored = gui_shop.read(
        lambda s: s.scalars(select(Order.district).where(Order.order_no == "C1"))
    )
    assert list(stored) == ["余杭区"]


def test_who_may_not_import_sees_the_history_only(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    page = _page(qtbot, actors[Role.PRESALES])
    assert not page.choose_button.isEnabled() and not page.acceptDrops()
    assert page.hint.text().startswith("This needs the")  # the capability table says who


def test_an_unknown_file_is_mapped_once_then_the_shops_mapping_is_used(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str], tmp_path: Path
) -> None:
    wechat = tmp_path / "微信订单.csv"
    wechat.write_text(
        "单号,下单时间,收件人,手机,收货地址,商品名称,数量,单价,备注\n"
        "WX-1,2026-11-20 10:00,张三,13812340000,江苏省 南京市 鼓楼区 中山路1号,轻跑帆布鞋,1,99,\n"
        "WX-2,2026-11-21 11:30,李四,13900001111,浙江省 杭州市 西湖区 文三路100号,运动袜,2,29.5,\n",
        encoding="utf-8",
    )
    page = _page(qtbot, actors[Role.PRINTER])
    page.shop.setEditText("微信小店")
    _drop(page, [wechat])
    qtbot.waitUntil(lambda: page.mapping_dialog is not None, timeout=30_000)
    dialog = page.mapping_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert "not an order export AfterDesk knows" in page.banner.text()
    combo = dialog.combos["order_no"]
    assert [combo.itemText(i) for i in range(1, combo.count())][:3] == [
        "单号",
        "下单时间",
        "收件人",
    ]
    assert dialog.shop.text() == "微信小店"
    # an incomplete choice is refused in the dialog, naming what is missing
    dialog.choose("order_no", "单号")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(dialog.banner.isVisible, timeout=20_000)
    assert dialog.banner.text().startswith("The column mapping lacks ordered_at")
    for field, header in (
        ("ordered_at", "下单时间"),
        ("recipient_name", "收件人"),
        ("recipient_phone", "手机"),
        ("address", "收货地址"),
        ("title", "商品名称"),
        ("quantity", "数量"),
        ("price", "单价"),
    ):
        dialog.choose(field, header)
    with qtbot.waitSignal(page.previewed, timeout=30_000) as shown:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert shown.args[0].counts.new == 2 and "Other CSV/XLSX" in page.detected.text()
    first = page.preview_model.row_at(0)
    assert (first.order_no, first.province, first.city) == ("WX-1", "江苏省", "南京市")
    with qtbot.waitSignal(page.imported, timeout=60_000):
        page.import_button.click()
    assert _orders_in(gui_shop, "微信小店") == 2 and not errors

    # the shop's next file: recognised by its saved mapping, no dialog
    newer = tmp_path / "微信订单-2.csv"
    newer.write_text(
        wechat.read_text(encoding="utf-8")
        + "WX-3,2026-11-22 09:00,王五,13700002222,北京 北京市 朝阳区 建国路1号,轻跑帆布鞋,1,99,\n",
        encoding="utf-8",
    )
    page.mapping_dialog = None
    with qtbot.waitSignal(page.previewed, timeout=30_000) as shown:
        _drop(page, [newer])
    assert (shown.args[0].counts.new, shown.args[0].counts.unchanged) == (1, 2)
    assert page.mapping_dialog is None
    # the dialog offers the saved mapping too (the format chosen by hand, another file)
    page.ask_mapping()
    qtbot.waitUntil(lambda: page.mapping_dialog is not None, timeout=20_000)
    assert page.mapping_dialog.mapping()["address"] == "收货地址"
    page.mapping_dialog.reject()


def test_the_refused_lines_are_saved_fixed_and_imported_again(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str], tmp_path: Path
) -> None:
    """The summary's "Save refused lines…" writes the refused order whole (all its rows, here
    Shopify's two line items): fixed, that file brings it in with both items (issue 10, U1)."""
    shopify = TAOBAO.parent / "shopify" / "orders_export.csv"
    bad = tmp_path / "orders_export.csv"
    text = shopify.read_text(encoding="utf-8")
    bad.write_text(text.replace("Please leave at the door.", "x" * 10_000), encoding="utf-8")
    page = _page(qtbot, actors[Role.PRINTER])
    page.shop.setEditText("Maple")
    with qtbot.waitSignal(page.previewed, timeout=30_000):
        _drop(page, [bad])
    with qtbot.waitSignal(page.imported, timeout=60_000):
        page.import_button.click()
    assert page.tabs.tabText(1) == "Refused lines (1)" and _orders_in(gui_shop, "Maple") == 4
    assert page.refused_model.index(0, 1).data() == "#1001"
    assert page.save_refused_button.isEnabled()

    saved = tmp_path / "refused.csv"
    page.ask_save = lambda name: saved  # type: ignore[method-assign]  # the file dialog's answer
    page.save_refused_button.click()
    qtbot.waitUntil(lambda: "saved to" in page.message.text(), timeout=20_000)
    said = f"1 refused line(s) saved to {saved}: fix them and import that file."
    assert page.message.text() == said

    fixed = tmp_path / "fixed.csv"  # the Notes cut down to what was meant, in a spreadsheet
    csv_text = saved.read_text(encoding="utf-8-sig")
    fixed.write_text(csv_text.replace("x" * 10_000, "Please leave at the door."), "utf-8-sig")
    with qtbot.waitSignal(page.previewed, timeout=30_000) as shown:
        _drop(page, [fixed])
    assert (shown.args[0].counts.new, shown.args[0].counts.refused) == (1, 0)
    with qtbot.waitSignal(page.imported, timeout=60_000):
        page.import_button.click()
    items = gui_shop.read(
        lambda s: s.execute(
            select(OrderItem.sku, OrderItem.quantity)
            .join(Order)
            .join(Shop)
            .where(Shop.name == "Maple", Order.order_no == "#1001")
            .order_by(OrderItem.position)
        ).all()
    )
    assert [tuple(i) for i in items] == [("XB-CAN-GRY-40", 1), ("XB-SOCK-3", 3)]
    assert _orders_in(gui_shop, "Maple") == 5 and not errors


def test_a_refused_file_leaves_no_earlier_preview_and_names_the_platform_in_chinese(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    """Taobao's preview shown, then a JD export no shop sells on: the refusal names 京东 and
    the Shop box, and the Taobao orders are no longer shown as if they were the JD file's."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    page = _page(qtbot, actors[Role.PRINTER])
    page.shop.setEditText(SHOP)
    with qtbot.waitSignal(page.previewed, timeout=30_000):
        _drop(page, FILES)
    assert page.preview_model.rowCount() == 6
    page.shop.setEditText("")
    i18n.install(app, i18n.CHINESE)
    try:
        _drop(page, [JD])
        qtbot.waitUntil(page.banner.isVisible, timeout=30_000)
        said = page.banner.text()
    finally:
        for translator in (*i18n._translators(i18n.CHINESE), *i18n._translators(i18n.ENGLISH)):
            app.removeTranslator(translator)
    assert "京东" in said and "jd" not in said, said
    assert "导入页面的“店铺”" in said, said  # where to name it on this page
    assert page.preview_model.rowCount() == 0 and page.refused_model.rowCount() == 0
    assert not page.detected.isVisible() and not page.import_button.isEnabled()
    assert _orders_in(gui_shop, SHOP) == 0
