"""The Import page: drop an export, see what it will do, import with progress, Cancel half-way,
open a conflict (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db import Database
from app.models import ImportRun, Order, Role, Shop
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
