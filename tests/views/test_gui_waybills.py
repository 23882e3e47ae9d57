"""The Printing page asks before a batch whose orders lack a courier or waybill number
(issue 11, section 1): packing labels, marked as not a shipping label, or hold them back."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role, Stage
from app.services.core import demo
from app.services.dispatch import batches as printing
from app.services.dispatch import pools, waybills
from app.services.dispatch.batch_waybills import WithoutWaybill
from app.services.orders import lookup as orders
from app.views.dispatch.print_jobs import MissingWaybillsDialog
from app.views.dispatch.print_page import PrintPage
from tests.conftest import demo_actors


def test_the_dialog_says_how_many_and_offers_packing_labels_or_holding(qtbot: QtBot) -> None:
    dialog = MissingWaybillsDialog(None, 7)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.warning.text()
    assert "7 order" in text and "打包标签 — 非快递面单" in text and "not a shipping label" in text
    # the app's keyboard access gives the button its letter ("&Print …") once it is on
    assert dialog.packing.text().replace("&", "") == "Print packing labels"
    dialog.hold.click()
    assert dialog.choice is WithoutWaybill.HOLD and dialog.result() == dialog.DialogCode.Accepted


def test_holding_back_prints_only_the_orders_with_numbers(
    qtbot: QtBot, gui_db: Database, tmp_path: Path, errors: list[str]
) -> None:
    gui_db.write(lambda s: demo.fill(s, 30))
    staff = demo_actors(gui_db)
    printer = staff[Role.PRINTER]
    waiting = [w.order_no for w in gui_db.read(lambda s: printing.waiting(s, cutoff=""))]
    numbered = waiting[:2]
    for n, order_no in enumerate(numbered):
        gui_db.write(
            lambda s, o=order_no, k=n: waybills.assign_waybill(
                s, printer, o, "顺丰", f"SF12345678901{k:02d}"
            )
        )
    page = PrintPage(printer)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.use_cutoff.setChecked(False)
    out = tmp_path / "batch.pdf"
    page.ask_save = lambda title, name: out  # type: ignore[method-assign]
    asked: list[int] = []
    page.ask_without_waybill = lambda count: asked.append(count) or WithoutWaybill.HOLD  # type: ignore[method-assign]
    with qtbot.waitSignal(page.printed, timeout=60_000) as done:
        page.print_button.click()
    assert asked == [len(waiting) - 2] and not errors
    result = done.args[0]
    assert sorted(result.printed) == sorted(numbered) and len(result.held) == len(waiting) - 2
    assert "held back" in page.message.text()
    still = gui_db.read(lambda s: orders.count(s, stage=Stage.PAID))
    assert still == len(waiting) - 2


def test_cancel_prints_nothing(qtbot: QtBot, gui_db: Database, tmp_path: Path) -> None:
    gui_db.write(lambda s: demo.fill(s, 30))
    printer = demo_actors(gui_db)[Role.PRINTER]
    page = PrintPage(printer)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.use_cutoff.setChecked(False)
    saved: list[str] = []
    page.ask_save = lambda title, name: saved.append(name)  # type: ignore[method-assign]
    asked: list[int] = []
    page.ask_without_waybill = lambda count: asked.append(count)  # type: ignore[method-assign]
    page.print_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert asked[0] > 0 and saved == []  # cancelled: not even the save dialog


def test_the_page_shows_the_numbers_left_and_warns_below_the_threshold(
    qtbot: QtBot, gui_db: Database
) -> None:
    gui_db.write(lambda s: demo.fill(s, 0))
    staff = demo_actors(gui_db)
    admin = staff[Role.ADMIN]
    shop = "悦步鞋履旗舰店"
    gui_db.write(
        lambda s: pools.load(s, admin, "ZTO", shop, first_last="773000000001-773000000050")
    )
    page = PrintPage(staff[Role.PRINTER])
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: "50" in page.pools.text(), timeout=20_000)
    assert shop in page.pools.text() and "中通快递" in page.pools.text()
    assert page.pools_low.isVisible()  # 50 is below the default threshold of 100
    assert "has 50 numbers left" in page.pools_low.text()
    gui_db.write(lambda s: pools.set_threshold(s, admin, shop, 20))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    assert not page.pools_low.isVisible()
