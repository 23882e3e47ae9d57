"""Waybill numbers for administrators on screen (issue 11 §1): a number pool loaded from the
branch's list or a range, refusals in the service's words with nothing loaded, the shop's
low-stock threshold, a courier's number pattern added and changed; the Shops page's "prints
its labels with the e-waybill tool". Both databases."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db import Database
from app.models import Role
from app.services.core.actor import Actor
from app.services.dispatch import label_tool, pools, waybills
from app.views.dispatch.print_page import PrintPage
from app.views.dispatch.waybills_dialog import WaybillsDialog
from app.views.kit.ops import wait_for_ops
from app.views.shell.shops_page import ShopsPage


def _dialog(qtbot: QtBot, actor: Actor) -> WaybillsDialog:
    dialog = WaybillsDialog(actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.courier.count() > 0 and dialog.shop.count() > 0, timeout=10_000)
    return dialog


def _left(db: Database, admin: Actor) -> dict[tuple[str, str], int]:
    return {(p.courier_code, p.shop): p.left for p in db.read(lambda s: pools.left(s, admin))}


def test_an_admin_loads_a_pool_from_a_range_and_a_list_and_sets_the_threshold(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    admin = actors[Role.ADMIN]
    dialog = _dialog(qtbot, admin)
    dialog.courier.setCurrentIndex(dialog.courier.findData("ZTO"))
    shop = dialog.shop.currentText()
    dialog.from_range.setChecked(True)
    dialog.range.setText("773000000001-773000000300")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.load_pool()
    assert "300" in dialog.status.text()
    assert _left(gui_shop, admin)[("ZTO", shop)] == 300
    qtbot.waitUntil(lambda: dialog.pool_model.rowCount() == 1, timeout=10_000)
    # the same numbers again: refused in the service's words, nothing loaded
    dialog.range.setText("773000000001-773000000300")
    dialog.load_pool()
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10_000)
    assert "cannot be loaded twice" in dialog.banner.text()
    assert _left(gui_shop, admin)[("ZTO", shop)] == 300
    # the branch's list file: a number of the wrong pattern refuses the whole list
    bad = tmp_path / "bad.txt"
    bad.write_text("773000001001\nSF12\n", encoding="utf-8")
    dialog.from_file.setChecked(True)
    dialog.file.setText(str(bad))
    dialog.load_pool()
    qtbot.waitUntil(lambda: "do not fit" in dialog.banner.text(), timeout=10_000)
    good = tmp_path / "list.csv"
    good.write_text("运单号\n773000001001\n773000001002\n", encoding="utf-8")
    dialog.file.setText(str(good))
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.load_pool()
    assert _left(gui_shop, admin)[("ZTO", shop)] == 302
    # the shop's threshold: the pool is now below it, shown in red on the list
    dialog.threshold.setValue(500)
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_threshold()
    assert gui_shop.read(lambda s: pools.shop_thresholds(s, admin))[shop] == 500
    qtbot.waitUntil(lambda: dialog.pool_model.row_at(0).threshold == 500, timeout=10_000)
    assert dialog.pool_model.row_at(0).low


def test_an_admin_adds_and_changes_a_couriers_pattern(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    dialog = _dialog(qtbot, admin)
    dialog.code.setText("SD")
    dialog.name.setText("闪电快递")
    dialog.pattern.setText(r"SD\d{10}")
    dialog.example.setText("SD123")  # does not fit its own pattern: refused
    dialog.save_courier()
    qtbot.waitUntil(lambda: dialog.banner.isVisible(), timeout=10_000)
    assert gui_shop.read(lambda s: waybills.Couriers(s).find("SD")) is None
    dialog.example.setText("SD0123456789")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_courier()
    found = gui_shop.read(lambda s: waybills.find_courier(s, "闪电快递"))
    assert (found.code, found.pattern) == ("SD", r"SD\d{10}")
    qtbot.waitUntil(
        lambda: any(
            dialog.courier_model.row_at(r).code == "SD"
            for r in range(dialog.courier_model.rowCount())
        ),
        timeout=10_000,
    )
    # choose it in the list and change its pattern
    row = next(
        r
        for r in range(dialog.courier_model.rowCount())
        if dialog.courier_model.row_at(r).code == "SD"
    )
    dialog._courier_chosen(dialog.courier_model.index(row, 0))
    assert dialog.name.text() == "闪电快递"
    dialog.pattern.setText(r"SD\d{10,12}")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save_courier()
    assert gui_shop.read(lambda s: waybills.find_courier(s, "SD")).pattern == r"SD\d{10,12}"


def test_the_printer_sees_the_pools_and_patterns_but_changes_nothing(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    page = PrintPage(actors[Role.PRINTER])
    qtbot.addWidget(page)
    assert wait_for_ops()
    assert not page.waybills_button.isHidden()
    page.show_waybills()
    dialog = page.waybills
    qtbot.waitUntil(lambda: dialog.courier_model.rowCount() > 0, timeout=10_000)
    assert not dialog.load_button.isEnabled() and not dialog.courier_button.isEnabled()
    dialog.close()


def test_the_shops_page_says_a_shop_prints_with_the_e_waybill_tool(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = ShopsPage(actors[Role.ADMIN])
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.shop_list.count() > 0, timeout=10_000)
    shop = page.current_shop()
    assert page.label_tool.isEnabled() and not page.label_tool.isChecked()
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.label_tool.click()
    assert not errors and "dispatch notes only" in page.status.text()
    assert gui_shop.read(label_tool.shop_names) == {shop}
    page.show_waybills()
    assert page.waybills_dialog is not None and page.waybills_dialog.isVisible()
    page.waybills_dialog.close()
    printer_page = ShopsPage(actors[Role.PRINTER])
    qtbot.addWidget(printer_page)
    qtbot.waitUntil(lambda: printer_page.shop_list.count() > 0, timeout=10_000)
    printer_page.select(shop)
    assert printer_page.label_tool.isChecked() and not printer_page.label_tool.isEnabled()
