"""The Shops page: each shop's sender block, its default courier, and the same-day cut-off."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import DocLanguage, Order, Role, Shop
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.services.imports import shops
from app.views.dispatch.print_page import PrintPage
from app.views.kit.ops import wait_for_ops
from app.views.shell import shops_page
from app.views.shell.shop_name_dialog import ShopNameDialog
from app.views.shell.shops_dialog import ShopsDialog
from app.views.shell.shops_page import ShopsPage
from tests.views.layout import assert_fits


def _page(qtbot: QtBot, actor: Actor) -> ShopsPage:
    page = ShopsPage(actor)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    return page


def _shops(db: Database) -> dict[str, shop_senders.ShopSender]:
    return {s.shop: s for s in db.read(shop_senders.shops)}


def test_an_admin_saves_a_shops_sender_details(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.ADMIN])
    names = sorted(_shops(gui_shop))
    assert [page.shop_list.item(i).text() for i in range(page.shop_list.count())] == names
    shop = names[-1]
    page.select(shop)
    assert shop in page.shop_name.text()
    page.sender_name.setText("  杭州仓 & Co  ")
    page.sender_phone.setText("0571-88886666")
    page.return_address.setText("浙江省杭州市余杭区仓前街道文一西路 1 号")
    page.default_courier.setCurrentText("顺丰速运")
    assert page.doc_language.currentData() == _shops(gui_shop)[shop].doc_language.value
    page.doc_language.setCurrentIndex(page.doc_language.findData("both"))
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save_button.click()
    assert not errors and not page.banner.isVisible()
    assert page.status.text() == f"Saved the sender details of {shop}."

    saved = _shops(gui_shop)[shop]
    assert (saved.sender_name, saved.sender_phone, saved.default_courier) == (
        "杭州仓 & Co",
        "0571-88886666",
        "顺丰速运",
    )
    assert saved.return_address == "浙江省杭州市余杭区仓前街道文一西路 1 号"
    assert saved.doc_language is DocLanguage.BOTH  # the shop's documents print “中文 English”
    assert "顺丰速运" in gui_shop.read(shop_senders.couriers)
    # what the shop's labels print
    sender = gui_shop.read(
        lambda s: (
            print_slips.slip_for(
                s.execute(select(Order).join(Shop).where(Shop.name == shop).limit(1)).scalar_one()
            ).sender
        )
    )
    assert (sender.name, sender.phone) == ("杭州仓 & Co", "0571-88886666")
    qtbot.waitUntil(lambda: page.sender_name.text() == "杭州仓 & Co")  # reloaded after the save
    assert_fits(page)


def test_a_refused_save_shows_the_services_reason(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.ADMIN])
    shop = page.current_shop()
    before = _shops(gui_shop)[shop]
    page.sender_name.setText("Returns desk")
    page.sender_phone.setText("   ")
    page.return_address.setText("somewhere")
    page.save_button.click()
    qtbot.waitUntil(page.banner.isVisible, timeout=20_000)
    assert page.banner.text() == "Phone cannot be empty."
    assert _shops(gui_shop)[shop] == before and page.save_button.isEnabled()
    assert page.sender_name.text() == "Returns desk"  # what was typed stays to be corrected


def test_the_printer_sees_the_details_read_only_from_the_print_page(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    printer = actors[Role.PRINTER]
    page = PrintPage(printer)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert page.shops_button.isVisible()
    page.shops_button.click()
    dialog = page.shops
    assert isinstance(dialog, ShopsDialog) and dialog.isVisible()
    shops = dialog.page
    qtbot.waitUntil(lambda: shops.shop_list.count() > 0, timeout=20_000)
    assert shops.sender_name.isReadOnly() and shops.cutoff.isReadOnly()
    assert not shops.save_button.isVisible() and not shops.cutoff_button.isVisible()
    assert shops.read_only_note.isVisible()
    assert_fits(dialog)
    assert_fits(page)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SUPERVISOR])
def test_the_cut_off_is_set_here_and_the_print_list_starts_from_it(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], role: Role, errors: list[str]
) -> None:
    page = _page(qtbot, actors[role])
    assert page.cutoff.text() == "16:00" and page.cutoff_button.isVisible()
    printing_page = PrintPage(actors[Role.PRINTER])
    qtbot.addWidget(printing_page)
    with qtbot.waitSignal(printing_page.loaded, timeout=20_000):
        printing_page.show()
    assert printing_page.use_cutoff.text() == "Paid by today's cut-off (16:00)"

    page.cutoff.setText("25:00")
    page.cutoff_button.click()
    qtbot.waitUntil(page.banner.isVisible, timeout=20_000)
    assert page.banner.text() == "“25:00” is not a time of day: write it as 16:00."
    assert gui_shop.read(print_slips.cutoff) == "16:00"

    page.cutoff.setText("9:30")
    # the print page follows the change
    with qtbot.waitSignals([page.saved, printing_page.loaded], timeout=20_000):
        page.cutoff_button.click()
    assert page.cutoff.text() == "09:30" and not page.banner.isVisible()
    assert gui_shop.read(print_slips.cutoff) == "09:30"
    assert printing_page.use_cutoff.text() == "Paid by today's cut-off (09:30)"
    expected = gui_shop.read(lambda s: printing.waiting(s))
    assert printing_page.waiting_model.rowCount() == len(expected)
    assert not errors


def test_saving_one_part_keeps_what_is_typed_in_the_other(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    """The cut-off saved while a phone number is half typed: the typing stays, and so does
    the confirmation."""
    page = _page(qtbot, actors[Role.ADMIN])
    page.sender_phone.setText("0571-8888")
    page.cutoff.setText("17:30")
    with qtbot.waitSignal(page.loaded, timeout=20_000):  # the reload the save causes
        page.cutoff_button.click()
    assert page.sender_phone.text() == "0571-8888"
    assert page.status.text() == "The same-day cut-off is now 17:30."
    assert gui_shop.read(print_slips.cutoff) == "17:30"


def _dialog(qtbot: QtBot, page: ShopsPage, button: object) -> ShopNameDialog:
    button.click()  # type: ignore[attr-defined]
    dialog = page.shop_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _ok(qtbot: QtBot, dialog: ShopNameDialog, page: ShopsPage, *, saved: bool) -> None:
    if saved:
        with qtbot.waitSignal(page.saved, timeout=20_000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    else:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(dialog.banner.isVisible, timeout=20_000)


def _platforms(db: Database) -> dict[str, str]:
    return {s.name: s.platform for s in db.read(shops.listing)}


def test_an_admin_adds_a_shop_and_renames_it(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.ADMIN])
    dialog = _dialog(qtbot, page, page.new_button)
    labels = [dialog.platform.itemText(i) for i in range(dialog.platform.count())]
    assert "Shopify" in labels and "Pinduoduo" in labels
    dialog.name.setText("  Wool & Co US  ")
    dialog.platform.setCurrentIndex(dialog.platform.findData("shopify"))
    _ok(qtbot, dialog, page, saved=True)
    assert not errors and not dialog.isVisible()
    assert _platforms(gui_shop)["Wool & Co US"] == "shopify"
    assert "Added the shop Wool & Co US" in page.status.text()
    qtbot.waitUntil(lambda: page.current_shop() == "Wool & Co US", timeout=20_000)

    dialog = _dialog(qtbot, page, page.rename_button)
    assert dialog.name.text() == "Wool & Co US" and not dialog.platform.isVisible()
    dialog.name.setText("Wool & Co")
    _ok(qtbot, dialog, page, saved=True)
    names = _platforms(gui_shop)
    assert names["Wool & Co"] == "shopify" and "Wool & Co US" not in names
    assert page.status.text() == "Wool & Co US is now called Wool & Co."
    qtbot.waitUntil(lambda: page.current_shop() == "Wool & Co", timeout=20_000)
    assert_fits(page)


def test_a_refused_new_shop_or_name_is_explained_in_the_dialog(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    page = _page(qtbot, actors[Role.ADMIN])
    existing = sorted(_platforms(gui_shop))
    before = _platforms(gui_shop)
    dialog = _dialog(qtbot, page, page.new_button)
    dialog.name.setText(existing[0])
    _ok(qtbot, dialog, page, saved=False)
    assert dialog.banner.text() == f"There is already a shop “{existing[0]}”."
    assert dialog.isVisible()  # the name can be corrected right there
    dialog.reject()

    page.select(existing[0])
    dialog = _dialog(qtbot, page, page.rename_button)
    dialog.name.setText(existing[1])
    _ok(qtbot, dialog, page, saved=False)
    assert dialog.banner.text() == f"There is already a shop “{existing[1]}”."
    dialog.reject()
    assert _platforms(gui_shop) == before and not errors


def test_only_an_administrator_sees_new_and_rename(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    page = _page(qtbot, actors[Role.SUPERVISOR])
    assert not page.new_button.isVisibleTo(page) and not page.rename_button.isVisibleTo(page)


def test_an_admin_says_which_shops_items_are_ticked_by_hand_at_the_packing_desk(
    qtbot: QtBot, gui_shop: Database, actors: dict[Role, Actor], errors: list[str]
) -> None:
    from app.services.packing import barcodes as packing_barcodes

    page = _page(qtbot, actors[Role.ADMIN])
    shop = sorted(_shops(gui_shop))[0]
    page.select(shop)
    assert page.by_hand.isEnabled() and not page.by_hand.isChecked()
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.by_hand.click()
    assert not errors and "by hand" in page.status.text()
    assert gui_shop.read(packing_barcodes.shops_ticking_by_hand) == {shop}
    other = _page(qtbot, actors[Role.ADMIN])  # another PC reads it back
    other.select(shop)
    assert other.by_hand.isChecked()
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.by_hand.click()
    assert gui_shop.read(packing_barcodes.shops_ticking_by_hand) == set()
    # the printer sees the setting, cannot change it
    assert not _page(qtbot, actors[Role.PRINTER]).by_hand.isEnabled()


def test_a_slow_refresh_does_not_hide_the_shop_just_added(
    qtbot: QtBot,
    gui_shop: Database,
    actors: dict[Role, Actor],
    errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Refresh clicked on a busy PC, then a shop added before the refresh answered: the late,
    older answer must not replace the list (it lacks the new shop) nor move the selection."""
    page = _page(qtbot, actors[Role.ADMIN])
    slow = threading.Event()
    calls: list[int] = []
    real_load = shops_page.load

    def load(session: Session) -> shops_page.Loaded:
        found = real_load(session)
        calls.append(1)
        if len(calls) == 1:  # the refresh: read before the shop is added, answers last
            slow.wait(20)
        return found

    monkeypatch.setattr(shops_page, "load", load)
    page.refresh.click()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=20_000)
    dialog = _dialog(qtbot, page, page.new_button)
    dialog.name.setText("Wool & Co")
    dialog.platform.setCurrentIndex(dialog.platform.findData("shopify"))
    _ok(qtbot, dialog, page, saved=True)
    qtbot.waitUntil(lambda: page.current_shop() == "Wool & Co", timeout=20_000)
    slow.set()  # the refresh's old answer arrives now
    assert wait_for_ops()
    shown = [page.shop_list.item(i).text() for i in range(page.shop_list.count())]
    assert "Wool & Co" in shown
    assert page.current_shop() == "Wool & Co" and not errors
